/**
 * Writes generated entries in the shape of each input format, so the reader fuzz tests feed the
 * readers documents that ARE their format (only the values are hostile) and can check that every
 * entry is accounted for. `variant` picks among the spellings each format allows.
 */
import type { InputFormat } from '../../src/records/index.js';
import { bag, collapsed, type Entry, type Tracked } from './entries.js';

/** A serialised document and what the reader should make of it. */
export interface Document {
  format: InputFormat;
  source: string;
  text: string;
  /** Entries the document holds: records + issues must add up to this. */
  count: number;
  tracked: Tracked[];
  /** Tracked titles/abstracts come out unchanged apart from collapsed whitespace (no markup language in between). */
  exact: boolean;
  /** hf-page only: the titles the reader must find, in order. */
  titles?: string[];
}

type JsonMapper = (entry: Entry, variant: number) => unknown;

/** `names[key]` when it is an own entry: `names.toString` must not rename the key `toString`. */
const renameKey = (names: Record<string, string>, key: string): string => (Object.hasOwn(names, key) ? names[key]! : key);

/** Renames keys of a hostile object (keeping it prototype-free); other values pass through. */
function renamed(value: unknown, names: Record<string, string>): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return bag(Object.entries(value).map(([k, v]) => [renameKey(names, k), v]));
}

const invert = (text: string): Record<string, unknown> => {
  const index = bag([]);
  text.split(/\s+/).filter(Boolean).forEach((word, position) => {
    index[word] = [...((index[word] as number[] | undefined) ?? []), position];
  });
  return index;
};

const JSON_MAPPERS: Record<'jsonl' | 'json' | 's2' | 'openalex' | 'hf-daily' | 'csl', JsonMapper> = {
  jsonl: (e) => (e.kind === 'tracked' ? bag([...e.extra, ['id', e.id], ['title', e.title], ['abstract', e.abstract], ['authors', e.authors], ['year', e.year]]) : e.value),
  json: (e) => JSON_MAPPERS.jsonl(e, 0),
  s2: (e, v) => {
    if (e.kind === 'hostile') return renamed(e.value, { id: 'paperId' });
    const paper = bag([...e.extra, ['paperId', e.id], ['title', e.title], ['abstract', e.abstract], ['authors', e.authors.map((name) => ({ name }))], ['year', e.year]]);
    return v % 2 ? { citingPaper: paper } : paper;
  },
  openalex: (e) =>
    e.kind === 'hostile'
      ? renamed(e.value, { title: 'display_name', abstract: 'abstract_inverted_index', year: 'publication_year' })
      : bag([...e.extra, ['id', `https://openalex.org/${e.id}`], ['display_name', e.title], ['abstract_inverted_index', invert(e.abstract)], ['authorships', e.authors.map((a) => ({ author: { display_name: a } }))], ['publication_year', e.year]]),
  'hf-daily': (e, v) => {
    if (e.kind === 'hostile') return renamed(e.value, { abstract: 'summary' });
    const paper = bag([...e.extra, ['id', e.id], ['title', e.title], ['summary', e.abstract], ['authors', e.authors.map((name) => ({ name }))]]);
    return v % 2 ? { paper, publishedAt: `${e.year}-01-02T00:00:00.000Z` } : paper;
  },
  csl: (e) =>
    e.kind === 'hostile'
      ? renamed(e.value, { authors: 'author', year: 'issued' })
      : bag([...e.extra, ['id', e.id], ['type', 'article-journal'], ['title', e.title], ['abstract', e.abstract], ['author', e.authors.map((literal) => ({ literal }))], ['issued', { 'date-parts': [[e.year]] }]]),
};

const WRAPPERS: Record<string, ReadonlyArray<string | null>> = {
  json: [null, 'data', 'results', 'papers'],
  s2: [null, 'data'],
  openalex: [null, 'results'],
  'hf-daily': [null, 'papers'],
  csl: [null, 'items'],
};

function jsonDocument(format: keyof typeof JSON_MAPPERS, entries: Entry[], variant: number): string {
  const items = entries.map((e, i) => JSON_MAPPERS[format](e, variant >> i));
  if (format === 'jsonl') return items.map((item, i) => JSON.stringify(item) + ((variant >> i) % 3 === 0 ? '\n  ' : '')).join('\n');
  const wrappers = WRAPPERS[format]!;
  const key = wrappers[variant % wrappers.length];
  return JSON.stringify(key ? { [key]: items } : items, null, variant % 2 ? 2 : undefined);
}

const cellOf = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;

