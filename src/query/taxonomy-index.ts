/**
 * `TaxonomyIndex`: the taxonomy's tree (ancestors, descendants, order), name lookups and the
 * run-time checks that back the compile-time ones, for ids that arrive from JavaScript or a CLI flag.
 */
import { checkOptions, countFrom, describe } from '../classification/options.js';
import type { FacetIds } from '../classification/types.js';
import { UnknownIdError } from '../errors.js';
import { defaultTaxonomy, type DefaultTaxonomyFacetIds } from '../taxonomy/generated/default.js';
import type { Taxonomy, TaxonomyNode } from '../taxonomy/types.js';
import type { TypedTaxonomy } from '../taxonomy/typed.js';
import { NameLookup, nameKey, similarity } from './lookup.js';
import type { FacetName, SameFacetIds, Suggestion, TagId } from './types.js';

interface IndexedNode {
  node: TaxonomyNode;
  order: number;
  /** Nearest first. */
  ancestors: string[];
  /** In taxonomy order. */
  descendants: string[];
}

/** Options of `TaxonomyIndex.suggest`. */
export interface SuggestOptions<F extends string = string> {
  /** Only ids of this facet. */
  facet?: F;
  /** At most this many suggestions. @default 5 */
  limit?: number;
}

const SUGGEST_OPTIONS = {
  facet: (value: unknown) => (typeof value === 'string' ? undefined : `expected a facet id, got ${describe(value)}`),
  limit: countFrom(0, true),
};

/** How many close names an `UnknownIdError` lists. */
const ERROR_SUGGESTIONS = 3;
/** An error lists only names about as close as the closest one: one good guess beats three vague ones. */
const ERROR_SUGGESTION_MARGIN = 0.1;
const MIN_FACET_SIMILARITY = 0.4;

const indexes = new WeakMap<Taxonomy, TaxonomyIndex>();

/**
 * Tree and name lookups over one taxonomy, typed by its facet → id map `M`.
 *
 * @example
 * const index = defaultTaxonomyIndex();
 * index.ancestors('peft.lora'); // ['peft']
 * index.resolve('QLoRA'); // 'peft.lora'
 * index.suggest('lroa')[0]?.id; // 'peft.lora'
 */
export class TaxonomyIndex<M extends FacetIds = FacetIds> {
  /** The taxonomy this index was built from. */
  readonly taxonomy: Taxonomy;
  readonly #nodes = new Map<string, IndexedNode>();
  readonly #facetIds = new Map<string, string[]>();
  #lookup: NameLookup | undefined;

  private constructor(taxonomy: Taxonomy) {
    this.taxonomy = taxonomy;
    for (const facet of taxonomy.facets) this.#facetIds.set(facet.id, []);
    taxonomy.nodes.forEach((node, order) => {
      this.#nodes.set(node.id, { node, order, ancestors: [], descendants: [] });
      this.#facetIds.get(node.facet)?.push(node.id);
    });
    for (const entry of this.#nodes.values()) {
      entry.ancestors = this.#walkUp(entry.node);
      for (const ancestor of entry.ancestors) this.#nodes.get(ancestor)?.descendants.push(entry.node.id);
    }
  }

  /**
   * The index of `taxonomy`, built once per taxonomy object (taxonomies are treated as immutable).
   *
   * @example
   * const index = TaxonomyIndex.of(taxonomy); // a generated module's export: ids typed
   */
  static of<M extends FacetIds = FacetIds>(taxonomy: TypedTaxonomy<M> | Taxonomy): TaxonomyIndex<M> {
    let index = indexes.get(taxonomy);
    if (!index) {
      index = new TaxonomyIndex(taxonomy);
      indexes.set(taxonomy, index);
    }
    // M only describes the ids of this very taxonomy object, which the cached index was built from.
    return index as unknown as TaxonomyIndex<M>;
  }

