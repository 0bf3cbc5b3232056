import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { fixturePapers } from './fixture-papers.js';

interface KnownPaper {
  id: string;
  title: string;
  abstract: string;
  method: string[];
}

const papers = fixturePapers<KnownPaper>('known-papers.jsonl');

describe('well-known fine-tuning papers get exactly their method families', () => {
  it.each(papers.map((p) => [p.title, p] as const))('%s', (_title, paper) => {
    const tags = classify(paper).tags.filter((t) => t.facet === 'method');
    expect(tags.map((t) => t.id).sort()).toEqual([...paper.method].sort());
    for (const tag of tags) expect(tag.evidence.length).toBeGreaterThan(0);
  });
});
