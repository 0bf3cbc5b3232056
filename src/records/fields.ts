/**
 * The field-alias mapping shared by the generic readers (JSON, JSON Lines, CSV): many
 * hand-made paper lists name the same field differently (`paper_title`, `Summary`,
 * `abstractText`), and users should not have to rename columns before tagging.
 */
import type { Draft, EntryContext } from './build.js';
import { arxivIdInLink, describe, normaliseArxivId, normaliseDate, normaliseDoi, parseYear } from './text.js';

/** A record field the generic readers fill. */
export type GenericField = keyof Draft;

/**
 * Accepted spellings per field, compared after `normaliseKey` (case, `_`, `-`, spaces and dots
 * ignored). Earlier aliases win when an entry has several.
 */
export const FIELD_ALIASES: Readonly<Record<GenericField, readonly string[]>> = {
  id: ['id', 'paperid', 'arxivid', 'key', 'citationkey'],
  title: ['title', 'titles', 'papertitle', 'name'],
  abstract: ['abstract', 'summary', 'summaries', 'abstracttext', 'description'],
  authors: ['authors', 'author', 'authornames', 'creators', 'creator'],
  year: ['year', 'publicationyear', 'pubyear'],
  date: ['date', 'publicationdate', 'publisheddate', 'published', 'publishedat', 'pubdate'],
  venue: ['venue', 'journal', 'booktitle', 'conference', 'containertitle'],
  // `source` last, and only when it holds a link (hand-made lists note where a record came from there).
  url: ['url', 'link', 'href', 'pdfurl', 'landingpageurl', 'source'],
  doi: ['doi'],
  arxivId: ['arxivid', 'arxiv', 'eprint'],
  categories: ['categories', 'category', 'primarycategory', 'subjects', 'tags'],
};

/** Lowercases and drops `_`, `-`, `.` and spaces, so `Paper Title` and `paper_title` match. */
export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]+/g, '');
}

/** Picks, for each field, the actual key to read (first alias present wins). */
export function indexKeys(keys: readonly string[]): Map<GenericField, string> {
  const byNorm = new Map<string, string>();
  for (const key of keys) {
    const norm = normaliseKey(key);
    if (!byNorm.has(norm)) byNorm.set(norm, key);
  }
  const index = new Map<GenericField, string>();
  for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [GenericField, readonly string[]][]) {
    const alias = aliases.find((a) => byNorm.has(a));
    const key = alias === undefined ? undefined : byNorm.get(alias);
    if (key !== undefined) index.set(field, key);
  }
  return index;
}

/** Values of one entry by actual key; `fail` throws a `FieldError` located at that value. */
export interface FieldSource {
  get(key: string): unknown;
  fail(key: string, message: string): never;
}

/** Maps one entry through the aliases, checking each value's type; names the entry in `entry` once its id is read. */
export function mapGenericFields(source: FieldSource, index: Map<GenericField, string>, entry: EntryContext = {}): Draft {
  const read = (field: GenericField): { key: string; value: unknown } | undefined => {
    const key = index.get(field);
    // A field left out after an earlier try (see RecordSink.attempt) reads as absent.
    const value = key === undefined || entry.dropped?.has(key) ? undefined : source.get(key);
    return key === undefined || value === undefined || value === null || value === '' ? undefined : { key, value };
  };
  const draft: Draft = {};
  const id = read('id');
  if (id) draft.id = idText(id.value) ?? source.fail(id.key, `expected a string or number id, got ${describe(id.value)}`);
  entry.recordId = draft.id;
  draft.title = optionalText(source, read('title'));
  draft.abstract = optionalText(source, read('abstract'));
  draft.venue = optionalText(source, read('venue'));
  draft.url = optionalText(source, linkOnly(read('url')));
  draft.authors = authorsOf(source, read('authors'));
  draft.categories = categoriesOf(source, read('categories'));
  draft.year = checked(source, read('year'), parseYear, 'a year like 2021');
  draft.date = checked(source, read('date'), (v) => (typeof v === 'string' ? normaliseDate(v) : undefined), 'a date like 2021-06-17');
  draft.doi = checked(source, read('doi'), (v) => (typeof v === 'string' ? normaliseDoi(v) : undefined), 'a DOI like 10.1234/abc');
  const arxiv = read('arxivId');
  draft.arxivId = arxiv ? checked(source, arxiv, arxivOf, 'an arXiv id like 2106.09685') : (inferredArxivId(draft.id) ?? (draft.url === undefined ? undefined : arxivIdInLink(draft.url)));
  return draft;
}

function idText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

/** A `source` value that is not an http(s) link is a note, not the record's URL: skipped rather than rejected. */
function linkOnly(found: { key: string; value: unknown } | undefined): { key: string; value: unknown } | undefined {
  if (found === undefined || normaliseKey(found.key) !== 'source') return found;
  return typeof found.value === 'string' && /^https?:\/\/\S+$/i.test(found.value.trim()) ? found : undefined;
}

