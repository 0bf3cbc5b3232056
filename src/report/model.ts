/**
 * The numbers behind a report, counted in one pass over the entries: records per node of every
 * facet (a record counts for its tags' ancestors too, as in `finetax stats`), papers per family per
 * period, pairs of method families, named methods by role and proposed names. Nothing is dropped:
 * records without a date, or with only a year when the trend is monthly, are counted apart.
 */
import { TaxonomyIndex } from '../query/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { whenOf, type When } from './dates.js';
import { namesOf, proposedOf } from './names.js';
import type { ReportEntry } from './types.js';

export interface NodeCount {
  id: string;
  label: string;
  /** 0 for a family, 1 for a subfamily, … */
  depth: number;
  /** The top-level family this node belongs to (itself for a family). */
  family: string;
  count: number;
}

export interface FacetSummary {
  id: string;
  label: string;
  /** Records with at least one tag of this facet. */
  tagged: number;
  nodes: NodeCount[];
}

export interface TrendPoint {
  /** `2024-03` or `2024`. */
  period: string;
  /** The family's label. */
  family: string;
  count: number;
}

export interface Trend {
  unit: 'month' | 'year';
  points: TrendPoint[];
  /** Dated records in the trend (with a tag of the first facet or not). */
  dated: number;
  /** Records with no date at all. */
  undated: number;
  /** In a monthly trend, records that give only a year. */
  yearOnly: number;
}

export interface Pair {
  a: string;
  b: string;
  count: number;
}

export interface NameRow {
  id: string;
  label: string;
  node?: string;
  role: string;
  /** Papers mentioning the name in this role. */
  papers: number;
}

export interface ProposedRow {
  text: string;
  expansion?: string;
  node?: string;
  papers: number;
}

export interface ReportModel {
  records: number;
  /** The facet families are counted on (the taxonomy's first facet, `method`). */
  familyFacet: string | undefined;
  facets: FacetSummary[];
  trend: Trend;
  /** Method nodes in the heatmap (most frequent first), and their pairs (a before b in that order). */
  cooccurrence: { ids: string[]; labels: string[]; pairs: Pair[] };
  /** Undefined when no classification carries `names`. */
  names: NameRow[] | undefined;
  /** Undefined when no classification carries `proposed`. */
  proposed: ProposedRow[] | undefined;
}

/** Method nodes shown in the co-occurrence heatmap at most (past that the cells get unreadable). */
const HEATMAP_NODES = 24;

export function buildModel(entries: readonly ReportEntry[], taxonomy: Taxonomy): ReportModel {
  const index = TaxonomyIndex.of(taxonomy);
  const familyFacet = taxonomy.facets[0]?.id;
  const nodeCounts = new Map<string, number>();
  const facetTagged = new Map<string, number>();
  const pairs = new Map<string, number>();
  const trend = new TrendCounter(index);
  const names = new Map<string, NameRow>();
  const proposed = new Map<string, ProposedRow>();
  let sawNames = false;
  let sawProposed = false;

  for (const { record, classification } of entries) {
    const ids = withAncestors(index, classification.tags.map((t) => t.id));
    for (const id of ids) nodeCounts.set(id, (nodeCounts.get(id) ?? 0) + 1);
    for (const facet of new Set(classification.tags.map((t) => t.facet))) facetTagged.set(facet, (facetTagged.get(facet) ?? 0) + 1);
    const methods = [...ids].filter((id) => index.facetOf(id) === familyFacet).sort((a, b) => index.compare(a, b));
    for (let i = 0; i < methods.length; i++) for (let j = i + 1; j < methods.length; j++) addPair(pairs, methods[i]!, methods[j]!);
    trend.add(whenOf(record), methods);
    if (classification.names !== undefined) sawNames = true;
    if (classification.proposed !== undefined) sawProposed = true;
    countNames(names, namesOf(classification));
    countProposed(proposed, proposedOf(classification));
  }

  const facets = taxonomy.facets.map((facet) => ({
    id: facet.id,
    label: facet.label,
    tagged: facetTagged.get(facet.id) ?? 0,
    nodes: index.ids(facet.id).map((id) => nodeCount(index, id, nodeCounts.get(id) ?? 0)),
  }));
  return {
    records: entries.length,
    familyFacet,
    facets,
    trend: trend.result(),
    cooccurrence: heatmap(index, familyFacet, nodeCounts, pairs),
    names: sawNames ? [...names.values()].sort((x, y) => y.papers - x.papers || x.label.localeCompare(y.label)) : undefined,
    proposed: sawProposed ? [...proposed.values()].sort((x, y) => y.papers - x.papers || x.text.localeCompare(y.text)) : undefined,
  };
}

