/**
 * `filter`'s test, from plain data so it can be rebuilt on a worker: any of the ids in each
 * included facet, none of the excluded ones. The matching is the query layer's
 * `Corpus.where`/`whereNone`, so an id includes its descendants exactly as in the library.
 */
import { Corpus } from '../query/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { Tagged } from './tagged.js';

/** Facet id → the ids asked for. */
export type Query = Record<string, string[]>;

export interface Selection {
  include: Query;
  exclude: Query;
}

export function selector(taxonomy: Taxonomy, { include, exclude }: Selection): (entry: Tagged) => boolean {
  const filtering = Object.keys(include).length > 0;
  const excluding = Object.keys(exclude).length > 0;
  return (entry) => {
    let corpus = Corpus.from([entry.classification], { taxonomy, records: [entry.record] });
    if (filtering) corpus = corpus.where(include);
    if (excluding) corpus = corpus.whereNone(exclude);
    return corpus.size > 0;
  };
}