  /** Facet ids in taxonomy order. */
  get facets(): Array<FacetName<M>> {
    return [...this.#facetIds.keys()] as Array<FacetName<M>>;
  }

  /** Every id in taxonomy order, or the ids of one facet. @throws {UnknownIdError} for an unknown facet. */
  ids(): Array<TagId<M>>;
  ids<F extends FacetName<M>>(facet: F): Array<M[F]>;
  ids(facet?: string): string[] {
    return facet === undefined ? [...this.#nodes.keys()] : [...this.#facetIds.get(this.requireFacet(facet))!];
  }

  /** Whether `id` is an id of this taxonomy (of `facet`, when given). */
  has(id: unknown): id is TagId<M>;
  has<F extends FacetName<M>>(id: unknown, facet: F): id is M[F];
  has(id: unknown, facet?: string): boolean {
    const entry = typeof id === 'string' ? this.#nodes.get(id) : undefined;
    return entry !== undefined && (facet === undefined || entry.node.facet === facet);
  }

  /** Whether `name` is a facet of this taxonomy. */
  hasFacet(name: unknown): name is FacetName<M> {
    return typeof name === 'string' && this.#facetIds.has(name);
  }

  /** The node of `id`. @throws {UnknownIdError} */
  node(id: TagId<M>): TaxonomyNode {
    return this.#entry(id).node;
  }

  /** The facet `id` belongs to. @throws {UnknownIdError} */
  facetOf(id: TagId<M>): FacetName<M> {
    return this.#entry(id).node.facet as FacetName<M>;
  }

  /** The display label of `id` (`peft.lora` → `LoRA and low-rank adaptation`). @throws {UnknownIdError} */
  label(id: TagId<M>): string {
    return this.#entry(id).node.label;
  }

  /**
   * Parent, grandparent, …: nearest first.
   * @example defaultTaxonomyIndex().ancestors('peft.lora'); // ['peft']
   * @throws {UnknownIdError}
   */
  ancestors<I extends TagId<M>>(id: I): Array<SameFacetIds<M, I>> {
    return [...this.#entry(id).ancestors] as Array<SameFacetIds<M, I>>;
  }

  /**
   * Children, grandchildren, …: in taxonomy order, without `id` itself.
   * @example defaultTaxonomyIndex().descendants('peft'); // ['peft.lora', 'peft.adapter', 'peft.prompt']
   * @throws {UnknownIdError}
   */
  descendants<I extends TagId<M>>(id: I): Array<SameFacetIds<M, I>> {
    return [...this.#entry(id).descendants] as Array<SameFacetIds<M, I>>;
  }

  /** Whether `ancestor` is a strict ancestor of `id`. @throws {UnknownIdError} */
  isAncestor(ancestor: TagId<M>, id: TagId<M>): boolean {
    this.#entry(ancestor);
    return this.#entry(id).ancestors.includes(ancestor);
  }

  /** Orders ids as the taxonomy file does (parents before children); for `Array.prototype.sort`. */
  compare(a: TagId<M>, b: TagId<M>): number {
    return this.#entry(a).order - this.#entry(b).order;
  }

  /**
   * The id named `text`: an id, alias, label or rule phrase, ignoring case, hyphens and extra
   * spaces; `undefined` when nothing is named that (use `suggest` for misspellings).
   *
   * @example
   * index.resolve('LoRA'); // 'peft.lora'
   * index.resolve('low rank adaptation'); // 'peft.lora'
   * index.resolve('Vision', 'modality'); // 'vision'
   */
  resolve(text: string): TagId<M> | undefined;
  resolve<F extends FacetName<M>>(text: string, facet: F): M[F] | undefined;
  resolve(text: string, facet?: string): string | undefined {
    if (facet !== undefined) this.requireFacet(facet);
    return this.#names().resolve(text, facet)?.id;
  }

  /**
   * Ids whose id, label or alias is close to `text`, best first: "did you mean …?".
   *
   * @example
   * index.suggest('lroa'); // [{ id: 'peft.lora', label: 'LoRA and low-rank adaptation', score: 0.75 }, …]
   */
  suggest<F extends FacetName<M>>(text: string, options: SuggestOptions<F> & { facet: F }): Array<Suggestion<M[F]>>;
  suggest(text: string, options?: SuggestOptions<FacetName<M>>): Array<Suggestion<TagId<M>>>;
  suggest(text: string, options: SuggestOptions = {}): Suggestion[] {
    checkOptions('suggest', options, SUGGEST_OPTIONS);
    if (options.facet !== undefined) this.requireFacet(options.facet);
    return this.#names().suggest(text, options.facet, options.limit ?? 5);
  }

  /**
   * `name` as a facet of this taxonomy, for names from untyped input (a CLI flag, JSON).
   * @throws {UnknownIdError} naming the closest facets.
   */
  requireFacet(name: unknown): FacetName<M> {
    if (this.hasFacet(name)) return name;
    const text = String(name);
    throw new UnknownIdError(text, this.#closeFacets(text), 'facet');
  }

  /**
   * `id` as an id of this taxonomy (of `facet`, when given), for ids from untyped input.
   *
   * @example
   * index.requireId(flag, 'method'); // MethodId, or throws "unknown method id 'peft.lroa'; did you mean 'peft.lora'?"
   * @throws {UnknownIdError} naming the closest ids.
   */
  requireId(id: unknown): TagId<M>;
  requireId<F extends FacetName<M>>(id: unknown, facet: F): M[F];
  requireId(id: unknown, facet?: string): string {
    if (facet !== undefined) this.requireFacet(facet);
    const entry = typeof id === 'string' ? this.#nodes.get(id) : undefined;
    if (entry && (facet === undefined || entry.node.facet === facet)) return entry.node.id;
    throw this.#unknownId(String(id), facet);
  }

  #entry(id: string): IndexedNode {
    const entry = this.#nodes.get(id);
    if (!entry) throw this.#unknownId(id, undefined);
    return entry;
  }

  #unknownId(id: string, facet: string | undefined): UnknownIdError {
    return new UnknownIdError(id, this.#closeIds(id, facet), facet === undefined ? 'id' : `${facet} id`);
  }

  #names(): NameLookup {
    this.#lookup ??= new NameLookup(this.taxonomy.nodes);
    return this.#lookup;
  }

  #walkUp(node: TaxonomyNode): string[] {
    const ancestors: string[] = [];
    // A validated taxonomy has no cycles; the guard keeps a hand-built one from hanging.
    for (let parent = node.parent; parent !== undefined && !ancestors.includes(parent) && parent !== node.id; ) {
      ancestors.push(parent);
      parent = this.#nodes.get(parent)?.node.parent;
    }
    return ancestors;
  }

  #closeIds(text: string, facet: string | undefined): string[] {
    const suggestions = this.#names().suggest(text, facet, ERROR_SUGGESTIONS);
    const best = suggestions[0]?.score ?? 0;
    return suggestions.filter((s) => s.score >= best - ERROR_SUGGESTION_MARGIN).map((s) => s.id);
  }

  #closeFacets(text: string): string[] {
    const key = nameKey(text);
    return this.taxonomy.facets
      .map((facet) => ({ id: facet.id, score: Math.max(similarity(key, nameKey(facet.id)), similarity(key, nameKey(facet.label))) }))
      .filter((f) => f.score >= MIN_FACET_SIMILARITY)
      .sort((a, b) => b.score - a.score)
      .slice(0, ERROR_SUGGESTIONS)
      .map((f) => f.id);
  }
}

/** The index of the bundled default taxonomy. */
export function defaultTaxonomyIndex(): TaxonomyIndex<DefaultTaxonomyFacetIds> {
  return TaxonomyIndex.of(defaultTaxonomy);
}
