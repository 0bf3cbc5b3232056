/**
 * Compiles a validated taxonomy into what the classifier runs: integer-indexed nodes and facets,
 * a rule table, and one `Matcher` holding every pattern (rules, exclusions, context words, cue
 * phrases, facet gates, companions), so a record is scanned once whatever the taxonomy's size.
 */
import { Matcher } from '../matching/matcher.js';
import { patternsFor } from './patterns.js';
import type { CueGroup, Facet, Rule, Taxonomy, TaxonomyNode } from './types.js';

export interface CompiledNode {
  index: number;
  node: TaxonomyNode;
  facet: number;
  /** Indexes of all ancestors, nearest first. */
  ancestors: number[];
  /** Indexes of the nodes this one yields to. */
  yields: number[];
  threshold: number;
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
  /** Whether a match needs secondary patterns (companions, context words, its facet's gate) to count. */
  dependent: boolean;
}

export interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  facets: CompiledFacet[];
  nodes: CompiledNode[];
  rules: CompiledRule[];
  cues: CueGroup[];
  contextCount: number;
  matcher: Matcher;
  nodeIndex: Map<string, number>;
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
  const rules = compileRules(taxonomy, built.ruleContexts, (node) => facets[nodes[node]!.facet]!.gated);
  return {
    taxonomy,
    facets,
    nodes,
    rules,
    cues: taxonomy.scoring.cues,
    contextCount: built.contextCount,
    matcher: new Matcher(built.patterns),
    nodeIndex,
  };
}

function compileRules(taxonomy: Taxonomy, ruleContexts: number[][], gated: (node: number) => boolean): CompiledRule[] {
  const rules: CompiledRule[] = [];
  taxonomy.nodes.forEach((node, nodeIndex) => {
    for (const rule of node.rules) {
      const contexts = ruleContexts[rules.length] ?? [];
      const dependent = contexts.length > 0 || rule.kind === 'near' || gated(nodeIndex);
      rules.push({ node: nodeIndex, rule, contexts, dependent });
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
  return { index, node, facet, ancestors, yields, threshold };
}

