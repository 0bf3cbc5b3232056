/**
 * OpenAlex works (`api.openalex.org/works`): a single work or a page `{meta, results:[...]}`.
 * OpenAlex ships abstracts only as an inverted index (word → positions), rebuilt here.
 */
import type { Draft, EntryContext } from './build.js';
import { readJsonFormat, wrappedArray, type JsonFields, type JsonFormat } from './json-reader.js';
import { describe, findArxivId, normaliseDoi } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

const OPENALEX: JsonFormat = {
  format: 'openalex',
  entries: (root) => wrappedArray(root, ['results']),
  map: workDraft,
};

/** Reads an OpenAlex works response. Throws `ReadError` when the text is not JSON. */
export function readOpenAlex(text: string, options: ReadOptions = {}): ReadResult {
  return readJsonFormat(text, OPENALEX, options);
}

function workDraft(work: JsonFields, entry: EntryContext): Draft {
  const id = shortId(work.string('id') ?? work.object('ids')?.string('openalex'));
  entry.recordId = id;
  const doi = work.string('doi');
  const primary = work.object('primary_location');
  return {
    id,
    title: work.string('display_name') ?? work.string('title'),
    abstract: rebuildAbstract(work),
    authors: work.objects('authorships').map((a) => a.object('author')?.string('display_name') ?? a.string('raw_author_name') ?? ''),
    year: work.year('publication_year'),
    date: work.date('publication_date'),
    venue: primary?.object('source')?.string('display_name') ?? work.object('host_venue')?.string('display_name'),
    url: primary?.string('landing_page_url') ?? doi,
    doi: doi === undefined ? undefined : (normaliseDoi(doi) ?? work.fail('doi', `expected a DOI like https://doi.org/10.1234/abc, got '${doi}'`)),
    arxivId: arxivIdOf(work, doi),
  };
}

/** `https://openalex.org/W2741809807` → `W2741809807`. */
function shortId(id: string | undefined): string | undefined {
  return id?.trim().replace(/^https?:\/\/openalex\.org\//i, '');
}

/**
 * Rebuilds an abstract from `{word: [positions]}`. Words are sorted by position rather
 * than written into an array indexed by position, so a hostile position such as 1e9
 * cannot allocate a huge array.
 */
export function rebuildAbstract(work: JsonFields): string | undefined {
  const index = work.object('abstract_inverted_index');
  if (!index) return undefined;
  const placed: { position: number; word: string }[] = [];
  for (const word of Object.keys(index.obj)) {
    const positions = index.array(word) ?? [];
    for (const position of positions) {
      if (typeof position === 'number' && Number.isInteger(position) && position >= 0) placed.push({ position, word });
      else index.fail(word, `expected word positions as non-negative integers, got ${describe(position)}`);
    }
  }
  return placed.sort((a, b) => a.position - b.position).map((p) => p.word).join(' ');
}

/** An arXiv id from the DOI (DataCite `10.48550/arXiv.*`) or any location's URLs. */
function arxivIdOf(work: JsonFields, doi: string | undefined): string | undefined {
  const urls = [doi];
  for (const location of [work.object('primary_location'), ...work.objects('locations'), work.object('best_oa_location')]) {
    urls.push(location?.string('landing_page_url'), location?.string('pdf_url'));
  }
  for (const url of urls) {
    const id = url === undefined ? undefined : findArxivId(url);
    if (id) return id;
  }
  return undefined;
}
