/**
 * Turns a taxonomy's rules, exclusions, cues, gates and context words into token patterns, and
 * moves them in and out of a compact serialised form. The bundled default taxonomy ships its
 * patterns precompiled (generated with the typed module), so a new process does not stem and
 * tokenise thousands of phrases before it can classify.
 */
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
import { TaxonomyError } from '../errors.js';
import { defaultTaxonomy } from './generated/default.js';
import { DEFAULT_PATTERNS } from './generated/default-patterns.js';
import type { Rule, Taxonomy } from './types.js';

export interface BuiltPatterns {
  patterns: Pattern[];
  /** Context ids of each rule, in rule order (nodes in order, their rules in order). */
  ruleContexts: number[][];
  /** Context ids of each node's `support` topics (`topicSupport.topics`), by node index: none or empty for most. */
  nodeContexts: number[][];
  contextCount: number;
}

/** The default taxonomy object itself (not a copy) uses the patterns generated with it. */
export function patternsFor(taxonomy: Taxonomy): BuiltPatterns {
  return taxonomy === defaultTaxonomy ? deserialisePatterns(DEFAULT_PATTERNS) : buildPatterns(taxonomy);
}

export function buildPatterns(taxonomy: Taxonomy): BuiltPatterns {
  const builder = new PatternBuilder(taxonomy);
  const ruleContexts: number[][] = [];
  const nodeContexts: number[][] = [];
  taxonomy.nodes.forEach((node, nodeIndex) => {
    nodeContexts.push((node.topicSupport?.topics ?? []).map((text) => builder.context(text)));
    for (const rule of node.rules) {
      const ruleIndex = ruleContexts.length;
      ruleContexts.push((rule.context ?? []).map((text) => builder.context(text)));
      builder.rule(rule, nodeIndex, ruleIndex);
    }
    for (const text of node.exclude) builder.add('exclude', nodeIndex, -1, exclusionTests(text));
  });
  taxonomy.scoring.cues.forEach((cue, i) => cue.phrases.forEach((p) => builder.phrase(p, 'cue', i)));
  taxonomy.facets.forEach((facet, i) => facet.requires?.forEach((p) => builder.phrase(p, 'gate', i)));
  return { patterns: builder.patterns, ruleContexts, nodeContexts, contextCount: builder.contexts.size };
}

/** Collects patterns; context phrases are shared by id so each is matched once per record. */
class PatternBuilder {
  readonly patterns: Pattern[] = [];
  readonly contexts = new Map<string, number>();

  constructor(private readonly taxonomy: Taxonomy) {}

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
        return this.add('positive', node, index, [this.regex(rule.text, node)]);
      case 'fuzzy':
        return this.add('positive', node, index, fuzzyTests(rule.text));
      case 'near':
        this.phrase(rule.text, 'positive', node, index);
        for (const companion of rule.with ?? []) this.phrase(companion, 'companion', index);
        return;
    }
  }

  /** A regex rule's test; a rule that cannot run is reported at its node. */
  regex(source: string, node: number): TokenTest {
    try {
      return regexTest(source);
    } catch (error) {
      const { id, facet } = this.taxonomy.nodes[node]!;
      const message = `regex '${source}': ${error instanceof Error ? error.message : String(error)}`;
      throw new TaxonomyError([{ source: `taxonomy '${this.taxonomy.name}'`, line: 0, column: 0, path: `${facet}.${id}.regex`, message }]);
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

const ROLES: readonly Role[] = ['positive', 'exclude', 'context', 'cue', 'gate', 'companion'];
const MODES = ['key', 'surface', 'lower', 'prefix', 'glob', 'regex', 'fuzzy'] as const;

/** Tests as [mode, value] or, for fuzzy words, [mode, value, key, maxEdits]. */
type SerialisedTest = [number, string] | [number, string, string, number];
/** [role, owner, rule, tests, allowed separators (omitted when all zero)]. */
type SerialisedPattern = [number, number, number, SerialisedTest[]] | [number, number, number, SerialisedTest[], number[]];

export interface SerialisedPatterns {
  patterns: SerialisedPattern[];
  ruleContexts: number[][];
  /** [node, context ids...] for the nodes with `support` topics. */
  nodeContexts: number[][];
  contextCount: number;
}

export function serialisePatterns(built: BuiltPatterns): SerialisedPatterns {
  const patterns = built.patterns.map((p): SerialisedPattern => {
    const tests = p.tests.map((t): SerialisedTest =>
      t.mode === 'fuzzy' ? [MODES.indexOf(t.mode), t.value, t.key, t.maxEdits] : [MODES.indexOf(t.mode), t.value],
    );
    const head: [number, number, number, SerialisedTest[]] = [ROLES.indexOf(p.role), p.owner, p.rule, tests];
    return p.allowed.some((a) => a !== 0) ? [...head, p.allowed] : head;
  });
  const nodeContexts = built.nodeContexts.flatMap((ids, node) => (ids.length > 0 ? [[node, ...ids]] : []));
  return { patterns, ruleContexts: built.ruleContexts, nodeContexts, contextCount: built.contextCount };
}

export function deserialisePatterns(serialised: SerialisedPatterns): BuiltPatterns {
  const patterns = serialised.patterns.map(([role, owner, rule, tests, allowed]): Pattern => ({
    role: ROLES[role]!,
    owner,
    rule,
    tests: tests.map(deserialiseTest),
    allowed: allowed ?? tests.map(() => 0),
  }));
  // Nodes without topics are left out: a reader takes a missing entry as none.
  const nodeContexts: number[][] = [];
  for (const [node, ...ids] of serialised.nodeContexts) nodeContexts[node!] = ids;
  return { patterns, ruleContexts: serialised.ruleContexts, nodeContexts, contextCount: serialised.contextCount };
}

function deserialiseTest(test: SerialisedTest): TokenTest {
  const mode = MODES[test[0]]!;
  const value = test[1];
  switch (mode) {
    case 'glob':
      return globTest(value);
    case 'regex':
      return regexTest(value);
    case 'fuzzy':
      return { mode, value, key: test[2] ?? value, maxEdits: test[3] ?? 0 };
    default:
      return { mode, value };
  }
}
