/**
 * Errors and problems finetax reports on purpose. Every one has the same located shape, a
 * `Problem` with a stable `code` (in the spirit of vfile-message): callers, and the CLI, decide
 * what to do from the code, never from the message text, and a user reads where to fix the file.
 * The table of codes is in docs/errors.md (kept in step with `PROBLEM_CODES` by a test).
 */

/** How bad a problem is: an `error` costs the entry (or the input), a `warning` costs at most a field. */
export type Severity = 'error' | 'warning';

/** Every stable problem code, with its default severity and what it means. */
export const PROBLEM_CODES = {
  'input/unreadable': { severity: 'error', summary: 'a whole input cannot be read as its format (or at all)' },
  'input/unknown-format': { severity: 'error', summary: 'the input format cannot be told; name it' },
  'input/invalid-utf8': { severity: 'warning', summary: 'bytes that are not UTF-8 were replaced by U+FFFD' },
  'input/truncated': { severity: 'error', summary: 'the input is damaged or cut off here; what follows is lost' },
  'entry/syntax': { severity: 'error', summary: 'one entry (line, row, element) is not well-formed' },
  'entry/not-object': { severity: 'error', summary: 'an entry is not an object' },
  'entry/no-text': { severity: 'error', summary: 'an entry has neither a title nor an abstract' },
  'entry/invalid': { severity: 'error', summary: 'an entry cannot become a record for another reason' },
  'field/invalid': { severity: 'warning', summary: 'a field has a value of the wrong kind; it is left out of the record' },
  'record/duplicate-id': { severity: 'warning', summary: 'an id already used in the file; the record is kept with a suffixed id' },
  'record/invalid': { severity: 'error', summary: 'a record passed to classify is not a paper record' },
  'record/failed': { severity: 'error', summary: 'classifying one record failed unexpectedly; the others go on' },
  'taxonomy/invalid': { severity: 'error', summary: 'the taxonomy file cannot be used' },
  'query/unknown-id': { severity: 'error', summary: 'an id (family, facet, type) that the taxonomy does not have' },
  'output/failed': { severity: 'error', summary: 'output cannot be written (full disk, closed pipe)' },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

/** A stable problem code; see `PROBLEM_CODES`. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

/** One located problem. Every field but `code`, `severity` and `message` is optional. */
export interface Problem {
  /** Stable, machine-readable: decide on this, not on `message`. */
  code: ProblemCode;
  severity: Severity;
  /** What is wrong and what was expected. */
  message: string;
  /** File name (`<input>` or `<stdin>` without one). */
  source?: string;
  /** 1-based line; absent when the problem has no place in the file. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** The entry's own id, when it could be read. */
  recordId?: string;
  /** The field at fault (dotted path for nested input, e.g. `externalIds.DOI`). */
  field?: string;
}

/**
 * Control characters (NUL, ESC, DEL, C1, …) from the input, shown escaped (`\x1b`) so that a
 * message can never move the cursor, recolour or clear a terminal. Tabs become `\t` too.
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    if (c === '\t') return '\\t';
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** Renders `FILE:LINE[:COL]: [record ID: ][field: ]message`, control characters escaped. */
export function formatProblem(problem: Omit<Problem, 'code' | 'severity'> & Partial<Pick<Problem, 'code' | 'severity'>>): string {
  const place = problem.source === undefined ? '' : problem.line === undefined || problem.line <= 0 ? `${problem.source}: ` : `${problem.source}:${problem.line}${problem.column === undefined ? '' : `:${problem.column}`}: `;
  const record = problem.recordId === undefined ? '' : `record ${problem.recordId}: `;
  const field = problem.field === undefined ? '' : `${problem.field}: `;
  return escapeControls(`${place}${record}${field}${problem.message}`);
}

/** A problem with the code's default severity. */
export function problem(code: ProblemCode, message: string, where: { [K in keyof Omit<Problem, 'code' | 'severity' | 'message'>]?: Problem[K] | undefined } = {}): Problem {
  const result: Problem = { code, severity: PROBLEM_CODES[code].severity, message };
  for (const [key, value] of Object.entries(where)) if (value !== undefined) (result as unknown as Record<string, unknown>)[key] = value;
  return result;
}

/** One located problem in a taxonomy file. */
export interface TaxonomyIssue {
  /** File name (or `<input>` when parsed from a string without a `source`). */
  source: string;
  /** 1-based line, 0 when the problem has no place in the file (e.g. an empty input). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Readable path into the taxonomy, e.g. `method.peft.lora.acronyms`. */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
  /** Stable code; `taxonomy/invalid` when not given. */
  code?: ProblemCode;
}

/** Renders an issue as `file:line:column path: message`. */
export function formatTaxonomyIssue(issue: TaxonomyIssue): string {
  const place = issue.line > 0 ? `${issue.source}:${issue.line}:${issue.column}` : issue.source;
  return escapeControls(issue.path ? `${place} ${issue.path}: ${issue.message}` : `${place}: ${issue.message}`);
}

/** A taxonomy issue in the shared problem shape (`path` becomes `field`). */
export function taxonomyProblem(issue: TaxonomyIssue): Problem {
  return problem(issue.code ?? 'taxonomy/invalid', issue.message, {
    source: issue.source,
    ...(issue.line > 0 ? { line: issue.line, column: issue.column } : {}),
    ...(issue.path ? { field: issue.path } : {}),
  });
}

const MAX_LISTED = 20;

/** A taxonomy that cannot be used: invalid YAML, schema errors, duplicate ids, unsafe rules. */
export class TaxonomyError extends Error {
  override readonly name = 'TaxonomyError';
  readonly code: ProblemCode = 'taxonomy/invalid';
  readonly issues: readonly TaxonomyIssue[];

  constructor(issues: readonly TaxonomyIssue[]) {
    const lines = issues.slice(0, MAX_LISTED).map(formatTaxonomyIssue);
    if (issues.length > MAX_LISTED) lines.push(`… and ${issues.length - MAX_LISTED} more`);
    super(lines.join('\n'));
    this.issues = issues;
  }

  /** The issues in the shared problem shape. */
  get problems(): Problem[] {
    return this.issues.map(taxonomyProblem);
  }
}

/** A record passed to `classify` that is not a paper record (wrong type of field, not an object). */
export class RecordError extends TypeError {
  override readonly name = 'RecordError';
  readonly code: ProblemCode = 'record/invalid';
  readonly recordId: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, details: { recordId?: string | undefined; field?: string | undefined } = {}) {
    const where = [details.recordId && `record ${details.recordId}`, details.field].filter(Boolean).join(', ');
    super(escapeControls(where ? `${where}: ${message}` : message));
    this.recordId = details.recordId;
    this.field = details.field;
  }

  /** This error in the shared problem shape. */
  get problem(): Problem {
    return problem(this.code, this.message, { recordId: this.recordId, field: this.field });
  }
}

