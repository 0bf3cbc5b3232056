/**
 * The papers as the page's script reads them: arrays rather than objects and repeated strings
 * (rules, match kinds, cues, roles) as indexes into one table, so 67,300 papers stay a file a
 * browser opens. Evidence is stored once per paper as offsets into the title or abstract (its
 * text is sliced back out on the page); tags and names point at it.
 */
import type { Evidence } from '../classification/types.js';
import { TaxonomyIndex } from '../query/index.js';
import type { PaperRecord } from '../records/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { dateLabel, whenOf } from './dates.js';
import { namesOf } from './names.js';
import type { ReportEntry } from './types.js';

/** [field (0 title, 1 abstract), start, end, rule, kind, weight, node, cues] */
export type EvidenceRow = [number, number, number, number, number, number, number, number[]];
/** [node, score, evidence] */
export type TagRow = [number, number, number[]];
/** [id, label, role, score, evidence] */
export type NameRowData = [number, number, number, number, number[]];
/** [id, title, abstract (empty: see `ClientData.abstracts`), date, link, tags, evidence, names] */
export type PaperRow = [string, string, string, string, string, TagRow[], EvidenceRow[], NameRowData[]];

export interface ClientData {
  title: string;
  /** [id, label] */
  facets: Array<[string, string]>;
  /** Index into `facets` of the facet families are filtered on, or -1. */
  familyFacet: number;
  /** [id, label, facet, parent (-1 for none), depth] in taxonomy order. */
  nodes: Array<[string, string, number, number, number]>;
  /** [node, rule, note]: the notes written next to rules in the taxonomy. */
  notes: Array<[number, number, string]>;
  strings: string[];
  /** Whether any paper carried named methods (the name filter is shown then). */
  hasNames: boolean;
  papers: PaperRow[];
}

/** The page's data in two parts: what the table needs, and the abstracts, read once the table shows. */
export interface ClientPayload {
  data: ClientData;
  abstracts: string[];
}

export function buildClientData(entries: readonly ReportEntry[], taxonomy: Taxonomy, title: string): ClientPayload {
  const index = TaxonomyIndex.of(taxonomy);
  const facetIds = taxonomy.facets.map((f) => f.id);
  const nodeIds = index.ids();
  const nodeIndex = new Map(nodeIds.map((id, i) => [id, i]));
  const strings = new StringTable();
  const nodes = nodeIds.map((id): [string, string, number, number, number] => {
    const node = index.node(id);
    return [id, node.label, facetIds.indexOf(node.facet), node.parent === undefined ? -1 : (nodeIndex.get(node.parent) ?? -1), index.ancestors(id).length];
  });
  const notes: Array<[number, number, string]> = [];
  for (const node of taxonomy.nodes) for (const rule of node.rules) if (rule.note) notes.push([nodeIndex.get(node.id)!, strings.of(rule.text), rule.note]);
  let hasNames = false;
  const papers = entries.map((entry): PaperRow => {
    const row = paperRow(entry, nodeIndex, strings);
    if (entry.classification.names !== undefined) hasNames = true;
    return row;
  });
  const data: ClientData = {
    title,
    facets: taxonomy.facets.map((f) => [f.id, f.label]),
    familyFacet: taxonomy.facets.length > 0 ? 0 : -1,
    nodes,
    notes,
    strings: strings.values,
    hasNames,
    papers,
  };
  return { data, abstracts: entries.map((e) => e.record.abstract) };
}

function paperRow({ record, classification }: ReportEntry, nodeIndex: Map<string, number>, strings: StringTable): PaperRow {
  const evidence = new EvidencePool(nodeIndex, strings);
  const tags: TagRow[] = [];
  for (const tag of classification.tags) {
    const node = nodeIndex.get(tag.id);
    if (node !== undefined) tags.push([node, round(tag.score), evidence.all(tag.evidence)]);
  }
  const names = namesOf(classification).map((n): NameRowData => [strings.of(n.id), strings.of(n.label), strings.of(n.role), round(n.score), evidence.all(n.evidence)]);
  return [record.id, record.title, '', dateLabel(record, whenOf(record)), linkOf(record), tags, evidence.rows, names];
}

/** Where the paper can be read: arXiv, else its DOI, else its URL (only http(s): the page links it). */
export function linkOf(record: PaperRecord): string {
  if (record.arxivId) return `https://arxiv.org/abs/${record.arxivId}`;
  if (record.doi) return `https://doi.org/${record.doi}`;
  if (record.url && /^https?:\/\//i.test(record.url)) return record.url;
  return '';
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

class StringTable {
  readonly values: string[] = [];
  readonly #index = new Map<string, number>();

  of(text: string): number {
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(text);
      this.#index.set(text, i);
    }
    return i;
  }
}

/** One paper's evidence, each span stored once however many tags (a child and its implied parent) share it. */
class EvidencePool {
  readonly rows: EvidenceRow[] = [];
  readonly #index = new Map<string, number>();

  constructor(
    private readonly nodeIndex: Map<string, number>,
    private readonly strings: StringTable,
  ) {}

  all(evidence: readonly Evidence[]): number[] {
    return evidence.map((e) => this.of(e));
  }

  of(e: Evidence): number {
    const key = `${e.field}:${e.start}:${e.end}:${e.node}:${e.rule}`;
    let i = this.#index.get(key);
    if (i === undefined) {
      i = this.rows.length;
      const node = e.node === undefined ? -1 : (this.nodeIndex.get(e.node) ?? -1);
      const cues = (e.cues ?? []).map((c) => this.strings.of(c));
      this.rows.push([e.field === 'title' ? 0 : 1, e.start, e.end, this.strings.of(e.rule ?? ''), this.strings.of(e.kind ?? ''), round(e.weight ?? 0), node, cues]);
      this.#index.set(key, i);
    }
    return i;
  }
}

/**
 * JSON that is safe inside `<script type="application/json">`: `<` is escaped so no `</script>`
 * or `<!--` can end or change the element, and U+2028/U+2029 so the text stays valid in any
 * script context. `JSON.parse` reads the escapes back as the same characters.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters per data element: Chromium parses one 100 MB element ~5x slower than a hundred 1 MB ones. */
const PART = 1 << 20;

/**
 * `value` as JSON in `<script type="application/json" data-part="NAME">` elements of about 1 MB
 * each, in order; the page joins their text and parses it. Cut anywhere but inside a surrogate pair.
 */
export function jsonParts(name: string, value: unknown): string {
  const json = scriptJson(value);
  const parts: string[] = [];
  for (let start = 0; start < json.length; ) {
    let end = Math.min(json.length, start + PART);
    const code = json.charCodeAt(end - 1);
    if (end < json.length && code >= 0xd800 && code <= 0xdbff) end++;
    parts.push(`<script type="application/json" data-part="${name}">${json.slice(start, end)}</script>`);
    start = end;
  }
  return parts.join('\n');
}
