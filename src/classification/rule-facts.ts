/**
 * What classifying reads of each rule's definition, by rule index, in flat arrays. A taxonomy's
 * `Rule` objects come in many shapes (each optional field present or not), so every read of
 * `rule.weight` or `rule.name` at a site that sees them all was a megamorphic property load (a
 * probe of V8's stub cache): about a dozen per record, names off, with a record's weighing, the
 * longest-match filter and the `near` windows each reading a few.
 */
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { Rule } from '../taxonomy/types.js';
import type { EvidenceKind } from './types.js';

/** Where a `near` rule's companion must be. */
export const EITHER_SIDE = 0;
export const BEFORE = 1;
export const AFTER = 2;

export class RuleFacts {
  readonly weights: Float64Array;
  /** The named method each rule recognises (undefined: none). */
  readonly names: Array<string | undefined>;
  /** A `near` rule's window, in tokens. */
  readonly windows: Float64Array;
  /** A `near` rule's side: `EITHER_SIDE`, `BEFORE` or `AFTER`. */
  readonly sides: Uint8Array;
  /** The rule as written, and its kind (for evidence). */
  readonly texts: string[];
  readonly kinds: Array<Rule['kind']>;

  constructor(compiled: CompiledTaxonomy) {
    const rules = compiled.rules.map((compiledRule) => compiledRule.rule);
    this.weights = Float64Array.from(rules, (rule) => rule.weight);
    this.names = rules.map((rule) => rule.name);
    this.windows = Float64Array.from(rules, (rule) => rule.window ?? 5);
    this.sides = Uint8Array.from(rules, (rule) => (rule.side === 'before' ? BEFORE : rule.side === 'after' ? AFTER : EITHER_SIDE));
    this.texts = rules.map((rule) => rule.text);
    this.kinds = rules.map((rule) => rule.kind);
  }

  /** How evidence of a match of `rule` with `edits` is reported: a fuzzy rule's exact match as a phrase. */
  evidenceKind(rule: number, edits: number): EvidenceKind {
    const kind = this.kinds[rule]!;
    return kind === 'fuzzy' && edits === 0 ? 'phrase' : kind;
  }
}

const known = new WeakMap<CompiledTaxonomy, RuleFacts>();
/** The taxonomy asked about last, and its facts: a process classifies against one taxonomy at a time. */
let lastCompiled: CompiledTaxonomy | undefined;
let lastFacts: RuleFacts | undefined;

/** The rule facts of `compiled`, made once per taxonomy. */
export function ruleFacts(compiled: CompiledTaxonomy): RuleFacts {
  if (compiled === lastCompiled) return lastFacts!;
  let facts = known.get(compiled);
  if (!facts) {
    facts = new RuleFacts(compiled);
    known.set(compiled, facts);
  }
  lastCompiled = compiled;
  lastFacts = facts;
  return facts;
}
