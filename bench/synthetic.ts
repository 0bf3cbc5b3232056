/**
 * Grows the default taxonomy with synthetic nodes for the scaling test. Their phrases are built
 * from real corpus words (so first words do occur and candidates must be checked) plus invented
 * acronyms: a realistic load for an index, not a set of strings that never match.
 */
import type { Taxonomy } from 'finetax';
import type { BenchRecord } from './corpus.js';

export function grownTaxonomy(base: Taxonomy, factor: number, records: BenchRecord[]): Taxonomy {
  const taxonomy = structuredClone(base);
  const words = vocabulary(records);
  const extra = base.nodes.length * (factor - 1);
  let seed = 42;
  const pick = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return words[seed % words.length]!;
  };
  for (let i = 0; i < extra; i++) {
    const rules = base.nodes[i % base.nodes.length]!.rules.map((_, r) => ({
      kind: r % 5 === 0 ? ('acronym' as const) : ('phrase' as const),
      text: r % 5 === 0 ? `Syn${i}X${r}` : `${pick()} ${pick()}${r % 2 ? ` ${pick()}` : ''}`,
      weight: 1,
    }));
    taxonomy.nodes.push({
      id: `synthetic.n${i}`,
      facet: 'method',
      label: `Synthetic ${i}`,
      aliases: [],
      rules,
      exclude: [],
      yields: [],
      examples: { positive: [], negative: [] },
    });
  }
  return taxonomy;
}

function vocabulary(records: BenchRecord[]): string[] {
  const counts = new Map<string, number>();
  for (const record of records.slice(0, 200)) {
    for (const word of record.abstract.toLowerCase().match(/[a-z]{4,}/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 2000).map(([word]) => word);
}
