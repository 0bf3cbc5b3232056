/**
 * Cue phrases separate what a paper contributes from what it only mentions. A cue shortly before or
 * after a match ("we propose X", "outperforms LoRA", "such as adapters", "LoRA baselines") describes
 * that match, and the closest such cue wins ("we use LoRA": `use`, not `we`); without one, a cue
 * anywhere in the sentence ("in this paper", "recently") colours every match in it.
 */
import type { PatternMatch } from '../matching/matcher.js';
import { COMMA, SENTENCE_START, type Tokens } from '../text/tokenise.js';
import type { CueGroup } from '../taxonomy/types.js';

export interface CueEffect {
  factor: number;
  applied: string[];
}

const NO_EFFECT: CueEffect = { factor: 1, applied: [] };

export function cueEffect(groups: readonly CueGroup[], cues: readonly PatternMatch[], match: PatternMatch, tokens: Tokens): CueEffect {
  if (cues.length === 0) return NO_EFFECT;
  const sentence = tokens.sentences[match.first]!;
  const wide: CueGroup[] = [];
  let nearest: CueGroup | undefined;
  let nearestGap = Infinity;
  for (const cue of cues) {
    if (tokens.sentences[cue.first] !== sentence || overlaps(cue, match)) continue;
    const group = groups[cue.pattern.owner]!;
    if (group.scope === 'sentence') {
      wide.push(group);
      continue;
    }
    const gap = distance(group, cue, match);
    if (gap > group.window || introducesClause(group, cue, match, tokens)) continue;
    if (gap < nearestGap || (gap === nearestGap && nearest && group.factor < nearest.factor)) {
      nearest = group;
      nearestGap = gap;
    }
  }
  if (nearest) return { factor: nearest.factor, applied: [nearest.id] };
  if (wide.length > 0) return strongest(wide);
  return NO_EFFECT;
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