function optionalText(source: FieldSource, found: { key: string; value: unknown } | undefined): string | undefined {
  if (!found) return undefined;
  if (typeof found.value === 'string') return found.value;
  return source.fail(found.key, `expected a string, got ${describe(found.value)}`);
}

function checked<T>(
  source: FieldSource,
  found: { key: string; value: unknown } | undefined,
  parse: (value: unknown) => T | undefined,
  expected: string,
): T | undefined {
  if (!found) return undefined;
  return parse(found.value) ?? source.fail(found.key, `expected ${expected}, got ${describe(found.value)}`);
}

function arxivOf(value: unknown): string | undefined {
  return typeof value === 'string' ? normaliseArxivId(value) : undefined;
}

/** A bare arXiv-shaped id (`2106.09685`) is an arXiv id; anything else stays just an id. */
function inferredArxivId(id: string | undefined): string | undefined {
  return id !== undefined && /^\d{4}\.\d{4,5}(v\d+)?$/.test(id.trim()) ? normaliseArxivId(id) : undefined;
}

function authorsOf(source: FieldSource, found: { key: string; value: unknown } | undefined): string[] | undefined {
  if (!found) return undefined;
  if (typeof found.value === 'string') return splitAuthors(found.value);
  if (!Array.isArray(found.value)) return source.fail(found.key, `expected a list of names, got ${describe(found.value)}`);
  return found.value.map((item: unknown, i) => {
    const name = authorName(item);
    return name ?? source.fail(found.key, `expected author ${i + 1} to be a name or {name}, got ${describe(item)}`);
  });
}

/** A name from a string, `{name}` (S2, HF) or `{given, family}` (CSL-like) author item. */
export function authorName(item: unknown): string | undefined {
  if (typeof item === 'string') return item;
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const fields = item as Record<string, unknown>;
  if (typeof fields['name'] === 'string') return fields['name'];
  const parts = [fields['given'], fields['family']].filter((p): p is string => typeof p === 'string');
  return parts.length > 0 ? parts.join(' ') : undefined;
}

function categoriesOf(source: FieldSource, found: { key: string; value: unknown } | undefined): string[] | undefined {
  if (!found) return undefined;
  if (typeof found.value === 'string') return found.value.split(/[\s,;]+/).filter(Boolean);
  if (Array.isArray(found.value) && found.value.every((v: unknown) => typeof v === 'string')) return found.value as string[];
  return source.fail(found.key, `expected a list of categories, got ${describe(found.value)}`);
}

/**
 * Splits an author string when the split is unambiguous: `;` lists, BibTeX-style ` and `
 * lists (with `Family, Given` names reordered), and comma/`and` lists of full names as
 * arXiv writes them (`Edward J. Hu, Yelong Shen, and Phillip Wallis`), after dropping
 * parenthesised affiliations. `Hu, Edward` is one inverted name. Lists of inverted names
 * without separators (`Hu, E., Shen, Y.`) stay one entry rather than being cut wrongly.
 */
export function splitAuthors(text: string): string[] {
  const value = withoutAffiliations(text).replace(/\s+/g, ' ').trim();
  return value.split(';').flatMap((part) => splitPart(part.trim()));
}

function splitPart(value: string): string[] {
  const andParts = value.split(/\s+and\s+/);
  if (andParts.length > 1 && andParts.every((p) => commaCount(p) === 1)) return andParts.map(uninvert);
  const pieces = andParts.flatMap((p) => p.split(',')).map((p) => p.trim()).filter(Boolean);
  const isList = andParts.length > 1 || commaCount(value) >= 2;
  const fullNames = pieces.every((p) => /\s/.test(p));
  const hasBareInitials = pieces.some((p) => /^(?:[A-Z]\.\s*)+$/.test(p));
  if (pieces.length > 1 && (fullNames || (isList && !hasBareInitials))) return pieces;
  if (andParts.length === 1 && commaCount(value) === 1) return [uninvert(value)];
  return value ? [value] : [];
}

/** `A. Author (1 and 2) ((1) Lab, (2) Univ)` → `A. Author`; a few levels deep at most. */
function withoutAffiliations(text: string): string {
  let value = text;
  for (let depth = 0; depth < 5 && value.includes('('); depth++) value = value.replace(/\([^()]*\)/g, ' ');
  return value;
}

function commaCount(text: string): number {
  return text.split(',').length - 1;
}

/** `Hu, Edward J.` → `Edward J. Hu`; names without exactly one comma are kept. */
function uninvert(name: string): string {
  const parts = name.split(',').map((p) => p.trim());
  if (parts.length !== 2 || !parts[0] || !parts[1]) return name.trim();
  return `${parts[1]} ${parts[0]}`;
}
