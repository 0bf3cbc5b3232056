/**
 * From node scores to tags: thresholds per node, child implies parent, exactly one tag for
 * single-valued facets (falling back to the facet's default), highest score first.
 */
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { evidenceOf, type Candidate } from './evidence.js';
import type { NodeScore, ScoreTable } from './scoring.js';
import type { ClassifyOptions, Evidence, Field, Tag } from './types.js';

export interface Selection {
  tags: Tag[];
  mentions: Tag[];
}

/** Where tags' evidence comes from: the scorer kept it (see `NodeScorer`). */
export interface EvidenceSource {
  /** A node's kept evidence, in the order its matches came. */
  evidence(node: number): Evidence[];
  /** Whether all of a node's evidence is named methods the paper only uses or compares against (see `PooledScorer`). */
  onlyToolNames?(node: number): boolean;
  /** Whether the record's title has context group `group` (never, for a source that cannot tell). */
  titleHasContext?(group: number): boolean;
}

/** `source`: the kept evidence of the scored nodes. */
export function selectTags(compiled: CompiledTaxonomy, scores: ScoreTable, options: ClassifyOptions, source: EvidenceSource): Selection {
  return new TagSelector(compiled).select(scores, options, source);
}

/**
 * Selects tags record after record (a classifier keeps one). Its lists keep their storage and
 * what a facet assigns is marked in arrays by node, so selecting allocates only the tags.
 */
export class TagSelector {
  /** The scored nodes, ascending (the first `scoredCount`). */
  private readonly scored: number[] = [];
  private scoredCount = 0;
  /** The current facet's scored nodes, ascending (the first `inFacetCount`). */
  private readonly inFacet: number[] = [];
  private inFacetCount = 0;
  /** Nodes the current facet assigns without a score of theirs in it (a default), ascending. */
  private readonly extra: number[] = [];
  private extraCount = 0;
  /** By node: the facet pass (`pass`) that lists it, and the one that assigns it, with its score to report. */
  private readonly listed: Int32Array;
  private readonly assigned: Int32Array;
  private readonly given: Float64Array;
  private pass = 0;
  private readonly note = (_score: NodeScore, node: number): void => {
    this.scoredCount = insertAscending(this.scored, this.scoredCount, node);
  };

  constructor(private readonly compiled: CompiledTaxonomy) {
    this.listed = new Int32Array(compiled.nodes.length);
    this.assigned = new Int32Array(compiled.nodes.length);
    this.given = new Float64Array(compiled.nodes.length);
  }

  /** `source`: the kept evidence of the scored nodes. */
  select(scores: ScoreTable, options: ClassifyOptions, source: EvidenceSource): Selection {
    const { compiled, scored, inFacet } = this;
    const selection: Selection = { tags: [], mentions: [] };
    // Only scored nodes can be tagged or mentioned: walking them, not every node of the taxonomy,
    // keeps this step's cost independent of the taxonomy's size. Ascending index is taxonomy order.
    this.scoredCount = 0;
    scores.forEach(this.note);
    for (let index = 0; index < compiled.facets.length; index++) {
      const facet = compiled.facets[index]!;
      if (options.facets && !options.facets.includes(facet.facet.id)) continue;
      const pass = this.nextPass();
      this.inFacetCount = 0;
      this.extraCount = 0;
      for (let i = 0; i < this.scoredCount; i++) {
        const node = scored[i]!;
        if (compiled.nodes[node]!.facet !== index) continue;
        inFacet[this.inFacetCount++] = node;
        this.listed[node] = pass;
      }
      if (facet.facet.multiple) this.assignMany(scores, options, source);
      else this.assignOne(facet.defaultNode, scores, options);
      // The facet's scored nodes and its extra ones, merged in taxonomy order.
      for (let i = 0, j = 0; i < this.inFacetCount || j < this.extraCount; ) {
        const node = j >= this.extraCount || (i < this.inFacetCount && inFacet[i]! < this.extra[j]!) ? inFacet[i++]! : this.extra[j++]!;
        const score = scores.get(node);
        if (this.assigned[node] === pass) selection.tags.push(toTag(compiled, node, Math.max(score?.score ?? 0, this.given[node]!), source, options.maxEvidence));
        else if (options.explain && score && score.score > 0) selection.mentions.push(toTag(compiled, node, score.score, source, options.maxEvidence));
      }
    }
    byScore(selection.tags);
    byScore(selection.mentions);
    return selection;
  }

  /** A number no mark of the arrays by node holds yet. */
  private nextPass(): number {
    // Before the count outgrows an Int32Array's ints (in some 700 million records), the marks start over.
    if (this.pass === 0x3fffffff) {
      this.listed.fill(0);
      this.assigned.fill(0);
      this.pass = 0;
    }
    return ++this.pass;
  }

  /**
   * Assigns every node of the facet that passes, with the score to report, and the ancestors it
   * implies. A family whose only evidence is named methods the paper uses or compares against
   * ("we fine-tune with LoRA", "unlike DPO") is not the paper's family (LABELS.md), whatever cue
   * weighed them: it is left a mention. Unless its parent family has evidence of its own: a PEFT
   * method built of LoRA modules is a LoRA paper too.
   */
  private assignMany(scores: ScoreTable, options: ClassifyOptions, source: EvidenceSource): void {
    const { compiled } = this;
    for (let i = 0; i < this.inFacetCount; i++) {
      const node = this.inFacet[i]!;
      const score = scores.get(node);
      if (!passes(compiled, node, score, options) || yieldsTo(compiled, node, score!.score, scores, options)) continue;
      if (toolOnly(compiled, node, source) || offTopic(compiled, node, score!, source)) continue;
      this.assign(node, score!.score);
      for (const ancestor of compiled.nodes[node]!.ancestors) this.assign(ancestor, score!.score);
    }
  }

