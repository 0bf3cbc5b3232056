/**
 * Cue phrases separate what a paper contributes from what it only mentions. A cue shortly before or
 * after a match ("we propose X", "outperforms LoRA", "such as adapters", "LoRA baselines") describes
 * that match, and the closest such cue wins ("we use LoRA": `use`, not `we`); without one, a cue
 * anywhere in the sentence ("in this paper", "recently") colours every match in it.
 */
import type { PatternMatch } from '../matching/matcher.js';
import { firstFrom } from '../matching/span-index.js';
import { COMMA, SENTENCE_START, type Tokens } from '../text/tokenise.js';
import type { CueGroup } from '../taxonomy/types.js';

/**
 * The cue matches of one field, indexed so each match only looks at cues near it or in its sentence.
 * One index serves a classifier's fields one after another (`reset` takes the next field's cues),
 * and a cue's effect is the index of the cue group that applies, so reading cues allocates nothing.
 */
export class CueIndex {
  /**
   * Cues read within their window (the first `nearCount`), sorted by first token, and the longest
   * of them (last - first). The lists keep their storage from field to field: only counts reset.
   */
  private near: PatternMatch[] = [];
  private nearCount = 0;
  private nearSpan = 0;
  /** Sentence-wide cues (the first `wideCount`): each one's sentence and group, in reading order. */
  private readonly wideSentences: number[] = [];
  private readonly wideGroups: number[] = [];
  private wideCount = 0;
  private tokens: Tokens | undefined;

  /** `maxWindow`: the widest window of `groups`. */
  constructor(
    private readonly groups: readonly CueGroup[],
    private readonly maxWindow: number,
  ) {}

  /** Indexes the cue matches of another field: the first `count` of `cues`, in reading order as a scan finds them. */
  reset(cues: readonly PatternMatch[], count: number, tokens: Tokens): void {
    this.tokens = tokens;
    // A huge field's cues are let go rather than kept.
    if (this.nearCount > 4096) this.near = [];
    this.nearCount = 0;
    this.nearSpan = 0;
    this.wideCount = 0;
    const { near } = this;
    let sorted = true;
    for (let i = 0; i < count; i++) {
      const cue = cues[i]!;
      const group = cue.pattern.owner;
      if (this.groups[group]!.scope !== 'sentence') {
        if (this.nearCount > 0 && cue.first < near[this.nearCount - 1]!.first) sorted = false;
        near[this.nearCount++] = cue;
        this.nearSpan = Math.max(this.nearSpan, cue.last - cue.first);
      } else {
        this.wideSentences[this.wideCount] = tokens.sentences[cue.first]!;
        this.wideGroups[this.wideCount++] = group;
      }
    }
    // A stable sort keeps scan order among cues starting at the same token.
    if (!sorted) {
      const ordered = near.slice(0, this.nearCount).sort((a, b) => a.first - b.first);
      for (let i = 0; i < ordered.length; i++) near[i] = ordered[i]!;
    }
  }

  /**
   * The cue group that sets the weight of the match `first..last` (-1: none): the closest cue whose
   * window reaches it in its sentence (at equal distance the lower factor), else the strongest
   * sentence-wide cue of its sentence.
   */
  groupFor(first: number, last: number): number {
    const tokens = this.tokens!;
    const sentence = tokens.sentences[first]!;
    const { near, nearCount, groups } = this;
    let nearest = -1;
    let nearestGap = Infinity;
    const hi = last + this.maxWindow;
    for (let i = firstFrom(near, first - this.maxWindow - this.nearSpan, nearCount); i < nearCount && near[i]!.first <= hi; i++) {
      const cue = near[i]!;
      if (tokens.sentences[cue.first] !== sentence || (cue.first <= last && first <= cue.last)) continue;
      const group = groups[cue.pattern.owner]!;
      const gap = distance(group, cue, first, last);
      if (gap > group.window || introducesClause(group, cue, first, tokens)) continue;
      if (gap < nearestGap || (gap === nearestGap && nearest >= 0 && group.factor < groups[nearest]!.factor)) {
        nearest = cue.pattern.owner;
        nearestGap = gap;
      }
    }
    return nearest >= 0 ? nearest : this.strongestIn(sentence);
  }

  /** A raising cue beats a lowering one ("we propose … recently"); among lowering cues the lowest wins; the first of equals. */
  private strongestIn(sentence: number): number {
    const { groups } = this;
    let raising = -1;
    let lowering = -1;
    for (let i = 0; i < this.wideCount; i++) {
      if (this.wideSentences[i] !== sentence) continue;
      const group = this.wideGroups[i]!;
      const factor = groups[group]!.factor;
      if (factor > 1) {
        if (raising < 0 || factor > groups[raising]!.factor) raising = group;
      } else if (lowering < 0 || factor < groups[lowering]!.factor) lowering = group;
    }
    return raising >= 0 ? raising : lowering;
  }
}

/** Cues reaching at most this far modify the next words ("existing", "we", "using") and stop at a comma. */
const MODIFIER_WINDOW = 3;

/**
 * Whether a comma between a `before` cue and the match cuts the cue off. Modifier cues never
 * cross a comma. A cue that opens the sentence ("Compared to full fine-tuning, LoRA …", "Unlike
 * adapters, our method …") governs only its own clause. Elsewhere a comma more often separates
 * list items ("outperforms LoRA, DoRA and adapters"), which the cue still covers.
 */
function introducesClause(group: CueGroup, cue: PatternMatch, first: number, tokens: Tokens): boolean {
  if (group.scope !== 'before') return false;
  const opensSentence = cue.first === 0 || (tokens.flags[cue.first]! & SENTENCE_START) !== 0;
  if (group.window > MODIFIER_WINDOW && !opensSentence) return false;
  for (let k = cue.last + 1; k <= first; k++) if (tokens.flags[k]! & COMMA) return true;
  return false;
}

/** Tokens between cue and the match `first..last` on the cue's side, or Infinity when the cue is on the other side. */
function distance(group: CueGroup, cue: PatternMatch, first: number, last: number): number {
  if (group.scope === 'before') return cue.last < first ? first - cue.last : Infinity;
  return cue.first > last ? cue.first - last : Infinity;
}
