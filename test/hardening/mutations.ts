/**
 * Breaks a valid generated taxonomy in one known way, and says which problem `parseTaxonomy`
 * must report and where. Each mutation is the kind of mistake a person editing YAML makes.
 */
import fc from 'fast-check';
import type { ToStringOptions } from 'yaml';
import { toYaml, type Generated, type NodeSource, type Source } from './taxonomies.js';

export interface Mutated {
  kind: string;
  yaml: string;
  /** Some issue's message must match this. */
  expect: RegExp;
  /** The text at that line and column must start with this (after an optional quote). */
  at?: string;
}

export const MUTATIONS = [
  'wrong-type', 'unknown-key', 'duplicate-id', 'unknown-parent', 'empty-node', 'forbidden-key',
  'unsafe-regex', 'bad-glob', 'bad-default', 'parent-cycle', 'wordless-phrase', 'broken-yaml',
] as const;
export type MutationKind = (typeof MUTATIONS)[number];

interface Located {
  node: NodeSource;
  fullId: string;
  facet: string;
  top: boolean;
}

function nodesOf(source: Source): Located[] {
  const found: Located[] = [];
  const walk = (node: NodeSource, facet: string, parentId: string | undefined) => {
    const fullId = parentId === undefined ? node.id : `${parentId}.${node.id}`;
    found.push({ node, fullId, facet, top: parentId === undefined });
    node.children?.forEach((c) => walk(c, facet, fullId));
  };
  for (const [facet, spec] of Object.entries(source['facets'] as Record<string, { nodes: NodeSource[] }>)) spec.nodes.forEach((n) => walk(n, facet, undefined));
  return found;
}

/** Sets an own enumerable key, even `__proto__` (a plain assignment would set the prototype). */
function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

const WRONG_TYPES: Array<[string, unknown, RegExp]> = [
  ['phrases', 42, /expected array of strings/],
  ['label', 17, /expected a string/],
  ['threshold', 'high', /expected a number/],
  ['children', 'none', /expected array of nodes/],
  ['acronyms', true, /expected array of strings/],
];
// Regexes no linear-time engine can run (catastrophic-backtracking shapes now run on re2js instead).
const EVIL_REGEXES = ['(a+)\\1', '(?<n>a)\\k<n>', '(?=lora)lora', '(?<!q)lora', '\\p{Script=Greek}+', 'a'.repeat(201)];
const BAD_GLOBS: Array<[string, RegExp]> = [['*', /at least 2 literal/], ['a*', /at least 2 literal/], ['Lo RA', /one-word pattern/], ['Image-Net*', /one-word pattern/]];
const BROKEN_YAML: Array<(yaml: string) => string> = [
  (y) => `name: first\n${y}`,
  (y) => `${y}\nfacets: [unclosed\n`,
  (y) => `${y}\n\tbad: tab indentation\n`,
  (y) => `${y}\ndescription: "unterminated\n`,
  (y) => `${y}\n  - stray: [item\n`,
];

/** `generated` broken in one way chosen by `kind` and `pick`. */
export function mutate(generated: Generated, kind: MutationKind, pick: number, style: ToStringOptions): Mutated {
  const source = structuredClone(generated.source);
  const nodes = nodesOf(source);
  const tops = nodes.filter((n) => n.top);
  const target = nodes[pick % nodes.length]!;
  const facets = source['facets'] as Record<string, Record<string, unknown>>;
  const facetIds = Object.keys(facets);
  const done = (expect: RegExp, at?: string): Mutated => ({ kind, yaml: toYaml(source, style), expect, ...(at === undefined ? {} : { at }) });
  switch (kind) {
    case 'wrong-type': {
      const [field, value, expect] = WRONG_TYPES[pick % WRONG_TYPES.length]!;
      target.node[field] = value;
      return done(expect, String(value));
    }
    case 'unknown-key': {
      const key = ['colour', 'labl', 'phrase', 'childs'][pick % 4]!;
      const holder = [target.node, facets[target.facet]!, source][pick % 3]!;
      holder[key] = 'x';
      return done(new RegExp(`unknown key '${key}'`), key);
    }
    case 'duplicate-id': {
      if (tops.length < 2) return mutate(generated, 'unknown-parent', pick, style);
      const [first, second] = [tops[pick % tops.length]!, tops[(pick + 1) % tops.length]!];
      second.node.id = first.node.id;
      return done(new RegExp(`duplicate id '${first.node.id}'`), first.node.id);
    }
    case 'unknown-parent': {
      const top = tops[pick % tops.length]!;
      top.node['parent'] = 'nosuch-parent';
      return done(/unknown parent 'nosuch-parent'/, 'nosuch-parent');
    }
    case 'empty-node': {
      for (const key of ['phrases', 'acronyms', 'patterns', 'fuzzy', 'regex', 'near', 'children']) delete target.node[key];
      // A node named as another's parent has children, so it would not be empty.
      for (const other of tops) if (other.node['parent'] === target.fullId) delete other.node['parent'];
      return done(new RegExp(`node '${target.fullId.replace(/[.]/g, '\\.')}' is empty`));
    }
    case 'forbidden-key': {
      const key = ['__proto__', 'constructor', 'prototype'][pick % 3]!;
      setOwn([target.node, facets[target.facet]!, source][pick % 3]!, key, { polluted: true });
      return done(new RegExp(`key '${key}' is not allowed`), key);
    }
    case 'unsafe-regex': {
      const regex = EVIL_REGEXES[pick % EVIL_REGEXES.length]!;
      target.node['regex'] = [...((target.node['regex'] as string[] | undefined) ?? []), regex];
      return done(/backreferences|lookarounds|linear-time engine|at most 200 characters/);
    }
    case 'bad-glob': {
      const [glob, expect] = BAD_GLOBS[pick % BAD_GLOBS.length]!;
      target.node['patterns'] = [glob];
      return done(expect, glob);
    }
    case 'bad-default': {
      const facet = facets[facetIds[pick % facetIds.length]!]!;
      facet['default'] = 'nosuch-node';
      return done(/default 'nosuch-node' is not a node/, 'nosuch-node');
    }
    case 'parent-cycle': {
      const same = tops.filter((t) => t.facet === target.facet);
      if (same.length < 2) return mutate(generated, 'bad-default', pick, style);
      same[0]!.node['parent'] = same[1]!.node.id;
      same[1]!.node['parent'] = same[0]!.node.id;
      return done(/parent cycle/);
    }
    case 'wordless-phrase':
      target.node['phrases'] = ['-- ...'];
      return done(/expected a phrase with at least one word/);
    case 'broken-yaml':
      return { kind, yaml: BROKEN_YAML[pick % BROKEN_YAML.length]!(generated.yaml), expect: /./ };
  }
}

export const mutationKind = fc.constantFrom(...MUTATIONS);
