/**
 * Cue phrases separate what a paper contributes from what it only mentions. A cue shortly before or
 * after a match ("we propose X", "outperforms LoRA", "such as adapters", "LoRA baselines") describes
 * that match, and the closest such cue wins ("we use LoRA": `use`, not `we`); without one, a cue
 * anywhere in the sentence ("in this paper", "recently") colours every match in it.
 */
import type { CueMatches } from '../matching/cue-matches.js';
import { firstFromTokens } from '../matching/span-index.js';
import { Flag, type Tokens } from '../text/tokenise.js';
import type { CueGroup } from '../taxonomy/types.js';

/**
 * The cue matches of one field, indexed so each match only looks at cues near it or in its sentence.
 * One index serves a classifier's fields one after another (`reset` takes the next field's cues),
 * and a cue's effect is the index of the cue group that applies, so reading cues allocates nothing.
 */
export class CueIndex {
  /**
   * Cues read within their window (the first `nearCount`), sorted by first token: their groups and
   * tokens; and the longest of them (last - first). The lists keep their storage from field to
   * field: only counts reset.
   */
  private nearGroups = new Int32Array(64);
  private nearFirsts = new Int32Array(64);
  private nearLasts = new Int32Array(64);
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

  /** Indexes the cue matches of another field, in reading order as a scan finds them. */
  reset(cues: Readonly<CueMatches>, tokens: Tokens): void {
    this.tokens = tokens;
    if (this.nearGroups.length < cues.count || this.nearGroups.length > Math.max(4096, cues.count * 2)) this.allocate(Math.max(64, cues.count));
    this.nearCount = 0;
    this.nearSpan = 0;
    this.wideCount = 0;
    const { nearGroups, nearFirsts, nearLasts } = this;
    let sorted = true;
    for (let i = 0; i < cues.count; i++) {
      const group = cues.groups[i]!;
      const first = cues.firsts[i]!;
      if (this.groups[group]!.scope !== 'sentence') {
        const at = this.nearCount++;
        if (at > 0 && first < nearFirsts[at - 1]!) sorted = false;
        nearGroups[at] = group;
        nearFirsts[at] = first;
        nearLasts[at] = cues.lasts[i]!;
        this.nearSpan = Math.max(this.nearSpan, nearLasts[at]! - first);
      } else {
        this.wideSentences[this.wideCount] = tokens.sentences[first]!;
        this.wideGroups[this.wideCount++] = group;
      }
    }
    if (!sorted) this.sortNear();
  }

  /** Room for `size` near cues (a huge field's are let go rather than kept). */
  private allocate(size: number): void {
    this.nearGroups = new Int32Array(size);
    this.nearFirsts = new Int32Array(size);
    this.nearLasts = new Int32Array(size);
  }

  /** Sorts the near cues by first token, stably: scan order stays among cues starting at the same token. */
  private sortNear(): void {
    const { nearGroups, nearFirsts, nearLasts } = this;
    const order = Array.from({ length: this.nearCount }, (_, i) => i).sort((a, b) => nearFirsts[a]! - nearFirsts[b]! || a - b);
    const groups = order.map((i) => nearGroups[i]!);
    const firsts = order.map((i) => nearFirsts[i]!);
    const lasts = order.map((i) => nearLasts[i]!);
    nearGroups.set(groups);
    nearFirsts.set(firsts);
    nearLasts.set(lasts);
  }

  /**
   * The cue group that sets the weight of the match `first..last` (-1: none): the closest cue whose
   * window reaches it in its sentence (at equal distance the lower factor), else the strongest
   * sentence-wide cue of its sentence.
   */
  groupFor(first: number, last: number): number {
    const tokens = this.tokens!;
    const sentence = tokens.sentences[first]!;
    const { nearGroups, nearFirsts, nearLasts, nearCount, groups } = this;
    let nearest = -1;
    let nearestGap = Infinity;
    const hi = last + this.maxWindow;
    for (let i = firstFromTokens(nearFirsts, first - this.maxWindow - this.nearSpan, nearCount); i < nearCount && nearFirsts[i]! <= hi; i++) {
      const cueFirst = nearFirsts[i]!;
      const cueLast = nearLasts[i]!;
      if (tokens.sentences[cueFirst] !== sentence || (cueFirst <= last && first <= cueLast)) continue;
      const group = groups[nearGroups[i]!]!;
      const gap = distance(group, cueFirst, cueLast, first, last);
      if (gap > group.window || introducesClause(group, cueFirst, cueLast, first, tokens)) continue;
      if (gap < nearestGap || (gap === nearestGap && nearest >= 0 && group.factor < groups[nearest]!.factor)) {
        nearest = nearGroups[i]!;
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
function introducesClause(group: CueGroup, cueFirst: number, cueLast: number, first: number, tokens: Tokens): boolean {
  if (group.scope !== 'before') return false;
  const opensSentence = cueFirst === 0 || (tokens.flags[cueFirst]! & Flag.SentenceStart) !== 0;
  if (group.window > MODIFIER_WINDOW && !opensSentence) return false;
  for (let k = cueLast + 1; k <= first; k++) if (tokens.flags[k]! & Flag.Comma) return true;
  return false;
}

/** Tokens between the cue `cueFirst..cueLast` and the match `first..last` on the cue's side, or Infinity when the cue is on the other side. */
function distance(group: CueGroup, cueFirst: number, cueLast: number, first: number, last: number): number {
  if (group.scope === 'before') return cueLast < first ? first - cueLast : Infinity;
  return cueFirst > last ? cueFirst - last : Infinity;
}
