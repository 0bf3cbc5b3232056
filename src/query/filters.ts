/**
 * The tests behind `where`, `whereAll`, `whereNone` and `minScore`. Queries are checked against
 * the taxonomy once, when the filter is built, so a misspelt id fails loudly instead of
 * silently matching nothing.
 */
import { bestTag, memberIds, tagMatcher, type ClassificationLike, type Selector } from './membership.js';
import type { TaxonomyIndex } from './taxonomy-index.js';

/** A test on one record's classification. */
export type ClassificationTest = (classification: ClassificationLike) => boolean;

/** What `where` & co. take, untyped: `FacetQuery` is the typed form. */
export type UntypedQuery = { readonly [facet: string]: string | readonly string[] | undefined };

interface FacetClause {
  facet: string;
  ids: string[];
}

/** Records that belong to at least one of the ids of every facet in `query`. */
export function anyOf(index: TaxonomyIndex, query: UntypedQuery): ClassificationTest {
  return facetTest(index, query, (member, ids) => ids.some(member));
}

/** Records that belong to every id in `query`. */
export function allOf(index: TaxonomyIndex, query: UntypedQuery): ClassificationTest {
  return facetTest(index, query, (member, ids) => ids.every(member));
}

/** Records that belong to none of the ids in `query`. */
export function noneOf(index: TaxonomyIndex, query: UntypedQuery): ClassificationTest {
  return facetTest(index, query, (member, ids) => !ids.some(member));
}

/**
 * Records with a selected tag scoring at least `min`.
 * @throws {RangeError} when `min` is not a number.
 */
export function scoreAtLeast(index: TaxonomyIndex, min: number, selector: Selector): ClassificationTest {
  if (typeof min !== 'number' || Number.isNaN(min)) throw new RangeError(`minScore: expected a score between 0 and 1, got ${String(min)}`);
  const matches = tagMatcher(index, selector);
  return (classification) => (bestTag(index, classification, matches)?.score ?? -Infinity) >= min;
}

function facetTest(
  index: TaxonomyIndex,
  query: UntypedQuery,
  holds: (member: (id: string) => boolean, ids: readonly string[]) => boolean,
): ClassificationTest {
  const clauses = checkQuery(index, query);
  return (classification) =>
    clauses.every(({ facet, ids }) => {
      const members = memberIds(index, classification, facet);
      return holds((id) => members.includes(id), ids);
    });
}

/**
 * Checks every facet and id of a query; facets whose value is `undefined` are left out, as if absent.
 * @throws {UnknownIdError} for an unknown facet or id; {TypeError} for a value that is not an id or a list of ids.
 */
function checkQuery(index: TaxonomyIndex, query: UntypedQuery): FacetClause[] {
  if (query === null || typeof query !== 'object' || Array.isArray(query)) {
    throw new TypeError(`expected a query object such as { method: 'peft' }, got ${query === null ? 'null' : typeof query}`);
  }
  const clauses: FacetClause[] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    const facet = index.requireFacet(name);
    const ids = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    if (!ids) throw new TypeError(`facet '${facet}': expected an id or a list of ids, got ${value === null ? 'null' : typeof value}`);
    clauses.push({ facet, ids: [...new Set(ids.map((id) => index.requireId(id, facet)))] });
  }
  return clauses;
}
