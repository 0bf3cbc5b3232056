/**
 * What every classification must satisfy, whatever the input: the documented shape of a result
 * (README "API"), checked record by record in the fuzz tests.
 */
import { expect } from 'vitest';
import type { Classification, PaperInput, Taxonomy } from '../../src/index.js';

/** Ancestors of each node id, nearest first. */
export function ancestorsOf(taxonomy: Taxonomy): Map<string, string[]> {
  const parent = new Map(taxonomy.nodes.map((n) => [n.id, n.parent]));
  return new Map(
    taxonomy.nodes.map((n) => {
      const chain: string[] = [];
      for (let p = n.parent; p !== undefined && !chain.includes(p); p = parent.get(p)) chain.push(p);
      return [n.id, chain];
    }),
  );
}

/** The id `classify` reports: the record's own id, else `#` and an 8-digit hex hash. */
export function expectIdOf(record: PaperInput, id: string): void {
  const own = record.id;
  if (typeof own === 'string' && own !== '') expect(id).toBe(own);
  else if (typeof own === 'number') expect(id).toBe(String(own));
  else expect(id).toMatch(/^#[0-9a-f]{8}$/);
}

/**
 * Tags are known nodes of their facet, unique, sorted by score in [0, 1]; every evidence points
 * at the words it quotes in the ORIGINAL field; single-valued facets give at most one tag
 * (exactly one when they have a default); a child's tag implies its parent's.
 */
export function expectSound(
  record: PaperInput,
  result: Classification,
  taxonomy: Taxonomy,
  options: { facets?: readonly string[] | undefined; ancestors?: Map<string, string[]> } = {},
): void {
  const ancestors = options.ancestors ?? ancestorsOf(taxonomy);
  const included = (facet: string) => !options.facets || options.facets.includes(facet);
  const nodes = new Map(taxonomy.nodes.map((n) => [n.id, n]));
  const tagged = new Set(result.tags.map((t) => t.id));
  expect(tagged.size).toBe(result.tags.length);
  for (const list of [result.tags, result.mentions ?? []]) {
    for (let i = 0; i < list.length; i++) {
      const tag = list[i]!;
      expect(nodes.get(tag.id)?.facet).toBe(tag.facet);
      expect(included(tag.facet)).toBe(true);
      expect(tag.score).toBeGreaterThanOrEqual(0);
      expect(tag.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(tag.score);
      for (const evidence of tag.evidence) {
        const text = record[evidence.field];
        expect(typeof text).toBe('string');
        expect(evidence.start).toBeGreaterThanOrEqual(0);
        expect(evidence.end).toBeGreaterThan(evidence.start);
        expect((text as string).slice(evidence.start, evidence.end)).toBe(evidence.text);
        expect(evidence.node === tag.id || ancestors.get(evidence.node)?.includes(tag.id)).toBe(true);
        expect(Number.isFinite(evidence.weight)).toBe(true);
      }
    }
  }
  for (const facet of taxonomy.facets.filter((f) => included(f.id))) {
    const count = result.tags.filter((t) => t.facet === facet.id).length;
    if (!facet.multiple) expect(count).toBeLessThanOrEqual(1);
    if (!facet.multiple && facet.default !== undefined) expect(count).toBe(1);
  }
  for (const tag of result.tags) {
    if (!taxonomy.facets.find((f) => f.id === tag.facet)?.multiple) continue;
    for (const ancestor of ancestors.get(tag.id) ?? []) expect(tagged, `${tag.id} implies ${ancestor}`).toContain(ancestor);
  }
}

/** Counts generated cases so a file can report (and check) how many it ran. */
export class CaseCounter {
  count = 0;
  add(n = 1): void {
    this.count += n;
  }
}
