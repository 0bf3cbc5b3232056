/**
 * Matches sorted by first token answer "which matches start between token lo and hi" with a
 * binary search. The classifier relates each match to matches near it (exclusions, companions,
 * longer matches, cues); looking only there keeps that proportional to what is nearby, not to
 * everything in the text, so a keyword-dense 1 MB abstract stays linear.
 */
import type { PatternMatch } from './matcher.js';

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

/** `firstFrom` over the first tokens alone (ascending, the first `size` of `firsts`). */
export function firstFromTokens(firsts: Int32Array, lo: number, size: number): number {
  let low = 0;
  let high = size;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (firsts[mid]! < lo) low = mid + 1;
    else high = mid;
  }
  return low;
}
