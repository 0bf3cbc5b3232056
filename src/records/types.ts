/** Shared types of the record readers, and the one way to print an issue. */
import { formatProblem, type Problem } from '../errors.js';
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

/**
 * One located problem of a read: an entry that could not become a record (`severity: 'error'`),
 * or a field left out of a record that was kept (`'warning'`). The rest of the batch is unaffected.
 */
export interface ReadIssue extends Problem {
  /** File name given in `ReadOptions.source`, or `<input>`. */
  source: string;
  /** 1-based line where the bad entry (or line, or field) starts. */
  line: number;
}

/** What a reader returns: records in input order, and the issues (rejected entries, left-out fields) in input order. */
export interface ReadResult {
  format: InputFormat;
  records: PaperRecord[];
  issues: ReadIssue[];
}

/** One record (with the line its entry starts on) or one issue, as `streamRecords` yields them in input order. */
export type ReadItem =
  | {
      kind: 'record';
      record: PaperRecord;
      /** 1-based line where the record's entry starts. */
      line: number;
      /** JSON Lines only: the line exactly as read, for passing the record on unchanged. */
      raw?: string;
    }
  | { kind: 'issue'; issue: ReadIssue };

/** Options of `readRecords`. */
export interface ReadOptions {
  /** Skip detection and read as this format. */
  format?: InputFormat;
  /** File name used in messages and in `record.source`. */
  source?: string;
  /**
   * Turn every warning (a field left out, a duplicate id) into an error that rejects its record.
   * @default false
   */
  strict?: boolean;
}

/** Renders `FILE:LINE[:COL]: [record ID: ][field: ]message`, the shape the CLI prints (control characters escaped). */
export function formatIssue(issue: Omit<ReadIssue, 'code' | 'severity'> & Partial<Pick<ReadIssue, 'code' | 'severity'>>): string {
  return formatProblem(issue);
}
