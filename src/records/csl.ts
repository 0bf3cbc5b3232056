/**
 * CSL-JSON (Zotero, Mendeley, pandoc `--bibliography` exports): an array of items with
 * `author: [{given, family}]` and `issued: {"date-parts": [[y, m, d]]}`.
 */
import type { Draft, EntryContext } from './build.js';
import { readJsonFormat, wrappedArray, type JsonFields, type JsonFormat } from './json-reader.js';
import type { JsonValue } from './json-value.js';
import { describe, findArxivId, isoDate, normaliseDate, normaliseDoi } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

const CSL: JsonFormat = {
  format: 'csl',
  entries: (root) => wrappedArray(root, ['items']),
  map: itemDraft,
};

/** Reads CSL-JSON. Throws `ReadError` when the text is not JSON. */
export function readCsl(text: string, options: ReadOptions = {}): ReadResult {
  return readJsonFormat(text, CSL, options);
}

function itemDraft(item: JsonFields, entry: EntryContext): Draft {
  const id = item.id('id');
  entry.recordId = id;
  const doi = item.string('DOI');
  const url = item.string('URL');
  const date = issuedDate(item);
  return {
    id,
    title: item.string('title'),
    abstract: item.string('abstract'),
    authors: item.objects('author').map(nameOf),
    date,
    venue: containerTitle(item),
    url,
    doi: doi === undefined ? undefined : (normaliseDoi(doi) ?? item.fail('DOI', `expected a DOI like 10.1234/abc, got '${doi}'`)),
    arxivId: [doi, url, item.string('number'), item.string('note')].map((v) => (v ? findArxivId(v) : undefined)).find(Boolean),
  };
}

/** `Given [particle] Family [suffix]`, or the `literal` name of institutions. */
function nameOf(author: JsonFields): string {
  const literal = author.string('literal');
  if (literal) return literal;
  const parts = ['given', 'dropping-particle', 'non-dropping-particle', 'family', 'suffix'].map((k) => author.string(k));
  return parts.filter((p): p is string => Boolean(p)).join(' ');
}

/** Some exporters write `container-title` as an array of one string. */
function containerTitle(item: JsonFields): string | undefined {
  const value = item.raw('container-title');
  if (Array.isArray(value)) return item.strings('container-title')?.[0];
  return item.string('container-title');
}

/** `issued.date-parts[0]` (numbers or numeric strings), else `issued.raw`/`literal`. */
function issuedDate(item: JsonFields): string | undefined {
  const issued = item.object('issued');
  if (!issued) return undefined;
  const parts = issued.array('date-parts');
  if (parts) {
    const first = parts[0];
    const numbers = Array.isArray(first) ? first.map((p) => (typeof p === 'string' && /^\d+$/.test(p) ? Number(p) : p)) : [];
    const [year, month, day] = numbers;
    const valid = numbers.length <= 3 && numbers.every((n) => typeof n === 'number');
    const iso = valid && typeof year === 'number' ? isoDate(year, month as number | undefined, day as number | undefined) : undefined;
    return iso ?? issued.fail('date-parts', `expected [[year, month?, day?]] forming a real date, got ${shown(first)}`);
  }
  const text = issued.string('raw') ?? issued.string('literal');
  return text === undefined ? undefined : (normaliseDate(text) ?? issued.fail('raw', `expected a date like 2021-06-17, got '${text}'`));
}

/** `[2023, 13, 1]` for short lists of scalars, else the usual description. */
function shown(value: JsonValue | undefined): string {
  if (Array.isArray(value) && value.length <= 5 && value.every((v) => typeof v !== 'object' || v === null)) {
    return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
  }
  return describe(value ?? null);
}
