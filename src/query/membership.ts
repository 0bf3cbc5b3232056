/**
 * Which ids a record belongs to. One rule serves filters and summaries alike, so that
 * `count(f).get(id)`, `groupBy(f).get(id).size` and `where({ [f]: id }).size` always agree:
 * a record belongs to each id it is tagged with and to every ancestor of those ids.
 * Internals work on plain strings; `Corpus` types the boundary.
 */
import type { TaxonomyIndex } from './taxonomy-index.js';

/** The part of a `Tag` the internals read; every `Tag<M>` is one. */
export interface TagLike {
  readonly facet: string;
  readonly id: string;
  readonly score: number;
}

/** The part of a `Classification` the internals read; every `Classification<M>` is one. */
export interface ClassificationLike<T extends TagLike = TagLike> {
  readonly id: string;
  readonly tags: readonly T[];
}

/** The part of a `CorpusEntry` the internals read. */
export interface EntryLike {
  readonly classification: ClassificationLike;
}

/** What `minScore` and `top` select, untyped: see `TagSelector`. */
export interface Selector {
  readonly facet?: string | undefined;
  readonly id?: string | undefined;
}

/**
 * The ids of `facet` a record belongs to, in taxonomy order. Ancestors are added even though
 * the classifier already tags implied parents: classifications from elsewhere may lack them.
 */
export function memberIds(index: TaxonomyIndex, classification: ClassificationLike, facet: string): string[] {
  const ids = new Set<string>();
  for (const tag of classification.tags) {
    if (tag.facet !== facet) continue;
    ids.add(tag.id);
    for (const ancestor of index.ancestors(tag.id)) ids.add(ancestor);
  }
  return sortByTaxonomy(index, [...ids]);
}

/** Sorts ids in place into taxonomy order. */
export function sortByTaxonomy(index: TaxonomyIndex, ids: string[]): string[] {
  return ids.sort((a, b) => index.compare(a, b));
}

/**
 * A test for the tags a selector means, after checking its facet and id exist. An id also
 * matches its descendants' tags, as in `where`.
 * @throws {UnknownIdError} for an unknown facet or id, or an id of another facet.
 */
export function tagMatcher(index: TaxonomyIndex, selector: Selector): (tag: TagLike) => boolean {
  const facet = selector.facet === undefined ? undefined : index.requireFacet(selector.facet);
  const id = selector.id === undefined ? undefined : facet === undefined ? index.requireId(selector.id) : index.requireId(selector.id, facet);
  return (tag) =>
    (facet === undefined || tag.facet === facet) && (id === undefined || tag.id === id || index.ancestors(tag.id).includes(id));
}

/**
 * The highest-scoring tag that passes `matches`, if any. Of equal scores the more specific tag
 * wins: an implied parent scores like its child, and the child says more (`peft.lora`, not `peft`).
 */
export function bestTag<T extends TagLike>(index: TaxonomyIndex, classification: ClassificationLike<T>, matches: (tag: TagLike) => boolean): T | undefined {
  let best: T | undefined;
  for (const tag of classification.tags) {
    if (!matches(tag)) continue;
    if (best === undefined || tag.score > best.score || (tag.score === best.score && index.isAncestor(best.id, tag.id))) best = tag;
  }
  return best;
}
