/**
 * Real hard negatives (test/fixtures/papers/hard-negatives.jsonl): papers whose words belong to the
 * taxonomy in another sense (LoRa radio, gene and image editing, sequence alignment and image
 * registration, the physicist's fine-tuning, black-hole mergers, forgetting in memory research,
 * robust control, visual prompts drawn on an image, in-context demonstrations, prompt gamma rays,
 * collider data selection), or that use a family only as a tool. Each gets exactly the method
 * families listed (mostly none), and the named methods listed, with their roles, where the line
 * gives them. A line finetax still gets wrong says so in `known_miss` (what it prints and why),
 * and is asserted to fail.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { byKnownMiss, type FixturePaper, fixturePapers, KNOWN_MISS } from './fixture-papers.js';

interface HardNegative extends FixturePaper {
  kind: string;
  names?: [string, string][];
  /** What finetax prints and the cause to fix, for a paper it still gets wrong. */
  known_miss?: string;
}

const papers = fixturePapers<HardNegative>('hard-negatives.jsonl');
const { right, missed } = byKnownMiss(papers);

function check(paper: HardNegative): void {
  const result = classify(paper);
  const methods = result.tags.filter((t) => t.facet === 'method').map((t) => t.id);
  expect(methods.sort()).toEqual([...paper.method].sort());
  if (paper.names) expect((result.names ?? []).map((n) => [n.label, n.role])).toEqual(paper.names);
}

describe('real hard negatives get exactly their method families (mostly none)', () => {
  it.each(right.map((p) => [`${p.id} (${p.kind})`, p] as const))('%s', (_label, paper) => check(paper));
});

describe('real hard negatives finetax still gets wrong (known misses)', () => {
  it('say what finetax prints and why', () => {
    for (const p of missed) expect(p.known_miss, p.id).toMatch(KNOWN_MISS);
  });
  // A fix that makes one pass fails here until its `known_miss` (and the cause it names) is removed.
  it.fails.each(missed.map((p) => [`${p.id}: ${p.known_miss}`, p] as const))('%s', (_label, paper) => check(paper));
});

describe('the fixture', () => {
  // An empty title is allowed: some stored copies gave none.
  it('has a source, a kind and an abstract on every line, and unique ids', () => {
    for (const p of papers) for (const field of ['source', 'kind', 'abstract'] as const) expect(p[field], `${p.id} ${field}`).not.toBe('');
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
  });
});
