/** Shared types of the record readers, and the one way to print an issue. */
import type { PaperRecord } from './schema.js';

/** Every input format the readers understand. */
export type InputFormat =
  | 'jsonl'
  | 'json'
  | 'csv'
  | 'atom'
  | 'bibtex'
  | 's2'
  | 'openalex'
  | 'hf-daily'
  | 'csl'
  | 'hf-page';

/** The formats in a stable order, for help texts and validation of user input. */
export const INPUT_FORMATS: readonly InputFormat[] = [
  'jsonl',
  'json',
  'csv',
  'atom',
  'bibtex',
  's2',
  'openalex',
  'hf-daily',
  'csl',
  'hf-page',
];

/** True when `value` names an input format. */
export function isInputFormat(value: string): value is InputFormat {
  return (INPUT_FORMATS as readonly string[]).includes(value);
}

/** One entry that could not become a record; the rest of the batch is unaffected. */
export interface ReadIssue {
  /** File name given in `ReadOptions.source`, or `<input>`. */
  source: string;
  /** 1-based line where the bad entry (or line) starts. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  /** The entry's own id, when it could be read. */
  recordId?: string;
  /** The field at fault (dotted path for nested input, e.g. `externalIds.DOI`). */
  field?: string;
  /** What is wrong and what was expected. */
  message: string;
}

/** What a reader returns: records in input order, and one issue per rejected entry. */
export interface ReadResult {
  format: InputFormat;
  records: PaperRecord[];
  issues: ReadIssue[];
}

/** Options of `readRecords`. */
export interface ReadOptions {
  /** Skip detection and read as this format. */
  format?: InputFormat;
  /** File name used in messages and in `record.source`. */
  source?: string;
}

/** Renders `FILE:LINE[:COL]: [record ID: ][field: ]message`, the shape the CLI prints. */
export function formatIssue(issue: ReadIssue): string {
  const column = issue.column === undefined ? '' : `:${issue.column}`;
  const record = issue.recordId === undefined ? '' : `record ${issue.recordId}: `;
  const field = issue.field === undefined ? '' : `${issue.field}: `;
  return `${issue.source}:${issue.line}${column}: ${record}${field}${issue.message}`;
}