  /** Assigns the facet's best node that passes, else its default (if any). */
  private assignOne(defaultNode: number, scores: ScoreTable, options: ClassifyOptions): void {
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < this.inFacetCount; i++) {
      const node = this.inFacet[i]!;
      const score = scores.get(node);
      if (score && score.score > bestScore && passes(this.compiled, node, score, options)) {
        best = node;
        bestScore = score.score;
      }
    }
    if (best < 0) best = defaultNode;
    if (best >= 0) this.assign(best, scores.get(best)?.score ?? 0);
  }

  /** Assigns `node` in the current facet pass, reporting at least `score`. */
  private assign(node: number, score: number): void {
    const { pass } = this;
    if (this.assigned[node] === pass) {
      this.given[node] = Math.max(this.given[node]!, score);
      return;
    }
    this.assigned[node] = pass;
    this.given[node] = score;
    // Records without type evidence get the facet's default: one node inserted in order, no sort.
    if (this.listed[node] !== pass) {
      this.listed[node] = pass;
      this.extraCount = insertAscending(this.extra, this.extraCount, node);
    }
  }
}

/** Inserts `node` at its place in the ascending list of the first `count` of `nodes`; the new count. */
function insertAscending(nodes: number[], count: number, node: number): number {
  let at = count;
  while (at > 0 && nodes[at - 1]! > node) {
    nodes[at] = nodes[at - 1]!;
    at--;
  }
  nodes[at] = node;
  return count + 1;
}

/** Sorts tags by score, highest first, keeping the order of equal scores (as a stable `sort` would). */
function byScore(tags: Tag[]): void {
  for (let i = 1; i < tags.length; i++) {
    const tag = tags[i]!;
    let at = i;
    while (at > 0 && tags[at - 1]!.score < tag.score) {
      tags[at] = tags[at - 1]!;
      at--;
    }
    tags[at] = tag;
  }
}

/** Whether `node` and each of its ancestors has only named methods the paper uses or compares against as evidence (never, for a source that cannot tell). */
function toolOnly(compiled: CompiledTaxonomy, node: number, source: EvidenceSource): boolean {
  if (source.onlyToolNames === undefined || !source.onlyToolNames(node)) return false;
  for (const ancestor of compiled.nodes[node]!.ancestors) if (!source.onlyToolNames(ancestor)) return false;
  return true;
}

/**
 * Whether the record's title names one of the node's `support` topics and its evidence is too
 * thin for them: LLMs named in one sentence of a paper on graphs or time series are the news of
 * the day (LABELS.md: such papers have no modality), where the same sentence elsewhere may be all
 * a short abstract says of its models. The topics are looked for only then.
 */
function offTopic(compiled: CompiledTaxonomy, node: number, score: NodeScore, source: EvidenceSource): boolean {
  const { topicGroup, topicSupport } = compiled.nodes[node]!;
  if (topicGroup < 0 || score.title || score.sentences >= topicSupport) return false;
  return source.titleHasContext?.(topicGroup) ?? false;
}

/** Whether a node `node` yields to passes with a higher score than its `score`. */
function yieldsTo(compiled: CompiledTaxonomy, node: number, score: number, scores: ScoreTable, options: ClassifyOptions): boolean {
  for (const other of compiled.nodes[node]!.yields) {
    const otherScore = scores.get(other);
    if (passes(compiled, other, otherScore, options) && otherScore!.score > score) return true;
  }
  return false;
}

/**
 * Whether a node's score makes it a tag: it reaches the threshold (or `minScore`), and its evidence
 * is spread widely enough for the node's `support` (a title mention always is; otherwise it needs
 * that many sentences: one sentence claiming a side benefit is not a paper's topic).
 */
function passes(compiled: CompiledTaxonomy, node: number, score: NodeScore | undefined, options: ClassifyOptions): boolean {
  if (score === undefined || score.score <= 0) return false;
  const { threshold, support } = compiled.nodes[node]!;
  return score.score >= (options.minScore ?? threshold) && (support <= 1 || score.title || score.sentences >= support);
}

/** Evidence spans per tag unless `maxEvidence` says otherwise: enough to explain a tag, few enough that output grows with the record, not with matches. */
export const DEFAULT_MAX_EVIDENCE = 16;

function toTag(compiled: CompiledTaxonomy, node: number, score: number, source: EvidenceSource, maxEvidence = DEFAULT_MAX_EVIDENCE): Tag {
  const { node: definition } = compiled.nodes[node]!;
  const evidence = capped(source.evidence(node), maxEvidence);
  let ordered = true;
  for (let i = 1; i < evidence.length && ordered; i++) ordered = byPlace(evidence[i - 1]!, evidence[i]!) <= 0;
  // Matches come in reading order, so the evidence usually needs no sort.
  if (!ordered) evidence.sort(byPlace);
  return { facet: definition.facet, id: definition.id, label: definition.label, score, evidence };
}

/** The first `max` of a node's evidence in reading order (the score has already counted it all); a new list when it cuts. */
function capped<T extends { field: Field; start: number }>(kept: T[], max: number): T[] {
  if (kept.length <= max) return kept;
  return [...kept].sort(byStart).slice(0, Math.max(0, max));
}

function byStart(a: { field: Field; start: number }, b: { field: Field; start: number }): number {
  return a.field === b.field ? a.start - b.start : a.field === 'title' ? -1 : 1;
}

export function toEvidence(compiled: CompiledTaxonomy, candidate: Candidate): Evidence {
  return evidenceOf(compiled, candidate, candidate.cues);
}

function byPlace(a: Evidence, b: Evidence): number {
  if (a.field !== b.field) return a.field === 'title' ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}
