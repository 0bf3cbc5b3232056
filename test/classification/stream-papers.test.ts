/**
 * Real papers of the kind an arXiv stream is full of (test/fixtures/papers/stream-papers.jsonl):
 * applied papers that fine-tune with LoRA or QLoRA as a tool, RAG, agent and reasoning papers that
 * mention SFT, DPO or GRPO in passing, safety papers (jailbreaks, backdoors, watermarks), robot RL
 * with rewards, merging, selection and editing in other senses (tokens, version control, features,
 * federated clients, 3D scenes, videos, RNA, Wikipedia), forgetting in memory research, the
 * physicist's fine-tuning, LoRa radio, and a few positives a fix must not lose. Each gets exactly
 * the method families listed and, where the line gives them, the named methods in those roles.
 * Papers finetax still gets wrong are listed in KNOWN_MISSES with the reason, and asserted to fail.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { type FixturePaper, fixturePapers } from './fixture-papers.js';

interface StreamPaper extends FixturePaper {
  kind: string;
  names?: { id: string; role: string }[];
  note: string;
}

const papers = fixturePapers<StreamPaper>('stream-papers.jsonl');

/** Papers finetax gets wrong today, and why (what would fix them). */
const KNOWN_MISSES: Record<string, string> = {
  '2502.16366':
    "robustness from 'these drastic distribution shifts' (of the model's outputs, under safety training) and 'robustness as good as adversarial training': safety words carry no exclusion, and the comparison 'as good as' is no cue of the family scorer",
};

function check(paper: StreamPaper): void {
  const result = classify(paper);
  const methods = result.tags.filter((t) => t.facet === 'method').map((t) => t.id);
  expect(methods.sort()).toEqual([...paper.method].sort());
  if (paper.names) {
    const roles = new Map((result.names ?? []).map((n) => [n.id, n.role]));
    for (const name of paper.names) expect([name.id, roles.get(name.id)]).toEqual([name.id, name.role]);
  }
}

describe('stream papers get exactly their method families and name roles', () => {
  const right = papers.filter((p) => !(p.id in KNOWN_MISSES));
  it.each(right.map((p) => [`${p.id} (${p.kind})`, p] as const))('%s', (_label, paper) => check(paper));
});

describe('stream papers finetax still gets wrong (known misses)', () => {
  const missed = papers.filter((p) => p.id in KNOWN_MISSES);
  it('lists only papers of the fixture', () => {
    expect(missed.map((p) => p.id).sort()).toEqual(Object.keys(KNOWN_MISSES).sort());
  });
  it.fails.each(missed.map((p) => [`${p.id}: ${KNOWN_MISSES[p.id]}`, p] as const))('%s', (_label, paper) => check(paper));
});

describe('the fixture', () => {
  it('has a source, a kind, a title, an abstract and a note on every line, and unique ids', () => {
    for (const p of papers) for (const field of ['source', 'kind', 'title', 'abstract', 'note'] as const) expect(p[field], `${p.id} ${field}`).not.toBe('');
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });
  it('is mostly papers without a family, as a stream is', () => {
    expect(papers.filter((p) => p.method.length === 0).length).toBeGreaterThan(papers.length * 0.7);
  });
});
