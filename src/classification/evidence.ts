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
import { SpanIndex } from '../matching/span-index.js';
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

/** What one record's fields add up to, before scoring. */
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

  add(candidate: Candidate): void {
    if (this.sink) this.sink(candidate);
    else this.candidates.push(candidate);
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
  for (const match of matches) {
    const { role, owner } = match.pattern;
    if (role === 'positive') positives.push(match);
    else if (role === 'exclude') excludes.push(match);
    else if (role === 'cue') cues.push(match);
    else if (role === 'companion') companions.push(match);
    else if (role === 'context') continue;
    else into.gates.add(owner);
  }
  // Many fields (most titles) have no positive match: nothing to locate, filter or weigh.
  if (positives.length === 0) return;
  // Most fields have no `near` match and no exclusion: then there is nothing to locate or cancel.
  const located = positives.some((m) => compiled.rules[m.pattern.rule]!.rule.kind === 'near') ? resolveNear(compiled, positives, new SpanIndex(companions), text.tokens) : positives;
  const exclusions = excludes.length > 0 ? new SpanIndex(excludes) : undefined;
  const kept = longestPerFacet(compiled, exclusions ? located.filter((p) => !excluded(exclusions, p)) : located);
  const fieldWeight = compiled.taxonomy.scoring.fields[text.field];
  // Built for the first match of a facet that reads cues (a field may have none: modality only).
  let cueIndex: CueIndex | undefined;
  for (const match of kept) {
    const node = match.pattern.owner;
    const facet = compiled.facets[compiled.nodes[node]!.facet]!.facet;
    if (facet.cues && !cueIndex) cueIndex = new CueIndex(compiled.cues, compiled.maxCueWindow, cues, text.tokens);
    const effect = facet.cues && cueIndex ? cueIndex.effect(match) : NO_CUES;
    const rule = compiled.rules[match.pattern.rule]!.rule;
    const [start, end] = originalSpan(text.normalised, text.tokens.starts[match.first]!, text.tokens.ends[match.last]!);
    into.add({
      node,
      rule: match.pattern.rule,
      field: text.field,
      sentence: text.tokens.sentences[match.first]!,
      start,
      end,
      text: text.original.slice(start, end),
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
    companions.some(match.first - window - companions.maxSpan, match.last + window, (companion) => {
      if (companion.pattern.owner !== match.pattern.rule || tokens.sentences[companion.first] !== sentence || overlaps(companion, match)) return false;
      const after = companion.first > match.last;
      if ((rule.side === 'before' && after) || (rule.side === 'after' && !after)) return false;
      const gap = after ? companion.first - match.last : match.first - companion.last;
      if (gap <= window && gap < bestGap) {
        best = companion;
        bestGap = gap;
      }
      return false;
    });
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

/** Drops matches lying strictly inside a longer match of the same facet, and same-span repeats of a node. */
function longestPerFacet(compiled: CompiledTaxonomy, matches: PatternMatch[]): PatternMatch[] {
  const index = new SpanIndex(matches);
  // A match can only be covered by one that starts at most `maxSpan` tokens before it.
  return index.matches.filter((m, i) => !index.some(m.first - index.maxSpan, m.first, (other, j) => covers(compiled, other, m, j < i)));
}

/** Whether `other` makes `m` redundant: longer and around it, or the same span and node with a heavier (or earlier) rule. */
function covers(compiled: CompiledTaxonomy, other: PatternMatch, m: PatternMatch, otherFirst: boolean): boolean {
  if (other === m || other.first > m.first || other.last < m.last) return false;
  if (compiled.nodes[other.pattern.owner]!.facet !== compiled.nodes[m.pattern.owner]!.facet) return false;
  if (other.last - other.first > m.last - m.first) return true;
  if (other.pattern.owner !== m.pattern.owner) return false;
  // A named method's rule keeps the match over a generic rule of its family (`QLoRA` over `*LoRA*`).
  const [named, namedM] = [compiled.rules[other.pattern.rule]!.rule.name !== undefined, compiled.rules[m.pattern.rule]!.rule.name !== undefined];
  if (named !== namedM) return named;
  // Two names on the same words (two DoRAs) are both kept: the record's context decides between them.
  if (named && compiled.rules[other.pattern.rule]!.rule.name !== compiled.rules[m.pattern.rule]!.rule.name) return false;
  const [w, wm] = [compiled.rules[other.pattern.rule]!.rule.weight, compiled.rules[m.pattern.rule]!.rule.weight];
  return w > wm || (w === wm && otherFirst);
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
