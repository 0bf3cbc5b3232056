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
import { INPUT_FORMATS, type InputFormat, type ReadOptions, type ReadResult } from './types.js';

export { PaperRecordSchema, type PaperRecord } from './schema.js';
export { formatIssue, INPUT_FORMATS, isInputFormat, type InputFormat, type ReadIssue, type ReadOptions, type ReadResult } from './types.js';
export { ReadError } from './errors.js';
export { detectFormat } from './detect.js';
export { JsonLinesReader, parseJsonLine, readJsonLines, type LineResult } from './jsonl.js';
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
 * Reads a paper list. The format is `options.format`, else detected from the file name
 * and content. Bad entries become `issues` (the rest still come out, in input order);
 * input that cannot be read as its format at all throws `ReadError`. Empty input gives
 * no records (reported as `jsonl` when no format was given or detected).
 */
export function readRecords(text: string, options: ReadOptions = {}): ReadResult {
  const body = text.replace(/^\uFEFF/, '');
  const format = options.format ?? detectFormat(body, options.source);
  if (format === undefined) {
    if (body.trim() === '') return { format: 'jsonl', records: [], issues: [] };
    const reason = `cannot tell the input format; name it explicitly (one of ${INPUT_FORMATS.join(', ')})`;
    throw new ReadError(reason, { source: options.source || '<input>', line: 1, column: 1 });
  }
  return READERS[format](body, options);
}
