/**
 * Turns the raw pattern matches of one field into weighted evidence: exclusions cancel matches,
 * the longest match wins inside a facet ("vision-language model" is not also a "language model"),
 * cues set each match's weight, and offsets are mapped back to the original text.
 */
import type { PatternMatch } from '../matching/matcher.js';
import { originalSpan, type NormalisedText } from '../text/normalise.js';
import type { Tokens } from '../text/tokenise.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { CueIndex, type CueEffect } from './cues.js';
import { firstFrom, SpanIndex } from '../matching/span-index.js';
import type { Field } from './types.js';

/** A positive match with its weight, before context checks and scoring. */
export interface Candidate {
  node: number;
  rule: number;
  field: Field;
  sentence: number;
  start: number;
  end: number;
  text: string;
  weight: number;
  cues: string[];
  edits: number;
}

/**
 * What one record's fields add up to, before scoring. A classifier keeps one and `reset`s it for
 * each record (classifying is synchronous, so one record uses it at a time).
 */
export class RecordEvidence {
  readonly candidates: Candidate[] = [];
  /** Context groups (distinct context lists) satisfied by some word of the record. */
  readonly contextGroups = new Set<number>();
  readonly gates = new Set<number>();
  /**
   * When set, each candidate goes here as it is found instead of into `candidates`: a scorer can
   * count it and let it go, so a record with millions of matches never holds them all at once.
   */
  sink: ((candidate: Candidate) => void) | undefined;
  /** The search for the record's context groups and gates, while it has not run (see `defer`). */
  private lookup: (() => void) | undefined;

  /**
   * Defers the search that fills `contextGroups` and `gates` until `settle` (the first question
   * about them): many matches that need context never become a counted candidate (a `near` match
   * without its companion, a match inside a longer one), and then the search is never run.
   */
  defer(lookup: () => void): void {
    this.lookup = lookup;
  }

  /** Runs the deferred search, if any. */
  settle(): void {
    const lookup = this.lookup;
    if (!lookup) return;
    this.lookup = undefined;
    lookup();
  }

  add(candidate: Candidate): void {
    if (this.sink) this.sink(candidate);
    else this.candidates.push(candidate);
  }

  /** Forgets the previous record. */
  reset(): void {
    if (this.candidates.length > 0) this.candidates.length = 0;
    if (this.contextGroups.size > 0) this.contextGroups.clear();
    if (this.gates.size > 0) this.gates.clear();
    this.sink = undefined;
    this.lookup = undefined;
  }
}

export interface FieldText {
  field: Field;
  original: string;
  normalised: NormalisedText;
  tokens: Tokens;
}

const NO_CUES: CueEffect = { factor: 1, applied: [] };

export function collectField(compiled: CompiledTaxonomy, text: FieldText, matches: PatternMatch[], into: RecordEvidence): void {
  const positives: PatternMatch[] = [];
  const excludes: PatternMatch[] = [];
  const cues: PatternMatch[] = [];
  const companions: PatternMatch[] = [];
  let near = false;
  for (let i = 0; i < matches.length; i++) {
    const match = matches[i]!;
    const { role, owner } = match.pattern;
    if (role === 'positive') {
      positives.push(match);
      near ||= compiled.rules[match.pattern.rule]!.rule.kind === 'near';
    } else if (role === 'exclude') excludes.push(match);
    else if (role === 'cue') cues.push(match);
    else if (role === 'companion') companions.push(match);
    else if (role !== 'context') into.gates.add(owner);
  }
  // Many fields (most titles) have no positive match: nothing to locate, filter or weigh.
  if (positives.length === 0) return;
  // Most fields have no `near` match and no exclusion: then there is nothing to locate or cancel.
  const located = near ? resolveNear(compiled, positives, new SpanIndex(companions), text.tokens) : positives;
  const exclusions = excludes.length > 0 ? new SpanIndex(excludes) : undefined;
  const kept = longestPerFacet(compiled, exclusions ? located.filter((p) => !excluded(exclusions, p)) : located, []);
  const fieldWeight = compiled.taxonomy.scoring.fields[text.field];
  const { tokens, normalised, original } = text;
  // Built for the first match of a facet that reads cues (a field may have none: modality only).
  let cueIndex: CueIndex | undefined;
  for (let i = 0; i < kept.length; i++) {
    const match = kept[i]!;
    const node = match.pattern.owner;
    const facet = compiled.facets[compiled.nodes[node]!.facet]!.facet;
    if (facet.cues && !cueIndex) cueIndex = new CueIndex(compiled.cues, compiled.maxCueWindow, cues, tokens);
    const effect = facet.cues && cueIndex ? cueIndex.effect(match) : NO_CUES;
    const rule = compiled.rules[match.pattern.rule]!.rule;
    let start = tokens.starts[match.first]!;
    let end = tokens.ends[match.last]!;
    // Plain text (no pieces) needs no mapping back: skip building the span pair.
    if (normalised.pieces) [start, end] = originalSpan(normalised, start, end);
    into.add({
      node,
      rule: match.pattern.rule,
      field: text.field,
      sentence: tokens.sentences[match.first]!,
      start,
      end,
      text: original.slice(start, end),
      weight: round(fieldWeight * rule.weight * effect.factor),
      cues: effect.applied,
      edits: match.edits,
    });
  }
}

