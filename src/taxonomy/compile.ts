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
  /**
   * Sentences a tag needs (without a title mention of the node) in a record whose title has
   * context group `topicGroup`, the node's `support` topics (-1 and 1: no such condition).
   */
  topicSupport: number;
  topicGroup: number;
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
  /** Its node's `topicGroup`: a match of the rule has that group looked for, in case the node's `support` asks. */
  topicGroup: number;
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
  const groups = contextGroups(built.ruleContexts, built.nodeContexts, built.contextCount);
  nodes.forEach((node, i) => (node.topicGroup = groups.ofNode[i] ?? -1));
  const rules = compileRules(taxonomy, built.ruleContexts, groups.ofRule, (node) => (facets[nodes[node]!.facet]!.gated ? nodes[node]!.facet : -1), (node) => nodes[node]!.topicGroup);
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

interface ContextGroups {
  count: number;
  groupsOfContext: number[][];
  /** The group of each rule's context list and of each node's `support` topics (-1 or missing: none). */
  ofRule: number[];
  ofNode: number[];
}

/**
 * Numbers each distinct context list (`context: *ml` on 160 rules is one group), of rules and of
 * nodes' `support` topics alike (either asks whether one of its phrases occurs), and indexes it by context id.
 */
function contextGroups(ruleContexts: number[][], nodeContexts: number[][], contextCount: number): ContextGroups {
  const byList = new Map<string, number>();
  const groupsOfContext: number[][] = Array.from({ length: contextCount }, () => []);
  const groupOf = (contexts: number[] | undefined): number => {
    if (contexts === undefined || contexts.length === 0) return -1;
    const key = contexts.join(',');
    let group = byList.get(key);
    if (group === undefined) {
      group = byList.size;
      byList.set(key, group);
      for (const id of contexts) groupsOfContext[id]!.push(group);
    }
    return group;
  };
  const ofRule = ruleContexts.map(groupOf);
  const ofNode = Array.from(nodeContexts, groupOf);
  return { count: byList.size, groupsOfContext, ofRule, ofNode };
}

/** `gateOf`: a node's facet index when that facet is gated, else -1; `topicOf`: a node's `topicGroup`. */
function compileRules(
  taxonomy: Taxonomy,
  ruleContexts: number[][],
  groupOfRule: number[],
  gateOf: (node: number) => number,
  topicOf: (node: number) => number,
): CompiledRule[] {
  const rules: CompiledRule[] = [];
  taxonomy.nodes.forEach((node, nodeIndex) => {
    for (const rule of node.rules) {
      const contexts = ruleContexts[rules.length] ?? [];
      const contextGroup = groupOfRule[rules.length] ?? -1;
      const gate = gateOf(nodeIndex);
      const topicGroup = topicOf(nodeIndex);
      const near = rule.kind === 'near';
      const dependent = contexts.length > 0 || near || gate >= 0 || topicGroup >= 0;
      const titleWithoutContext = rule.titleWithoutContext === true;
      rules.push({ node: nodeIndex, rule, contexts, contextGroup, titleWithoutContext, dependent, gate, near, companionSpan: 0, topicGroup });
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
  const topicSupport = node.topicSupport?.sentences ?? 1;
  return { index, node, facet, ancestors, yields, threshold, support: node.support ?? 1, topicSupport, topicGroup: -1, readsCues };
}

