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
}

export function scoreNodes(compiled: CompiledTaxonomy, evidence: RecordEvidence): Map<number, NodeScore> {
  const pools = new Map<number, Candidate[]>();
  for (const candidate of evidence.candidates) {
    if (!counts(compiled, evidence, candidate)) continue;
    const node = compiled.nodes[candidate.node]!;
    addTo(pools, node.index, candidate);
    for (const ancestor of node.ancestors) addTo(pools, ancestor, candidate);
  }
  const scores = new Map<number, NodeScore>();
  const decay = compiled.taxonomy.scoring.decay;
  for (const [node, candidates] of pools) scores.set(node, { score: squash(mentionWeights(candidates), decay), candidates });
  return scores;
}

function addTo(pools: Map<number, Candidate[]>, node: number, candidate: Candidate): void {
  const pool = pools.get(node);
  if (pool) pool.push(candidate);
  else pools.set(node, [candidate]);
}

/** Context-restricted rules need their context; gated facets need their gate. */
export function counts(compiled: CompiledTaxonomy, evidence: RecordEvidence, candidate: Candidate): boolean {
  const group = compiled.rules[candidate.rule]!.contextGroup;
  if (group >= 0 && !evidence.contextGroups.has(group)) return false;
  const facet = compiled.facets[compiled.nodes[candidate.node]!.facet]!;
  return !facet.gated || evidence.gates.has(facet.index);
}

/** One weight per sentence: a name and its acronym in "Low-Rank Adaptation (LoRA)" are one mention. */
function mentionWeights(candidates: readonly Candidate[]): number[] {
  // A node has a few candidates: parallel arrays beat a Map here.
  const keys: number[] = [];
  const weights: number[] = [];
  for (const c of candidates) {
    // Title sentences get negative keys so they never share a key with abstract sentences.
    const key = c.field === 'title' ? -1 - c.sentence : c.sentence;
    const at = keys.indexOf(key);
    if (at < 0) {
      keys.push(key);
      weights.push(Math.max(0, c.weight));
    } else weights[at] = Math.max(weights[at]!, c.weight);
  }
  return weights.sort((a, b) => b - a);
}

function squash(weights: readonly number[], decay: number): number {
  let sum = 0;
  let factor = 1;
  for (const weight of weights) {
    sum += weight * factor;
    factor *= decay;
  }
  return round(1 - Math.exp(-sum));
}
