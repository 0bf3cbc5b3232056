/**
 * The pieces between the match list and the tags: one weight per sentence counted by weight, the
 * family scorer a classifier reuses from record to record (and the evidence it keeps), the longest match per facet, and the
 * order of the selected tags.
 */
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../src/index.js';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import type { PatternMatch } from '../../src/matching/matcher.js';
import { longestPerFacet, RecordEvidence, type FieldText } from '../../src/classification/evidence.js';
import type { Evidence } from '../../src/classification/types.js';
import { tokenise } from '../../src/text/tokenise.js';
import { NodeScorer, SentenceWeights, squash, type NodeScore, type ScoreTable } from '../../src/classification/scoring.js';
import { selectTags } from '../../src/classification/select.js';

const compiled = compileTaxonomy(defaultTaxonomy);
const node = (id: string) => compiled.nodeIndex.get(id)!;
const ruleOf = (id: string) => compiled.rules.findIndex((rule) => rule.node === node(id) && rule.contextGroup < 0 && rule.rule.name === undefined);

/** The nodes a score table has scores for, in its order. */
function scoredNodes(scores: ScoreTable): number[] {
  const nodes: number[] = [];
  scores.forEach((_score, scored) => nodes.push(scored));
  return nodes;
}

function weights(pairs: Array<[number, number]>): SentenceWeights {
  const counted = new SentenceWeights();
  for (const [key, weight] of pairs) counted.add(key, weight);
  return counted;
}

describe('SentenceWeights', () => {
  it('keeps the strongest weight of each sentence and counts sentences by weight, strongest first', () => {
    const counted = weights([[0, 1.5], [0, 0.4], [1, 0.8], [2, 1.5], [-1, 0.8]]);
    expect(counted.counts()).toEqual([[1.5, 2], [0.8, 2]]);
  });

  it('counts the sentences with evidence, title sentences included, for a node\'s support', () => {
    expect(weights([[0, 1.5], [0, 0.4], [1, 0.8], [-1, 0.8]]).sentences()).toBe(3);
    expect(new SentenceWeights().sentences()).toBe(0);
  });

  it('squashes without building the counts, to the same value as squash(counts)', () => {
    // 1.5 + 1.5 × 0.5 + 0.8 × 0.25 = 2.45, and 1 - e^-2.45 = 0.9137…
    expect(weights([[0, 1.5], [1, 0.8], [2, 1.5]]).squash(0.5)).toBe(0.914);
    expect(squash([[1.5, 2], [0.8, 1]], 0.5)).toBe(0.914);
  });

  it('orders many distinct weights by sorting, with the same result as a selection would give', () => {
    const many = weights(Array.from({ length: 20 }, (_, i): [number, number] => [i, (i % 7) / 10 + i / 100]));
    const counts = many.counts();
    expect(counts).toHaveLength(20);
    expect(counts.map(([w]) => w)).toEqual([...counts.map(([w]) => w)].sort((a, b) => b - a));
    expect(many.squash(0.7)).toBe(squash(counts, 0.7));
  });

  it('forgets everything on reset', () => {
    const counted = weights([[0, 1]]);
    counted.reset();
    expect(counted.counts()).toEqual([]);
    expect(counted.squash(0.5)).toBe(0);
  });
});

