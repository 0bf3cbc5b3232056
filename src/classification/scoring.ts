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
    for (const target of [node.index, ...node.ancestors]) {
      const pool = pools.get(target);
      if (pool) pool.push(candidate);
      else pools.set(target, [candidate]);
    }
  }
  const scores = new Map<number, NodeScore>();
  const decay = compiled.taxonomy.scoring.decay;
  for (const [node, candidates] of pools) scores.set(node, { score: squash(mentionWeights(candidates), decay), candidates });
  return scores;
}

/** Context-restricted rules need their context; gated facets need their gate. */
function counts(compiled: CompiledTaxonomy, evidence: RecordEvidence, candidate: Candidate): boolean {
  const group = compiled.rules[candidate.rule]!.contextGroup;
  if (group >= 0 && !evidence.contextGroups.has(group)) return false;
  const facet = compiled.facets[compiled.nodes[candidate.node]!.facet]!;
  return !facet.gated || evidence.gates.has(facet.index);
}

/** One weight per sentence: a name and its acronym in "Low-Rank Adaptation (LoRA)" are one mention. */
function mentionWeights(candidates: readonly Candidate[]): number[] {
  const bySentence = new Map<number, number>();
  for (const c of candidates) {
    // Title sentences get negative keys so they never share a key with abstract sentences.
    const key = c.field === 'title' ? -1 - c.sentence : c.sentence;
    bySentence.set(key, Math.max(bySentence.get(key) ?? 0, c.weight));
  }
  return [...bySentence.values()].sort((a, b) => b - a);
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
