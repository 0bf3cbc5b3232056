/**
 * Generated taxonomy sources: random facets, nested nodes, parents, yields, defaults and every
 * rule kind, always valid by construction, written out as YAML in varying styles. The expected
 * node ids are computed alongside, so a test can compare them with what `parseTaxonomy` returns.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parse, stringify, type ToStringOptions } from 'yaml';

export type Source = Record<string, unknown>;
export interface NodeSource extends Record<string, unknown> {
  id: string;
  children?: NodeSource[];
}

/** A generated taxonomy: its source object, YAML text and the node ids it must define. */
export interface Generated {
  source: Source;
  yaml: string;
  ids: string[];
  /** Phrases of nodes that a title consisting of the phrase alone must tag (see the test). */
  probes: Array<{ node: string; phrase: string }>;
}

const word = fc.oneof(
  { weight: 6, arbitrary: fc.stringMatching(/^[a-z]{3,9}$/) },
  { weight: 1, arbitrary: fc.constantFrom('über', 'naïve', 'модель', '模型', 'ﬁne', 'x²', 'αβγ', 'ǆemal', 'ＬｏＲＡ') },
);
const phrase = fc.array(word, { minLength: 1, maxLength: 3 }).chain((ws) => fc.constantFrom(' ', '-').map((sep) => ws.join(sep)));
const acronym = fc.stringMatching(/^[A-Z][A-Za-z0-9]{1,5}$/);
const literal = fc.stringMatching(/^[A-Za-z][a-z]{2,6}$/);
const glob = fc.tuple(literal, fc.constantFrom('*%*', '%*', '*%', '?%', '%?*')).map(([lit, shape]) => shape.replace('%', lit));
const safeRegex = fc.tuple(literal, literal).chain(([a, b]) =>
  fc.constantFrom(a, `[Ll]o[Rr][Aa]`, `[A-Z]${a}`, `${a}[0-9]?`, `(?:${a}|${b})`, `${a}s?`, `${a}-?[0-9]{1,3}`),
);
const weight = fc.integer({ min: 1, max: 100 }).map((n) => n / 10);
const ruleOf = (text: fc.Arbitrary<string>) =>
  fc.oneof({ weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.record({ text, weight }, { requiredKeys: ['text'] }) });
const ruleText = (rule: string | { text: string }) => (typeof rule === 'string' ? rule : rule.text);

const rules = fc.record(
  {
    phrases: fc.uniqueArray(ruleOf(phrase), { maxLength: 3, selector: (r) => ruleText(r).toLowerCase() }),
    acronyms: fc.uniqueArray(ruleOf(acronym), { maxLength: 2, selector: ruleText }),
    patterns: fc.uniqueArray(glob, { maxLength: 2 }),
    fuzzy: fc.uniqueArray(phrase, { maxLength: 2, selector: (t) => t.toLowerCase() }),
    regex: fc.uniqueArray(safeRegex, { maxLength: 2 }),
    near: fc.array(fc.record({ text: phrase, with: fc.array(phrase, { minLength: 1, maxLength: 2 }), window: fc.integer({ min: 1, max: 20 }) }), { maxLength: 1 }),
    exclude: fc.array(phrase, { maxLength: 1 }),
    threshold: fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
    aliases: fc.array(phrase, { maxLength: 2 }),
  },
  { requiredKeys: ['phrases'] },
);

/** Id segments, including names that are dangerous as plain-object keys. */
const segment = fc.oneof(
  { weight: 5, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z0-9]{1,3})?$/) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', 'proto', 'default', '0', 'length') },
);

interface RawNode {
  seg: string;
  rules: Record<string, unknown>;
  label: string;
  children: RawNode[];
}

const leaf: fc.Arbitrary<RawNode> = fc.record({ seg: segment, rules, label: phrase, children: fc.constant([]) });
const child: fc.Arbitrary<RawNode> = fc.record({ seg: segment, rules, label: phrase, children: fc.array(leaf, { maxLength: 1 }) });
const top: fc.Arbitrary<RawNode> = fc.record({ seg: segment, rules, label: phrase, children: fc.array(child, { maxLength: 2 }) });

const facet = fc.record({
  label: phrase,
  multiple: fc.boolean(),
  withDefault: fc.boolean(),
  cues: fc.boolean(),
  threshold: fc.integer({ min: 1, max: 100 }).map((n) => n / 100),
  nodes: fc.array(top, { minLength: 1, maxLength: 4 }),
  links: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
});

