/**
 * Turns the raw pattern matches of one field into weighted evidence: exclusions cancel matches,
 * the longest match wins inside a facet ("vision-language model" is not also a "language model"),
 * cues set each match's weight, and offsets are mapped back to the original text.
 */
import type { PatternMatch } from '../matching/matcher.js';
import { NO_CUES, type CueMatches } from '../matching/cue-matches.js';
import { originalSpan, type NormalisedText } from '../text/normalise.js';
import type { Tokens } from '../text/tokenise.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { CueIndex } from './cues.js';
import { AFTER, BEFORE, ruleFacts, type RuleFacts } from './rule-facts.js';
import { firstFrom } from '../matching/span-index.js';
import type { Evidence, Field } from './types.js';

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

/** A search for context groups and gates that can stop at what is asked and go on later. */
export interface DependencyLookup {
  /**
   * Searches on until context group `group` (or gate `facet`; -1: none) is found, adding what it
   * finds to the evidence; false once it has searched everything.
   */
  seek(group: number, facet: number): boolean;
}

/**
 * What one record's fields add up to, before scoring. A classifier keeps one and `reset`s it for
 * each record (classifying is synchronous, so one record uses it at a time).
 */
export class RecordEvidence {
  /**
   * By context group (distinct context list) and by facet: the number of the record whose words
   * satisfy that group or have that facet's gate (so forgetting a record is one increment, where
   * clearing a Set per record cost more than the rest of its bookkeeping).
   */
  private readonly contexts: number[] = [];
  private readonly gates: number[] = [];
  /** By context group: the number of the record whose title satisfies it. */
  private readonly titled: number[] = [];
  private record = 1;
  /** The search for the record's context groups and gates, while it has not run to the end (see `defer`). */
  private lookup: DependencyLookup | undefined;

  /**
   * Defers the search for the context groups and gates of the record to the questions about them
   * (`hasContext`, `hasGate`), each answered by searching only as far as it needs: many matches
   * that need context never become a counted candidate (a `near` match without its companion, a
   * match inside a longer one), and then their context is never looked for.
   */
  defer(lookup: DependencyLookup): void {
    this.lookup = lookup;
  }

  /** Whether some word of the record satisfies context group `group` (of a noted match). */
  hasContext(group: number): boolean {
    if (this.contexts[group] === this.record) return true;
    if (this.lookup?.seek(group, -1) === false) this.lookup = undefined;
    return this.contexts[group] === this.record;
  }

  /**
   * Whether the record's title satisfies context group `group` (of a noted match). The search
   * reads the title first, so a group first found in the abstract is not in the title.
   */
  titleHasContext(group: number): boolean {
    return this.hasContext(group) && this.titled[group] === this.record;
  }

  /** Whether the record has facet `facet`'s gate (of a noted match). */
  hasGate(facet: number): boolean {
    if (this.gates[facet] === this.record) return true;
    if (this.lookup?.seek(-1, facet) === false) this.lookup = undefined;
    return this.gates[facet] === this.record;
  }

  /** Notes that some word of the record (of its title, if `title`) satisfies context group `group`. */
  addContext(group: number, title = false): void {
    this.contexts[group] = this.record;
    if (title) this.titled[group] = this.record;
  }

  /** Notes that the record has facet `facet`'s gate. */
  addGate(facet: number): void {
    this.gates[facet] = this.record;
  }

  /** Forgets the previous record. */
  reset(): void {
    this.record++;
    this.lookup = undefined;
  }
}

export interface FieldText {
  field: Field;
  original: string;
  normalised: NormalisedText;
  tokens: Tokens;
}

/**
 * Where weighed matches go (the family scorer, the names collector): the match's place stays
 * tokens `first..last` of `text`, located in the original text only if it becomes evidence. `cue`: index of the cue group that set the weight (-1: none).
 */
export interface MatchSink {
  addMatch(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number): void;
  /** A named method's match that its node's exclusion cancels as family evidence (see `excluded`): a mention of the name only. */
  addNameMatch(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number): void;
}

/**
 * A list of matches reused from field to field: emptying it keeps its storage (setting an array's
 * length to 0 frees it, and the next field's pushes grow it again: most of the garbage this step
 * made). Only the first `size` items are the list.
 */
export class MatchList {
  items: PatternMatch[] = [];
  size = 0;

  push(match: PatternMatch): void {
    this.items[this.size++] = match;
  }

  /** Whether `match` is among the first `size` items. */
  has(match: PatternMatch): boolean {
    for (let i = 0; i < this.size; i++) if (this.items[i] === match) return true;
    return false;
  }