/** An id (family, facet, type) that the taxonomy does not have; lists the closest ids. */
export class UnknownIdError extends RangeError {
  override readonly name = 'UnknownIdError';
  readonly code: ProblemCode = 'query/unknown-id';
  readonly id: string;
  readonly suggestions: readonly string[];

  constructor(id: string, suggestions: readonly string[], what = 'id') {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?` : '';
    super(escapeControls(`unknown ${what} '${id}'${hint}`));
    this.id = id;
    this.suggestions = suggestions;
  }

  /** This error in the shared problem shape. */
  get problem(): Problem {
    return problem(this.code, this.message);
  }
}

/**
 * An option of a library call that is unknown or out of range (`minScore: 5`, `facets: ['nope']`).
 * `option` names it (dotted for nested options); the message also says what is allowed.
 */
export class OptionError extends RangeError {
  override readonly name = 'OptionError';
  readonly code = 'options/invalid';
  /** The function whose options were wrong, e.g. `createClassifier`. */
  readonly call: string;
  /** The option at fault; empty when the options argument itself is not an object. */
  readonly option: string;

  constructor(call: string, option: string, message: string) {
    super(option ? `${call}: option '${option}': ${message}` : `${call}: ${message}`);
    this.call = call;
    this.option = option;
  }
}
