import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { type FixturePaper, fixturePapers, KNOWN_MISS } from './fixture-papers.js';

/** What a record of recent-papers.jsonl says a careful reader gives the paper (LABELS.md, NAMES.md). */
interface RecentPaper extends FixturePaper {
  type: string;
  modality: string[];
  names: { id: string; role: string }[];
  proposed: string[];
  note?: string;
  /** Where finetax still disagrees, by aspect, with what it prints and why (the cause to fix). */
  known_miss?: { method?: string; names?: string; proposed?: string };
}

const papers = fixturePapers<RecentPaper>('recent-papers.jsonl');

/** Names compared as NAMES.md scores them: case, spaces, hyphens, dots and brackets ignored. */
const fold = (text: string) => text.toLowerCase().replace(/[\s\-.()[\]{}]/g, '');

const expectMethod = (paper: RecentPaper) => {
  const tags = classify(paper).tags.filter((t) => t.facet === 'method');
  expect(tags.map((t) => t.id).sort()).toEqual([...paper.method].sort());
  for (const tag of tags) expect(tag.evidence.length).toBeGreaterThan(0);
};

const expectNames = (paper: RecentPaper) => {
  const names = classify(paper).names ?? [];
  expect(names.map((n) => `${n.id}:${n.role}`).sort()).toEqual(paper.names.map((n) => `${n.id}:${n.role}`).sort());
  for (const name of names) expect(name.evidence.length).toBeGreaterThan(0);
};

const expectProposed = (paper: RecentPaper) => {
  const proposed = classify(paper).proposed ?? [];
  expect([...new Set(proposed.map((p) => fold(p.text)))].sort()).toEqual([...new Set(paper.proposed.map(fold))].sort());
};

const aspects = [
  ['method families (with evidence)', 'method', expectMethod],
  ['named methods and their roles', 'names', expectNames],
  ['proposed names', 'proposed', expectProposed],
] as const;

describe('recent fine-tuning papers (2023–2026, not in the gold files)', () => {
  it('are real records: a source, a title and an abstract each, no id twice', () => {
    expect(papers.length).toBeGreaterThanOrEqual(30);
    expect(new Set(papers.map((p) => p.id)).size).toBe(papers.length);
    for (const p of papers) {
      expect(p.source, p.id).toMatch(/arXiv|https?:\/\//);
      expect(p.title.length, p.id).toBeGreaterThan(10);
      expect(p.abstract.length, p.id).toBeGreaterThan(300);
    }
  });

  it('cover every method family and every role but mentions-only papers', () => {
    const families = new Set(papers.flatMap((p) => p.method));
    for (const id of ['peft', 'peft.lora', 'peft.adapter', 'peft.prompt', 'sparse-ft', 'weight-interpolation', 'data-selection', 'robustness', 'forgetting', 'alignment', 'editing'])
      expect(families, id).toContain(id);
    const roles = new Set(papers.flatMap((p) => p.names.map((n) => n.role)));
    for (const role of ['proposes', 'studies', 'compares', 'mentions']) expect(roles, role).toContain(role);
  });

  it('document every known miss with what finetax prints and why', () => {
    for (const p of papers)
      for (const [aspect, why] of Object.entries(p.known_miss ?? {})) {
        expect(['method', 'names', 'proposed'], `${p.id}: ${aspect}`).toContain(aspect);
        expect(why, `${p.id}: ${aspect}`).toMatch(KNOWN_MISS);
      }
  });

  for (const [what, aspect, check] of aspects) {
    describe(what, () => {
      for (const paper of papers) {
        // A known miss must still fail: when a fix makes it pass, this reports it, and the
        // fixture's known_miss entry (and the cause it names) is then removed.
        if (paper.known_miss?.[aspect]) it.fails(`${paper.id} (known miss: ${aspect})`, () => check(paper));
        else it(`${paper.id}: ${paper.title}`, () => check(paper));
      }
    });
  }
});
