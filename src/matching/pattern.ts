/**
 * Compiles rule text into token patterns: a sequence of per-token tests. Every rule kind
 * (phrase, acronym, glob, regex, fuzzy, exclusion, cue) becomes the same shape, so one index
 * and one scan serve them all.
 */
import { inflectionKey } from '../text/natural.js';
import { normalise } from '../text/normalise.js';
import { Flag, Tokens, tokenise } from '../text/tokenise.js';
import { compileTokenRegex, MAX_TOKEN_FOR_PATTERNS, type TokenRegex } from './token-regex.js';

export { MAX_TOKEN_FOR_PATTERNS };

/** What a pattern is for. */
export type Role = 'positive' | 'exclude' | 'context' | 'cue' | 'gate' | 'companion';

/** One token position of a pattern. */
export type TokenTest =
  | { mode: 'key'; value: string }
  | { mode: 'surface'; value: string }
  | { mode: 'lower'; value: string }
  | { mode: 'prefix'; value: string }
  | { mode: 'glob'; value: string; test: (surface: string) => boolean }
  | { mode: 'regex'; value: string; regex: TokenRegex }
  | { mode: 'fuzzy'; value: string; key: string; maxEdits: number };

export interface Pattern {
  role: Role;
  /** Node index (positive, exclude), cue group index, context id, facet index (gate) or rule index (companion). */
  owner: number;
  /** Index in the compiled rule table (positive patterns only, else -1). */
  rule: number;
  tests: TokenTest[];
  /** Separator flags each token may have before it because the pattern itself has them ("(IA)3"). */
  allowed: number[];
}

// Compiling a taxonomy tokenises thousands of short phrases: one buffer serves them all.
const scratch = new Tokens();

/** Tokens of a rule's text (valid until the next call). */
function textTokens(text: string): Tokens {
  return tokenise(normalise(text).text, scratch);
}

const keys = new Map<string, string>();

/** Memoised inflection key: rule words repeat a lot across a taxonomy. */
function keyOf(lower: string): string {
  let key = keys.get(lower);
  if (key === undefined) {
    key = inflectionKey(lower);
    if (keys.size > 50_000) keys.clear();
    keys.set(lower, key);
  }
  return key;
}

function allowedFlags(tokens: Tokens): number[] {
  const allowed: number[] = [];
  for (let k = 0; k < tokens.count; k++) allowed.push(k === 0 ? 0 : tokens.flags[k]! & Flag.PhraseBreak);
  return allowed;
}

/**
 * A phrase matches case-insensitively on inflection keys, with hyphen/space tolerance. A hyphenated
 * group also matches its closed form: "fine-tuning" gives [fine, tune] and [finetun].
 */
export function phraseVariants(text: string): TokenTest[][] {
  const tokens = textTokens(text);
  if (tokens.count === 0) return [];
  const split: TokenTest[] = [];
  const joined: TokenTest[] = [];
  let group = '';
  for (let k = 0; k < tokens.count; k++) {
    const lower = tokens.surface(k).toLowerCase();
    split.push({ mode: 'key', value: keyOf(lower) });
    const joinsNext = k + 1 < tokens.count && (tokens.flags[k + 1]! & Flag.Hyphen) !== 0;
    group += lower;
    if (!joinsNext) {
      joined.push({ mode: 'key', value: keyOf(group) });
      group = '';
    }
  }
  return joined.length === split.length ? [split] : [split, joined];
}

/** Acronyms match the exact case of each token ("LoRA", not "Lora"), plus a plural "s" at the end. */
export function acronymTests(text: string): { tests: TokenTest[]; allowed: number[] } {
  const tokens = textTokens(text);
  const tests: TokenTest[] = [];
  for (let k = 0; k < tokens.count; k++) tests.push({ mode: 'surface', value: tokens.surface(k) });
  return { tests, allowed: allowedFlags(tokens) };
}

/** Lowercase words exactly, without inflection (phrases marked `exact`). */
export function exactTests(text: string): TokenTest[] {
  const tokens = textTokens(text);
  const tests: TokenTest[] = [];
  for (let k = 0; k < tokens.count; k++) tests.push({ mode: 'lower', value: tokens.surface(k).toLowerCase() });
  return tests;
}

/** Exclusions match lowercase words exactly, without stemming; a trailing `*` makes a prefix. */
export function exclusionTests(text: string): TokenTest[] {
  const star = text.trimEnd().endsWith('*');
  const tokens = textTokens(star ? text.trimEnd().slice(0, -1) : text);
  const tests: TokenTest[] = [];
  for (let k = 0; k < tokens.count; k++) {
    const value = tokens.surface(k).toLowerCase();
    tests.push({ mode: star && k === tokens.count - 1 ? 'prefix' : 'lower', value });
  }
  return tests;
}

/** A glob over one token's exact surface: `*LoRA*` matches QLoRA, LoRAHub, GS-LoRA's "LoRA". */
export function globTest(pattern: string): TokenTest {
  return { mode: 'glob', value: pattern, test: (surface) => surface.length <= MAX_TOKEN_FOR_PATTERNS && globMatches(pattern, surface) };
}

/**
 * Wildcard matching with one backtrack point (the last `*`): linear in practice and at worst
 * pattern × word, never exponential however many stars a user writes (unlike a RegExp of `.*`s).
 */
export function globMatches(pattern: string, word: string): boolean {
  let p = 0;
  let w = 0;
  let star = -1;
  let resume = 0;
  while (w < word.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === word[w])) {
      p++;
      w++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = w;
    } else if (star >= 0) {
      p = star + 1;
      w = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}

/** A token regex, matched against the whole token with bounded work (see token-regex.ts). */
export function regexTest(source: string): TokenTest {
  return { mode: 'regex', value: source, regex: compileTokenRegex(source) };
}

/** Fuzzy phrases tolerate edits inside longer words; short words must match exactly. */
export function fuzzyTests(text: string): TokenTest[] {
  const tokens = textTokens(text);
  const tests: TokenTest[] = [];
  for (let k = 0; k < tokens.count; k++) {
    const lower = tokens.surface(k).toLowerCase();
    const maxEdits = lower.length >= 9 ? 2 : lower.length >= 5 ? 1 : 0;
    tests.push({ mode: 'fuzzy', value: lower, key: keyOf(lower), maxEdits });
  }
  return tests;
}

