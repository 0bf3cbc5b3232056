/**
 * Summaries of a list of entries: records per id, groups, co-occurring pairs, the best-scoring
 * records. Membership follows `memberIds` (tags plus their ancestors), so every number here equals
 * the size of the matching `where`/`whereAll` result.
 */
import { bestTag, memberIds, tagMatcher, type EntryLike, type Selector } from './membership.js';
import type { TaxonomyIndex } from './taxonomy-index.js';
import type { CooccurrenceMatrix, CooccurrencePair } from './types.js';

/** An entry with the tag that ranked it. */
export type Ranked<E extends EntryLike> = E & { readonly tag: E['classification']['tags'][number] };

/**
 * Entries per id of `facet`: ids without entries left out, most entries first, ties in taxonomy order.
 * @throws {UnknownIdError} for an unknown facet.
 */
export function groupEntries<E extends EntryLike>(index: TaxonomyIndex, entries: readonly E[], facet: string): Map<string, E[]> {
  index.requireFacet(facet);
  const groups = new Map<string, E[]>(index.ids(facet).map((id) => [id, []]));
  for (const entry of entries) for (const id of memberIds(index, entry.classification, facet)) groups.get(id)?.push(entry);
  // Map keeps insertion order and `sort` is stable, so equal counts stay in taxonomy order.
  return new Map([...groups].filter(([, group]) => group.length > 0).sort(([, a], [, b]) => b.length - a.length));
}

/**
 * Pairs of ids of `facet` that share records, most shared first. An id never pairs with its own
 * ancestor (every `peft.lora` record is a `peft` record: that pair says nothing), but an implied
 * parent does pair with other families: a `peft.lora` + `robustness` record counts for
 * `peft.lora`/`robustness` and for `peft`/`robustness`.
 * @throws {UnknownIdError} for an unknown facet.
 */
export function cooccurrencePairs(index: TaxonomyIndex, entries: readonly EntryLike[], facet: string): CooccurrencePair[] {
  index.requireFacet(facet);
  const pairs = new Map<string, { a: string; b: string; count: number }>();
  for (const entry of entries) {
    // In taxonomy order, so a precedes b and an ancestor precedes its descendants.
    const ids = memberIds(index, entry.classification, facet);
    ids.forEach((a, i) => {
      for (const b of ids.slice(i + 1)) if (!index.isAncestor(a, b)) increment(pairs, a, b);
    });
  }
  return [...pairs.values()].sort((x, y) => y.count - x.count || index.compare(x.a, y.a) || index.compare(x.b, y.b));
}

function increment(pairs: Map<string, { a: string; b: string; count: number }>, a: string, b: string): void {
  const key = `${a}\u0000${b}`;
  const pair = pairs.get(key);
  if (pair) pair.count++;
  else pairs.set(key, { a, b, count: 1 });
}

/**
 * Records per pair of ids of `facet`, every id included. Unlike `cooccurrencePairs`, ancestor
 * pairs are counted too: the matrix is raw data, not a list of findings.
 * @throws {UnknownIdError} for an unknown facet.
 */
export function cooccurrenceMatrix(index: TaxonomyIndex, entries: readonly EntryLike[], facet: string): CooccurrenceMatrix {
  const ids = index.ids(facet);
  const position = new Map(ids.map((id, i) => [id, i]));
  const counts = ids.map(() => ids.map(() => 0));
  for (const entry of entries) {
    const present = memberIds(index, entry.classification, facet).flatMap((id) => position.get(id) ?? []);
    for (const i of present) for (const j of present) counts[i]![j]!++;
  }
  return { ids, counts };
}

/**
 * The `n` entries with the highest selected tag, best first; ties keep input order. Entries
 * without a selected tag are left out. Each carries its best tag (see `bestTag`).
 * @throws {RangeError} for a negative `n`; {UnknownIdError} for an unknown facet or id.
 */
export function topEntries<E extends EntryLike>(index: TaxonomyIndex, entries: readonly E[], n: number, selector: Selector): Array<Ranked<E>> {
  if (typeof n !== 'number' || Number.isNaN(n) || n < 0) throw new RangeError(`top: expected a count of at least 0, got ${String(n)}`);
  const matches = tagMatcher(index, selector);
  const ranked: Array<Ranked<E>> = [];
  for (const entry of entries) {
    const tag = bestTag(index, entry.classification, matches);
    if (tag) ranked.push({ ...entry, tag });
  }
  return ranked.sort((a, b) => b.tag.score - a.tag.score).slice(0, n);
}

/**
 * The ids that have at least one entry, in taxonomy order: of `facet`, or of every facet.
 * @throws {UnknownIdError} for an unknown facet.
 */
export function presentIds(index: TaxonomyIndex, entries: readonly EntryLike[], facet: string | undefined): string[] {
  const facets = facet === undefined ? index.facets : [index.requireFacet(facet)];
  const present = new Set<string>();
  for (const entry of entries) for (const f of facets) for (const id of memberIds(index, entry.classification, f)) present.add(id);
  return index.ids().filter((id) => present.has(id));
}
