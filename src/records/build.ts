/**
 * The one place where a format's loosely typed fields become a validated `PaperRecord`
 * or a `ReadIssue`. Keeping this shared means every format gets the same id fallback,
 * whitespace rules, duplicate check and "neither title nor abstract" rule.
 */
import { PaperRecordSchema, type PaperRecord } from './schema.js';
import { collapseWhitespace } from './text.js';
import type { InputFormat, ReadIssue, ReadResult } from './types.js';
import type { Place } from './position.js';

/** Fields a format mapper extracted; anything absent is simply left out. */
export interface Draft {
  id?: string | undefined;
  title?: string | undefined;
  abstract?: string | undefined;
  authors?: string[] | undefined;
  year?: number | undefined;
  date?: string | undefined;
  venue?: string | undefined;
  url?: string | undefined;
  doi?: string | undefined;
  arxivId?: string | undefined;
  categories?: string[] | undefined;
}

/** A field a mapper cannot accept. Thrown inside `RecordSink.attempt`, which turns it into an issue. */
export class FieldError extends Error {
  constructor(
    readonly field: string | undefined,
    message: string,
    /** Where the bad value is, when the reader knows. */
    readonly at?: Place,
  ) {
    super(message);
  }
}

/** Where an entry starts; `column` when the reader knows it. */
export interface EntryPlace {
  line: number;
  column?: number | undefined;
}

/** Lets a mapper name the record in an issue once it has read the id. */
export interface EntryContext {
  recordId?: string | undefined;
}

/** Extra details of a rejected entry. */
export interface RejectDetails {
  recordId?: string | undefined;
  field?: string | undefined;
  column?: number | undefined;
}

/** Collects records and issues of one input, in input order. */
export class RecordSink {
  readonly records: PaperRecord[] = [];
  readonly issues: ReadIssue[] = [];
  private readonly firstLineOfId = new Map<string, number>();
  /** File name in issues (`<input>` when none was given). */
  readonly issueSource: string;
  /** `record.source`: the format name plus file, or the format alone. */
  readonly recordSource: string;

  constructor(
    readonly format: InputFormat,
    private readonly fileName: string | undefined,
  ) {
    this.issueSource = fileName || '<input>';
    this.recordSource = fileName ? `${format}:${fileName}` : format;
  }

  /** Runs a mapper for one entry; a thrown `FieldError` becomes this entry's issue. */
  attempt(place: EntryPlace, build: (entry: EntryContext) => Draft): void {
    const entry: EntryContext = {};
    let draft: Draft;
    try {
      draft = build(entry);
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      // A field on the entry's own line (always so in JSONL) gets its exact column.
      const column = error.at && error.at.line === place.line ? error.at.column : place.column;
      this.reject(place, error.message, { recordId: entry.recordId, field: error.field, column });
      return;
    }
    this.add(draft, place);
  }

  /** Validates a draft and keeps it as a record, or records why it cannot be one. */
  add(draft: Draft, place: EntryPlace): void {
    const ownId = draft.id === undefined ? '' : collapseWhitespace(draft.id);
    const title = collapseWhitespace(draft.title ?? '');
    const abstract = collapseWhitespace(draft.abstract ?? '');
    const recordId = ownId || undefined;
    if (!title && !abstract) {
      this.reject(place, 'expected a title or an abstract, found neither', { recordId });
      return;
    }
    const id = ownId || this.fallbackId(place);
    const firstLine = this.firstLineOfId.get(id);
    if (firstLine !== undefined) {
      this.reject(place, `duplicate id (first used on line ${firstLine}); ids must be unique in a file`, { recordId: id, field: 'id' });
      return;
    }
    const record = this.assemble(draft, id, title, abstract);
    const checked = PaperRecordSchema.safeParse(record);
    if (!checked.success) {
      const problem = checked.error.issues[0];
      const field = problem?.path.map(String).join('.') || undefined;
      this.reject(place, problem?.message ?? 'invalid record', { recordId: id, field });
      return;
    }
    this.firstLineOfId.set(id, place.line);
    this.records.push(record);
  }

  /** Records an issue for an entry that cannot become a record. */
  reject(place: EntryPlace, message: string, details: RejectDetails = {}): void {
    const issue: ReadIssue = { source: this.issueSource, line: place.line, message };
    const column = details.column ?? place.column;
    if (column !== undefined) issue.column = column;
    if (details.recordId !== undefined) issue.recordId = details.recordId;
    if (details.field !== undefined) issue.field = details.field;
    this.issues.push(issue);
  }

  /** The collected result. */
  result(): ReadResult {
    return { format: this.format, records: this.records, issues: this.issues };
  }

  /**
   * `FILE:LINE`; `FILE:LINE:COL` when several id-less entries share a line (minified JSON);
   * a `#n` suffix in the odd case that an entry's own id already took the name.
   */
  private fallbackId(place: EntryPlace): string {
    const base = `${this.fileName || this.format}:${place.line}`;
    let id = this.firstLineOfId.has(base) && place.column !== undefined ? `${base}:${place.column}` : base;
    for (let n = 2; this.firstLineOfId.has(id); n++) id = `${base}#${n}`;
    return id;
  }

  private assemble(draft: Draft, id: string, title: string, abstract: string): PaperRecord {
    const extras: Partial<PaperRecord> = {};
    const authors = cleanList(draft.authors);
    if (authors) extras.authors = authors;
    const year = draft.year ?? yearOf(draft.date);
    if (year !== undefined) extras.year = year;
    if (draft.date) extras.date = draft.date;
    for (const key of ['venue', 'url', 'doi', 'arxivId'] as const) {
      const text = collapseWhitespace(draft[key] ?? '');
      if (text) extras[key] = text;
    }
    const categories = cleanList(draft.categories, true);
    if (categories) extras.categories = categories;
    // Field order as users read it in JSON output: id, title, abstract, ..., source.
    return { id, title, abstract, ...extras, source: this.recordSource };
  }
}

function cleanList(values: string[] | undefined, unique = false): string[] | undefined {
  if (!values) return undefined;
  const cleaned = values.map(collapseWhitespace).filter((v) => v.length > 0);
  const list = unique ? [...new Set(cleaned)] : cleaned;
  return list.length > 0 ? list : undefined;
}

/** A date's year, so records with only a date can still be filtered by year. */
function yearOf(date: string | undefined): number | undefined {
  return date === undefined ? undefined : Number(date.slice(0, 4));
}
