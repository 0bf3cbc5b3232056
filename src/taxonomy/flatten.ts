/**
 * Turns the nested YAML shape into the flat `Taxonomy`, filling defaults, and (for `extends:
 * default`) folds an extension file into a base taxonomy. Remembers where each node came from so
 * later checks can point at the right line.
 */
import { flatPhrases } from './phrase-list.js';
import type { RawPath } from './yaml.js';
import { RULE_FIELDS, type FacetSource, type NameSource, type NearSource, type NodeSource, type RuleSource, type TaxonomySource } from './schema.js';
import type { CueGroup, Facet, NamedMethod, Rule, RuleKind, Scoring, Taxonomy, TaxonomyNode } from './types.js';

/** Scoring used when a taxonomy file does not say otherwise. */
export const DEFAULT_SCORING: Scoring = {
  threshold: 0.5,
  fields: { title: 1, abstract: 0.5 },
  decay: 0.7,
  cues: [],
};

const DEFAULT_WEIGHT: Record<RuleKind, number> = { phrase: 1, acronym: 1, pattern: 1, fuzzy: 0.8, regex: 1, near: 1 };
const DEFAULT_NEAR_WINDOW = 5;
const DEFAULT_CUE_WINDOW = 6;

export interface Flattened {
  taxonomy: Taxonomy;
  /** Raw YAML path of every node the file defines or extends. */
  nodePaths: Map<string, RawPath>;
  /** Nodes that are new in this file (not extensions of a base node). */
  newNodes: Set<string>;
  /** Every node definition in file order, duplicates included. */
  definitions: Array<{ id: string; path: RawPath }>;
  /** Ids of the base taxonomy's nodes (when extending), with their facet. */
  baseFacets: Map<string, string>;
  /** Raw YAML path of every name the file defines, in file order (duplicates included). */
  namePaths: Array<{ id: string; node: string; path: RawPath }>;
  /** Ids of the base taxonomy's names (when extending). */
  baseNames: Set<string>;
}

export function flatten(source: TaxonomySource, base?: Taxonomy): Flattened {
  const taxonomy: Taxonomy = base ? structuredClone(base) : emptyTaxonomy();
  if (source.name !== undefined) taxonomy.name = source.name;
  if (source.version !== undefined) taxonomy.version = String(source.version);
  if (source.description !== undefined) taxonomy.description = source.description;
  taxonomy.scoring = mergeScoring(taxonomy.scoring, source.scoring);
  const baseFacets = new Map((base?.nodes ?? []).map((n) => [n.id, n.facet]));
  const baseNames = new Set((base?.names ?? []).map((n) => n.id));
  const state: Flattened = { taxonomy, nodePaths: new Map(), newNodes: new Set(), definitions: [], baseFacets, namePaths: [], baseNames };
  for (const [facetId, facetSource] of Object.entries(source.facets ?? {})) {
    const facet = upsertFacet(taxonomy, facetId, facetSource);
    facetSource.nodes.forEach((node, index) =>
      addNode(state, facet, node, undefined, ['facets', facetId, 'nodes', index]),
    );
  }
  source.names?.forEach((name, index) => addName(state, name, ['names', index]));
  return state;
}

/**
 * A name becomes a `NamedMethod` plus rules on its family node tagged with its id, so the
 * matcher finds it with everything else and its mentions are evidence for its family.
 */
function addName(state: Flattened, source: NameSource, path: RawPath): void {
  state.namePaths.push({ id: source.id, node: source.node, path });
  const node = state.taxonomy.nodes.find((n) => n.id === source.node);
  state.taxonomy.names ??= [];
  const names = state.taxonomy.names;
  if (!node || names.some((n) => n.id === source.id)) return;
  const name: NamedMethod = { id: source.id, label: source.label, node: source.node, aliases: source.aliases ?? [], groups: source.groups ?? [] };
  if (source.expansion !== undefined) name.expansion = source.expansion;
  if (source.description !== undefined) name.description = source.description;
  if (source.year !== undefined) name.year = source.year;
  if (source.arxiv !== undefined) name.arxiv = source.arxiv;
  names.push(name);
  for (const rule of nameRules(source)) node.rules.push(rule);
}

const NAME_WEIGHT = 1.2;

export function nameRules(source: NameSource): Rule[] {
  const items: Array<[RuleKind, RuleSource]> = [];
  for (const item of source.acronyms ?? []) items.push(['acronym', item]);
  for (const item of source.phrases ?? []) items.push(['phrase', item]);
  for (const item of source.patterns ?? []) items.push(['pattern', item]);
  if (items.length === 0) items.push([/[A-Z]/.test(source.label.slice(1)) || /^[A-Z]{2}/.test(source.label) ? 'acronym' : 'phrase', source.label]);
  const rules = items.map(([kind, item]) => {
    const rule = toRule(kind, item);
    if (typeof item === 'string' || item.weight === undefined) rule.weight = source.weight ?? NAME_WEIGHT;
    if (rule.context === undefined && source.context !== undefined) rule.context = flatPhrases(source.context);
    rule.name = source.id;
    return rule;
  });
  // A spelled-out expansion is specific enough to need no context.
  const expansion = source.expansion;
  if (expansion !== undefined && !rules.some((r) => r.kind === 'phrase' && r.text.toLowerCase() === expansion.toLowerCase())) {
    rules.push({ kind: 'phrase', text: expansion, weight: (source.weight ?? NAME_WEIGHT) + 0.2, name: source.id });
  }
  return rules;
}