function csvDocument(entries: Entry[], variant: number): { text: string; source: string } {
  const delimiter = [',', ';', '\t'][variant % 3]!;
  const header = [['id', 'ID', 'paper_id'][variant % 3]!, ['title', 'Title', 'Paper Title'][variant % 3]!, ['abstract', 'Summary'][variant % 2]!, 'authors', 'year'];
  const rows = entries.map((e, i) => {
    if (e.kind === 'tracked') return [e.id, e.title, e.abstract, e.authors.join('; '), String(e.year)];
    const value = e.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const fields = value as Record<string, unknown>;
      return ['id', 'title', 'abstract', 'authors', 'year'].map((k) => cellOf(fields[k] ?? ''));
    }
    // Not an object: a row with the wrong number of fields.
    return Array.from({ length: i % 2 ? 4 : 6 }, () => cellOf(value));
  });
  const text = [header, ...rows].map((row) => row.map(quote).join(delimiter)).join(variant % 2 ? '\r\n' : '\n');
  return { text, source: delimiter === '\t' ? 'papers.tsv' : 'papers.csv' };
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function atomEntry(e: Entry, variant: number): string {
  if (e.kind === 'tracked') {
    const summary = variant % 2 && !e.abstract.includes(']]>') ? `<![CDATA[${e.abstract}]]>` : xml(e.abstract);
    const authors = e.authors.map((a) => `<author><name>${xml(a)}</name></author>`).join('');
    return `<entry>\n<id>${e.id}</id>\n<title>${xml(e.title)}</title>\n<summary>${summary}</summary>${authors}<published>${e.year}-03-04T00:00:00Z</published>\n</entry>`;
  }
  const value = e.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return `<entry>${xml(cellOf(value))}</entry>`;
  const children = Object.entries(value).map(([k, v]) => {
    const name = renameKey({ abstract: 'summary', year: 'published' }, k);
    return `<${name}>${xml(cellOf(v))}</${name}>`;
  });
  return `<entry>${children.join('\n')}</entry>`;
}

/** BibTeX values must keep balanced braces and no line may start an entry inside a value. */
const bib = (text: string): string => text.replace(/[{}]/g, (b) => (b === '{' ? '(' : ')')).replace(/@/g, '(at)');

function bibtexEntry(e: Entry, i: number, variant: number): string {
  const [open, close] = (variant >> i) % 4 === 0 ? ['(', ')'] : ['{', '}'];
  if (e.kind === 'tracked') {
    const fields = [`title = {${bib(e.title)}}`, `abstract = {${bib(e.abstract)}}`, `author = {${e.authors.map(bib).join(' and ')}}`, `year = ${e.year}`];
    return `@article${open}${e.id},\n  ${fields.join(',\n  ')}\n${close}`;
  }
  const value = e.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    // Broken on purpose: a missing '=' or an unterminated value; each must cost only this entry.
    return i % 2 ? `@misc{h${i}, title {${bib(cellOf(value))}}}` : `@misc{h${i}, title = {${bib(cellOf(value))}`;
  }
  const fields = Object.entries(value).map(([k, v]) => `${k} = {${bib(cellOf(v))}}`);
  return `@misc${open}h${i}${fields.map((f) => `,\n  ${f}`).join('')}\n${close}`;
}

/** One line with no line breaks, never blank. */
const oneLine = (text: string): string => text.replace(/[\r\n]+/g, ' ');

function hfPage(entries: Entry[], variant: number): { text: string; titles: string[]; tracked: Tracked[] } {
  const tracked = entries.filter((e): e is Tracked => e.kind === 'tracked');
  const blocks = ['Daily Papers', 'by AK and the research community'];
  const titles: string[] = [];
  tracked.forEach((e, i) => {
    // Short title lines (under 12 words) are never taken for abstracts.
    const title = `Paper ${collapsed(oneLine(e.title)).split(' ').slice(0, 8).join(' ').slice(0, 120)}`;
    titles.push(collapsed(title));
    blocks.push(title);
    if (i === 0 || (variant >> i) % 3 !== 0) blocks.push(`Abstract ${oneLine(e.abstract)} ${'and the words go on. '.repeat(16)}`);
    if ((variant >> i) % 2) blocks.push(`· ${e.authors.length + 1} authors\n·\nOct 21, ${e.year} 7`);
  });
  return { text: blocks.join('\n\n'), titles, tracked };
}

/** `entries` written as a document of `format`. */
export function serialise(format: InputFormat, entries: Entry[], variant: number): Document {
  const tracked = entries.filter((e): e is Tracked => e.kind === 'tracked');
  const base = { format, tracked, count: entries.length };
  switch (format) {
    case 'csv':
      return { ...base, ...csvDocument(entries, variant), exact: true };
    case 'atom': {
      const body = entries.map((e) => atomEntry(e, variant)).join('\n');
      const text = `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">\n<title>query</title>\n${body}\n</feed>\n`;
      return { ...base, source: 'feed.atom', text, exact: true };
    }
    case 'bibtex':
      return { ...base, source: 'refs.bib', text: entries.map((e, i) => bibtexEntry(e, i, variant)).join('\n\n'), exact: false };
    case 'hf-page': {
      const page = hfPage(entries, variant);
      return { ...base, source: 'page.txt', text: page.text, count: page.tracked.length, tracked: page.tracked, titles: page.titles, exact: false };
    }
    default:
      return { ...base, source: `list.${format === 'jsonl' ? 'jsonl' : 'json'}`, text: jsonDocument(format, entries, variant), exact: true };
  }
}
