/**
 * Errors finetax throws on purpose. Each one says where the problem is and what was expected,
 * so a caller can print `error.message` and a user can fix their file.
 */

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
}

/** Renders an issue as `file:line:column path: message`. */
export function formatTaxonomyIssue(issue: TaxonomyIssue): string {
  const place = issue.line > 0 ? `${issue.source}:${issue.line}:${issue.column}` : issue.source;
  return issue.path ? `${place} ${issue.path}: ${issue.message}` : `${place}: ${issue.message}`;
}

const MAX_LISTED = 20;

/** A taxonomy that cannot be used: invalid YAML, schema errors, duplicate ids, unsafe rules. */
export class TaxonomyError extends Error {
  override readonly name = 'TaxonomyError';
  readonly issues: readonly TaxonomyIssue[];

  constructor(issues: readonly TaxonomyIssue[]) {
    const lines = issues.slice(0, MAX_LISTED).map(formatTaxonomyIssue);
    if (issues.length > MAX_LISTED) lines.push(`… and ${issues.length - MAX_LISTED} more`);
    super(lines.join('\n'));
    this.issues = issues;
  }
}

/** A record passed to `classify` that is not a paper record (wrong type of field, not an object). */
export class RecordError extends TypeError {
  override readonly name = 'RecordError';
  readonly recordId: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, details: { recordId?: string | undefined; field?: string | undefined } = {}) {
    const where = [details.recordId && `record ${details.recordId}`, details.field].filter(Boolean).join(', ');
    super(where ? `${where}: ${message}` : message);
    this.recordId = details.recordId;
    this.field = details.field;
  }
}

/** An id (family, facet, type) that the taxonomy does not have; lists the closest ids. */
export class UnknownIdError extends RangeError {
  override readonly name = 'UnknownIdError';
  readonly id: string;
  readonly suggestions: readonly string[];

  constructor(id: string, suggestions: readonly string[], what = 'id') {
    const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(', ')}?` : '';
    super(`unknown ${what} '${id}'${hint}`);
    this.id = id;
    this.suggestions = suggestions;
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