/** The ids with every ancestor added (a LoRA paper is a PEFT paper). */
export function withAncestors(index: TaxonomyIndex, ids: readonly string[]): Set<string> {
  const all = new Set<string>();
  for (const id of ids) {
    if (!index.has(id)) continue;
    all.add(id);
    for (const ancestor of index.ancestors(id)) all.add(ancestor);
  }
  return all;
}

function nodeCount(index: TaxonomyIndex, id: string, count: number): NodeCount {
  const ancestors = index.ancestors(id);
  return { id, label: index.label(id), depth: ancestors.length, family: ancestors[ancestors.length - 1] ?? id, count };
}

function addPair(pairs: Map<string, number>, a: string, b: string): void {
  const key = `${a}\u0000${b}`;
  pairs.set(key, (pairs.get(key) ?? 0) + 1);
}

function countNames(rows: Map<string, NameRow>, hits: ReturnType<typeof namesOf>): void {
  // A paper counts once per name and role, however often it repeats the name.
  const seen = new Set<string>();
  for (const hit of hits) {
    const key = `${hit.id}\u0000${hit.role}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const row = rows.get(key) ?? { id: hit.id, label: hit.label, role: hit.role, papers: 0, ...(hit.node ? { node: hit.node } : {}) };
    row.papers++;
    rows.set(key, row);
  }
}

function countProposed(rows: Map<string, ProposedRow>, names: ReturnType<typeof proposedOf>): void {
  const seen = new Set<string>();
  for (const name of names) {
    const key = name.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const row = rows.get(key) ?? { text: name.text, papers: 0 };
    if (name.expansion && !row.expansion) row.expansion = name.expansion;
    if (name.node && !row.node) row.node = name.node;
    row.papers++;
    rows.set(key, row);
  }
}

/** The most frequent method nodes and the pairs among them. */
function heatmap(index: TaxonomyIndex, facet: string | undefined, counts: Map<string, number>, pairs: Map<string, number>): ReportModel['cooccurrence'] {
  if (facet === undefined) return { ids: [], labels: [], pairs: [] };
  const ids = index
    .ids(facet)
    .filter((id) => (counts.get(id) ?? 0) > 0)
    .sort((a, b) => counts.get(b)! - counts.get(a)! || index.compare(a, b))
    .slice(0, HEATMAP_NODES)
    .sort((a, b) => index.compare(a, b));
  const shown = new Set(ids);
  const cells: Pair[] = [];
  for (const [key, count] of pairs) {
    const [a, b] = key.split('\u0000') as [string, string];
    // A child always occurs with its ancestors: that pair says nothing.
    if (shown.has(a) && shown.has(b) && !index.isAncestor(a, b) && !index.isAncestor(b, a)) cells.push({ a, b, count });
  }
  return { ids, labels: ids.map((id) => index.label(id)), pairs: cells };
}

/** Papers per top-level family per month (or year), and the records that have no place on that axis. */
class TrendCounter {
  readonly #whens: Array<{ when: When; families: string[] }> = [];
  #undated = 0;

  constructor(private readonly index: TaxonomyIndex) {}

  add(when: When | undefined, methods: readonly string[]): void {
    if (!when) {
      this.#undated++;
      return;
    }
    const families = methods.filter((id) => this.index.ancestors(id).length === 0);
    this.#whens.push({ when, families });
  }

  result(): Trend {
    const monthly = this.#whens.filter((w) => w.when.month !== undefined).length;
    const unit = monthly > 0 && monthly * 2 >= this.#whens.length ? 'month' : 'year';
    const counts = new Map<string, number>();
    let yearOnly = 0;
    let dated = 0;
    for (const { when, families } of this.#whens) {
      if (unit === 'month' && when.month === undefined) {
        yearOnly++;
        continue;
      }
      dated++;
      const period = unit === 'month' ? `${when.year}-${String(when.month).padStart(2, '0')}` : String(when.year);
      for (const family of families) {
        const key = `${period}\u0000${family}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const points = [...counts].map(([key, count]) => {
      const [period, family] = key.split('\u0000') as [string, string];
      return { period, family: this.index.label(family), count };
    });
    points.sort((x, y) => x.period.localeCompare(y.period) || x.family.localeCompare(y.family));
    return { unit, points, dated, undated: this.#undated, yearOnly };
  }
}
