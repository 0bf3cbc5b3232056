/**
 * From node scores to tags: thresholds per node, child implies parent, exactly one tag for
 * single-valued facets (falling back to the facet's default), highest score first.
 */
import type { CompiledFacet, CompiledTaxonomy } from '../taxonomy/compile.js';
import { evidenceKind, type Candidate } from './evidence.js';
import type { NodeScore, ScoreTable } from './scoring.js';
import type { ClassifyOptions, Evidence, Field, Tag } from './types.js';

export interface Selection {
  tags: Tag[];
  mentions: Tag[];
}

/** Where tags' evidence comes from when the scores do not carry candidates (see `NodeScorer`). */
export interface EvidenceSource {
  /** A node's kept evidence, in the order its matches came. */
  evidence(node: number): Evidence[];
}

/** `source`: the evidence of scores without candidates. */
export function selectTags(compiled: CompiledTaxonomy, scores: ScoreTable, options: ClassifyOptions, source?: EvidenceSource): Selection {
  const selection: Selection = { tags: [], mentions: [] };
  // Only scored nodes can be tagged or mentioned: walking them, not every node of the taxonomy,
  // keeps this step's cost independent of the taxonomy's size. Ascending index is taxonomy order.
  const scored = ascendingKeys(scores);
  const assigned = new Assigned();
  const inFacet: number[] = [];
  for (let index = 0; index < compiled.facets.length; index++) {
    const facet = compiled.facets[index]!;
    if (options.facets && !options.facets.includes(facet.facet.id)) continue;
    inFacet.length = 0;
    for (let i = 0; i < scored.length; i++) if (compiled.nodes[scored[i]!]!.facet === index) inFacet.push(scored[i]!);
    assigned.clear();
    if (facet.facet.multiple) assignMany(compiled, inFacet, scores, options, assigned);
    else assignOne(compiled, facet, inFacet, scores, options, assigned);
    const nodes = inTaxonomyOrder(inFacet, assigned);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      const score = scores.get(node);
      const given = assigned.get(node);
      if (given >= 0) selection.tags.push(toTag(compiled, node, Math.max(score?.score ?? 0, given), score, options.maxEvidence, source));
      else if (options.explain && score && score.score > 0) selection.mentions.push(toTag(compiled, node, score.score, score, options.maxEvidence, source));
    }
  }
  byScore(selection.tags);
  byScore(selection.mentions);
  return selection;
}

/**
 * The nodes a facet assigns and the score each reports (a handful: lists searched in order, where
 * a Map per facet and record cost more than the rest of selecting).
 */
class Assigned {
  readonly nodes: number[] = [];
  private readonly scores: number[] = [];

  clear(): void {
    if (this.nodes.length === 0) return;
    this.nodes.length = 0;
    this.scores.length = 0;
  }

  /** The score `node` reports (-1: not assigned). */
  get(node: number): number {
    const at = this.nodes.indexOf(node);
    return at < 0 ? -1 : this.scores[at]!;
  }

  /** Assigns `node`, reporting at least `score`. */
  raise(node: number, score: number): void {
    const at = this.nodes.indexOf(node);
    if (at >= 0) this.scores[at] = Math.max(this.scores[at]!, score);
    else {
      this.nodes.push(node);
      this.scores.push(score);
    }
  }
}

/** The scored nodes, ascending (scored nodes are few: an insertion sort, where `sort` would allocate). */
function ascendingKeys(scores: ScoreTable): number[] {
  const keys: number[] = [];
  for (const node of scores.keys()) insertAscending(keys, node);
  return keys;
}

/** Inserts `node` into the ascending list `nodes` at its place. */
function insertAscending(nodes: number[], node: number): void {
  let at = nodes.length;
  nodes.push(node);
  while (at > 0 && nodes[at - 1]! > node) {
    nodes[at] = nodes[at - 1]!;
    at--;
  }
  nodes[at] = node;
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

/** The scored nodes and the assigned ones (a facet's default may have no score), ascending. */
function inTaxonomyOrder(scored: readonly number[], assigned: Assigned): readonly number[] {
  let merged: number[] | undefined;
  for (const node of assigned.nodes) {
    if (scored.includes(node)) continue;
    // Records without type evidence get the facet's default: one node inserted in order, no sort.
    merged ??= scored.slice();
    insertAscending(merged, node);
  }
  return merged ?? scored;
}

/** Every node that passes, with the score to report, plus the ancestors it implies. */
function assignMany(compiled: CompiledTaxonomy, scored: readonly number[], scores: ScoreTable, options: ClassifyOptions, assigned: Assigned): void {
  for (const node of scored) {
    const score = scores.get(node);
    if (!passes(compiled, node, score, options)) continue;
    if (yieldsTo(compiled, node, score!.score, scores, options)) continue;
    assigned.raise(node, score!.score);
    for (const ancestor of compiled.nodes[node]!.ancestors) assigned.raise(ancestor, score!.score);
  }
}

/** Whether a node `node` yields to passes with a higher score than its `score`. */
function yieldsTo(compiled: CompiledTaxonomy, node: number, score: number, scores: ScoreTable, options: ClassifyOptions): boolean {
  for (const other of compiled.nodes[node]!.yields) {
    const otherScore = scores.get(other);
    if (passes(compiled, other, otherScore, options) && otherScore!.score > score) return true;
  }
  return false;
}

function assignOne(compiled: CompiledTaxonomy, facet: CompiledFacet, scored: readonly number[], scores: ScoreTable, options: ClassifyOptions, assigned: Assigned): void {
  let best = -1;
  let bestScore = 0;
  for (const node of scored) {
    const score = scores.get(node);
    if (score && score.score > bestScore && passes(compiled, node, score, options)) {
      best = node;
      bestScore = score.score;
    }
  }
  if (best < 0) best = facet.defaultNode;
  if (best >= 0) assigned.raise(best, scores.get(best)?.score ?? 0);
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

function toTag(compiled: CompiledTaxonomy, node: number, score: number, nodeScore: NodeScore | undefined, maxEvidence = DEFAULT_MAX_EVIDENCE, source?: EvidenceSource): Tag {
  const { node: definition } = compiled.nodes[node]!;
  const evidence = source ? capped(source.evidence(node), maxEvidence) : candidateEvidence(compiled, capped(nodeScore?.candidates ?? [], maxEvidence));
  let ordered = true;
  for (let i = 1; i < evidence.length && ordered; i++) ordered = byPlace(evidence[i - 1]!, evidence[i]!) <= 0;
  // Matches come in reading order, so the evidence usually needs no sort.
  if (!ordered) evidence.sort(byPlace);
  return { facet: definition.facet, id: definition.id, label: definition.label, score, evidence };
}

function candidateEvidence(compiled: CompiledTaxonomy, candidates: readonly Candidate[]): Evidence[] {
  const evidence: Evidence[] = [];
  for (let i = 0; i < candidates.length; i++) evidence.push(toEvidence(compiled, candidates[i]!));
  return evidence;
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
  const rule = compiled.rules[candidate.rule]!.rule;
  return {
    field: candidate.field,
    start: candidate.start,
    end: candidate.end,
    text: candidate.text,
    rule: rule.text,
    kind: evidenceKind(rule, candidate.edits),
    node: compiled.nodes[candidate.node]!.node.id,
    weight: candidate.weight,
    cues: candidate.cues,
  };
}

function byPlace(a: Evidence, b: Evidence): number {
  if (a.field !== b.field) return a.field === 'title' ? -1 : 1;
  return a.start - b.start || a.end - b.end;
}