/**
 * A `near` rule's match counts only with a companion phrase close by in the same sentence; the
 * evidence then spans both ("interpolate between the pre-trained and fine-tuned weights").
 */
function resolveNear(compiled: CompiledTaxonomy, positives: PatternMatch[], companions: SpanIndex, tokens: Tokens): PatternMatch[] {
  const out: PatternMatch[] = [];
  const list = companions.matches;
  for (const match of positives) {
    const rule = compiled.rules[match.pattern.rule]!.rule;
    if (rule.kind !== 'near') {
      out.push(match);
      continue;
    }
    const window = rule.window ?? 5;
    const sentence = tokens.sentences[match.first];
    let best: PatternMatch | undefined;
    let bestGap = Infinity;
    const hi = match.last + window;
    for (let i = firstFrom(list, match.first - window - companions.maxSpan); i < list.length && list[i]!.first <= hi; i++) {
      const companion = list[i]!;
      if (companion.pattern.owner !== match.pattern.rule || tokens.sentences[companion.first] !== sentence || overlaps(companion, match)) continue;
      const after = companion.first > match.last;
      if ((rule.side === 'before' && after) || (rule.side === 'after' && !after)) continue;
      const gap = after ? companion.first - match.last : match.first - companion.last;
      if (gap <= window && gap < bestGap) {
        best = companion;
        bestGap = gap;
      }
    }
    if (best) out.push({ ...match, first: Math.min(match.first, best.first), last: Math.max(match.last, best.last) });
  }
  return out;
}

/** An exclusion of the same node overlapping the match cancels it ("weighted average" for "weight averaging"). */
function excluded(exclusions: SpanIndex, match: PatternMatch): boolean {
  return exclusions.some(match.first - exclusions.maxSpan, match.last, (x) => x.pattern.owner === match.pattern.owner && overlaps(x, match));
}

function overlaps(a: PatternMatch, b: PatternMatch): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/**
 * Drops matches lying strictly inside a longer match of the same facet, and same-span repeats of a
 * node; the survivors go into `out` (emptied first), in order. `matches` is sorted by first token
 * (stably) if it is not already.
 */
export function longestPerFacet(compiled: CompiledTaxonomy, matches: PatternMatch[], out: PatternMatch[]): PatternMatch[] {
  const { matches: list, maxSpan } = new SpanIndex(matches);
  out.length = 0;
  let from = 0;
  for (let i = 0; i < list.length; i++) {
    const m = list[i]!;
    // A match can only be covered by one that starts at most `maxSpan` tokens before it.
    while (list[from]!.first < m.first - maxSpan) from++;
    let covered = false;
    for (let j = from; j < list.length && list[j]!.first <= m.first && !covered; j++) covered = covers(compiled, list[j]!, m, j < i);
    if (!covered) out.push(m);
  }
  return out;
}

/** Whether `other` makes `m` redundant: longer and around it, or the same span and node with a heavier (or earlier) rule. */
function covers(compiled: CompiledTaxonomy, other: PatternMatch, m: PatternMatch, otherFirst: boolean): boolean {
  if (other === m || other.first > m.first || other.last < m.last) return false;
  if (compiled.nodes[other.pattern.owner]!.facet !== compiled.nodes[m.pattern.owner]!.facet) return false;
  if (other.last - other.first > m.last - m.first) return true;
  if (other.pattern.owner !== m.pattern.owner) return false;
  // A named method's rule keeps the match over a generic rule of its family (`QLoRA` over `*LoRA*`).
  const otherRule = compiled.rules[other.pattern.rule]!.rule;
  const rule = compiled.rules[m.pattern.rule]!.rule;
  const named = otherRule.name !== undefined;
  if (named !== (rule.name !== undefined)) return named;
  // Two names on the same words (two DoRAs) are both kept: the record's context decides between them.
  if (named && otherRule.name !== rule.name) return false;
  return otherRule.weight > rule.weight || (otherRule.weight === rule.weight && otherFirst);
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
