/**
 * Compiles a validated taxonomy into what the classifier runs: integer-indexed nodes and facets,
 * a rule table, and one `Matcher` holding every pattern (rules, exclusions, context words, cue
 * phrases, facet gates), so a record is scanned once whatever the taxonomy's size.
 */
import { Matcher } from '../matching/matcher.js';
import {
  acronymTests,
  exactTests,
  exclusionTests,
  fuzzyTests,
  globTest,
  phraseVariants,
  regexTest,
  type Pattern,
  type Role,
  type TokenTest,
} from '../matching/pattern.js';
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
  const builder = new PatternBuilder();
  const rules = buildRules(taxonomy.nodes, builder, (node) => facets[nodes[node]!.facet]!.gated);
  taxonomy.scoring.cues.forEach((cue, i) => cue.phrases.forEach((p) => builder.phrase(p, 'cue', i)));
  taxonomy.facets.forEach((facet, i) => facet.requires?.forEach((p) => builder.phrase(p, 'gate', i)));
  return {
    taxonomy,
    facets,
    nodes,
    rules,
    cues: taxonomy.scoring.cues,
    contextCount: builder.contexts.size,
    matcher: new Matcher(builder.patterns),
    nodeIndex,
  };
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

function buildRules(nodes: readonly TaxonomyNode[], builder: PatternBuilder, gated: (node: number) => boolean): CompiledRule[] {
  const rules: CompiledRule[] = [];
  nodes.forEach((node, nodeIndex) => {
    for (const rule of node.rules) {
      const ruleIndex = rules.length;
      const contexts = (rule.context ?? []).map((text) => builder.context(text));
      const dependent = contexts.length > 0 || rule.kind === 'near' || gated(nodeIndex);
      rules.push({ node: nodeIndex, rule, contexts, dependent });
      builder.rule(rule, nodeIndex, ruleIndex);
    }
    for (const text of node.exclude) builder.add('exclude', nodeIndex, -1, exclusionTests(text));
  });
  return rules;
}

/** Collects patterns; context phrases are shared by id so each is matched once per record. */
class PatternBuilder {
  readonly patterns: Pattern[] = [];
  readonly contexts = new Map<string, number>();

  add(role: Role, owner: number, rule: number, tests: TokenTest[], allowed?: number[]): void {
    if (tests.length === 0) return;
    this.patterns.push({ role, owner, rule, tests, allowed: allowed ?? tests.map(() => 0) });
  }

  phrase(text: string, role: Role, owner: number, rule = -1): void {
    for (const variant of phraseVariants(text)) this.add(role, owner, rule, variant);
  }

  rule(rule: Rule, node: number, index: number): void {
    switch (rule.kind) {
      case 'phrase':
        if (rule.exact) return this.add('positive', node, index, exactTests(rule.text));
        return this.phrase(rule.text, 'positive', node, index);
      case 'acronym': {
        const { tests, allowed } = acronymTests(rule.text);
        return this.add('positive', node, index, tests, allowed);
      }
      case 'pattern':
        return this.add('positive', node, index, [globTest(rule.text)]);
      case 'regex':
        return this.add('positive', node, index, [regexTest(rule.text)]);
      case 'fuzzy':
        return this.add('positive', node, index, fuzzyTests(rule.text));
      case 'near':
        this.phrase(rule.text, 'positive', node, index);
        for (const companion of rule.with ?? []) this.phrase(companion, 'companion', index);
        return;
    }
  }

  context(text: string): number {
    const key = text.toLowerCase();
    let id = this.contexts.get(key);
    if (id === undefined) {
      id = this.contexts.size;
      this.contexts.set(key, id);
      this.phrase(text, 'context', id);
    }
    return id;
  }
}