const FACET_IDS = ['method', 'type', 'modality', 'x', 'tostring', 'valueof', 'hasownproperty', 'default'];

export const yamlStyle = fc.record({
  indent: fc.constantFrom(2, 4),
  lineWidth: fc.constantFrom(0, 40, 80),
  collectionStyle: fc.constantFrom('block' as const, 'block' as const, 'flow' as const),
  defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
});

/**
 * `source` as YAML in `style`. yaml 2.9.1 can corrupt a folded double-quoted string in a deeply
 * indented flow collection (it writes "undefined" into it), so a text that does not read back as
 * `source` is written again without folding.
 */
export function toYaml(source: unknown, style: ToStringOptions): string {
  const text = stringify(source, style);
  const readsBack = (): boolean => isDeepStrictEqual(parse(text), JSON.parse(JSON.stringify(source)));
  try {
    if (readsBack()) return text;
  } catch {
    // fall through to the unfolded text
  }
  return stringify(source, { ...style, lineWidth: 0 });
}

/** Makes `id` unique among `used` by suffixing a number. */
function unique(id: string, used: Set<string>): string {
  let candidate = id;
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
  used.add(candidate);
  return candidate;
}

/** Drops empty rule lists, and gives a node with nothing to match a phrase (empty nodes are invalid). */
function nodeRules(raw: RawNode): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(raw.rules).filter(([, v]) => !Array.isArray(v) || v.length > 0));
  const matchable = ['phrases', 'acronyms', 'patterns', 'fuzzy', 'regex', 'near'].some((k) => k in kept);
  if (!matchable && raw.children.length === 0) kept['phrases'] = [raw.label];
  return kept;
}

export const validTaxonomy: fc.Arbitrary<Generated> = fc
  .record({ facets: fc.uniqueArray(fc.constantFrom(...FACET_IDS), { minLength: 1, maxLength: 3 }), specs: fc.array(facet, { minLength: 3, maxLength: 3 }), style: yamlStyle, name: phrase })
  .map(({ facets: facetIds, specs, style, name }) => {
    const usedTop = new Set<string>();
    const ids: string[] = [];
    const probes: Generated['probes'] = [];
    const facets: Record<string, unknown> = {};
    facetIds.forEach((facetId, f) => {
      const spec = specs[f]!;
      const tops: NodeSource[] = [];
      const build = (raw: RawNode, parentId: string | undefined, siblings: Set<string>): NodeSource => {
        const seg = unique(raw.seg, parentId === undefined ? usedTop : siblings);
        const fullId = parentId === undefined ? seg : `${parentId}.${seg}`;
        ids.push(fullId);
        const node: NodeSource = { id: seg, label: raw.label, ...nodeRules(raw) };
        const firstPhrase = (node['phrases'] as Array<string | { text: string }> | undefined)?.[0];
        // A probe needs a node nothing can cancel: no exclusions, no yields, no gate on its facet.
        if (firstPhrase !== undefined && !node['exclude'] && spec.multiple) probes.push({ node: fullId, phrase: ruleText(firstPhrase) });
        const childIds = new Set<string>();
        if (raw.children.length > 0) node.children = raw.children.map((c) => build(c, fullId, childIds));
        return node;
      };
      spec.nodes.forEach((raw) => tops.push(build(raw, undefined, usedTop)));
      // Links: a top-level node may name an EARLIER one as parent (never a cycle) or yield to another.
      tops.forEach((node, i) => {
        const link = spec.links[i % spec.links.length]!;
        if (i > 0 && link % 3 === 0) node['parent'] = tops[link % i]!.id;
        if (tops.length > 1 && link % 5 === 1) node['yields'] = [tops[(i + 1) % tops.length]!.id];
      });
      const facetSource: Record<string, unknown> = { label: spec.label, multiple: spec.multiple, cues: spec.cues, threshold: spec.threshold, nodes: tops };
      if (!spec.multiple && spec.withDefault) facetSource['default'] = tops[0]!.id;
      facets[facetId] = facetSource;
    });
    // A node that yields may lose to its sibling, so it cannot be a probe.
    const yielding = new Set(Object.values(facets).flatMap((f) => (f as { nodes: NodeSource[] }).nodes.filter((n) => n['yields']).map((n) => n.id)));
    const source: Source = { name, version: 1, facets };
    return { source, yaml: toYaml(source, style), ids, probes: probes.filter((p) => !yielding.has(p.node)) };
  });
