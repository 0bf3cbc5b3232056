/**
 * `Corpus`: classified records as an immutable, chainable list. Filters return new corpora in
 * input order (only `search` reorders); summaries return plain Maps and arrays.
 */
import { checkOptions, describe } from '../classification/options.js';
import type { Classification, FacetIds, PaperInput } from '../classification/types.js';
import { OptionError } from '../errors.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { TypedTaxonomy } from '../taxonomy/typed.js';
import { allOf, anyOf, noneOf, scoreAtLeast, type ClassificationTest } from './filters.js';
import { nameGroups, nameLeaderboard, nameTest, proposedNames, type NameCount, type NameIdOf, type NameQuery, type ProposedCount } from './names.js';
import type { NameRole } from '../classification/types.js';
import type { ClassificationLike } from './membership.js';
import { EntrySearch, type SearchOptions } from './search.js';
import { cooccurrenceMatrix, cooccurrencePairs, groupEntries, presentIds, topEntries } from './summary.js';
import { TaxonomyIndex } from './taxonomy-index.js';
import type {
  CooccurrenceMatrix,
  CooccurrencePair,
  CorpusEntry,
  FacetName,
  FacetQuery,
  RankedEntry,
  TagId,
  TagSelector,
} from './types.js';

/** Options of `Corpus.from`. */
export interface CorpusFromOptions<M extends FacetIds, R extends PaperInput> {
  /** The taxonomy the classifications were made with; a generated module's export types the ids. */
  taxonomy: TypedTaxonomy<M> | Taxonomy;
  /**
   * The classified records, one per classification in the same order. Without them each entry's
   * record is `{ id }` and `search` finds nothing.
   */
  records?: Iterable<R>;
}

/**
 * Classified records, in input order. Immutable: every filter returns a new corpus and leaves
 * this one untouched. Build one with `tagCorpus(records)` or `Corpus.from(classifications, …)`.
 *
 * A record belongs to each id it is tagged with and to that id's ancestors, so `where({ method: 'peft' })`
 * also finds records tagged only `peft.lora`, and `count('method').get(id)` always equals
 * `where({ method: id }).size`.
 *
 * @example
 * const corpus = tagCorpus(records);
 * corpus.where({ method: 'peft.lora', modality: 'vision' }).size;
 * corpus.count('method'); // Map { 'peft' => 41, 'robustness' => 30, … }
 */
export class Corpus<M extends FacetIds = FacetIds, R extends PaperInput = PaperInput> implements Iterable<CorpusEntry<M, R>> {
  /** The taxonomy's tree and name lookups: `corpus.taxonomy.resolve('LoRA')`. */
  readonly taxonomy: TaxonomyIndex<M>;
  readonly #entries: ReadonlyArray<CorpusEntry<M, R>>;
  #search: EntrySearch<CorpusEntry<M, R>> | undefined;

  private constructor(taxonomy: TaxonomyIndex<M>, entries: ReadonlyArray<CorpusEntry<M, R>>) {
    this.taxonomy = taxonomy;
    this.#entries = Object.freeze(entries);
  }

  /**
   * A corpus over results classified earlier (e.g. read back from `finetax classify` JSON).
   *
   * @example
   * const corpus = Corpus.from(classifier.classifyMany(records), { taxonomy, records });
   * @throws {UnknownIdError} when a tag's facet or id is not in `taxonomy`.
   * @throws {RangeError} when `records` and `classifications` differ in length.
   * @throws {OptionError} without a taxonomy, or for an unknown option.
   */
  static from<M extends FacetIds = FacetIds, R extends PaperInput = PaperInput>(
    classifications: Iterable<Classification<NoInfer<M>>>,
    options: CorpusFromOptions<M, R>,
  ): Corpus<M, R> {
    checkCorpusFromOptions(options);
    const index = TaxonomyIndex.of<M>(options.taxonomy);
    const list = Array.from(classifications);
    const records = options.records === undefined ? undefined : Array.from(options.records);
    if (records && records.length !== list.length) {
      throw new RangeError(`Corpus.from: ${list.length} classifications but ${records.length} records; pass one record per classification, in the same order`);
    }
    list.forEach((classification) => checkTags(untyped(index), classification));
    // Without records R is left at its default, PaperInput, and `{ id }` is all we know of a record.
    const recordAt = (i: number, classification: Classification<M>): R => records?.[i] ?? ({ id: classification.id } as R);
    return new Corpus(index, list.map((classification, i) => Object.freeze({ record: recordAt(i, classification), classification })));
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries.length;
  }

