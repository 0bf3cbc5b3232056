/**
 * Real positives of every method family from 2023–2026 (test/fixtures/papers/family-papers.jsonl),
 * found to check precision fixes against recall: instruction-data selection, LLM merging, LLM
 * unlearning, continual instruction tuning, OOD-robust fine-tuning of CLIP, preference or reward
 * fine-tuning of tool-using and reasoning LLMs (GRPO variants), LoRA for speech recognition,
 * low-precision adapters and visual prompts. Several carry words a precision rule could trip on
 * ("forget data" in unlearning, "aligning LLMs with human preferences" in a data-selection paper,
 * "interpolate latent tasks" in a continual-learning one). Each gets exactly the method families
 * listed, each with evidence; a line finetax still gets wrong says so in `known_miss`.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { byKnownMiss, type FixturePaper, fixturePapers, KNOWN_MISS } from './fixture-papers.js';

/** What a reader gives the paper by LABELS.md; type and modality are recorded, not asserted. */
interface FamilyPaper extends FixturePaper {
  type: string;
  modality: string[];
  note?: string;
  /** What finetax prints and the cause to fix, for a paper it still gets wrong. */
  known_miss?: string;
}

const papers = fixturePapers<FamilyPaper>('family-papers.jsonl');

function check(paper: FamilyPaper): void {
  const tags = classify(paper).tags.filter((t) => t.facet === 'method');
  expect(tags.map((t) => t.id).sort()).toEqual([...paper.method].sort());
  for (const tag of tags) expect(tag.evidence.length, tag.id).toBeGreaterThan(0);
}

describe('recent positives of every family get exactly their method families', () => {
  const { right, missed } = byKnownMiss(papers);
  it.each(right.map((p) => [`${p.id}: ${p.title}`, p] as const))('%s', (_label, paper) => check(paper));
  if (missed.length > 0) it.fails.each(missed.map((p) => [`${p.id}: ${p.known_miss}`, p] as const))('%s', (_label, paper) => check(paper));
});

describe('the fixture', () => {
  it('holds real records with a source, a title and an abstract, no id twice', () => {
    for (const p of papers) {
      expect(p.source, p.id).toMatch(/arXiv|https?:\/\//);
      expect(p.title.length, p.id).toBeGreaterThan(10);
      expect(p.abstract.length, p.id).toBeGreaterThan(300);
    }
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });
  it('covers the families a precision rule is most likely to cost', () => {
    const families = new Set(papers.flatMap((p) => p.method));
    for (const id of ['peft', 'peft.lora', 'peft.adapter', 'data-selection', 'weight-interpolation', 'robustness', 'forgetting', 'alignment', 'editing'])
      expect(families, id).toContain(id);
  });
  it('says, for every known miss, what finetax prints and why', () => {
    for (const p of papers) if (p.known_miss !== undefined) expect(p.known_miss, p.id).toMatch(KNOWN_MISS);
  });
});
