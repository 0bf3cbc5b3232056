/**
 * The scoring model (README "Scoring"): evidence is grouped into mentions (one per sentence, the
 * strongest match in it), mentions are summed strongest first with geometric decay, and the sum
 * is squashed to 0..1 with `1 - exp(-sum)`. A parent pools its own and its descendants' mentions,
 * so `peft.lora` evidence also supports `peft` and a parent never scores below its children.
 */
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { round, type Candidate, type RecordEvidence } from './evidence.js';

export interface NodeScore {
  score: number;
  candidates: Candidate[];
  /** Sentences with evidence (title sentences included), and whether the title has some: what a node's `support` asks of a tag. */
  sentences: number;
  title: boolean;
}

/**
 * Scores every node with evidence. `keep`: candidates each node keeps for its evidence list (the
 * first ones in reading order); the score still counts them all.
 */
export function scoreNodes(compiled: CompiledTaxonomy, evidence: RecordEvidence, keep = Infinity): Map<number, NodeScore> {
  const scorer = new NodeScorer(compiled, evidence, keep);
  for (const candidate of evidence.candidates) scorer.add(candidate);
  return scorer.scores();
}

/**
 * Scores candidates as they come, in reading order. A node's pool holds its mentions as counts per
 * weight, not as candidates, so a record repeating a term a million times costs a few numbers per
 * node, not a million entries per node and ancestor. `evidence` must already know the record's
 * context groups and gates.
 */
export class NodeScorer {
  private readonly pools = new Map<number, Pool>();

  constructor(
    private readonly compiled: CompiledTaxonomy,
    private readonly evidence: RecordEvidence,
    private readonly keep: number,
  ) {}

  add(candidate: Candidate): void {
    if (!counts(this.compiled, this.evidence, candidate)) return;
    const node = this.compiled.nodes[candidate.node]!;
    addTo(this.pools, node.index, candidate, this.keep);
    for (const ancestor of node.ancestors) addTo(this.pools, ancestor, candidate, this.keep);
  }

  scores(): Map<number, NodeScore> {
    const scores = new Map<number, NodeScore>();
    const decay = this.compiled.taxonomy.scoring.decay;
    for (const [node, pool] of this.pools) {
      const weights = pool.mentionWeights();
      scores.set(node, { score: squash(weights, decay), candidates: pool.kept, sentences: sentenceCount(weights), title: pool.title });
    }
    return scores;
  }
}

function addTo(pools: Map<number, Pool>, node: number, candidate: Candidate, keep: number): void {
  let pool = pools.get(node);
  if (!pool) {
    pool = new Pool();
    pools.set(node, pool);
  }
  pool.add(candidate, keep);
}

/**
 * One node's mentions: one weight per sentence (a name and its acronym in "Low-Rank Adaptation
 * (LoRA)" are one mention), the strongest match in it.
 */
class Pool {
  readonly kept: Candidate[] = [];
  title = false;
  private readonly weights = new SentenceWeights();

  add(candidate: Candidate, keep: number): void {
    if (this.kept.length < keep) this.kept.push(candidate);
    if (candidate.field === 'title') this.title = true;
    this.weights.add(sentenceKey(candidate), candidate.weight);
  }

  /** Weight → number of sentences with that weight, strongest first. */
  mentionWeights(): Array<[number, number]> {
    return this.weights.counts();
  }
}

/** Title sentences get negative keys so they never share a key with abstract sentences. */
export function sentenceKey(candidate: Candidate): number {
  return candidate.field === 'title' ? -1 - candidate.sentence : candidate.sentence;
}

/**
 * One weight per sentence (the strongest there), counted by weight. Candidates arrive in reading
 * order, so a sentence's are consecutive: only the current sentence is open, and closed ones are
 * counted by weight (weights take few distinct values: field × rule × cue, so two small arrays
 * are cheaper than a Map).
 */
export class SentenceWeights {
  private readonly weights: number[] = [];
  private readonly times: number[] = [];
  private open = false;
  private key = 0;
  private max = 0;

  add(key: number, weight: number): void {
    if (!this.open || key !== this.key) {
      this.close();
      this.open = true;
      this.key = key;
      this.max = 0;
    }
    this.max = Math.max(this.max, weight);
  }

  /** Weight → number of sentences with that weight, strongest first. */
  counts(): Array<[number, number]> {
    this.close();
    return this.weights.map((weight, i): [number, number] => [weight, this.times[i]!]).sort((a, b) => b[0] - a[0]);
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    const at = this.weights.indexOf(this.max);
    if (at >= 0) this.times[at]!++;
    else {
      this.weights.push(this.max);
      this.times.push(1);
    }
  }
}

/** The number of sentences in a weight → sentences list. */
export function sentenceCount(weights: ReadonlyArray<[number, number]>): number {
  let sentences = 0;
  for (const [, times] of weights) sentences += times;
  return sentences;
}

/** Context-restricted rules need their context; gated facets need their gate. */
export function counts(compiled: CompiledTaxonomy, evidence: RecordEvidence, candidate: Candidate): boolean {
  const group = compiled.rules[candidate.rule]!.contextGroup;
  if (group >= 0 && !evidence.contextGroups.has(group)) return false;
  const facet = compiled.facets[compiled.nodes[candidate.node]!.facet]!;
  return !facet.gated || evidence.gates.has(facet.index);
}

/** Sums the weights strongest first with geometric decay (once the factor underflows to 0 the rest add nothing), squashed to 0..1. */
export function squash(weights: ReadonlyArray<[number, number]>, decay: number): number {
  let sum = 0;
  let factor = 1;
  for (const [weight, times] of weights) {
    for (let i = 0; i < times && factor !== 0; i++) {
      sum += weight * factor;
      factor *= decay;
    }
  }
  return round(1 - Math.exp(-sum));
}
