/**
 * A taxonomy that carries its ids in its type. Generated modules (`finetax taxonomy types`, and
 * the bundled default) declare their export as `TypedTaxonomy<{ method: 'peft' | ...; ... }>`,
 * and `createClassifier` infers tag types from it. At run time it is a plain `Taxonomy`.
 */
import type { Taxonomy } from './types.js';

/** Facet id → union of node ids in that facet, e.g. `{ method: 'peft' | 'peft.lora'; ... }`. */
export type FacetIds = { [facet: string]: string };

declare const facetIds: unique symbol;

export type TypedTaxonomy<M extends FacetIds> = Taxonomy & { readonly [facetIds]?: M };

/** The facet → id map a typed taxonomy carries. */
export type IdsOf<T> = T extends TypedTaxonomy<infer M> ? M : FacetIds;