  clear(): void {
    // A huge field's list is let go rather than kept holding its matches.
    if (this.size > 4096) this.items = [];
    this.size = 0;
  }

  /**
   * Sorts the list by first token (stably, so scan order stays among matches starting at the same
   * token) unless it already is; the longest match, in tokens minus one.
   */
  sortByFirst(): number {
    const { items, size } = this;
    let maxSpan = 0;
    let sorted = true;
    for (let i = 0; i < size; i++) {
      const m = items[i]!;
      maxSpan = Math.max(maxSpan, m.last - m.first);
      if (i > 0 && m.first < items[i - 1]!.first) sorted = false;
    }
    if (!sorted) {
      const ordered = items.slice(0, size).sort(byFirst);
      for (let i = 0; i < size; i++) items[i] = ordered[i]!;
    }
    return maxSpan;
  }
}

/**
 * One field's matches sorted by role once, right after the scan: noting what they depend on,
 * looking for companions and weighing then read only the positive matches (a third of a record's
 * matches: most are cues, picked out only when a match needs them). A classifier keeps one per
 * field and `take`s each record's matches into it.
 */
export class RoleLists {
  readonly positives = new MatchList();
  readonly excludes = new MatchList();
  /** Companions of `near` matches: added by the search for them (see `Dependencies.addCompanions`). */
  readonly companions = new MatchList();
  /** Whether some positive match is of a `near` rule. */
  near = false;
  /** Whether some positive match is of a named method's rule: without one, the field mentions no name. */
  named = false;
  /** The field's cue matches, as the scan found them: read only when a match needs weighing by them. */
  cues: Readonly<CueMatches> = NO_CUES;

  /**
   * Sorts the field's matches by role (emptying the lists first) and keeps its `cues` (the scan
   * put them apart, see `Matcher.scanWords`); `into` gets the field's gates.
   */
  take(compiled: CompiledTaxonomy, matches: readonly PatternMatch[], cues: Readonly<CueMatches>, into: RecordEvidence): void {
    const { positives, excludes, companions } = this;
    positives.clear();
    excludes.clear();
    companions.clear();
    this.cues = cues;
    for (let i = 0; i < matches.length; i++) {
      const match = matches[i]!;
      const { role, owner } = match.pattern;
      if (role === 'positive') positives.push(match);
      else if (role === 'exclude') excludes.push(match);
      else if (role === 'companion') companions.push(match);
      else if (role === 'gate') into.addGate(owner);
    }
    this.notePositives(compiled);
  }

  /** Drops the positive matches `drop` picks out (the record spells their acronym out as something else). */
  dropPositives(compiled: CompiledTaxonomy, drop: (match: PatternMatch) => boolean): void {
    const { positives } = this;
    let kept = 0;
    for (let i = 0; i < positives.size; i++) {
      const match = positives.items[i]!;
      if (!drop(match)) positives.items[kept++] = match;
    }
    positives.size = kept;
    this.notePositives(compiled);
  }

  /** Notes whether some positive match is of a `near` rule, and whether one is of a named method's. */
  private notePositives(compiled: CompiledTaxonomy): void {
    const { items, size } = this.positives;
    const { names } = ruleFacts(compiled);
    let near = false;
    let named = false;
    for (let i = 0; i < size; i++) {
      const rule = items[i]!.pattern.rule;
      if (compiled.rules[rule]!.near) near = true;
      if (names[rule] !== undefined) named = true;
    }
    this.near = near;
    this.named = named;
  }

  /** Lets go of the record's matches. */
  release(): void {
    this.positives.clear();
    this.excludes.clear();
    this.companions.clear();
    this.cues = NO_CUES;
  }
}

/**
 * Turns each field's matches into weighed evidence. A classifier keeps one and reuses its lists
 * from field to field (classifying is synchronous, so one field uses them at a time).
 */
export class EvidenceCollector {
  private readonly located = new MatchList();
  private readonly included = new MatchList();
  /** The named methods' matches an exclusion cancels for their family only (most fields have none). */
  private readonly nameOnly = new MatchList();
  private readonly kept = new MatchList();
  private readonly cueIndex: CueIndex;
  private readonly facts: RuleFacts;

  constructor(private readonly compiled: CompiledTaxonomy) {
    this.cueIndex = new CueIndex(compiled.cues, compiled.maxCueWindow);
    this.facts = ruleFacts(compiled);
  }

  /** Weighs the field's positive matches (sorted by `lists.take`) and hands each to `sink`. */
  collect(text: FieldText, lists: RoleLists, sink: MatchSink): void {
    // Many fields (most titles) have no positive match: nothing to locate, filter or weigh.
    if (lists.positives.size > 0) this.weigh(text, lists, sink);
  }

