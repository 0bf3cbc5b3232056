/**
 * Compiles a validated taxonomy into what the classifier runs: integer-indexed nodes and facets,
 * a rule table, and one `Matcher` holding every pattern (rules, exclusions, context words, cue
 * phrases, facet gates, companions), so a record is scanned once whatever the taxonomy's size.
 */
import { Matcher } from '../matching/matcher.js';
import { patternsFor } from './patterns.js';
import type { CueGroup, Facet, NamedMethod, Rule, Taxonomy, TaxonomyNode } from './types.js';

export interface CompiledNode {
  index: number;
  node: TaxonomyNode;
  facet: number;
  /** Indexes of all ancestors, nearest first. */
  ancestors: number[];
  /** Indexes of the nodes this one yields to. */
  yields: number[];
  threshold: number;
  /** Sentences of evidence a tag needs when the title has none (1: any). */
  support: number;
  /** Whether cues weigh this node's evidence (its facet's `cues`). */
  readsCues: boolean;
}

export interface CompiledFacet {
  index: number;
  facet: Facet;
  nodes: number[];
  defaultNode: number;
  gated: boolean;
}

export interface CompiledRule {
  node: number;
  rule: Rule;
  /** Context ids, one of which must occur in the record for this rule to count. */
  contexts: number[];
  /** Index of this rule's context list among the taxonomy's distinct lists (-1: none). */
  contextGroup: number;
  /** A title match needs no context (`titleWithoutContext`). */
  titleWithoutContext: boolean;
  /** Whether a match needs secondary patterns (companions, context words, its facet's gate) to count. */
  dependent: boolean;
  /** Index of the rule's facet when that facet is gated (-1: not gated). */
  gate: number;
  /** Whether the rule is a `near` rule (its match needs a companion). */
  near: boolean;
  /** The longest of a `near` rule's companion patterns, in tokens minus one (0: none). */
  companionSpan: number;
}

export interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  facets: CompiledFacet[];
  nodes: CompiledNode[];
  rules: CompiledRule[];
  cues: CueGroup[];
  /** The widest cue window (0 without cues). */
  maxCueWindow: number;
  contextCount: number;
  /** For each context id, the context groups it satisfies. */
  groupsOfContext: number[][];
  /** Number of distinct context groups. */
  contextGroups: number;
  matcher: Matcher;
  nodeIndex: Map<string, number>;
  /** Named methods by id. */
  names: Map<string, NamedMethod>;
}

export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const facetIndex = new Map(taxonomy.facets.map((facet, i) => [facet.id, i]));
  const nodeIndex = new Map(taxonomy.nodes.map((node, i) => [node.id, i]));
  const nodes = taxonomy.nodes.map((node, index) => compileNode(node, index, taxonomy, facetIndex, nodeIndex));
  const facets = taxonomy.facets.map((facet, index) => ({
    index,
    facet,
    nodes: nodes.filter((n) => n.facet === index).map((n) => n.index),
    defaultNode: facet.default === undefined ? -1 : (nodeIndex.get(facet.default) ?? -1),
    gated: (facet.requires?.length ?? 0) > 0,
  }));
  const built = patternsFor(taxonomy);
  const rules = compileRules(taxonomy, built.ruleContexts, (node) => (facets[nodes[node]!.facet]!.gated ? nodes[node]!.facet : -1));
  const groups = contextGroups(rules, built.contextCount);
  for (const pattern of built.patterns) {
    if (pattern.role === 'companion') rules[pattern.owner]!.companionSpan = Math.max(rules[pattern.owner]!.companionSpan, pattern.tests.length - 1);
  }
  return {
    taxonomy,
    facets,
    nodes,
    rules,
    cues: taxonomy.scoring.cues,
    maxCueWindow: Math.max(0, ...taxonomy.scoring.cues.map((g) => g.window)),
    contextCount: built.contextCount,
    groupsOfContext: groups.groupsOfContext,
    contextGroups: groups.count,
    matcher: new Matcher(built.patterns),
    nodeIndex,
    names: new Map((taxonomy.names ?? []).map((name) => [name.id, name])),
  };
}

/** Numbers each distinct context list (`context: *ml` on 160 rules is one group) and indexes it by context id. */
function contextGroups(rules: CompiledRule[], contextCount: number): { count: number; groupsOfContext: number[][] } {
  const byList = new Map<string, number>();
  const groupsOfContext: number[][] = Array.from({ length: contextCount }, () => []);
  for (const rule of rules) {
    if (rule.contexts.length === 0) continue;
    const key = rule.contexts.join(',');
    let group = byList.get(key);
    if (group === undefined) {
      group = byList.size;
      byList.set(key, group);
      for (const id of rule.contexts) groupsOfContext[id]!.push(group);
    }
    rule.contextGroup = group;
  }
  return { count: byList.size, groupsOfContext };
}

/** `gateOf`: a node's facet index when that facet is gated, else -1. */
function compileRules(taxonomy: Taxonomy, ruleContexts: number[][], gateOf: (node: number) => number): CompiledRule[] {
  const rules: CompiledRule[] = [];
  taxonomy.nodes.forEach((node, nodeIndex) => {
    for (const rule of node.rules) {
      const contexts = ruleContexts[rules.length] ?? [];
      const gate = gateOf(nodeIndex);
      const near = rule.kind === 'near';
      const dependent = contexts.length > 0 || near || gate >= 0;
      rules.push({ node: nodeIndex, rule, contexts, contextGroup: -1, titleWithoutContext: rule.titleWithoutContext === true, dependent, gate, near, companionSpan: 0 });
    }
  });
  return rules;
}

function compileNode(
  node: TaxonomyNode,
  index: number,
  taxonomy: Taxonomy,
  facetIndex: Map<string, number>,
  nodeIndex: Map<string, number>,
): CompiledNode {
  const facet = facetIndex.get(node.facet) ?? 0;
  const ancestors: number[] = [];
  for (let parent = node.parent; parent !== undefined; parent = taxonomy.nodes[nodeIndex.get(parent) ?? -1]?.parent) {
    const parentIndex = nodeIndex.get(parent);
    if (parentIndex === undefined || ancestors.includes(parentIndex)) break;
    ancestors.push(parentIndex);
  }
  const threshold = node.threshold ?? taxonomy.facets[facet]?.threshold ?? taxonomy.scoring.threshold;
  const yields = node.yields.map((id) => nodeIndex.get(id)).filter((i): i is number => i !== undefined);
  const readsCues = taxonomy.facets[facet]?.cues ?? false;
  return { index, node, facet, ancestors, yields, threshold, support: node.support ?? 1, readsCues };
}

