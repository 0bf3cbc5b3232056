/**
 * Checks zod cannot express: rule texts that match nothing or could hang, duplicate ids, parents
 * that do not exist, nodes with nothing to match. Each problem comes back with its raw YAML path
 * so the caller can point at the line.
 */
import { normalise } from '../text/normalise.js';
import { tokenise } from '../text/tokenise.js';
import { editDistance } from '../text/edit-distance.js';
import type { Flattened } from './flatten.js';
import { eachPhrase, flatPhrases } from './phrase-list.js';
import { badGlobReason, unsafeRegexReason } from './safety.js';
import { RULE_FIELDS, type NameSource, type NodeSource, type PhraseList, type RuleSource, type TaxonomySource } from './schema.js';
import type { RawPath } from './yaml.js';

export interface RawIssue {
  path: RawPath;
  message: string;
}

/** Rule-level checks, walked over the source so each issue has the rule's own path. */
export function checkRules(source: TaxonomySource): RawIssue[] {
  const issues: RawIssue[] = [];
  for (const [facetId, facet] of Object.entries(source.facets ?? {})) {
    checkPhrases(facet.requires, ['facets', facetId, 'requires'], issues);
    facet.nodes.forEach((node, i) => checkNode(node, ['facets', facetId, 'nodes', i], issues));
  }
  for (const [cueId, cue] of Object.entries(source.scoring?.cues ?? {})) {
    checkPhrases(cue.phrases, ['scoring', 'cues', cueId, 'phrases'], issues);
  }
  source.names?.forEach((name, i) => checkName(name, ['names', i], issues));
  return issues;
}

function checkName(name: NameSource, path: RawPath, issues: RawIssue[]): void {
  for (const field of ['acronyms', 'phrases', 'patterns'] as const) {
    name[field]?.forEach((item, i) => {
      const text = ruleText(item);
      const reason = field === 'patterns' ? badGlobReason(text) : undefined;
      if (reason) issues.push({ path: [...path, field, i], message: reason });
      else if (field !== 'patterns') checkWords(text, [...path, field, i], issues);
    });
  }
  checkWords(name.label, [...path, 'label'], issues);
  if (name.expansion !== undefined) checkWords(name.expansion, [...path, 'expansion'], issues);
  checkPhrases(name.context, [...path, 'context'], issues);
}

function checkNode(node: NodeSource, path: RawPath, issues: RawIssue[]): void {
  for (const field of Object.keys(RULE_FIELDS) as Array<keyof typeof RULE_FIELDS>) {
    const seen = new Set<string>();
    node[field]?.forEach((item, i) => {
      const rulePath = [...path, field, i];
      const text = ruleText(item);
      const key = field === 'phrases' || field === 'fuzzy' ? text.toLowerCase() : text;
      if (seen.has(key)) issues.push({ path: rulePath, message: `duplicate rule '${text}' in ${field}` });
      seen.add(key);
      const reason = field === 'regex' ? unsafeRegexReason(text) : field === 'patterns' ? badGlobReason(text) : undefined;
      if (reason) issues.push({ path: rulePath, message: reason });
      else if (field !== 'regex' && field !== 'patterns') checkWords(text, rulePath, issues);
      if (typeof item !== 'string') checkPhrases(item.context, [...rulePath, 'context'], issues);
    });
  }
  node.near?.forEach((rule, i) => {
    checkWords(rule.text, [...path, 'near', i, 'text'], issues);
    checkPhrases(rule.with, [...path, 'near', i, 'with'], issues);
    // `with: [[]]` passes the schema's minimum but leaves no companion once flattened.
    if (flatPhrases(rule.with).length === 0) issues.push({ path: [...path, 'near', i, 'with'], message: 'expected at least one companion phrase in `with`' });
    checkPhrases(rule.context, [...path, 'near', i, 'context'], issues);
  });
  checkPhrases(node.exclude, [...path, 'exclude'], issues);
  if (typeof node.support === 'object') checkPhrases(node.support.topics, [...path, 'support', 'topics'], issues);
  node.children?.forEach((child, i) => checkNode(child, [...path, 'children', i], issues));
}

function ruleText(item: RuleSource): string {
  return typeof item === 'string' ? item : item.text;
}

function checkPhrases(list: PhraseList | undefined, path: RawPath, issues: RawIssue[]): void {
  if (list !== undefined) eachPhrase(list, path, (text, at) => checkWords(text, at, issues));
}

function checkWords(text: string, path: RawPath, issues: RawIssue[]): void {
  if (tokenise(normalise(text).text).count === 0) {
    issues.push({ path, message: `expected a phrase with at least one word or number, got '${text}'` });
  }
}