  private weigh(text: FieldText, lists: RoleLists, sink: MatchSink): void {
    const { compiled, facts } = this;
    const { tokens } = text;
    // Most fields have no `near` match and no exclusion: then there is nothing to locate or cancel.
    let list = lists.near ? resolveNear(compiled, facts, lists.positives, lists.companions, tokens, this.located) : lists.positives;
    if (lists.excludes.size > 0) list = withoutExcluded(list, lists.excludes, facts.names, this.included, this.nameOnly);
    const kept = keepLongest(compiled, facts, list, this.kept);
    const fieldWeight = compiled.taxonomy.scoring.fields[text.field];
    // Indexed for the first match of a facet that reads cues (most fields have none: modality only):
    // most of a record's matches are cues, and most are never read.
    let cuesIndexed = false;
    for (let i = 0; i < kept.size; i++) {
      const match = kept.items[i]!;
      const node = match.pattern.owner;
      let cue = -1;
      if (compiled.nodes[node]!.readsCues) {
        if (!cuesIndexed) this.cueIndex.reset(lists.cues, tokens);
        cuesIndexed = true;
        cue = this.cueIndex.groupFor(match.first, match.last);
      }
      const weight = round(fieldWeight * facts.weights[match.pattern.rule]! * (cue < 0 ? 1 : compiled.cues[cue]!.factor));
      if (this.nameOnly.size > 0 && this.nameOnly.has(match)) sink.addNameMatch(text, node, match.pattern.rule, match.first, match.last, weight, cue, match.edits);
      else sink.addMatch(text, node, match.pattern.rule, match.first, match.last, weight, cue, match.edits);
    }
    this.located.clear();
    this.included.clear();
    this.nameOnly.clear();
    kept.clear();
  }
}

/** Where tokens `first..last` of a field are in its original text. */
export function spanOf(text: FieldText, first: number, last: number): [number, number] {
  const start = text.tokens.starts[first]!;
  const end = text.tokens.ends[last]!;
  // Plain text (no pieces) needs no mapping back.
  return text.normalised.pieces ? originalSpan(text.normalised, start, end) : [start, end];
}

/** The evidence of a match at tokens `first..last` of `text` (see `MatchSink`). */
export function matchEvidence(compiled: CompiledTaxonomy, text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number): Evidence {
  // Built directly, not through `spanOf` and `evidenceOf`: their pair and place were two objects more per evidence.
  let start = text.tokens.starts[first]!;
  let end = text.tokens.ends[last]!;
  if (text.normalised.pieces) [start, end] = originalSpan(text.normalised, start, end);
  const facts = ruleFacts(compiled);
  return {
    field: text.field,
    start,
    end,
    text: text.original.slice(start, end),
    rule: facts.texts[rule]!,
    kind: facts.evidenceKind(rule, edits),
    node: compiled.nodes[node]!.node.id,
    weight,
    cues: cue < 0 ? [] : [compiled.cues[cue]!.id],
  };
}

/** A result's evidence for a weighed match, described by `place` (a `Candidate` is one). */
export function evidenceOf(compiled: CompiledTaxonomy, place: Omit<Candidate, 'sentence' | 'cues'>, cues: string[]): Evidence {
  const facts = ruleFacts(compiled);
  return {
    field: place.field,
    start: place.start,
    end: place.end,
    text: place.text,
    rule: facts.texts[place.rule]!,
    kind: facts.evidenceKind(place.rule, place.edits),
    node: compiled.nodes[place.node]!.node.id,
    weight: place.weight,
    cues,
  };
}

/**
 * A `near` rule's match counts only with a companion phrase close by in the same sentence; the
 * evidence then spans both ("interpolate between the pre-trained and fine-tuned weights").
 * The located matches go into `out`; `companions` is sorted by first token if it is not already.
 */
