/**
 * Resolves what some matches depend on (context words for collision-prone rules, facet gates,
 * companions of `near` rules) by looking only where and as long as needed: contexts and gates
 * stop at the first occurrence, companions are looked for only in the window around the match.
 * A full second scan of every record for these words costs more than the rest of classifying.
 */
import { STARTS_SECONDARY, type PatternMatch } from '../matching/matcher.js';
import type { Tokens } from '../text/tokenise.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { RecordEvidence } from './evidence.js';

export interface ScannedField {
  text: { tokens: Tokens };
  /** Each token's word id (see `ScanBuffers`). */
  infos: Int32Array;
  /** Each token's word marks (`STARTS_SECONDARY`: some secondary pattern can start there). */
  marks: Uint8Array;
  matches: PatternMatch[];
}

/** What a record's positive matches depend on: context groups and gates to find, and whether any is a `near` rule. */
export interface Dependencies {
  open: Set<number>;
  gates: Set<number>;
  near: boolean;
}

/** Empties `needs` for another record. */
export function clearDependencies(needs: Dependencies): void {
  if (needs.open.size > 0) needs.open.clear();
  if (needs.gates.size > 0) needs.gates.clear();
  needs.near = false;
}

/**
 * Adds companion matches to each field's matches, and has `evidence` look for the context groups
 * and gates they need when first asked (`needs` starts empty and is consumed; the fields must
 * stay as they are until the record is scored).
 */
export function resolveDependencies(compiled: CompiledTaxonomy, fields: ScannedField[], needs: Dependencies, evidence: RecordEvidence): void {
  for (const field of fields) noteDependencies(compiled, field.matches, needs);
  if (needs.near) for (const field of fields) addCompanions(compiled, field);
  if (needs.open.size > 0 || needs.gates.size > 0) evidence.defer(() => findDependencies(compiled, fields, needs, evidence));
}

/** Adds what `matches` depend on to `needs`. */
export function noteDependencies(compiled: CompiledTaxonomy, matches: readonly PatternMatch[], needs: Dependencies): void {
  for (const match of matches) {
    if (match.pattern.role !== 'positive') continue;
    const rule = compiled.rules[match.pattern.rule]!;
    if (rule.contextGroup >= 0) needs.open.add(rule.contextGroup);
    const facet = compiled.facets[compiled.nodes[rule.node]!.facet]!;
    if (facet.gated) needs.gates.add(facet.index);
    needs.near ||= rule.rule.kind === 'near';
  }
}

/** Finds the open context groups and gates of `needs` anywhere in the record's fields (consuming `needs`' sets). */
export function findDependencies(compiled: CompiledTaxonomy, fields: ScannedField[], needs: Dependencies, evidence: RecordEvidence): void {
  if (needs.open.size > 0 || needs.gates.size > 0) findRecordWide(compiled, fields, needs.open, needs.gates, evidence);
}

/** Walks the fields once, stopping as soon as every open context group and gate is found. */
function findRecordWide(compiled: CompiledTaxonomy, fields: ScannedField[], open: Set<number>, gates: Set<number>, evidence: RecordEvidence): void {
  const found = (match: PatternMatch): boolean => {
    const { role, owner } = match.pattern;
    if (role === 'context') {
      for (const group of compiled.groupsOfContext[owner]!) {
        if (open.delete(group)) evidence.contextGroups.add(group);
      }
    } else if (role === 'gate' && gates.has(owner)) {
      evidence.gates.add(owner);
      gates.delete(owner);
    }
    return open.size === 0 && gates.size === 0;
  };
  for (const field of fields) {
    const { marks } = field;
    for (let k = 0; k < field.text.tokens.count; k++) {
      if ((marks[k]! & STARTS_SECONDARY) !== 0 && compiled.matcher.eachSecondaryAt(field.text.tokens, field.infos, k, found)) return;
    }
  }
}

/** Adds the companions of the field's `near` matches to its matches. */
export function addCompanions(compiled: CompiledTaxonomy, field: ScannedField): void {
  const { matches } = field;
  // Companions are appended to `matches` while it is walked: only the original matches are visited.
  const count = matches.length;
  let owner = -1;
  const take = (companion: PatternMatch): boolean => {
    if (companion.pattern.role === 'companion' && companion.pattern.owner === owner) matches.push(companion);
    return false;
  };
  for (let i = 0; i < count; i++) {
    const match = matches[i]!;
    if (match.pattern.role !== 'positive') continue;
    const rule = compiled.rules[match.pattern.rule]!.rule;
    if (rule.kind !== 'near') continue;
    owner = match.pattern.rule;
    const window = rule.window ?? 5;
    const from = rule.side === 'after' ? match.last + 1 : Math.max(0, match.first - window - 8);
    const to = rule.side === 'before' ? match.first - 1 : Math.min(field.text.tokens.count - 1, match.last + window);
    for (let k = from; k <= to; k++) {
      if ((field.marks[k]! & STARTS_SECONDARY) !== 0) compiled.matcher.eachSecondaryAt(field.text.tokens, field.infos, k, take);
    }
  }
}
