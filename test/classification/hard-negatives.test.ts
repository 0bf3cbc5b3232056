/**
 * Real hard negatives (test/fixtures/papers/hard-negatives.jsonl): papers whose words belong to the
 * taxonomy in another sense (LoRa radio, gene and image editing, sequence alignment and image
 * registration, the physicist's fine-tuning, black-hole mergers, forgetting in memory research,
 * robust control, visual prompts drawn on an image, in-context demonstrations), or that use a
 * family only as a tool. Each gets exactly the method families listed (mostly none), and the named
 * methods listed, with their roles, where the line gives them.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { type FixturePaper, fixturePapers } from './fixture-papers.js';

interface HardNegative extends FixturePaper {
  kind: string;
  names?: [string, string][];
}

const papers = fixturePapers<HardNegative>('hard-negatives.jsonl');

describe('real hard negatives get exactly their method families (mostly none)', () => {
  it.each(papers.map((p) => [`${p.id} (${p.kind})`, p] as const))('%s', (_label, paper) => {
    const result = classify(paper);
    const methods = result.tags.filter((t) => t.facet === 'method').map((t) => t.id);
    expect(methods.sort()).toEqual([...paper.method].sort());
    if (paper.names) expect((result.names ?? []).map((n) => [n.label, n.role])).toEqual(paper.names);
  });
});