  /** Entries in corpus order. */
  [Symbol.iterator](): Iterator<CorpusEntry<M, R>> {
    return this.#entries[Symbol.iterator]();
  }

  /** The entries as a new array (changing it does not change the corpus). */
  toArray(): Array<CorpusEntry<M, R>> {
    return [...this.#entries];
  }

  /**
   * Records that belong to any of the listed ids, per facet; facets are AND-ed. An id includes its
   * descendants. An empty list matches nothing.
   *
   * @example
   * corpus.where({ method: 'peft' }); // LoRA, adapters, prompt tuning, …
   * corpus.where({ method: ['data-selection', 'alignment'], type: 'survey' });
   * @throws {UnknownIdError} for an unknown facet or id (checked at run time too, for ids from CLI flags).
   */
  where(query: FacetQuery<M> & NameQuery<NameIdOf<M>>): Corpus<M, R> {
    const { name, role, ...facets } = query as FacetQuery<M> & NameQuery;
    const byFacet = anyOf(this.#index, facets as FacetQuery<M>);
    const byName = nameTest(this.taxonomy.taxonomy, { name, role } as NameQuery);
    return this.#keep(byName ? (c) => byFacet(c) && byName(c as Classification) : byFacet);
  }

  /**
   * Named methods by number of records, with counts per role; with `role`, ranked by that role.
   * @example corpus.where({ method: 'peft' }).nameLeaderboard('compares')[0]?.label; // 'LoRA': what PEFT papers compare against
   */
  nameLeaderboard(role?: NameRole): Array<NameCount<NameIdOf<M>>> {
    return nameLeaderboard(this.#classifications(), role) as Array<NameCount<NameIdOf<M>>>;
  }

  /** The names records give their own contribution, most frequent first; `known: false` ones are new to the taxonomy. */
  proposedNames(): ProposedCount[] {
    return proposedNames(this.#classifications(), this.taxonomy.taxonomy);
  }

  /** Records per group of named methods (`quantised`, `rank-allocation`, …), optionally in one role. */
  nameGroups(role?: NameRole): Map<string, number> {
    return nameGroups(this.#classifications(), this.taxonomy.taxonomy, role);
  }

  #classifications(): Classification[] {
    return this.#entries.map((e) => e.classification as Classification);
  }

  /**
   * Records that belong to every listed id.
   * @example corpus.whereAll({ method: ['peft.lora', 'robustness'] });
   * @throws {UnknownIdError}
   */
  whereAll(query: FacetQuery<M>): Corpus<M, R> {
    return this.#keep(allOf(this.#index, query));
  }

  /**
   * Records that belong to none of the listed ids.
   * @example corpus.whereNone({ type: 'survey' });
   * @throws {UnknownIdError}
   */
  whereNone(query: FacetQuery<M>): Corpus<M, R> {
    return this.#keep(noneOf(this.#index, query));
  }

  /**
   * Records with at least one tag scoring `min` or more; with a selector, one of the selected tags
   * (`{ facet }`: that facet's tags, `{ id }`: that id's or its descendants' tags).
   *
   * @example
   * corpus.minScore(0.8, { facet: 'method', id: 'peft.lora' });
   * @throws {UnknownIdError} for an unknown facet or id; {RangeError} when `min` is not a number.
   */
  minScore(min: number, selector: TagSelector<M> = {}): Corpus<M, R> {
    return this.#keep(scoreAtLeast(this.#index, min, selector));
  }

  /** Entries for which `predicate` returns true. */
  filter(predicate: (entry: CorpusEntry<M, R>, index: number) => boolean): Corpus<M, R> {
    return new Corpus(this.taxonomy, this.#entries.filter(predicate));
  }

  /**
   * Fuzzy search over titles (weighted double) and abstracts: every word of `text` must match,
   * allowing small typos; words also match inside longer words. Combines with the filters before
   * or after it. The only operation that reorders: results come best match first.
   *
   * @example
   * corpus.where({ method: 'peft' }).search('federated');
   * @throws {RangeError} for a threshold outside 0..1 or a negative limit.
   */
  search(text: string, options?: SearchOptions): Corpus<M, R> {
    this.#search ??= new EntrySearch(this.#entries);
    return new Corpus(this.taxonomy, this.#search.search(text, options));
  }

  /**
   * Records per id of `facet` (a record counts for its tags' ancestors too), most first;
   * ids without records are left out.
   *
   * @example corpus.count('method'); // Map { 'peft' => 41, 'peft.lora' => 17, … }
   * @throws {UnknownIdError} for an unknown facet.
   */
  count<F extends FacetName<M>>(facet: F): Map<M[F], number> {
    const groups = groupEntries(this.#index, this.#entries, facet);
    return new Map([...groups].map(([id, entries]) => [id as M[F], entries.length]));
  }

  /**
   * A corpus per id of `facet`, in the order of `count(facet)`. A record is in the group of every
   * id it belongs to, so groups overlap.
   *
   * @example corpus.groupBy('type').get('survey')?.count('method');
   * @throws {UnknownIdError} for an unknown facet.
   */
  groupBy<F extends FacetName<M>>(facet: F): Map<M[F], Corpus<M, R>> {
    const groups = groupEntries(this.#index, this.#entries, facet);
    return new Map([...groups].map(([id, entries]) => [id as M[F], new Corpus(this.taxonomy, entries)]));
  }

  /**
   * Pairs of ids of `facet` on the same records, most frequent first; `a` precedes `b` in
   * taxonomy order. Implied parents pair with other ids but never with their own descendants,
   * so each pair's count equals `whereAll({ [facet]: [a, b] }).size`.
   *
   * @example corpus.cooccurrence('method')[0]; // { a: 'peft', b: 'robustness', count: 4 }
   * @throws {UnknownIdError} for an unknown facet.
   */
  cooccurrence<F extends FacetName<M>>(facet: F): Array<CooccurrencePair<M[F]>> {
    return cooccurrencePairs(this.#index, this.#entries, facet) as Array<CooccurrencePair<M[F]>>;
  }

  /**
   * Records per pair of ids of `facet`, as a square table over all its ids in taxonomy order
   * (ancestor pairs included; the diagonal is `count`).
   * @throws {UnknownIdError} for an unknown facet.
   */
  cooccurrenceMatrix<F extends FacetName<M>>(facet: F): CooccurrenceMatrix<M[F]> {
    return cooccurrenceMatrix(this.#index, this.#entries, facet) as CooccurrenceMatrix<M[F]>;
  }

  /**
   * The `n` entries with the highest selected tag (any tag, a facet's, or an id's and its
   * descendants'), best first (ties in input order), each with that tag; of a parent and a child
   * scoring the same, the child. Entries without such a tag are left out.
   *
   * @example corpus.top(5, { id: 'peft.lora' }).map((e) => [e.tag.score, e.record.title]);
   * @throws {UnknownIdError} for an unknown facet or id; {RangeError} for a negative `n`.
   */
  top(n: number, selector: TagSelector<M> = {}): Array<RankedEntry<M, R>> {
    return topEntries(this.#index, this.#entries, n, selector);
  }

  /**
   * The ids with at least one record, in taxonomy order: of `facet`, or of every facet.
   * @example corpus.where({ modality: 'vision' }).families('method'); // ['peft', 'peft.lora', 'robustness']
   * @throws {UnknownIdError} for an unknown facet.
   */
  families(): Array<TagId<M>>;
  families<F extends FacetName<M>>(facet: F): Array<M[F]>;
  families(facet?: string): string[] {
    return presentIds(this.#index, this.#entries, facet);
  }

  get #index(): TaxonomyIndex {
    return untyped(this.taxonomy);
  }

  #keep(test: ClassificationTest): Corpus<M, R> {
    return new Corpus(this.taxonomy, this.#entries.filter((entry) => test(entry.classification)));
  }
}

function checkCorpusFromOptions(options: unknown): void {
  const taxonomy = (options as { taxonomy?: unknown } | null)?.taxonomy;
  if (taxonomy === undefined || taxonomy === null || typeof taxonomy !== 'object') {
    throw new OptionError('Corpus.from', 'taxonomy', `is required: expected the taxonomy the classifications were made with, got ${describe(taxonomy)}`);
  }
  checkOptions('Corpus.from', options, {
    taxonomy: () => undefined,
    records: (value) => (value !== null && typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' ? undefined : `expected the classified records (an array or iterable), got ${describe(value)}`),
  });
}

/** Tags from another taxonomy would make every filter silently wrong, so they are refused up front. */
function checkTags(index: TaxonomyIndex, classification: ClassificationLike): void {
  for (const tag of classification.tags) {
    index.requireId(tag.id, index.requireFacet(tag.facet));
  }
}

/**
 * The index as the string-typed internals take it. TypeScript cannot relate `TaxonomyIndex<M>` to
 * `TaxonomyIndex<FacetIds>` for a generic M, though every M's ids are strings.
 */
function untyped<M extends FacetIds>(index: TaxonomyIndex<M>): TaxonomyIndex {
  return index as unknown as TaxonomyIndex;
}
