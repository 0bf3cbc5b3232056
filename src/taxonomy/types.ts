/**
 * The validated, normalised taxonomy: what `parseTaxonomy` returns, what the generated default
 * module holds, and what `createClassifier` compiles. Plain data (JSON-serialisable) on purpose,
 * so it can be generated into a module and shipped to a browser or a worker.
 */

/** How a rule's text is matched against a paper. */
export type RuleKind = 'phrase' | 'acronym' | 'pattern' | 'fuzzy' | 'regex' | 'near';

/** One matching rule of a node. */
export interface Rule {
  kind: RuleKind;
  /** The phrase, acronym, glob pattern (`*LoRA*`), fuzzy phrase or token regex. */
  text: string;
  /** Multiplies the evidence this rule gives. Specific names weigh more than generic words. */
  weight: number;
  /** Phrases: match the words exactly (still case-insensitive), without inflection ("benchmarking" ≠ "benchmarks"). */
  exact?: boolean;
  /** The match only counts when one of these phrases also occurs in the record (collisions: LIMA, WISE). */
  context?: string[];
  /** A match in the title counts without the `context`: a title that names the thing is about it ("… Data Selection …"), where the same words in an abstract may be another field's. */
  titleWithoutContext?: boolean;
  /** Why the rule exists; shown by `finetax explain`. */
  note?: string;
  /** `near` rules: companion phrases, one of which must occur within `window` tokens in the same sentence. */
  with?: string[];
  window?: number;
  /** `near` rules: where the companion must be relative to the phrase. */
  side?: 'before' | 'after' | 'both';
  /** The named method this rule recognises (`dora`): set on rules compiled from the taxonomy's `names`. */
  name?: string;
}

/** A named method (DoRA, TIES-Merging, DPO), member of one family node. */
export interface NamedMethod {
  id: string;
  /** Usual spelling (`DoRA`, `TIES-Merging`, `model soups`). */
  label: string;
  /** The family node it belongs to (`peft.lora`). */
  node: string;
  /** What the acronym stands for (`Weight-Decomposed Low-Rank Adaptation`). */
  expansion?: string;
  description?: string;
  /** Other spellings for look-ups; the matched ones are its rules. */
  aliases: string[];
  /** Subgroups within the family (`quantised`, `rank-allocation`, `initialisation`, ...). */
  groups: string[];
  /** Year of the origin paper. */
  year?: number;
  /** arXiv id of the origin paper. */
  arxiv?: string;
}

/** Where a cue phrase has to be, relative to a match, to change its weight. */
export type CueScope = 'sentence' | 'before' | 'after';

/** Phrases around a match that say whether the paper contributes the family or only mentions it. */
export interface CueGroup {
  id: string;
  /** Multiplies the weight of matches the cue applies to (> 1 contribution, < 1 mention). */
  factor: number;
  scope: CueScope;
  /** For `before`/`after`: how many tokens away the cue may end or start. */
  window: number;
  phrases: string[];
}

/** The scoring model; see README "Scoring". */
export interface Scoring {
  /** Default score a tag needs (0..1). */
  threshold: number;
  /** Weight of a plain, cue-less mention in each field. */
  fields: { title: number; abstract: number };
  /** Each further match of a node counts `decay` times the one before it (diminishing returns). */
  decay: number;
  cues: CueGroup[];
}

/** A facet: an independent dimension of tags (method family, paper type, modality). */
export interface Facet {
  id: string;
  label: string;
  description?: string;
  /** Several tags per record (method, modality) or exactly one (type). */
  multiple: boolean;
  /** For single-valued facets: the node to use when no node reaches the threshold. */
  default?: string;
  threshold: number;
  /** Whether contribution/comparison cues modulate this facet's evidence. */
  cues: boolean;
  /** Gate: the facet is only tagged when one of these phrases occurs (e.g. machine-learning context). */
  requires?: string[];
}

/** A taxonomy node: one family or facet value. */
export interface TaxonomyNode {
  id: string;
  facet: string;
  parent?: string;
  label: string;
  description?: string;
  /** Other names for `resolve()`/`suggest()`; not matched in text unless also a rule. */
  aliases: string[];
  rules: Rule[];
  /** Phrases that cancel an overlapping match of this node (`weighted average` for weight averaging). */
  exclude: string[];
  /**
   * Nodes of the same facet this one gives way to: it is not assigned when one of them is, with a
   * higher score (generic "adapters" in a LoRA paper; "LLM" inside a vision-language paper).
   */
  yields: string[];
  threshold?: number;
  /**
   * Sentences of evidence a tag needs unless the title has some (default 1): 2 for a family that
   * papers claim in passing ("our method also mitigates forgetting") far more often than study.
   */
  support?: number;
  /**
   * `support` asked only of a record whose title names one of `topics` (`support: { sentences, topics }`):
   * one sentence naming LLMs in a paper on graphs or time series is the news of the day, not its modality.
   */
  topicSupport?: { sentences: number; topics: string[] };
  examples: { positive: string[]; negative: string[] };
}

/** A complete, validated taxonomy. */
export interface Taxonomy {
  name: string;
  version: string;
  description?: string;
  scoring: Scoring;
  facets: Facet[];
  /** Every node, parents before children, in file order. */
  nodes: TaxonomyNode[];
  /** Named methods, in file order (their rules live in their family node's `rules`). Absent: none. */
  names?: NamedMethod[];
}
