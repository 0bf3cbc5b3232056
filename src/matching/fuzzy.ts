/**
 * Fuzzy rules catch misspellings ("reinforcment learning", "fintuning"). Candidate words are found
 * cheaply (same first letter, length within the edit budget, shared bigrams, a bounded edit
 * distance), and the whole matched span is re-checked with natural's Jaro–Winkler similarity and
 * Fuse's Bitap score so a chain of small edits cannot turn one phrase into a different one.
 */
import Fuse from 'fuse.js';
import { similarity } from '../text/natural.js';
import { boundedEditDistance } from '../text/edit-distance.js';
import type { TokenTest } from './pattern.js';

type FuzzyTest = Extract<TokenTest, { mode: 'fuzzy' }>;

/** Bitap score (0 exact … 1 unrelated) a whole fuzzy span must stay under. */
const SPAN_THRESHOLD = 0.25;
/** Jaro–Winkler similarity a whole fuzzy span must keep. */
const MIN_SIMILARITY = 0.9;
const MAX_MEMO = 100_000;

/** Per-word edit distances to fuzzy rule words, memoised across records. */
export class FuzzyMemo {
  private readonly memo = new Map<string, number>();

  /** Edits turning `lower` into the rule word, or -1 when over the word's budget. */
  edits(test: FuzzyTest, lower: string): number {
    if (test.maxEdits === 0) return -1;
    if (Math.abs(lower.length - test.value.length) > test.maxEdits || lower[0] !== test.value[0]) return -1;
    if (!sharesEnoughBigrams(test.value, lower, test.maxEdits)) return -1;
    const memoKey = `${test.value}\u0000${lower}`;
    const known = this.memo.get(memoKey);
    if (known !== undefined) return known;
    const distance = boundedEditDistance(test.value, lower, test.maxEdits);
    const result = distance <= test.maxEdits ? distance : -1;
    if (this.memo.size >= MAX_MEMO) this.memo.clear();
    this.memo.set(memoKey, result);
    return result;
  }
}

/**
 * The q-gram filter: a word within k edits of the rule word shares at least
 * (bigrams of the rule word) − 2k of its bigrams. Cheap, and it spares the exact edit distance
 * for almost every new word in a stream.
 */
function sharesEnoughBigrams(target: string, word: string, maxEdits: number): boolean {
  const needed = target.length - 1 - 2 * maxEdits;
  if (needed <= 0) return true;
  let shared = 0;
  for (let i = 0; i + 1 < target.length; i++) {
    const a = target.charCodeAt(i);
    const b = target.charCodeAt(i + 1);
    for (let j = 0; j + 1 < word.length; j++) {
      if (word.charCodeAt(j) === a && word.charCodeAt(j + 1) === b) {
        shared++;
        break;
      }
    }
  }
  return shared >= needed;
}

/** Edits a whole fuzzy phrase may absorb: one per eight letters, at least one. */
export function fuzzyBudget(tests: readonly TokenTest[]): number {
  let letters = 0;
  for (const test of tests) letters += test.value.length;
  return Math.max(1, Math.floor(letters / 8));
}

/** Re-checks a fuzzy span as a whole against the rule's phrase. */
export function confirmFuzzySpan(tests: readonly TokenTest[], words: ReadonlyArray<{ lower: string }>): boolean {
  const phrase = tests.map((test) => test.value.toLowerCase()).join(' ');
  const span = words.map((word) => word.lower).join(' ');
  if (similarity(phrase, span) < MIN_SIMILARITY) return false;
  const result = Fuse.match(phrase, span, { threshold: SPAN_THRESHOLD, ignoreLocation: true, isCaseSensitive: false });
  return result.isMatch && (result.score ?? 1) <= SPAN_THRESHOLD;
}
