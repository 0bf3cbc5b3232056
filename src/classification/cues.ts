/**
 * Cue phrases separate what a paper contributes from what it only mentions. A cue shortly before or
 * after a match ("we propose X", "outperforms LoRA", "such as adapters", "LoRA baselines") describes
 * that match, and the closest such cue wins ("we use LoRA": `use`, not `we`); without one, a cue
 * anywhere in the sentence ("in this paper", "recently") colours every match in it.
 */
import type { PatternMatch } from '../matching/matcher.js';
import { SpanIndex } from '../matching/span-index.js';
import { COMMA, SENTENCE_START, type Tokens } from '../text/tokenise.js';
import type { CueGroup } from '../taxonomy/types.js';

export interface CueEffect {
  factor: number;
  applied: string[];
}

const NO_EFFECT: CueEffect = { factor: 1, applied: [] };

/** The cue matches of one field, indexed so each match only looks at cues near it or in its sentence. */
export class CueIndex {
  private readonly near: SpanIndex;
  private readonly wide = new Map<number, CueGroup[]>();

  /** `maxWindow`: the widest window of `groups`. */
  constructor(
    private readonly groups: readonly CueGroup[],
    private readonly maxWindow: number,
    cues: readonly PatternMatch[],
    private readonly tokens: Tokens,
  ) {
    const near: PatternMatch[] = [];
    for (const cue of cues) {
      const group = groups[cue.pattern.owner]!;
      if (group.scope !== 'sentence') near.push(cue);
      else {
        const sentence = tokens.sentences[cue.first]!;
        const list = this.wide.get(sentence) ?? [];
        if (!list.includes(group)) list.push(group);
        this.wide.set(sentence, list);
      }
    }
    this.near = new SpanIndex(near);
  }

  effect(match: PatternMatch): CueEffect {
    const sentence = this.tokens.sentences[match.first]!;
    let nearest: CueGroup | undefined;
    let nearestGap = Infinity;
    this.near.some(match.first - this.maxWindow - this.near.maxSpan, match.last + this.maxWindow, (cue) => {
      if (this.tokens.sentences[cue.first] !== sentence || overlaps(cue, match)) return false;
      const group = this.groups[cue.pattern.owner]!;
      const gap = distance(group, cue, match);
      if (gap > group.window || introducesClause(group, cue, match, this.tokens)) return false;
      if (gap < nearestGap || (gap === nearestGap && nearest && group.factor < nearest.factor)) {
        nearest = group;
        nearestGap = gap;
      }
      return false;
    });
    if (nearest) return { factor: nearest.factor, applied: [nearest.id] };
    const wide = this.wide.get(sentence);
    return wide ? strongest(wide) : NO_EFFECT;
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
function introducesClause(group: CueGroup, cue: PatternMatch, match: PatternMatch, tokens: Tokens): boolean {
  if (group.scope !== 'before') return false;
  const opensSentence = cue.first === 0 || (tokens.flags[cue.first]! & SENTENCE_START) !== 0;
  if (group.window > MODIFIER_WINDOW && !opensSentence) return false;
  for (let k = cue.last + 1; k <= match.first; k++) if (tokens.flags[k]! & COMMA) return true;
  return false;
}

/** Tokens between cue and match on the cue's side, or Infinity when the cue is on the other side. */
function distance(group: CueGroup, cue: PatternMatch, match: PatternMatch): number {
  if (group.scope === 'before') return cue.last < match.first ? match.first - cue.last : Infinity;
  return cue.first > match.last ? cue.first - match.last : Infinity;
}

function overlaps(a: PatternMatch, b: PatternMatch): boolean {
  return a.first <= b.last && b.first <= a.last;
}

/** A raising cue beats a lowering one ("we propose … recently"); among lowering cues the lowest wins. */
function strongest(groups: CueGroup[]): CueEffect {
  const raising = groups.filter((g) => g.factor > 1);
  const pool = raising.length > 0 ? raising : groups;
  const pick = raising.length > 0 ? pool.reduce((a, b) => (b.factor > a.factor ? b : a)) : pool.reduce((a, b) => (b.factor < a.factor ? b : a));
  return { factor: pick.factor, applied: [pick.id] };
}
