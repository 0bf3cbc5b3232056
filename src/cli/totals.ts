/**
 * `stats`' running totals: records per node of every facet (a record counts for its tags'
 * ancestors too), records without a tag, and pairs of the pair facet. A batch is counted where it
 * is classified (a worker, with --jobs) into a `TotalsPart` of plain numbers, and parts are added
 * up in input order. Counting goes through the query layer's `Corpus.count`/`cooccurrence`, so
 * the numbers match `Corpus` exactly; they are sums, so counting batch by batch changes nothing.
 */
import type { Classification } from '../classification/types.js';
import { Corpus, TaxonomyIndex } from '../query/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { StatsReport } from './output/stats.js';

/** What `stats` counts. */
export interface TotalsSpec {
  /** Facets to count, in taxonomy order. */
  facets: string[];
  /** The facet whose co-occurring pairs are listed, if any. */
  pairFacet: string | undefined;
}

/** The counts of one batch. */
export interface TotalsPart {
  records: number;
  /** Per facet: [id, records] for every id with any. */
  counts: Record<string, Array<[string, number]>>;
  /** Per facet: records without a tag of it. */
  untagged: Record<string, number>;
  pairs: Array<[string, string, number]>;
}

/** Counts the classifications of a batch's records. */
export function countBatch(taxonomy: Taxonomy, spec: TotalsSpec, classifications: Classification[]): TotalsPart {
  const part: TotalsPart = { records: classifications.length, counts: {}, untagged: {}, pairs: [] };
  if (classifications.length === 0) return part;
  const corpus = Corpus.from(classifications, { taxonomy });
  for (const facet of spec.facets) {
    part.counts[facet] = [...corpus.count(facet)];
    part.untagged[facet] = classifications.filter((c) => !c.tags.some((t) => t.facet === facet)).length;
  }
  if (spec.pairFacet) part.pairs = corpus.cooccurrence(spec.pairFacet).map(({ a, b, count }): [string, string, number] => [a, b, count]);
  return part;
}

/** Totals over every batch. */
export class Totals {
  records = 0;
  readonly #counts = new Map<string, Map<string, number>>();
  readonly #untagged = new Map<string, number>();
  readonly #pairs = new Map<string, { a: string; b: string; count: number }>();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly spec: TotalsSpec,
  ) {
    for (const facet of spec.facets) {
      this.#counts.set(facet, new Map());
      this.#untagged.set(facet, 0);
    }
  }

  add(part: TotalsPart): void {
    this.records += part.records;
    for (const facet of this.spec.facets) {
      const total = this.#counts.get(facet)!;
      for (const [id, n] of part.counts[facet] ?? []) total.set(id, (total.get(id) ?? 0) + n);
      this.#untagged.set(facet, this.#untagged.get(facet)! + (part.untagged[facet] ?? 0));
    }
    for (const [a, b, count] of part.pairs) {
      const key = `${a}\u0000${b}`;
      const pair = this.#pairs.get(key) ?? { a, b, count: 0 };
      pair.count += count;
      this.#pairs.set(key, pair);
    }
  }

  report(inputs: string[], rejected: number, top: number): StatsReport {
    const index = TaxonomyIndex.of(this.taxonomy);
    const facets = this.spec.facets.map((facet) => ({
      facet,
      counts: Object.fromEntries(index.ids(facet).map((id) => [id, this.#counts.get(facet)!.get(id) ?? 0])),
      none: this.#untagged.get(facet)!,
    }));
    const pairs = [...this.#pairs.values()]
      .sort((x, y) => y.count - x.count || index.compare(x.a, y.a) || index.compare(x.b, y.b))
      .slice(0, top);
    return { inputs, records: this.records, rejected, facets, pairs: this.spec.pairFacet ? { facet: this.spec.pairFacet, top: pairs } : undefined };
  }
}