function resolveNear(compiled: CompiledTaxonomy, facts: RuleFacts, positives: MatchList, companions: MatchList, tokens: Tokens, out: MatchList): MatchList {
  const maxSpan = companions.sortByFirst();
  const { items: list, size: count } = companions;
  for (let p = 0; p < positives.size; p++) {
    const match = positives.items[p]!;
    const compiledRule = compiled.rules[match.pattern.rule]!;
    if (!compiledRule.near) {
      out.push(match);
      continue;
    }
    const window = facts.windows[match.pattern.rule]!;
    const side = facts.sides[match.pattern.rule]!;
    const sentence = tokens.sentences[match.first];
    let best: PatternMatch | undefined;
    let bestGap = Infinity;
    const hi = match.last + window;
    for (let i = firstFrom(list, match.first - window - maxSpan, count); i < count && list[i]!.first <= hi; i++) {
      const companion = list[i]!;
      if (companion.pattern.owner !== match.pattern.rule || tokens.sentences[companion.first] !== sentence || overlaps(companion, match)) continue;
      const after = companion.first > match.last;
      if ((side === BEFORE && after) || (side === AFTER && !after)) continue;
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

/**
 * The matches no exclusion cancels, into `out`; `excludes` is sorted by first token if it is not
 * already. A named method's match whose exclusions all lie inside it goes to `out` and to
 * `nameOnly`: "ip-adapter*" keeps "IP-Adapter" from counting for the adapter family, not from
 * being the named method IP-Adapter.
 */
function withoutExcluded(matches: MatchList, excludes: MatchList, names: ReadonlyArray<string | undefined>, out: MatchList, nameOnly: MatchList): MatchList {
  const maxSpan = excludes.sortByFirst();
  for (let i = 0; i < matches.size; i++) {
    const match = matches.items[i]!;
    if (!excluded(excludes, maxSpan, match, false)) out.push(match);
    else if (names[match.pattern.rule] !== undefined && !excluded(excludes, maxSpan, match, true)) {
      out.push(match);
      nameOnly.push(match);
    }
  }
  return out;
}

/**
 * An exclusion of the same node overlapping the match cancels it ("weighted average" for "weight
 * averaging"); with `spareWithin`, only one reaching outside it ("LoRa networks" for "LoRa").
 */
function excluded(exclusions: MatchList, maxSpan: number, match: PatternMatch, spareWithin: boolean): boolean {
  const { items, size } = exclusions;
  for (let i = firstFrom(items, match.first - maxSpan, size); i < size && items[i]!.first <= match.last; i++) {
    const x = items[i]!;
    if (x.pattern.owner === match.pattern.owner && overlaps(x, match) && !(spareWithin && within(x, match))) return true;
  }
  return false;
}

/** `inner`'s tokens all lie within `outer`'s. */
function within(inner: PatternMatch, outer: PatternMatch): boolean {
  return outer.first <= inner.first && inner.last <= outer.last;
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
  const list = new MatchList();
  list.items = matches;
  list.size = matches.length;
  const kept = keepLongest(compiled, ruleFacts(compiled), list, new MatchList());
  out.length = 0;
  for (let i = 0; i < kept.size; i++) out.push(kept.items[i]!);
  return out;
}

/** `longestPerFacet` over match lists (`out` is cleared first). */
function keepLongest(compiled: CompiledTaxonomy, facts: RuleFacts, matches: MatchList, out: MatchList): MatchList {
  const maxSpan = matches.sortByFirst();
  const { items: list, size } = matches;
  out.clear();
  let from = 0;
  for (let i = 0; i < size; i++) {
    const m = list[i]!;
    // A match can only be covered by one that starts at most `maxSpan` tokens before it.
    while (list[from]!.first < m.first - maxSpan) from++;
    let covered = false;
    for (let j = from; j < size && list[j]!.first <= m.first && !covered; j++) covered = covers(compiled, facts, list[j]!, m, j < i);
    if (!covered) out.push(m);
  }
  return out;
}

/** Whether `other` makes `m` redundant: longer and around it, or the same span and node with a heavier (or earlier) rule. */
function covers(compiled: CompiledTaxonomy, facts: RuleFacts, other: PatternMatch, m: PatternMatch, otherFirst: boolean): boolean {
  if (other === m || other.first > m.first || other.last < m.last) return false;
  if (compiled.nodes[other.pattern.owner]!.facet !== compiled.nodes[m.pattern.owner]!.facet) return false;
  if (other.last - other.first > m.last - m.first) return true;
  if (other.pattern.owner !== m.pattern.owner) return false;
  // A named method's rule keeps the match over a generic rule of its family (`QLoRA` over `*LoRA*`).
  const otherName = facts.names[other.pattern.rule];
  const name = facts.names[m.pattern.rule];
  const named = otherName !== undefined;
  if (named !== (name !== undefined)) return named;
  // Two names on the same words (two DoRAs) are both kept: the record's context decides between them.
  if (named && otherName !== name) return false;
  const otherWeight = facts.weights[other.pattern.rule]!;
  const weight = facts.weights[m.pattern.rule]!;
  return otherWeight > weight || (otherWeight === weight && otherFirst);
}

function byFirst(a: PatternMatch, b: PatternMatch): number {
  return a.first - b.first;
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