function emptyTaxonomy(): Taxonomy {
  return { name: 'taxonomy', version: '1', scoring: structuredClone(DEFAULT_SCORING), facets: [], nodes: [], names: [] };
}

function mergeScoring(current: Scoring, source: TaxonomySource['scoring']): Scoring {
  if (!source) return current;
  const cues = new Map<string, CueGroup>(current.cues.map((cue) => [cue.id, cue]));
  for (const [id, cue] of Object.entries(source.cues ?? {})) {
    cues.set(id, { id, factor: cue.factor, scope: cue.scope, window: cue.window ?? DEFAULT_CUE_WINDOW, phrases: flatPhrases(cue.phrases) });
  }
  return {
    threshold: source.threshold ?? current.threshold,
    fields: {
      title: source.fields?.title ?? current.fields.title,
      abstract: source.fields?.abstract ?? current.fields.abstract,
    },
    decay: source.decay ?? current.decay,
    cues: [...cues.values()],
  };
}

function upsertFacet(taxonomy: Taxonomy, id: string, source: FacetSource): Facet {
  let facet = taxonomy.facets.find((f) => f.id === id);
  if (!facet) {
    facet = { id, label: source.label, multiple: true, threshold: taxonomy.scoring.threshold, cues: true };
    taxonomy.facets.push(facet);
  }
  facet.label = source.label;
  if (source.description !== undefined) facet.description = source.description;
  if (source.multiple !== undefined) facet.multiple = source.multiple;
  if (source.default !== undefined) facet.default = source.default;
  if (source.threshold !== undefined) facet.threshold = source.threshold;
  if (source.cues !== undefined) facet.cues = source.cues;
  if (source.requires !== undefined) facet.requires = [...(facet.requires ?? []), ...flatPhrases(source.requires)];
  return facet;
}

function addNode(state: Flattened, facet: Facet, source: NodeSource, parent: string | undefined, path: RawPath): void {
  const parentId = parent ?? source.parent;
  const id = parent && !source.id.startsWith(`${parent}.`) ? `${parent}.${source.id}` : source.id;
  const existing = state.taxonomy.nodes.find((n) => n.id === id && n.facet === facet.id && !state.nodePaths.has(id));
  const node = existing ?? newNode(state.taxonomy, id, facet.id, parentId, source);
  if (!existing) state.newNodes.add(id);
  else extendNode(node, source);
  state.nodePaths.set(id, path);
  state.definitions.push({ id, path });
  source.children?.forEach((child, index) => addNode(state, facet, child, id, [...path, 'children', index]));
}

function newNode(taxonomy: Taxonomy, id: string, facet: string, parent: string | undefined, source: NodeSource): TaxonomyNode {
  const node: TaxonomyNode = {
    id,
    facet,
    label: source.label ?? '',
    aliases: [],
    rules: [],
    exclude: [],
    yields: [],
    examples: { positive: [], negative: [] },
  };
  if (parent !== undefined) node.parent = parent;
  extendNode(node, source);
  taxonomy.nodes.push(node);
  return node;
}

/** Lists are appended (an extension adds phrases); scalars are replaced. */
function extendNode(node: TaxonomyNode, source: NodeSource): void {
  if (source.label !== undefined) node.label = source.label;
  if (source.description !== undefined) node.description = source.description;
  if (source.threshold !== undefined) node.threshold = source.threshold;
  if (typeof source.support === 'number') {
    node.support = source.support;
    delete node.topicSupport;
  } else if (source.support !== undefined) {
    node.topicSupport = { sentences: source.support.sentences, topics: flatPhrases(source.support.topics) };
    delete node.support;
  }
  node.aliases.push(...(source.aliases ?? []));
  node.exclude.push(...flatPhrases(source.exclude ?? []));
  node.yields.push(...(source.yields ?? []));
  node.examples.positive.push(...(source.examples?.positive ?? []));
  node.examples.negative.push(...(source.examples?.negative ?? []));
  for (const [field, kind] of Object.entries(RULE_FIELDS) as Array<[keyof typeof RULE_FIELDS, RuleKind]>) {
    for (const item of source[field] ?? []) node.rules.push(toRule(kind, item));
  }
  for (const item of source.near ?? []) node.rules.push(toNearRule(item));
}

function toNearRule(item: NearSource): Rule {
  const rule: Rule = { kind: 'near', text: item.text, weight: item.weight ?? DEFAULT_WEIGHT.near, with: flatPhrases(item.with), window: item.window ?? DEFAULT_NEAR_WINDOW };
  if (item.side !== undefined && item.side !== 'both') rule.side = item.side;
  if (item.context !== undefined) rule.context = flatPhrases(item.context);
  if (item.note !== undefined) rule.note = item.note;
  return rule;
}

function toRule(kind: RuleKind, item: RuleSource): Rule {
  if (typeof item === 'string') return { kind, text: item, weight: DEFAULT_WEIGHT[kind] };
  const rule: Rule = { kind, text: item.text, weight: item.weight ?? DEFAULT_WEIGHT[kind] };
  if (item.exact) rule.exact = true;
  if (item.context !== undefined) rule.context = flatPhrases(item.context);
  if (item.titleWithoutContext) rule.titleWithoutContext = true;
  if (item.note !== undefined) rule.note = item.note;
  return rule;
}
