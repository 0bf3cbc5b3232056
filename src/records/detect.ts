/**
 * Picks the input format: the file extension first (cheap and what the user meant),
 * then the content. JSON files are told apart by the keys each API is known for.
 */
import { indexKeys } from './fields.js';
import { looksLikeHfPage } from './hf-page.js';
import { isJsonObject, parseJson } from './json-value.js';
import { detectDelimiter, parseCsv } from './csv.js';
import type { InputFormat } from './types.js';

/** Only the head is sniffed, so detection stays fast on huge files. */
const HEAD = 200_000;

/** The format of `text`, using `fileName`'s extension when it has a known one; `undefined` when unsure. */
export function detectFormat(text: string, fileName?: string): InputFormat | undefined {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '');
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  switch (ext) {
    case 'jsonl':
    case 'ndjson':
      return 'jsonl';
    case 'json':
      return sniffJson(head);
    case 'csv':
    case 'tsv':
      return 'csv';
    case 'xml':
    case 'atom':
      return 'atom';
    case 'bib':
    case 'bibtex':
      return 'bibtex';
    default:
      return sniffContent(head, fileName);
  }
}

function sniffContent(head: string, fileName: string | undefined): InputFormat | undefined {
  const start = head.trimStart();
  if (start === '') return undefined;
  if (start.startsWith('<')) return /<(?:\w+:)?(?:feed|entry)[\s>]/.test(head) ? 'atom' : undefined;
  if (start.startsWith('{') || start.startsWith('[')) return sniffJson(head);
  if (/^(?:[ \t]*(?:%.*)?\r?\n)*[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]/.test(head)) return 'bibtex';
  if (looksLikeHfPage(head)) return 'hf-page';
  if (looksLikeCsv(head, fileName)) return 'csv';
  return undefined;
}

/** Which JSON dialect: JSON Lines, an API's response shape, or generic JSON. */
export function sniffJson(head: string): InputFormat {
  if (isJsonLines(head)) return 'jsonl';
  const has = (key: string): boolean => new RegExp(`"${key}"\\s*:`).test(head);
  if (has('abstract_inverted_index') || has('authorships') || /"https:\/\/openalex\.org\/W\d+"/.test(head)) return 'openalex';
  if (has('paperId') || has('citingPaper') || has('citedPaper')) return 's2';
  if (/"paper"\s*:\s*\{/.test(head) || (has('publishedAt') && (has('upvotes') || has('summary')))) return 'hf-daily';
  if (has('date-parts') || has('container-title') || (has('issued') && has('family'))) return 'csl';
  return 'json';
}

/** A first line that is a whole JSON object, followed by more lines, is JSON Lines. */
function isJsonLines(head: string): boolean {
  const lines = head.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
  const first = lines[0];
  if (first === undefined || lines.length < 2 || !first.trim().startsWith('{')) return false;
  try {
    return isJsonObject(parseJson(first).value);
  } catch {
    return false;
  }
}

/** A delimited header row that names a title or abstract column. */
function looksLikeCsv(head: string, fileName: string | undefined): boolean {
  const header = parseCsv(head, detectDelimiter(head, fileName))[0];
  if (!header || header.fields.length < 2) return false;
  const index = indexKeys(header.fields.map((f) => f.trim()));
  return index.has('title') || index.has('abstract');
}
