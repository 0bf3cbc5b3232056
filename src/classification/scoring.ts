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
  const scorer = new NodeScorer(compiled);
  scorer.start(evidence, keep);
  for (const candidate of evidence.candidates) scorer.add(candidate);
  return scorer.scores();
}

/**
 * Scores candidates as they come, in reading order. A node's pool holds its mentions as counts per
 * weight, not as candidates, so a record repeating a term a million times costs a few numbers per
 * node, not a million entries per node and ancestor. One scorer serves a classifier's records one
 * after another (`start` begins a record): its pools, indexed by node, are reused, so scoring a
 * record allocates nothing but what its result keeps.
 */
export class NodeScorer {
  private readonly pools: Array<Pool | undefined>;
  /** Nodes with a pool in use for the current record, in the order they were first touched. */
  private readonly touched: number[] = [];
  private readonly results = new Map<number, NodeScore>();
  private evidence: RecordEvidence | undefined;
  private keep = Infinity;

  constructor(private readonly compiled: CompiledTaxonomy) {
    this.pools = new Array<Pool | undefined>(compiled.nodes.length).fill(undefined);
  }

  /** Begins a record: `evidence` must already know the record's context groups and gates. */
  start(evidence: RecordEvidence, keep: number): void {
    for (const node of this.touched) this.pools[node]!.reset();
    this.touched.length = 0;
    this.results.clear();
    this.evidence = evidence;
    this.keep = keep;
  }

  add(candidate: Candidate): void {
    if (!counts(this.compiled, this.evidence!, candidate)) return;
    const node = this.compiled.nodes[candidate.node]!;
    this.addTo(node.index, candidate);
    const { ancestors } = node;
    for (let i = 0; i < ancestors.length; i++) this.addTo(ancestors[i]!, candidate);
  }

  /** Node index → score and kept candidates; valid until the next `start`. */
  scores(): Map<number, NodeScore> {
    const decay = this.compiled.taxonomy.scoring.decay;
    for (const node of this.touched) {
      const pool = this.pools[node]!;
      this.results.set(node, { score: pool.weights.squash(decay), candidates: pool.kept, sentences: pool.weights.sentences(), title: pool.title });
    }
    return this.results;
  }

  private addTo(node: number, candidate: Candidate): void {
    let pool = this.pools[node];
    if (!pool) {
      pool = new Pool();
      this.pools[node] = pool;
    }
    if (!pool.used) {
      pool.used = true;
      this.touched.push(node);
    }
    if (pool.kept.length < this.keep) pool.kept.push(candidate);
    if (candidate.field === 'title') pool.title = true;
    pool.weights.add(sentenceKey(candidate), candidate.weight);
  }
}

/**
 * One node's mentions: one weight per sentence (a name and its acronym in "Low-Rank Adaptation
 * (LoRA)" are one mention), the strongest match in it.
 */
class Pool {
  used = false;
  kept: Candidate[] = [];
  title = false;
  readonly weights = new SentenceWeights();

  reset(): void {
    this.used = false;
    this.title = false;
    // A fresh list: the previous record's result may still hold the old one.
    this.kept = [];
    this.weights.reset();
  }
}

/** Title sentences get negative keys so they never share a key with abstract sentences. */
export function sentenceKey(candidate: Candidate): number {
  return candidate.field === 'title' ? -1 - candidate.sentence : candidate.sentence;
}

/** Up to this many distinct weights, a selection visits them strongest first; beyond, a sort. */
const FEW = 16;

/**
 * One weight per sentence (the strongest there), counted by weight. Candidates arrive in reading
 * order, so a sentence's are consecutive: only the current sentence is open, and closed ones are
 * counted by weight (weights take few distinct values: field × rule × cue, so two small arrays
 * are cheaper than a Map).
 */
export class SentenceWeights {
  // Only the first `size` entries are in use: `reset` keeps the arrays' storage for the next record.
  private readonly weights: number[] = [];
  private readonly times: number[] = [];
  private size = 0;
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
    const counts: Array<[number, number]> = [];
    if (this.size > FEW) {
      for (let i = 0; i < this.size; i++) counts.push([this.weights[i]!, this.times[i]!]);
      return counts.sort((a, b) => b[0] - a[0]);
    }
    for (let i = this.strongest(Infinity); i >= 0; i = this.strongest(this.weights[i]!)) counts.push([this.weights[i]!, this.times[i]!]);
    return counts;
  }

  /** `squash(this.counts(), decay)` without building the counts. */
  squash(decay: number): number {
    this.close();
    if (this.size > FEW) return squash(this.counts(), decay);
    let sum = 0;
    let factor = 1;
    for (let i = this.strongest(Infinity); i >= 0 && factor !== 0; i = this.strongest(this.weights[i]!)) {
      const weight = this.weights[i]!;
      const times = this.times[i]!;
      for (let t = 0; t < times && factor !== 0; t++) {
        sum += weight * factor;
        factor *= decay;
      }
    }
    return round(1 - Math.exp(-sum));
  }

  /** Sentences counted so far (title sentences included). */
  sentences(): number {
    this.close();
    let sentences = 0;
    for (let i = 0; i < this.size; i++) sentences += this.times[i]!;
    return sentences;
  }

  reset(): void {
    this.size = 0;
    this.open = false;
  }

  /**
   * Index of the strongest weight below `below` (-1: none). Weights are distinct, so stepping
   * down from Infinity visits them strongest first: a selection over a handful of values, where a
   * sort would allocate.
   */
  private strongest(below: number): number {
    let best = -1;
    for (let i = 0; i < this.size; i++) {
      const weight = this.weights[i]!;
      if (weight < below && (best < 0 || weight > this.weights[best]!)) best = i;
    }
    return best;
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    for (let i = 0; i < this.size; i++) {
      if (this.weights[i] === this.max) {
        this.times[i]!++;
        return;
      }
    }
    this.weights[this.size] = this.max;
    this.times[this.size] = 1;
    this.size++;
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
  const facet = compiled.facets[compiled.nodes[candidate.node]!.facet]!;
  if (group < 0 && !facet.gated) return true;
  evidence.settle();
  if (group >= 0 && !evidence.contextGroups.has(group)) return false;
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
