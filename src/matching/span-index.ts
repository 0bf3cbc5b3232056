/**
 * Matches sorted by first token, for "which matches start between token lo and hi" queries. The
 * classifier relates each match to matches near it (exclusions, companions, longer matches, cues);
 * with this index that is proportional to what is nearby, not to everything in the text, so a
 * keyword-dense 1 MB abstract stays linear.
 */
import type { PatternMatch } from './matcher.js';

export class SpanIndex {
  readonly matches: PatternMatch[];
  /** The longest match, in tokens minus one (last - first). */
  readonly maxSpan: number;

  /** Takes ownership of `matches` (sorting it in place when a scan did not already leave it sorted). */
  constructor(matches: PatternMatch[]) {
    let maxSpan = 0;
    let sorted = true;
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i]!;
      maxSpan = Math.max(maxSpan, m.last - m.first);
      if (i > 0 && m.first < matches[i - 1]!.first) sorted = false;
    }
    // A stable sort keeps scan order among matches starting at the same token.
    this.matches = sorted ? matches : matches.sort((a, b) => a.first - b.first);
    this.maxSpan = maxSpan;
  }

  /** Calls `visit` for each match whose first token is in [lo, hi], in order, with its position in `matches`; stops when it returns true. */
  some(lo: number, hi: number, visit: (match: PatternMatch, position: number) => boolean): boolean {
    const list = this.matches;
    for (let i = firstFrom(list, lo); i < list.length && list[i]!.first <= hi; i++) if (visit(list[i]!, i)) return true;
    return false;
  }
}

/** Position of the first of `sorted` (by first token; its first `size` items) starting at or after token `lo`. */
export function firstFrom(sorted: readonly PatternMatch[], lo: number, size = sorted.length): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.first < lo) low = mid + 1;
    else high = mid;
  }
  return low;
}
