/**
 * The one place where a format's loosely typed fields become a validated `PaperRecord`
 * or a `ReadIssue`. Keeping this shared means every format gets the same id fallback,
 * whitespace rules, duplicate check and "neither title nor abstract" rule.
 */
import { firstInvalidField } from './check.js';
import type { PaperRecord } from './schema.js';
import { collapseWhitespace } from './text.js';
import { IdTable, type IdLines } from './id-table.js';
import { PROBLEM_CODES, type ProblemCode } from '../errors.js';
import type { InputFormat, ReadIssue, ReadItem, ReadResult } from './types.js';
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

/**
 * What a mapper knows of the entry it maps: it names the record once it has read the id, and it
 * reads no field listed in `dropped` (a field found invalid on an earlier try, see `attempt`).
 */
export interface EntryContext {
  recordId?: string | undefined;
  dropped?: ReadonlySet<string> | undefined;
}

/** Extra details of a rejected entry. */
export interface RejectDetails {
  recordId?: string | undefined;
  field?: string | undefined;
  column?: number | undefined;
  /** @default 'entry/invalid' */
  code?: ProblemCode | undefined;
}

/** The top-level field of a dotted or indexed path (`authors[2].name` → `authors`), which is what gets left out. */
export function fieldRoot(path: string): string {
  const cut = path.search(/[[]/);
  return cut < 0 ? path : path.slice(0, cut);
}

/** A field mappers read as a whole even when the fault is deeper (`externalIds.DOI` stays precise, `authors[2]` drops the list). */
function droppedName(path: string): string {
  return fieldRoot(path);
}

/**
 * The ids a sink settled on, in input order, for a reader of one part of an input (a chunk of
 * JSON Lines read on a worker): whoever holds the ids of the rest of the input can then tell
 * whether reading the part with them would have settled on the same ids. Every id query of
 * `add` that finds nothing is a query for the id it settles on, so the part reads exactly as
 * it would have after the rest when none of these ids is taken there.
 */
export interface IdClaims {
  ids: string[];
  /** The line of each id's record, or 0 for a record rejected (strict) after its id was settled. */
  lines: number[];
}

/** Where a sink keeps its ids: its own map by default, or one shared by readers of the same input. */
export interface SinkIds {
  /** Each id taken, with the line of its record. */
  firstLineOfId?: IdLines | undefined;
  /** Collects every id settled on (see `IdClaims`). */
  claims?: IdClaims | undefined;
}

/** No entry has this many fields worth trying; the bound only keeps a broken mapper from looping. */
const MAX_DROPPED = 32;

/**
 * Collects records and issues of one input, in input order, under one policy for every format
 * (lossless by default): an entry is rejected only when it is not an object or has neither a
 * title nor an abstract; an invalid field is left out with a located `field/invalid` warning; a
 * duplicate id keeps the record under a suffixed id with a `record/duplicate-id` warning. With
 * `strict`, every warning is an error and rejects its record instead.
 */
export class RecordSink {
  /** Records and issues in input order (a kept record's warnings just before it). */
  readonly items: ReadItem[] = [];
  private readonly firstLineOfId: IdLines;
  private readonly claims: IdClaims | undefined;
  /** File name in issues (`<input>` when none was given). */
  readonly issueSource: string;
  /** `record.source`: the format name plus file, or the format alone. */
  readonly recordSource: string;

  constructor(
    readonly format: InputFormat,
    private readonly fileName: string | undefined,
    private readonly strict = false,
    ids: SinkIds = {},
  ) {
    this.issueSource = fileName || '<input>';
    this.recordSource = fileName ? `${format}:${fileName}` : format;
    this.firstLineOfId = ids.firstLineOfId ?? new IdTable();
    this.claims = ids.claims;
  }

  /**
   * Runs a mapper for one entry. A thrown `FieldError` leaves that field out: the mapper runs again
   * without it, and the field gets a warning located at its value (or the entry).
   */
  attempt(place: EntryPlace, build: (entry: EntryContext) => Draft): void {
    const dropped = new Set<string>();
    const warnings: ReadIssue[] = [];
    for (;;) {
      const entry: EntryContext = { dropped };
      try {
        const draft = build(entry);
        this.add(draft, place, warnings);
        return;
      } catch (error) {
        if (!(error instanceof FieldError)) throw error;
        // A field on the entry's own line (always so in JSONL) gets its exact column.
        const line = error.at?.line ?? place.line;
        const column = error.at ? error.at.column : place.column;
        const name = error.field === undefined ? undefined : droppedName(error.field);
        if (name === undefined || dropped.has(name) || dropped.size >= MAX_DROPPED) {
          this.reject(place, error.message, { recordId: entry.recordId, field: error.field, column });
          return;
        }
        dropped.add(name);
        warnings.push(this.issue({ line, column }, 'field/invalid', `${error.message}; left out of the record`, { recordId: entry.recordId, field: error.field }));
      }
    }
  }

  /** Validates a draft and keeps it as a record (fields that fail the schema left out, with a warning), or rejects it. */
  add(draft: Draft, place: EntryPlace, warnings: ReadIssue[] = []): void {
    const ownId = draft.id === undefined ? '' : collapseWhitespace(draft.id);
    const title = collapseWhitespace(draft.title ?? '');
    const abstract = collapseWhitespace(draft.abstract ?? '');
    const recordId = ownId || undefined;
    if (!title && !abstract) {
      sortByPlace(warnings);
      this.reject(place, 'expected a title or an abstract, found neither', { recordId, code: 'entry/no-text' });
      this.pushIssues(warnings);
      return;
    }
    let id = ownId || this.fallbackId(place);
    const firstLine = this.firstLineOfId.get(id);
    if (firstLine !== undefined) {
      const renamed = this.uniqueId(id);
      warnings.push(this.issue(place, 'record/duplicate-id', `duplicate id (first used on line ${firstLine}); kept as '${renamed}'`, { recordId: id, field: 'id' }));
      id = renamed;
    }
    const record = this.assemble(draft, id, title, abstract);
    this.dropInvalid(record, place, warnings);
    sortByPlace(warnings);
    if (this.strict && warnings.length > 0) {
      this.claims?.ids.push(id);
      this.claims?.lines.push(0);
      this.pushIssues(warnings.map((warning) => ({ ...warning, severity: 'error' as const, message: warning.message.replace(/; (?:left out of the record|kept as .*)$/, '; the record is rejected (strict)') })));
      return;
    }
    this.pushIssues(warnings);
    this.firstLineOfId.set(id, place.line);
    this.claims?.ids.push(id);
    this.claims?.lines.push(place.line);
    this.items.push({ kind: 'record', record, line: place.line });
  }

  /** Records an issue for an entry that cannot become a record. */
  reject(place: EntryPlace, message: string, details: RejectDetails = {}): void {
    const column = details.column ?? place.column;
    this.items.push({ kind: 'issue', issue: this.issue({ line: place.line, column }, details.code ?? 'entry/invalid', message, details) });
  }

  /** Adds issues found outside any one entry (a damaged feed), in their place. */
  pushIssues(issues: readonly ReadIssue[]): void {
    for (const issue of issues) this.items.push({ kind: 'issue', issue });
  }

  /** The collected result. */
  result(): ReadResult {
    const result = splitItems(this.format, this.items);
    ITEMS.set(result, this.items);
    return result;
  }

  /** Builds one located issue of this input. */
  issue(place: EntryPlace, code: ProblemCode, message: string, details: { recordId?: string | undefined; field?: string | undefined } = {}): ReadIssue {
    const issue: ReadIssue = { code, severity: PROBLEM_CODES[code].severity, source: this.issueSource, line: place.line, message };
    if (place.column !== undefined) issue.column = place.column;
    if (details.recordId !== undefined) issue.recordId = details.recordId;
    if (details.field !== undefined) issue.field = details.field;
    return issue;
  }

  /** Leaves out the fields the schema rejects; `id`, `title`, `abstract` and `source` are always valid by construction. */
  private dropInvalid(record: PaperRecord, place: EntryPlace, warnings: ReadIssue[]): void {
    for (let round = 0; round < MAX_DROPPED; round++) {
      const invalid = firstInvalidField(record);
      if (invalid === undefined) return;
      const key = invalid.field;
      if (!(key in record) || ['id', 'title', 'abstract', 'source'].includes(key)) {
        throw new Error(`finetax: a record failed its own schema: ${key}: ${invalid.message}`);
      }
      warnings.push(this.issue(place, 'field/invalid', `${invalid.message}; left out of the record`, { recordId: record.id, field: key }));
      delete (record as unknown as Record<string, unknown>)[key];
    }
  }

  /** `ID#2`, `ID#3`, …: the first suffix no record of this input has. */
  private uniqueId(id: string): string {
    let n = 2;
    while (this.firstLineOfId.has(`${id}#${n}`)) n++;
    return `${id}#${n}`;
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

/** Warnings are found in mapping order and reported in reading order. */
function sortByPlace(issues: ReadIssue[]): void {
  issues.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
}

/** The ordered items behind each result a sink gave, for `readItems` (kept off the public result type). */
const ITEMS = new WeakMap<ReadResult, readonly ReadItem[]>();

/** The records and issues of a reader's result in input order (records carrying their lines). */
export function itemsOf(result: ReadResult): readonly ReadItem[] {
  return ITEMS.get(result) ?? [...result.issues.map((issue) => ({ kind: 'issue' as const, issue })), ...result.records.map((record) => ({ kind: 'record' as const, record, line: 0 }))];
}

/** Records and issues apart, each in input order. */
export function splitItems(format: InputFormat, items: readonly ReadItem[]): ReadResult {
  const records: PaperRecord[] = [];
  const issues: ReadIssue[] = [];
  for (const item of items) {
    if (item.kind === 'record') records.push(item.record);
    else issues.push(item.issue);
  }
  return { format, records, issues };
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
