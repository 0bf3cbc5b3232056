/**
 * What the JSON-based formats share: parse with positions, find the list of entries
 * (a bare array, a wrapper such as `{data:[...]}`, or one object), and read typed fields
 * that fail with a `FieldError` naming the field and where it is.
 */
import { FieldError, RecordSink, type Draft, type EntryContext } from './build.js';
import { ReadError } from './errors.js';
import { indexKeys, mapGenericFields } from './fields.js';
import { isJsonObject, JsonSyntaxError, parseJson, type JsonDocument, type JsonObject, type JsonValue } from './json-value.js';
import { LineIndex, type Place } from './position.js';
import { describe, normaliseDate, parseYear } from './text.js';
import type { InputFormat, ReadOptions, ReadResult } from './types.js';

/** Positions of one parsed document, for placing entries and fields. */
export class JsonContext {
  constructor(
    readonly doc: JsonDocument,
    readonly lines: LineIndex,
    /** Line number of the text's first line (JSON Lines parses one line at a time). */
    readonly firstLine = 1,
  ) {}

  /** Where `container[key]` starts, when known. */
  place(container: JsonValue[] | JsonObject, key: string | number): Place | undefined {
    const offset = this.doc.offsetOf(container, key);
    if (offset === undefined) return undefined;
    const place = this.lines.place(offset);
    return { line: place.line + this.firstLine - 1, column: place.column };
  }
}

/** Typed, position-aware access to one JSON object's fields. */
export class JsonFields {
  constructor(
    readonly ctx: JsonContext,
    readonly obj: JsonObject,
    /** Dotted path of this object inside the entry, for messages (`externalIds.`). */
    readonly path = '',
    /** Fields (full paths) left out after an earlier try; they read as absent. */
    readonly dropped?: ReadonlySet<string>,
  ) {}

  /** The raw value; `undefined` when absent or left out. Objects have no prototype, so no inherited keys. */
  raw(key: string): JsonValue | undefined {
    if (this.dropped?.has(this.path + key)) return undefined;
    return this.obj[key];
  }

  /** Throws a `FieldError` for `key` located at its value. */
  fail(key: string, message: string): never {
    throw new FieldError(this.path + key, message, this.ctx.place(this.obj, key));
  }

  /** A string; null/absent → undefined; anything else is an error. */
  string(key: string): string | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
    return this.fail(key, `expected a string, got ${describe(value)}`);
  }

  /** An id: a string, or a number turned into its decimal string. */
  id(key: string): string | undefined {
    const value = this.raw(key);
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
    return this.fail(key, `expected a string or number id, got ${describe(value)}`);
  }

  /** A year from a number or a 4-digit string. */
  year(key: string): number | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    return parseYear(value) ?? this.fail(key, `expected a year like 2021, got ${describe(value)}`);
  }

  /** A date string normalised to ISO. */
  date(key: string): string | undefined {
    const value = this.string(key);
    if (value === undefined || value.trim() === '') return undefined;
    return normaliseDate(value) ?? this.fail(key, `expected a date like 2021-06-17, got ${describe(value)}`);
  }

  /** An array; null/absent → undefined. */
  array(key: string): JsonValue[] | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? value : this.fail(key, `expected an array, got ${describe(value)}`);
  }

  /** A nested object as fields; null/absent → undefined. */
  object(key: string): JsonFields | undefined {
    const value = this.raw(key);
    if (value === undefined || value === null) return undefined;
    if (!isJsonObject(value)) return this.fail(key, `expected an object, got ${describe(value)}`);
    return new JsonFields(this.ctx, value, `${this.path}${key}.`, this.dropped);
  }

  /** An array of objects (null items skipped: APIs use them for hidden or unknown entries). */
  objects(key: string): JsonFields[] {
    const list = this.array(key) ?? [];
    const result: JsonFields[] = [];
    list.forEach((item, index) => {
      if (item === null) return;
      if (!isJsonObject(item)) this.failItem(key, list, index, `expected an object, got ${describe(item)}`);
      result.push(new JsonFields(this.ctx, item, `${this.path}${key}[${index}].`, this.dropped));
    });
    return result;
  }

  /** An array of strings. */
  strings(key: string): string[] | undefined {
    const list = this.array(key);
    if (!list) return undefined;
    return list.map((item, index) =>
      typeof item === 'string' ? item : this.failItem(key, list, index, `expected a string, got ${describe(item)}`),
    );
  }

  private failItem(key: string, list: JsonValue[], index: number, message: string): never {
    throw new FieldError(`${this.path}${key}[${index}]`, message, this.ctx.place(list, index));
  }
}

/** Adapts JSON fields to the generic alias mapping of `fields.ts`. */
export function genericDraft(fields: JsonFields, entry: EntryContext): Draft {
  const source = { get: (key: string) => fields.raw(key), fail: (key: string, message: string) => fields.fail(key, message) };
  return mapGenericFields(source, indexKeys(Object.keys(fields.obj)), entry);
}

/** How one JSON format finds its entries and maps each one. */
export interface JsonFormat {
  format: InputFormat;
  /** The entry list in a parsed document; `undefined` means "the root is one entry". */
  entries(root: JsonValue): JsonValue[] | undefined;
  /** Turns one entry object into a draft; throws `FieldError` for bad fields. */
  map(fields: JsonFields, entry: EntryContext): Draft;
  /** Message for a null entry, when the format gives nulls a meaning. */
  nullEntry?: string;
}

/** Parses `text` as JSON or throws a `ReadError` pointing at the syntax error. */
export function parseJsonOrThrow(text: string, lines: LineIndex, source: string): JsonDocument {
  try {
    return parseJson(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new ReadError(`not valid JSON: ${error.message}`, { source, ...lines.place(error.offset) });
  }
}

/** The first array found under one of `keys` of an object root. */
export function wrappedArray(root: JsonValue, keys: readonly string[]): JsonValue[] | undefined {
  if (Array.isArray(root)) return root;
  if (!isJsonObject(root)) return undefined;
  for (const key of keys) {
    const value = root[key];
    if (Array.isArray(value)) return value;
  }
  return undefined;
}

/** Reads a whole JSON text with a format's entry finder and mapper. */
export function readJsonFormat(text: string, spec: JsonFormat, options: ReadOptions = {}): ReadResult {
  const sink = new RecordSink(spec.format, options.source, options.strict);
  if (text.trim() === '') return sink.result();
  const lines = new LineIndex(text);
  const doc = parseJsonOrThrow(text, lines, sink.issueSource);
  const ctx = new JsonContext(doc, lines);
  const list = spec.entries(doc.value);
  if (list === undefined) {
    addEntry(sink, spec, ctx, doc.value, lines.place(doc.start));
    return sink.result();
  }
  list.forEach((item, index) => {
    const place = ctx.place(list, index) ?? lines.place(doc.start);
    addEntry(sink, spec, ctx, item, place);
  });
  return sink.result();
}

function addEntry(sink: RecordSink, spec: JsonFormat, ctx: JsonContext, item: JsonValue, place: Place): void {
  if (item === null && spec.nullEntry) return sink.reject(place, spec.nullEntry);
  if (!isJsonObject(item)) return sink.reject(place, `expected an object for each entry, got ${describe(item)}`, { code: 'entry/not-object' });
  sink.attempt(place, (entry) => spec.map(new JsonFields(ctx, item, '', entry.dropped), entry));
}