/** Structural checks over the flattened taxonomy. */
export function checkStructure(state: Flattened): RawIssue[] {
  const issues: RawIssue[] = [];
  const { taxonomy, nodePaths } = state;
  const facetOf = new Map<string, string>();
  for (const node of taxonomy.nodes) if (!facetOf.has(node.id)) facetOf.set(node.id, node.facet);
  issues.push(...checkDuplicates(state));
  for (const node of taxonomy.nodes) {
    const path = nodePaths.get(node.id);
    if (!path) continue;
    if (state.newNodes.has(node.id) && !node.label) issues.push({ path, message: 'expected a label for a new node' });
    if (node.parent !== undefined) checkParent(node.id, node.parent, node.facet, facetOf, path, issues);
    node.yields.forEach((target, i) => {
      if (facetOf.get(target) !== node.facet) {
        issues.push({ path: [...path, 'yields', i], message: `'${target}' is not a node of facet '${node.facet}'` });
      }
    });
    const hasChildren = taxonomy.nodes.some((n) => n.parent === node.id);
    if (node.rules.length === 0 && !hasChildren) {
      issues.push({ path, message: `node '${node.id}' is empty: expected phrases, acronyms, patterns, fuzzy, regex or near rules, or children` });
    }
  }
  issues.push(...checkCycles(state));
  issues.push(...checkNames(state, facetOf));
  for (const facet of taxonomy.facets) {
    const members = taxonomy.nodes.filter((n) => n.facet === facet.id);
    if (members.length === 0) issues.push({ path: ['facets', facet.id, 'nodes'], message: `facet '${facet.id}' has no nodes` });
    if (facet.default !== undefined && !members.some((n) => n.id === facet.default)) {
      issues.push({ path: ['facets', facet.id, 'default'], message: `default '${facet.default}' is not a node of facet '${facet.id}'` });
    }
  }
  return issues;
}

/** A second definition in the file, or a new node reusing a base node's id in another facet. */
function checkDuplicates(state: Flattened): RawIssue[] {
  const issues: RawIssue[] = [];
  const seen = new Set<string>();
  for (const { id, path } of state.definitions) {
    const inBase = state.baseFacets.get(id);
    if (seen.has(id)) issues.push({ path: [...path, 'id'], message: `duplicate id '${id}'` });
    else if (inBase !== undefined && state.newNodes.has(id)) {
      issues.push({ path: [...path, 'id'], message: `duplicate id '${id}' (already a node of facet '${inBase}' in the base taxonomy)` });
    }
    seen.add(id);
  }
  return issues;
}

/** A name's family must be a node; a name id is defined once (an extension may not redefine a base name). */
function checkNames(state: Flattened, facetOf: Map<string, string>): RawIssue[] {
  const issues: RawIssue[] = [];
  const seen = new Set<string>();
  for (const { id, node, path } of state.namePaths) {
    if (seen.has(id) || state.baseNames.has(id)) issues.push({ path: [...path, 'id'], message: `duplicate name id '${id}'${state.baseNames.has(id) ? ' (already a name in the base taxonomy)' : ''}` });
    seen.add(id);
    if (!facetOf.has(node)) {
      const close = [...facetOf.keys()].filter((other) => editDistance(other, node) <= Math.max(1, Math.floor(node.length / 3))).slice(0, 3);
      const hint = close.length ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '';
      issues.push({ path: [...path, 'node'], message: `unknown node '${node}' of name '${id}'${hint}` });
    }
  }
  return issues;
}

function checkParent(id: string, parent: string, facet: string, facetOf: Map<string, string>, path: RawPath, issues: RawIssue[]): void {
  const parentFacet = facetOf.get(parent);
  if (parentFacet === undefined) {
    const close = [...facetOf.keys()].filter((other) => editDistance(other, parent) <= Math.max(1, Math.floor(parent.length / 3))).slice(0, 3);
    const hint = close.length ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '';
    issues.push({ path: [...path, 'parent'], message: `unknown parent '${parent}' of '${id}'${hint}` });
  } else if (parentFacet !== facet) {
    issues.push({ path: [...path, 'parent'], message: `parent '${parent}' is in facet '${parentFacet}', not '${facet}'` });
  }
}

function checkCycles(state: Flattened): RawIssue[] {
  const parentOf = new Map(state.taxonomy.nodes.map((n) => [n.id, n.parent]));
  const issues: RawIssue[] = [];
  for (const node of state.taxonomy.nodes) {
    const seen = new Set<string>([node.id]);
    let current = node.parent;
    while (current !== undefined) {
      if (seen.has(current)) {
        issues.push({ path: [...(state.nodePaths.get(node.id) ?? []), 'parent'], message: `parent cycle through '${node.id}'` });
        break;
      }
      seen.add(current);
      current = parentOf.get(current);
    }
  }
  return issues;
}
