/**
 * JSON Lines: one paper object per line. Each line stands alone, so a bad line costs
 * only itself; blank lines are skipped. `streamRecords` (finetax/node) streams big files
 * through `JsonLinesReader` instead of reading them whole.
 */
import { FieldError, RecordSink, type Draft, type SinkIds } from './build.js';
import { indexKeys, mapGenericFields } from './fields.js';
import { genericDraft, JsonContext, JsonFields } from './json-reader.js';
import { isJsonObject, JsonSyntaxError, parseJson } from './json-value.js';
import { splitLines } from './lines.js';
import { LineIndex } from './position.js';
import type { PaperRecord } from './schema.js';
import { describe } from './text.js';
import type { ReadIssue, ReadOptions, ReadResult } from './types.js';

/** What one line yields: a record or not, and its issues (a rejection, or warnings about a kept record). */
export interface LineResult {
  record?: PaperRecord;
  issues: ReadIssue[];
}

/**
 * Reads JSON Lines one line at a time, keeping the line count and the ids seen so far (one
 * duplicate-id policy for the whole file, as for every format). Feed it lines without their line
 * breaks; the records and issues are handed back per line and not kept, so memory stays flat
 * (only the ids are remembered).
 */
export class JsonLinesReader {
  private readonly sink: RecordSink;
  private lineNumber: number;

  /**
   * `firstLine` and `ids` read a part of an input on its own (a chunk of lines on a worker):
   * lines numbered from `firstLine`, ids kept in `ids` (see `SinkIds`).
   */
  constructor(options: Pick<ReadOptions, 'source' | 'strict'> & { firstLine?: number; ids?: SinkIds } = {}) {
    this.sink = new RecordSink('jsonl', options.source || undefined, options.strict, options.ids);
    this.lineNumber = (options.firstLine ?? 1) - 1;
  }

  /** The 1-based number of the last line pushed. */
  get line(): number {
    return this.lineNumber;
  }

  /** Reads the next line. */
  push(line: string): LineResult {
    this.lineNumber++;
    readLine(this.sink, line, this.lineNumber);
    const result: LineResult = { issues: [] };
    for (const item of this.sink.items.splice(0)) {
      if (item.kind === 'record') result.record = item.record;
      else result.issues.push(item.issue);
    }
    return result;
  }
}

/** Reads a whole JSON Lines text. */
export function readJsonLines(text: string, options: ReadOptions = {}): ReadResult {
  const reader = new JsonLinesReader(options);
  const records: PaperRecord[] = [];
  const issues: ReadIssue[] = [];
  for (const line of splitLines(text)) {
    const result = reader.push(line);
    issues.push(...result.issues);
    if (result.record) records.push(result.record);
  }
  return { format: 'jsonl', records, issues };
}

function readLine(sink: RecordSink, rawLine: string, lineNumber: number): void {
  const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
  if (line.trim() === '') return;
  if (readWellFormedLine(sink, line, lineNumber)) return;
  let doc: ReturnType<typeof parseJson>;
  try {
    doc = parseJson(line);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    sink.reject({ line: lineNumber }, `not valid JSON: ${error.message}`, { column: error.offset + 1, code: 'entry/syntax' });
    return;
  }
  const value = doc.value;
  if (!isJsonObject(value)) {
    sink.reject({ line: lineNumber }, `expected a JSON object per line, got ${describe(value)}`, { column: doc.start + 1, code: 'entry/not-object' });
  } else {
    const ctx = new JsonContext(doc, new LineIndex(line), lineNumber);
    sink.attempt({ line: lineNumber }, (entry) => genericDraft(new JsonFields(ctx, value, '', entry.dropped), entry));
  }
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
    get: (key: string) => (Object.hasOwn(obj, key) ? obj[key] : undefined),
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
