/**
 * The public shapes of classification results. Tags are generic over a map from facet id to the
 * union of that facet's node ids, so a generated taxonomy module types every tag it can produce.
 */

import type { FacetIds } from '../taxonomy/typed.js';

/** Facet id → union of node ids (defined with the taxonomy, which sits below classification). */
export type { FacetIds };

/** The record fields finetax reads. */
export type Field = 'title' | 'abstract';

/** How a piece of evidence was matched. */
export type EvidenceKind = 'phrase' | 'acronym' | 'pattern' | 'fuzzy' | 'regex' | 'near';

/** The words that earned (part of) a tag, located in the ORIGINAL text of the record. */
export interface Evidence {
  field: Field;
  /** `record[field].slice(start, end) === text`. */
  start: number;
  end: number;
  text: string;
  /** The rule as written in the taxonomy (`LoRA`, `*LoRA*`, `low-rank adaptation`). */
  rule: string;
  kind: EvidenceKind;
  /** The node whose rule matched: on an implied parent tag, the child's id. */
  node: string;
  /** What this match contributes before repetition decay: field weight × rule weight × cue factor. */
  weight: number;
  /** Cue groups that changed the weight (`contribution`, `comparison`, `background`, …). */
  cues: string[];
}

/** The fields of a tag of facet `F` with id type `I`. */
export interface TagOf<F extends string, I extends string> {
  facet: F;
  id: I;
  label: string;
  /** 0..1; a tag is assigned when the score reaches its node's threshold. */
  score: number;
  evidence: Evidence[];
}

/**
 * One tag of a record: a union over facets, so checking `tag.facet === 'method'` narrows `tag.id`
 * to that facet's ids. (Written as a conditional type so a typed classification stays assignable
 * to the untyped `Classification` that generic code accepts.)
 */
export type Tag<M extends FacetIds = FacetIds> = M extends unknown ? { [F in keyof M & string]: TagOf<F, M[F]> }[keyof M & string] : never;

/**
 * A record to classify: any object with an optional id, title and abstract. The paper's arXiv id,
 * from `arxivId`, an arXiv-shaped `id`, or a link in `url` or `source`, tells the names layer
 * which named methods the paper is the origin of (their role is then `proposes`). Other fields
 * are ignored.
 */
export interface PaperInput {
  id?: string | number | null | undefined;
  title?: string | null | undefined;
  abstract?: string | null | undefined;
  /** The paper's arXiv id (`2402.09353`, `arXiv:2402.09353v2`). */
  arxivId?: string | null | undefined;
  /** A link to the paper; arXiv links and mirrors that keep the id in the path are read for it. */
  url?: string | null | undefined;
  /** Where the record came from; read like `url` when it is an http(s) link. */
  source?: string | null | undefined;
}

/** The result for one record, over any tag type. */
export interface ClassificationOf<T> {
  /** The record's id (stringified), or `#<hash>` of its title and abstract when it has none. */
  id: string;
  /** Assigned tags, highest score first. */
  tags: T[];
  /**
   * Named methods of the taxonomy found in the record, with the role each plays, highest score
   * first. Always set by the classifier; optional so results saved before names existed still load.
   */
  names?: NameHit[];
  /** Names the paper gives its own contribution (known to the taxonomy or not), in order of appearance. Always set by the classifier. */
  proposed?: ProposedName[];
  /** With `explain: true`: candidates that matched but stayed under their threshold. */
  mentions?: T[];
}

/**
 * The result for one record of a taxonomy with ids `M`. A typed result (the default taxonomy's)
 * is assignable to the untyped `Classification`, so generic code can accept either.
 */
export type Classification<M extends FacetIds = FacetIds> = ClassificationOf<Tag<M>>;

/** Per-call options of `classify`. */
export interface ClassifyOptions {
  /** Overrides every threshold: keep tags scoring at least this (0..1). */
  minScore?: number;
  /** Only these facets (default: all). */
  facets?: readonly string[];
  /** Also return candidates under the threshold as `mentions`. @default false */
  explain?: boolean;
  /** Evidence spans kept per tag (in reading order; the score counts every match). @default 16 */
  maxEvidence?: number;
  /** Find named methods, their roles and proposed names (and let roles sharpen the families). @default true */
  names?: boolean;
}

/** What `classifyMany` and `tagCorpus` do with a record that cannot be classified. */
export type OnError = 'throw' | 'skip' | 'collect';

/** Options of `classifyMany`: the per-call options, plus what to do with bad records. */
export interface ClassifyManyOptions extends ClassifyOptions {
  /**
   * `throw` (the default): stop at the first bad record. `skip`: leave bad records out and return
   * every other result, in input order. `collect`: the same, and return the failures too.
   * @default 'throw'
   */
  onError?: OnError;
}

/** A record `classifyMany` or `tagCorpus` could not classify, located in the input. */
export interface ClassifyFailure {
  /** Position of the record in the input, from 0. */
  index: number;
  /** `record/invalid`: not a paper record (not an object, a field of the wrong type); `record/failed`: anything else. */
  code: 'record/invalid' | 'record/failed';
  severity: 'error';
  message: string;
  /** The record's id, when it has a usable one. */
  recordId?: string;
  /** The field at fault, when one is. */
  field?: string;
}

/** What `classifyMany` returns with `onError: 'collect'`. */
export interface CollectedClassifications<T> {
  /** The results of the records that could be classified, in input order. */
  results: T[];
  /** The records that could not, in input order. */
  failures: ClassifyFailure[];
}

/** What a paper does with a named method; the first that applies, in this order, wins. */
export type NameRole = 'proposes' | 'studies' | 'uses' | 'compares' | 'mentions';

/** One named method found in a record. */
export interface NameHit<N extends string = string> {
  id: N;
  label: string;
  /** Its family node. */
  node: string;
  role: NameRole;
  /** 0..1, from its mentions as a family tag's score is from its evidence. */
  score: number;
  evidence: Evidence[];
}

/** A name the paper introduces, with where it was found. */
export interface ProposedName {
  /** As written (`GORACS`, `S²FT`, `GS-LoRA++`). */
  text: string;
  /** The words it abbreviates, when the paper spells them out (`Robustness Critical Fine-Tuning`). */
  expansion?: string;
  /** The family node of the known name it is, if any (filled in by the classifier). */
  node?: string;
  evidence: { field: Field; start: number; end: number; text: string };
}