describe('NodeScorer', () => {
  const sentence = 'LoRA is cheap. LoRA is fast.';
  const text: FieldText = { field: 'abstract', original: sentence, normalised: { text: sentence, pieces: null }, tokens: tokenise(sentence) };
  const rule = ruleOf('peft.lora');
  const lora = (first: number) => (scorer: NodeScorer) => scorer.addMatch(text, node('peft.lora'), rule, first, first, 1, -1, 0);
  const evidenceAt = (start: number): Evidence => ({
    field: 'abstract',
    start,
    end: start + 4,
    text: 'LoRA',
    rule: compiled.rules[rule]!.rule.text,
    kind: compiled.rules[rule]!.rule.kind,
    node: 'peft.lora',
    weight: 1,
    cues: [],
  });

  it('scores a node and its ancestors, keeping the first matches in reading order as their evidence', () => {
    const scorer = new NodeScorer(compiled);
    scorer.start(new RecordEvidence(), 1);
    lora(0)(scorer);
    lora(3)(scorer);
    const scores = scorer.scores();
    expect(scoredNodes(scores).sort()).toEqual([node('peft'), node('peft.lora')].sort());
    // 1 + 1 × 0.7 (the taxonomy's decay) = 1.7, and 1 - e^-1.7 = 0.8173…
    expect(compiled.taxonomy.scoring.decay).toBe(0.7);
    expect(scores.get(node('peft.lora'))).toEqual({ score: 0.817, sentences: 2, title: false });
    expect(scores.get(node('peft'))).toEqual({ score: 0.817, sentences: 2, title: false });
    expect(scorer.evidence(node('peft.lora'))).toEqual([evidenceAt(0)]);
    expect(scorer.evidence(node('peft'))).toEqual([evidenceAt(0)]);
  });

  it('starts each record afresh: nodes of the previous record have no score and no evidence', () => {
    const scorer = new NodeScorer(compiled);
    scorer.start(new RecordEvidence(), 16);
    lora(0)(scorer);
    const previous = scorer.evidence(node('peft.lora'));
    scorer.start(new RecordEvidence(), 16);
    scorer.addMatch(text, node('vision'), ruleOf('vision'), 3, 3, 2, -1, 0);
    const scores = scorer.scores();
    expect(scoredNodes(scores)).toEqual([node('vision')]);
    expect(scores.get(node('vision'))).toEqual({ score: 0.865, sentences: 1, title: false });
    expect(scores.get(node('peft.lora'))).toBeUndefined();
    expect(scorer.evidence(node('peft.lora'))).toEqual([]);
    expect(scorer.evidence(node('vision'))).toMatchObject([{ start: 15, end: 19, text: 'LoRA', node: 'vision', weight: 2 }]);
    expect(previous).toEqual([evidenceAt(0)]);
  });

  it('counts a context-restricted match only when the record has its context', () => {
    const restricted = compiled.rules.findIndex((r) => r.node === node('peft') && r.contextGroup >= 0);
    const withContext = new RecordEvidence();
    withContext.addContext(compiled.rules[restricted]!.contextGroup);
    for (const [evidence, scored] of [[new RecordEvidence(), false], [withContext, true]] as const) {
      const scorer = new NodeScorer(compiled);
      scorer.start(evidence, 16);
      scorer.addMatch(text, node('peft'), restricted, 0, 0, 1, -1, 0);
      expect(scorer.scores().get(node('peft')) !== undefined).toBe(scored);
    }
  });
});

describe('longestPerFacet', () => {
  const match = (id: string, first: number, last: number): PatternMatch => ({ pattern: { role: 'positive', owner: node(id), rule: ruleOf(id), tests: [], allowed: [] }, first, last, edits: 0 });

  it('drops a match inside a longer one of the same facet, keeps other facets, and empties the output list first', () => {
    const long = match('vision-language', 3, 5);
    const inside = match('language', 5, 5);
    const otherFacet = match('peft', 4, 4);
    const after = match('language', 8, 8);
    const out = [match('audio', 0, 0)];
    expect(longestPerFacet(compiled, [long, otherFacet, inside, after], out)).toEqual([long, otherFacet, after]);
    expect(out).toEqual([long, otherFacet, after]);
  });

  it('keeps one of two same-span matches of a node, the earlier at equal weight', () => {
    const a = match('peft', 2, 2);
    const b = match('peft', 2, 2);
    expect(longestPerFacet(compiled, [a, b], [])).toEqual([a]);
    expect(longestPerFacet(compiled, [a, b], [])[0]).toBe(a);
  });
});

describe('selectTags', () => {
  const score = (value: number): NodeScore => ({ score: value, sentences: 1, title: false });

  it('orders tags by score, highest first, and equal scores in taxonomy order', () => {
    const scores = new Map([
      [node('vision'), score(0.9)],
      [node('peft'), score(0.6)],
      [node('language'), score(0.9)],
      [node('sparse-ft'), score(0.6)],
    ]);
    const { tags } = selectTags(compiled, scores, {}, { evidence: () => [] });
    expect(tags.map((tag) => [tag.id, tag.score])).toEqual([
      ['language', 0.9],
      ['vision', 0.9],
      ['peft', 0.6],
      ['sparse-ft', 0.6],
      [compiled.nodes[compiled.facets[1]!.defaultNode]!.node.id, 0],
    ]);
  });
});
