/**
 * Fuzzy text search over titles and abstracts with Fuse.js, for questions the tags cannot
 * answer ("federated", a dataset name). The one query operation that reorders: best match first.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { checkOptions, countFrom, numberIn } from '../classification/options.js';
import type { PaperInput } from '../classification/types.js';

/** Options of `Corpus.search`. */
export interface SearchOptions {
  /**
   * How fuzzy each word may match: 0 exact … 1 anything. At the default, words of up to four
   * letters must occur exactly and longer ones tolerate about one typo per five letters.
   * @default 0.2
   */
  threshold?: number;
  /** At most this many results. */
  limit?: number;
}

const DEFAULT_THRESHOLD = 0.2;

const SEARCH_OPTIONS = { threshold: numberIn(0, 1), limit: countFrom(0, true) };

interface SearchDocument {
  title: string;
  abstract: string;
}

const FUSE_OPTIONS: IFuseOptions<SearchDocument> = {
  // A title match says more about a paper than the same words somewhere in its abstract.
  keys: [
    { name: 'title', weight: 2 },
    { name: 'abstract', weight: 1 },
  ],
  // Abstracts are long and the words can be anywhere in them.
  ignoreLocation: true,
  // Without this, Fuse's field-length norm buries every abstract match under any title match.
  fieldNormWeight: 0.2,
  // Every word must match somewhere (title or abstract), in any order: adding a word narrows the results.
  useTokenSearch: true,
  tokenMatch: 'all',
};

/** Searches one fixed list of entries. Fuse indexes are kept per threshold: the list never changes. */
export class EntrySearch<E extends { readonly record: PaperInput }> {
  readonly #entries: readonly E[];
  readonly #documents: SearchDocument[];
  readonly #fuses = new Map<number, Fuse<SearchDocument>>();

  constructor(entries: readonly E[]) {
    this.#entries = entries;
    this.#documents = entries.map(({ record }) => ({ title: text(record.title), abstract: text(record.abstract) }));
  }

  /**
   * Entries matching `query`, best first; a blank query keeps every entry in input order.
   * @throws {RangeError} for a threshold outside 0..1 or a negative limit.
   */
  search(query: string, options: SearchOptions = {}): E[] {
    checkOptions('search', options, SEARCH_OPTIONS);
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`search: expected a threshold between 0 and 1, got ${String(threshold)}`);
    const limit = options.limit ?? Infinity;
    if (!(limit >= 0)) throw new RangeError(`search: expected a limit of at least 0, got ${String(limit)}`);
    if (String(query).trim() === '') return this.#entries.slice(0, limit);
    return this.#fuse(threshold)
      .search(String(query))
      .slice(0, limit)
      .map((result) => this.#entries[result.refIndex]!);
  }

  #fuse(threshold: number): Fuse<SearchDocument> {
    let fuse = this.#fuses.get(threshold);
    if (!fuse) {
      fuse = new Fuse(this.#documents, { ...FUSE_OPTIONS, threshold });
      this.#fuses.set(threshold, fuse);
    }
    return fuse;
  }
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
