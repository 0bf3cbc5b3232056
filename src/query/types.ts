/**
 * Type-level vocabulary of the query API. Everything is generic over the facet → id map `M` a
 * typed taxonomy carries, so a misspelt family or an id used in the wrong facet fails to compile.
 */
import type { Classification, FacetIds, PaperInput, Tag } from '../classification/types.js';

/** The facet names of an id map: `'method' | 'type' | 'modality'` for the default taxonomy. */
export type FacetName<M extends FacetIds> = keyof M & string;

/** Any node id of any facet of `M`. */
export type TagId<M extends FacetIds> = M[FacetName<M>];

/** The ids of the facet that id `I` belongs to: `SameFacetIds<M, 'peft.lora'>` is `MethodId`. */
export type SameFacetIds<M extends FacetIds, I extends string> = {
  [F in FacetName<M>]: I extends M[F] ? M[F] : never;
}[FacetName<M>];

/**
 * Ids per facet, as `where`, `whereAll` and `whereNone` take them: one id or a list per facet.
 *
 * @example
 * const query: FacetQuery<DefaultTaxonomyFacetIds> = { method: ['peft.lora', 'robustness'], modality: 'vision' };
 */
export type FacetQuery<M extends FacetIds> = {
  readonly [F in FacetName<M>]?: M[F] | ReadonlyArray<M[F]>;
};

/**
 * Which tags `minScore` and `top` look at: every tag (`{}`), the tags of one facet
 * (`{ facet: 'method' }`), or one id and its descendants (`{ id: 'peft' }`, optionally with its facet).
 */
export type TagSelector<M extends FacetIds> =
  | { [F in FacetName<M>]: { readonly facet: F; readonly id?: M[F] } }[FacetName<M>]
  | { readonly facet?: undefined; readonly id?: TagId<M> };

/** One record of a corpus with its classification. */
export interface CorpusEntry<M extends FacetIds = FacetIds, R extends PaperInput = PaperInput> {
  readonly record: R;
  readonly classification: Classification<M>;
}

/** An entry returned by `top`, with the tag that ranked it. */
export interface RankedEntry<M extends FacetIds = FacetIds, R extends PaperInput = PaperInput> extends CorpusEntry<M, R> {
  /** The highest-scoring tag that matched the selector. */
  readonly tag: Tag<M>;
}

/** Two ids that occur on the same records; `a` comes before `b` in taxonomy order. */
export interface CooccurrencePair<Id extends string = string> {
  readonly a: Id;
  readonly b: Id;
  /** Records that belong to both. */
  readonly count: number;
}

/** Records per pair of ids: `counts[i][j]` records belong to both `ids[i]` and `ids[j]`. */
export interface CooccurrenceMatrix<Id extends string = string> {
  /** Every id of the facet, in taxonomy order. */
  readonly ids: readonly Id[];
  /** Symmetric; the diagonal holds the records of each id. */
  readonly counts: ReadonlyArray<readonly number[]>;
}

/** A taxonomy node that is close to a misspelt name. */
export interface Suggestion<Id extends string = string> {
  id: Id;
  label: string;
  /** 0..1, 1 for an exact id, label or alias. */
  score: number;
}
