/**
 * BibTeX reference lists (`refs.bib`): the citation key is the id, LaTeX in titles and
 * abstracts becomes readable text, `Family, Given` names become `Given Family`, and
 * arXiv ids come from `eprint`/`archivePrefix` or from Google Scholar's
 * `journal = {arXiv preprint arXiv:...}`.
 */
import { FieldError, RecordSink, type Draft } from './build.js';
import { parseBibtex, type BibEntry } from './bibtex-parse.js';
import { latexToText } from './latex.js';
import { LineIndex } from './position.js';
import { collapseWhitespace, findArxivId, isoDate, monthNumber, normaliseArxivId, normaliseDate, normaliseDoi, parseYear } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

/** Reads BibTeX text. Never throws: broken entries become issues. */
export function readBibtex(text: string, options: ReadOptions = {}): ReadResult {
  const sink = new RecordSink('bibtex', options.source);
  const lines = new LineIndex(text);
  for (const entry of parseBibtex(text)) {
    const place = { line: lines.place(entry.offset).line };
    const recordId = entry.key || undefined;
    if (entry.problem) {
      sink.reject(place, entry.problem.message, { recordId });
    } else {
      sink.attempt(place, (context) => {
        context.recordId = recordId;
        return entryDraft(entry);
      });
    }
  }
  return sink.result();
}

function entryDraft(entry: BibEntry): Draft {
  const raw = (name: string): string | undefined => entry.fields.get(name);
  const text = (name: string): string | undefined => {
    const value = raw(name);
    return value === undefined ? undefined : collapseWhitespace(latexToText(value));
  };
  const journal = text('journal');
  return {
    id: entry.key,
    title: text('title'),
    abstract: text('abstract'),
    authors: namesOf(raw('author')),
    ...dateOf(text('year'), text('month'), text('date')),
    venue: journal ?? text('booktitle'),
    url: plain(raw('url')),
    doi: doiOf(plain(raw('doi'))),
    arxivId: arxivOf(entry, journal),
    categories: raw('primaryclass') === undefined ? undefined : [text('primaryclass') ?? ''],
  };
}

/** URLs and DOIs are not LaTeX, but `\_` and `\%` escapes are common in them. */
function plain(value: string | undefined): string | undefined {
  return value === undefined ? undefined : value.replace(/\\([_%&#$])/g, '$1').replace(/[{}]/g, '').trim();
}

function dateOf(year: string | undefined, month: string | undefined, date: string | undefined): Pick<Draft, 'year' | 'date'> {
  if (date) {
    const iso = normaliseDate(date) ?? fail('date', `expected a date like 2021-06-17, got '${date}'`);
    return { date: iso, year: Number(iso.slice(0, 4)) };
  }
  if (!year) return {};
  const yearNo = parseYear(year) ?? fail('year', `expected a 4-digit year, got '${year}'`);
  const monthNo = month === undefined ? undefined : /^\d{1,2}$/.test(month) ? Number(month) : monthNumber(month);
  // A year alone stays in `year`; `date` is set only when the month adds something.
  return { year: yearNo, date: monthNo === undefined ? undefined : isoDate(yearNo, monthNo) };
}

function doiOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return normaliseDoi(value) ?? fail('doi', `expected a DOI like 10.1234/abc, got '${value}'`);
}

function arxivOf(entry: BibEntry, journal: string | undefined): string | undefined {
  const eprint = entry.fields.get('eprint')?.trim();
  const archive = `${entry.fields.get('archiveprefix') ?? ''} ${entry.fields.get('eprinttype') ?? ''}`;
  if (eprint && /arxiv/i.test(archive)) {
    return normaliseArxivId(eprint) ?? fail('eprint', `expected an arXiv id like 2106.09685, got '${eprint}'`);
  }
  const fromEprint = eprint ? normaliseArxivId(eprint) : undefined;
  return fromEprint ?? [journal, entry.fields.get('url'), entry.fields.get('doi'), entry.fields.get('note')]
    .map((v) => (v ? findArxivId(v) : undefined))
    .find((id) => id !== undefined);
}

function fail(field: string, message: string): never {
  throw new FieldError(field, message);
}

/**
 * Splits a BibTeX name list on top-level ` and ` (braced groups such as
 * `{Barnes and Noble}` stay whole), reorders `von Last, Jr, First` forms and drops the
 * `others` placeholder of "et al.".
 */
export function namesOf(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  return splitTopLevel(raw, /\s+and\s+/gi)
    .map((name) => reorder(name.trim()))
    .map((name) => collapseWhitespace(latexToText(name)))
    .filter((name) => name !== '' && name.toLowerCase() !== 'others');
}

function reorder(name: string): string {
  const parts = splitTopLevel(name, /,/g).map((p) => p.trim());
  if (parts.length === 2) return `${parts[1]} ${parts[0]}`;
  if (parts.length === 3) return `${parts[2]} ${parts[0]} ${parts[1]}`;
  return name;
}

/**
 * Splits on a separator only outside braces, by matching against a copy with braced text masked.
 * `\{` and `\}` are escaped braces and do not open or close a group.
 */
function splitTopLevel(text: string, separator: RegExp): string[] {
  let depth = 0;
  let masked = '';
  let escaped = false;
  for (const c of text) {
    const brace = !escaped && (c === '{' || c === '}');
    escaped = !escaped && c === '\\';
    if (brace && c === '{') depth++;
    const hidden = depth > 0;
    if (brace && c === '}' && depth > 0) depth--;
    masked += hidden ? '_'.repeat(c.length) : c;
  }
  const parts: string[] = [];
  let start = 0;
  for (const match of masked.matchAll(separator)) {
    parts.push(text.slice(start, match.index));
    start = match.index + match[0].length;
  }
  parts.push(text.slice(start));
  return parts;
}
