/**
 * Input readers: paper lists in many real formats in, validated `PaperRecord`s out.
 * Pure functions (no fs, path or process), so they also run in a browser bundle.
 */
import { readAtom } from './atom.js';
import { readBibtex } from './bibtex.js';
import { readCsl } from './csl.js';
import { readCsv } from './csv.js';
import { detectFormat } from './detect.js';
import { ReadError } from './errors.js';
import { readHfDaily } from './hf-daily.js';
import { readHfPage } from './hf-page.js';
import { readJson } from './json.js';
import { readJsonLines } from './jsonl.js';
import { readOpenAlex } from './openalex.js';
import { readSemanticScholar } from './semantic-scholar.js';
import { itemsOf } from './build.js';
import { INPUT_FORMATS, type InputFormat, type ReadItem, type ReadOptions, type ReadResult } from './types.js';

export { PaperRecordSchema, type PaperRecord } from './schema.js';
export { formatIssue, INPUT_FORMATS, isInputFormat, type InputFormat, type ReadIssue, type ReadItem, type ReadOptions, type ReadResult } from './types.js';
export { ReadError } from './errors.js';
export { detectFormat } from './detect.js';
export { JsonLinesReader, readJsonLines, type LineResult } from './jsonl.js';
export { LineSplitter, splitLines } from './lines.js';
export { LineIndex } from './position.js';
export { splitItems } from './build.js';
export { readJson } from './json.js';
export { readCsv } from './csv.js';
export { readAtom } from './atom.js';
export { readBibtex } from './bibtex.js';
export { readSemanticScholar } from './semantic-scholar.js';
export { readOpenAlex } from './openalex.js';
export { readHfDaily } from './hf-daily.js';
export { readCsl } from './csl.js';
export { readHfPage } from './hf-page.js';

const READERS: Record<InputFormat, (text: string, options: ReadOptions) => ReadResult> = {
  jsonl: readJsonLines,
  json: readJson,
  csv: readCsv,
  atom: readAtom,
  bibtex: readBibtex,
  s2: readSemanticScholar,
  openalex: readOpenAlex,
  'hf-daily': readHfDaily,
  csl: readCsl,
  'hf-page': readHfPage,
};

/**
 * Reads a paper list in any supported format (JSON Lines, JSON, CSV/TSV, arXiv Atom, BibTeX,
 * Semantic Scholar, OpenAlex, Hugging Face daily papers, CSL-JSON, a Hugging Face papers page).
 * The format is `options.format`, else detected from `options.source`'s extension and the text.
 *
 * Lossless by default: an entry is rejected (an `error` issue) only when it is not an object or
 * has neither a title nor an abstract; an invalid field is left out of its record with a
 * `warning` issue naming file, line and field; a duplicate id keeps the record under `ID#2`.
 * With `strict: true` every warning rejects its record instead. Every issue has a stable `code`
 * (see docs/errors.md). Records and issues each come in input order.
 *
 * @example
 * const { format, records, issues } = readRecords(bibtexText, { source: 'refs.bib' });
 * for (const issue of issues) console.warn(formatIssue(issue));
 * @throws {ReadError} when the text cannot be read as its format at all (`code` says why).
 * Empty input gives no records (reported as `jsonl` when no format was given or detected).
 */
export function readRecords(text: string, options: ReadOptions = {}): ReadResult {
  const body = text.replace(/^\uFEFF/, '');
  const format = options.format ?? detectFormat(body, options.source);
  if (format === undefined) {
    if (body.trim() === '') return { format: 'jsonl', records: [], issues: [] };
    const reason = `cannot tell the input format; name it explicitly (one of ${INPUT_FORMATS.join(', ')})`;
    throw new ReadError(reason, { source: options.source || '<input>', line: 1, column: 1 }, 'input/unknown-format');
  }
  return READERS[format](body, options);
}

/** `readRecords` with records and issues in one list, in input order (records with their lines). */
export function readItems(text: string, options: ReadOptions = {}): { format: InputFormat; items: readonly ReadItem[] } {
  const result = readRecords(text, options);
  return { format: result.format, items: itemsOf(result) };
}
