/**
 * Resolves what some matches depend on (context words for collision-prone rules, facet gates,
 * companions of `near` rules) by looking only where and as long as needed: contexts and gates
 * stop at the first occurrence, companions are looked for only in the window around the match.
 * A full second scan of every record for these words costs more than the rest of classifying.
 */
import type { PatternMatch, TokenInfo } from '../matching/matcher.js';
import type { Matcher } from '../matching/matcher.js';
import type { Tokens } from '../text/tokenise.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { RecordEvidence } from './evidence.js';

export interface ScannedField {
  tokens: Tokens;
  infos: TokenInfo[];
  matches: PatternMatch[];
}

/** Adds found context ids and gates to `evidence`, and companion matches to each field's matches. */
export function resolveDependencies(compiled: CompiledTaxonomy, fields: ScannedField[], evidence: RecordEvidence): void {
  const wanted = wantedLookups(compiled, fields);
  if (wanted.contexts.size > 0 || wanted.gates.size > 0) findRecordWide(compiled.matcher, fields, wanted, evidence);
  for (const field of fields) {
    const near = field.matches.filter((m) => m.pattern.role === 'positive' && compiled.rules[m.pattern.rule]!.rule.kind === 'near');
    for (const match of near) field.matches.push(...companionsAround(compiled, field, match));
  }
}

interface Wanted {
  /** Groups of context ids; each group is satisfied by any one of its ids. */
  contexts: Map<string, number[]>;
  gates: Set<number>;
}

function wantedLookups(compiled: CompiledTaxonomy, fields: ScannedField[]): Wanted {
  const wanted: Wanted = { contexts: new Map(), gates: new Set() };
  for (const field of fields) {
    for (const match of field.matches) {
      if (match.pattern.role !== 'positive') continue;
      const rule = compiled.rules[match.pattern.rule]!;
      if (rule.contexts.length > 0) wanted.contexts.set(rule.contexts.join(','), rule.contexts);
      const facet = compiled.facets[compiled.nodes[rule.node]!.facet]!;
      if (facet.gated) wanted.gates.add(facet.index);
    }
  }
  return wanted;
}

/** Walks both fields once, stopping as soon as every wanted context group and gate is found. */
function findRecordWide(matcher: Matcher, fields: ScannedField[], wanted: Wanted, evidence: RecordEvidence): void {
  const open = new Set(wanted.contexts.keys());
  const groupsOf = new Map<number, string[]>();
  for (const [key, ids] of wanted.contexts) for (const id of ids) groupsOf.set(id, [...(groupsOf.get(id) ?? []), key]);
  const gates = new Set(wanted.gates);
  for (const field of fields) {
    for (let k = 0; k < field.tokens.count && (open.size > 0 || gates.size > 0); k++) {
      for (const pattern of matcher.secondaryAt(field.tokens, field.infos, k)) {
        if (pattern.role === 'context' && groupsOf.has(pattern.owner)) {
          evidence.contexts.add(pattern.owner);
          for (const key of groupsOf.get(pattern.owner)!) open.delete(key);
        } else if (pattern.role === 'gate' && gates.has(pattern.owner)) {
          evidence.gates.add(pattern.owner);
          gates.delete(pattern.owner);
        }
      }
    }
  }
}

function companionsAround(compiled: CompiledTaxonomy, field: ScannedField, match: PatternMatch): PatternMatch[] {
  const rule = compiled.rules[match.pattern.rule]!.rule;
  const window = rule.window ?? 5;
  const from = rule.side === 'after' ? match.last + 1 : Math.max(0, match.first - window - 8);
  const to = rule.side === 'before' ? match.first - 1 : Math.min(field.tokens.count - 1, match.last + window);
  const found: PatternMatch[] = [];
  for (let k = from; k <= to; k++) {
    for (const companion of compiled.matcher.secondaryMatchesAt(field.tokens, field.infos, k)) {
      if (companion.pattern.role === 'companion' && companion.pattern.owner === match.pattern.rule) found.push(companion);
    }
  }
  return found;
}
