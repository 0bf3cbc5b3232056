/**
 * Semantic Scholar Graph API responses: a single paper (`/paper/{id}`), search and bulk
 * search pages (`{total, data:[...]}`), batch results (an array where unknown ids are
 * `null`), and citation/reference lists whose items wrap the paper in `citingPaper` or
 * `citedPaper`.
 */
import type { Draft, EntryContext } from './build.js';
import { readJsonFormat, wrappedArray, type JsonFields, type JsonFormat } from './json-reader.js';
import { normaliseArxivId, normaliseDoi } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

const WRAPPERS = ['citingPaper', 'citedPaper'] as const;

const S2: JsonFormat = {
  format: 's2',
  entries: (root) => wrappedArray(root, ['data']),
  map: (fields, entry) => paperDraft(unwrap(fields), entry),
  nullEntry: 'expected a paper object, got null (the batch API returns null for ids it does not know)',
};

/** Reads a Semantic Scholar API response. Throws `ReadError` when the text is not JSON. */
export function readSemanticScholar(text: string, options: ReadOptions = {}): ReadResult {
  return readJsonFormat(text, S2, options);
}

function unwrap(fields: JsonFields): JsonFields {
  for (const key of WRAPPERS) {
    const inner = fields.object(key);
    if (inner) return inner;
  }
  return fields;
}

function paperDraft(paper: JsonFields, entry: EntryContext): Draft {
  const id = paper.id('paperId');
  entry.recordId = id;
  const external = paper.object('externalIds');
  const doi = external?.string('DOI');
  const arxiv = external?.string('ArXiv');
  return {
    id,
    title: paper.string('title'),
    abstract: paper.string('abstract'),
    authors: paper.objects('authors').map((author) => author.string('name') ?? ''),
    year: paper.year('year'),
    date: paper.date('publicationDate'),
    venue: paper.string('venue') || paper.object('publicationVenue')?.string('name') || paper.object('journal')?.string('name'),
    url: paper.string('url') ?? paper.object('openAccessPdf')?.string('url'),
    doi: doi === undefined ? undefined : (normaliseDoi(doi) ?? external?.fail('DOI', `expected a DOI like 10.1234/abc, got '${doi}'`)),
    arxivId: arxiv === undefined ? undefined : (normaliseArxivId(arxiv) ?? external?.fail('ArXiv', `expected an arXiv id, got '${arxiv}'`)),
    categories: paper.strings('fieldsOfStudy'),
  };
}
