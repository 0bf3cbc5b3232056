/**
 * JSON Lines: one paper object per line. Each line stands alone, so a bad line costs
 * only itself; blank lines are skipped. The CLI streams big files through
 * `JsonLinesReader` (or `parseJsonLine`) instead of reading them whole.
 */
import { FieldError, RecordSink, type Draft } from './build.js';
import { indexKeys, mapGenericFields } from './fields.js';
import { genericDraft, JsonContext, JsonFields } from './json-reader.js';
import { isJsonObject, JsonSyntaxError, parseJson } from './json-value.js';
import { LineIndex, splitLines } from './position.js';
import type { PaperRecord } from './schema.js';
import { describe } from './text.js';
import type { ReadIssue, ReadOptions, ReadResult } from './types.js';

/** What one line yields: a record, an issue, or neither (a blank line). */
export interface LineResult {
  record?: PaperRecord;
  issue?: ReadIssue;
}

/**
 * Reads JSON Lines one line at a time, keeping the line count and the ids seen so far
 * (ids must be unique in a file). Feed it lines without their line breaks.
 */
export class JsonLinesReader {
  private readonly sink: RecordSink;
  private lineNumber = 0;

  /** `source` is the file name used in issues and `record.source`. */
  constructor(source?: string) {
    this.sink = new RecordSink('jsonl', source || undefined);
  }

  /** Reads the next line. */
  push(line: string): LineResult {
    this.lineNumber++;
    return readLine(this.sink, line, this.lineNumber);
  }

  /** Everything read so far, in input order. */
  result(): ReadResult {
    return this.sink.result();
  }
}

/**
 * Reads one JSON Lines line on its own (no duplicate-id check across lines; use
 * `JsonLinesReader` for that). Blank lines give `{}`.
 */
export function parseJsonLine(line: string, lineNumber: number, source: string): LineResult {
  return readLine(new RecordSink('jsonl', source || undefined), line, lineNumber);
}

/** Reads a whole JSON Lines text. */
export function readJsonLines(text: string, options: ReadOptions = {}): ReadResult {
  const reader = new JsonLinesReader(options.source);
  const lines = splitLines(text);
  // A final line break does not start another line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) reader.push(line);
  return reader.result();
}

function readLine(sink: RecordSink, rawLine: string, lineNumber: number): LineResult {
  const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
  if (line.trim() === '') return {};
  const before = { records: sink.records.length, issues: sink.issues.length };
  if (readWellFormedLine(sink, line, lineNumber)) return newest(sink, before);
  let doc: ReturnType<typeof parseJson>;
  try {
    doc = parseJson(line);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    sink.reject({ line: lineNumber }, `not valid JSON: ${error.message}`, { column: error.offset + 1 });
    return newest(sink, before);
  }
  const value = doc.value;
  if (!isJsonObject(value)) {
    sink.reject({ line: lineNumber }, `expected a JSON object per line, got ${describe(value)}`, { column: doc.start + 1 });
  } else {
    const ctx = new JsonContext(doc, new LineIndex(line), lineNumber);
    sink.attempt({ line: lineNumber }, (entry) => genericDraft(new JsonFields(ctx, value), entry));
  }
  return newest(sink, before);
}

/**
 * The fast path for the common case, a well-formed line with well-typed fields: the engine's
 * JSON.parse (several times faster than the position-tracking parser) and plain field access.
 * Returns false, having changed nothing, whenever anything is off, so the slow path can report
 * the problem with its exact column.
 */
function readWellFormedLine(sink: RecordSink, line: string, lineNumber: number): boolean {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return false;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const obj = value as Record<string, unknown>;
  const source = {
    // Own keys only: JSON.parse defines "__proto__" as an own property, never a prototype.
    get: (key: string) => (Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined),
    fail: (key: string, message: string): never => {
      throw new FieldError(key, message);
    },
  };
  let draft: Draft;
  try {
    draft = mapGenericFields(source, indexKeys(Object.keys(obj)), {});
  } catch (error) {
    if (error instanceof FieldError) return false;
    throw error;
  }
  sink.add(draft, { line: lineNumber });
  return true;
}

function newest(sink: RecordSink, before: { records: number; issues: number }): LineResult {
  const record = sink.records.length > before.records ? sink.records[sink.records.length - 1] : undefined;
  const issue = sink.issues.length > before.issues ? sink.issues[sink.issues.length - 1] : undefined;
  return record ? { record } : issue ? { issue } : {};
}
