/**
 * Splits normalised text into word tokens with offsets, and records what separates each token from
 * the previous one (space, hyphen, comma, clause punctuation, sentence end). Phrases may only span
 * soft separators; cues look within a sentence. One pass over char codes, no regex per token:
 * this loop is the floor of the whole classifier's speed. Measured against it in one process over
 * the 2024 corpus: finding the words with a native regex (`/[A-Za-z0-9]+/g` exec, or a pair of
 * sticky regexes) took 1.6-1.8x as long, and keying a Map by each word's substring (V8's string
 * hashing) instead of the two hashes below took 3.7x as long.
 */

import { beforeLineBreak } from './normalise.js';
import { resized } from './typed-arrays.js';

/**
 * What separates a token from the previous one (`Tokens.flags`). An enum, as `Hash` below: the
 * bundler writes its members in as literals, which the tokenizer and the matcher test per token.
 */
export enum Flag {
  /** The token starts a new sentence. */
  SentenceStart = 1,
  /** Joined to the previous token by a hyphen with no spaces (`fine-tuning`). */
  Hyphen = 2,
  /** A comma lies between this token and the previous one. */
  Comma = 4,
  /** Clause punctuation lies between: `; : ( ) [ ] / "` and the like. */
  Clause = 8,
  /** Any of these stops a phrase from spanning two tokens. */
  PhraseBreak = SentenceStart | Comma | Clause,
}

/**
 * Where the tokenizer looks each word up the moment it has read it (the matcher's word table),
 * while the word's hashes are still in registers, instead of a second pass over the stored tokens
 * (callgrind, whole classifier, names off: 2.8% fewer instructions per record).
 */
export interface WordLookup {
  /**
   * For a word already known: its id shifted 4 bits up, its mark in the low 4 bits (-1: unknown,
   * then `add` describes it). Small enough for V8 to inline in the tokenizer's loop: most words
   * are known, and a call with the word's text and offsets cost more than the probe.
   */
  find(hash: number, check: number, length: number): number;
  /** The id of a word `find` did not know, whose tokenizer hashes are `hash` and `check`; its mark in `lastMark`. */
  add(word: string, hash: number, check: number): number;
  readonly lastMark: number;
}

/**
 * Tokens of one text, as parallel arrays (reused between calls to avoid garbage). Each token
 * carries two independent 32-bit hashes of its characters, computed in the same pass, so a word
 * cache can identify it (hash, check and length: a 64-bit key) without copying it out of the text.
 */
export class Tokens {
  /** `lookup`: where each word is looked up as it is read (null: nowhere, `ids` and `marks` unset). */
  constructor(readonly lookup: WordLookup | null = null) {}

  text = '';
  count = 0;
  /** False when the text holds characters `normalise` would change (then normalise and tokenise again). */
  clean = true;
  /**
   * After a `tokenise(..., true)` that stopped unclean: every character before this offset is one
   * `normalise` leaves alone, so the normalised text starts with the same characters
   * (`retokenise` keeps the tokens found there). The text's length when it is clean.
   */
  cleanTo = 0;
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  flags = new Uint8Array(256);
  sentences = new Int32Array(256);
  hashes = new Int32Array(256);
  checks = new Int32Array(256);
  /**
   * Each token's word id and mark, as `lookup` gave them. With a lookup, `hashes` and `checks` are
   * not written: the id is all a later step needs of them (callgrind, names off: 2% fewer instructions per record).
   */
  ids = new Int32Array(256);
  marks = new Uint8Array(256);

  /** The text of token `k`. */
  surface(k: number): string {
    return this.text.substring(this.starts[k]!, this.ends[k]!);
  }

  /** Doubles the arrays' capacity, keeping the first `count` tokens. */
  grow(): void {
    const size = this.starts.length * 2;
    this.starts = resized(this.starts, size);
    this.ends = resized(this.ends, size);
    this.flags = resized(this.flags, size);
    this.sentences = resized(this.sentences, size);
    this.hashes = resized(this.hashes, size);
    this.checks = resized(this.checks, size);
    this.ids = resized(this.ids, size);
    this.marks = resized(this.marks, size);
  }
}

/** Character classes of ASCII (an enum, as `Flag`), 0 anything else. */
enum CharClass {
  Word = 1,
  /** Something normalise() would change (& \\ $ ^ { } ~ and control characters). */
  Special = 2,
  /** A hyphen (which may be hyphenation at a line break). */
  Dash = 3,
}
const CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) CLASS[c] = CharClass.Word;
for (let c = 65; c <= 90; c++) CLASS[c] = CharClass.Word;
for (let c = 97; c <= 122; c++) CLASS[c] = CharClass.Word;
for (const ch of '&\\$^{}~') CLASS[ch.charCodeAt(0)] = CharClass.Special;
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) CLASS[c] = CharClass.Special;
CLASS[45] = CharClass.Dash;
const NON_ASCII_WORD = /[\p{L}\p{N}]/u;

function isWordCode(c: number): boolean {
  return c < 128 ? CLASS[c] === CharClass.Word : NON_ASCII_WORD.test(String.fromCharCode(c));
}

/**
 * Whether `c` is an ASCII letter or digit, by arithmetic (`c | 32` folds upper case onto lower
 * case; `>>> 0` makes each range one unsigned compare): the test of every character inside a word,
 * where reading `CLASS` cost a load of the table and of its bounds per character.
 */
export function isAsciiWordCode(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26 || (c - 48) >>> 0 < 10;
}

/**
 * The hashes' constants (FNV-1a, and a base-31 polynomial independent of it), as an enum because
 * the bundler writes enum members in as literals: a module-level `const` becomes a `var` that V8
 * loads from the module's context and converts to an integer at every use, here once per
 * character (the tokenizer took ~10% longer). Int32 values, the bits of the usual constants.
 */
enum Hash {
  FnvOffset = 0x811c9dc5 | 0,
  FnvPrime = 0x01000193,
  CheckSeed = 0x9e3779b9 | 0,
}

/**
 * Tokenises `text` into `out` (cleared first) and returns it. With `stopWhenUnclean`, gives up
 * (with `out.clean` false) at the first character normalise() would change: the caller then
 * normalises the text and calls `retokenise`, instead of paying for two full passes.
 */
export function tokenise(text: string, out: Tokens = new Tokens(), stopWhenUnclean = false): Tokens {
  out.count = 0;
  return stopWhenUnclean ? tokeniseAscii(text, out) : tokeniseFrom(text, out, 0);
}

/**
 * Tokenises `normalised`, the normalised form of the text `out` stopped in (a `tokenise(..., true)`
 * that came back unclean). The two texts agree up to `out.cleanTo`, so the tokens that end well
 * before it (their extent and flags depend on nothing after it) are kept, and only the rest is
 * read again: the result is the same as `tokenise(normalised, out)`.
 */
export function retokenise(normalised: string, out: Tokens): Tokens {
  // A token's extent depends on the character after it (a trailing "+" on the one after that).
  let keep = out.count;
  while (keep > 0 && out.ends[keep - 1]! + 2 > out.cleanTo) keep--;
  out.count = keep;
  return tokeniseFrom(normalised, out, keep > 0 ? out.ends[keep - 1]! : 0);
}

/**
 * Tokenises `text` from offset `from`, the end of token `out.count - 1` (or 0 for none), appending
 * to `out`, to the end of the text (a first pass that stops where the text is unclean is
 * `tokeniseAscii`). The arrays and the count live in locals (written back on return) and
 * one-character gaps are classified inline: this loop is most of the tokenizer's time.
 */
function tokeniseFrom(text: string, out: Tokens, from: number): Tokens {
  const n = text.length;
  out.text = text;
  out.clean = true;
  out.cleanTo = n;
  let count = out.count;
  let sentence = count > 0 ? out.sentences[count - 1]! : 0;
  const lookup = out.lookup;
  let { starts, ends, flags, sentences, hashes, checks, ids, marks } = out;
  let gapStart = from;
  let i = from;
  while (i < n) {
    let c = text.charCodeAt(i);
    // A word's first character is tested by arithmetic, as inside words; the table only for the rest.
    if (isAsciiWordCode(c)) {
      // The token starts here.
    } else if (c < 128) {
      const kind = CLASS[c]!;
      // A hyphen before a line break ("fine-\ntuning") is hyphenation that normalise() joins.
      if (kind === CharClass.Special || (kind === CharClass.Dash && beforeLineBreak(text, i + 1))) {
        markUnclean(out, i);
      }
      i++;
      continue;
    } else {
      markUnclean(out, i);
      if (!NON_ASCII_WORD.test(String.fromCharCode(c))) {
        i++;
        continue;
      }
    }
    const start = i;
    // Two hashes over the characters, computed while scanning the word (the word cache's key).
    // The inner loop tests ASCII only and leaves a non-ASCII character to the outer one: with the
    // call to `wordAfterAll` in its condition, the loop over every character was ~6% slower.
    let hash: number = Hash.FnvOffset;
    let check: number = Hash.CheckSeed;
    for (;;) {
      // Two characters a turn, as in `tokeniseAscii` (which reads four).
      do {
        hash = Math.imul(hash ^ c, Hash.FnvPrime);
        check = (Math.imul(check, 31) + c) | 0;
        c = ++i < n ? text.charCodeAt(i) : 32;
        if (!isAsciiWordCode(c)) break;
        hash = Math.imul(hash ^ c, Hash.FnvPrime);
        check = (Math.imul(check, 31) + c) | 0;
        c = ++i < n ? text.charCodeAt(i) : 32;
      } while (isAsciiWordCode(c));
      if (c < 128 || !wordAfterAll(out, c, start)) break;
    }
    // "LoRA+", "C++": a trailing plus belongs to the name.
    while (c === 43 && !(i + 1 < n && isWordCode(text.charCodeAt(i + 1)))) {
      hash = Math.imul(hash ^ c, Hash.FnvPrime);
      check = (Math.imul(check, 31) + c) | 0;
      c = ++i < n ? text.charCodeAt(i) : 32;
    }
    if (i - start === 1 && isPossessiveS(text, start)) {
      gapStart = i;
      continue;
    }
    let flag: number = Flag.SentenceStart;
    if (count > 0) {
      // One space, hyphen or comma: most gaps.
      const single = start - gapStart === 1 ? text.charCodeAt(gapStart) : 0;
      if (single === 32) flag = 0;
      else if (single === 45) flag = Flag.Hyphen;
      else if (single === 44) flag = Flag.Comma;
      // A comma and a space: the next commonest (~10 of an abstract's ~25 other gaps).
      else if (start - gapStart === 2 && text.charCodeAt(gapStart) === 44 && text.charCodeAt(gapStart + 1) === 32) flag = Flag.Comma;
      else flag = gapFlags(text, gapStart, start, starts[count - 1]!, ends[count - 1]!);
      if (flag & Flag.SentenceStart) sentence++;
    }
    if (count === starts.length) {
      out.count = count;
      out.grow();
      ({ starts, ends, flags, sentences, hashes, checks, ids, marks } = out);
    }
    starts[count] = start;
    ends[count] = i;
    flags[count] = flag;
    sentences[count] = sentence;
    if (lookup !== null) {
      const found = lookup.find(hash, check, i - start);
      if (found >= 0) {
        ids[count] = found >> 4;
        marks[count] = found & 15;
      } else {
        ids[count] = lookup.add(text.substring(start, i), hash, check);
        marks[count] = lookup.lastMark;
      }
    } else {
      hashes[count] = hash;
      checks[count] = check;
    }
    count++;
    gapStart = i;
    // The commonest gap, one space, is stepped over here rather than by a turn of the outer loop.
    if (c === 32) i++;
  }
  out.count = count;
  return out;
}

const encoder = new TextEncoder();
/** Scratch for `tokeniseAscii`: the text's UTF-8 bytes (replaced by a larger one for a longer text). */
let bytes = new Uint8Array(4096);
/** A longer text's bytes are not kept for the next text: one huge record would hold them for good. */
const MAX_KEPT_BYTES = 1 << 20;

/** A byte array of at least `size` bytes: the scratch one, grown when `size` stays under the limit. */
function byteScratch(size: number): Uint8Array {
  if (size <= bytes.length) return bytes;
  const fresh = new Uint8Array(Math.max(size, bytes.length * 2));
  if (fresh.length <= MAX_KEPT_BYTES) bytes = fresh;
  return fresh;
}

/**
 * `tokeniseFrom(text, out, 0)` up to the first character normalise() would change (where it stops,
 * with `out.clean` false), reading the text's characters as bytes: the text is copied
 * into a byte array by one native call (`encodeInto`), and the loop reads bytes where it read
 * `charCodeAt`, which checks the string's representation at every character. UTF-8 keeps every
 * ASCII character as one byte at its offset up to the first non-ASCII one, which becomes a byte
 * of 128 or more: the text is unclean there, and the tokens stop there as they would.
 */
function tokeniseAscii(text: string, out: Tokens): Tokens {
  const n = text.length;
  // Room for the whole text when it is ASCII, else at least for the first non-ASCII character's
  // bytes (at most 4), and for a space after the end that ends the last word without a bounds test.
  const codes = byteScratch(n + 5);
  const { read, written } = encoder.encodeInto(text, codes);
  if (read === n) codes[written] = 32;
  out.text = text;
  out.clean = true;
  out.cleanTo = n;
  let count = 0;
  let sentence = 0;
  const lookup = out.lookup;
  let { starts, ends, flags, sentences, hashes, checks, ids, marks } = out;
  let gapStart = 0;
  let i = 0;
  while (i < n) {
    let c = codes[i]!;
    if (!isAsciiWordCode(c)) {
      // Something normalise() changes, or a non-ASCII character: normalise and tokenise again.
      if (c >= 128 || CLASS[c] === CharClass.Special || (c === 45 && beforeLineBreak(text, i + 1))) {
        markUnclean(out, i);
        break;
      }
      i++;
      continue;
    }
    const start = i;
    let hash: number = Hash.FnvOffset;
    let check: number = Hash.CheckSeed;
    // Four characters a turn: each turn of a loop re-checks the byte array and the stack (two a
    // turn saved 6.9k instructions a record, four another 4.4k).
    for (;;) {
      hash = Math.imul(hash ^ c, Hash.FnvPrime);
      check = (Math.imul(check, 31) + c) | 0;
      c = codes[++i]!;
      if (!isAsciiWordCode(c)) break;
      hash = Math.imul(hash ^ c, Hash.FnvPrime);
      check = (Math.imul(check, 31) + c) | 0;
      c = codes[++i]!;
      if (!isAsciiWordCode(c)) break;
      hash = Math.imul(hash ^ c, Hash.FnvPrime);
      check = (Math.imul(check, 31) + c) | 0;
      c = codes[++i]!;
      if (!isAsciiWordCode(c)) break;
      hash = Math.imul(hash ^ c, Hash.FnvPrime);
      check = (Math.imul(check, 31) + c) | 0;
      c = codes[++i]!;
      if (!isAsciiWordCode(c)) break;
    }
    if (c >= 128) {
      // A non-ASCII character inside the word: the text is clean only up to the word's start.
      markUnclean(out, start);
      break;
    }
    // "LoRA+", "C++": a trailing plus belongs to the name.
    while (c === 43 && !(i + 1 < n && isWordCode(text.charCodeAt(i + 1)))) {
      hash = Math.imul(hash ^ c, Hash.FnvPrime);
      check = (Math.imul(check, 31) + c) | 0;
      c = codes[++i]!;
    }
    if (i - start === 1 && isPossessiveS(text, start)) {
      gapStart = i;
      continue;
    }
    let flag: number = Flag.SentenceStart;
    if (count > 0) {
      const single = start - gapStart === 1 ? codes[gapStart]! : 0;
      if (single === 32) flag = 0;
      else if (single === 45) flag = Flag.Hyphen;
      else if (single === 44) flag = Flag.Comma;
      // A comma and a space: the next commonest (~10 of an abstract's ~25 other gaps).
      else if (start - gapStart === 2 && codes[gapStart] === 44 && codes[gapStart + 1] === 32) flag = Flag.Comma;
      else flag = gapFlags(text, gapStart, start, starts[count - 1]!, ends[count - 1]!);
      if (flag & Flag.SentenceStart) sentence++;
    }
    if (count === starts.length) {
      out.count = count;
      out.grow();
      ({ starts, ends, flags, sentences, hashes, checks, ids, marks } = out);
    }
    starts[count] = start;
    ends[count] = i;
    flags[count] = flag;
    sentences[count] = sentence;
    if (lookup !== null) {
      const found = lookup.find(hash, check, i - start);
      if (found >= 0) {
        ids[count] = found >> 4;
        marks[count] = found & 15;
      } else {
        ids[count] = lookup.add(text.substring(start, i), hash, check);
        marks[count] = lookup.lastMark;
      }
    } else {
      hashes[count] = hash;
      checks[count] = check;
    }
    count++;
    gapStart = i;
    if (c === 32) i++;
  }
  out.count = count;
  return out;
}

/** Notes that `text[i]` is a character normalise() would change. */
function markUnclean(out: Tokens, i: number): void {
  if (out.clean) out.cleanTo = i;
  out.clean = false;
}


/**
 * A non-ASCII character `c` inside the word starting at `start`: unclean either way (the text is
 * clean only up to the word's start), and part of the word if it is a letter or digit.
 */
function wordAfterAll(out: Tokens, c: number, start: number): boolean {
  if (out.clean) out.cleanTo = start;
  out.clean = false;
  return NON_ASCII_WORD.test(String.fromCharCode(c));
}

function isPossessiveS(text: string, start: number): boolean {
  const c = text.charCodeAt(start);
  const before = start > 0 ? text.charCodeAt(start - 1) : 0;
  return (c === 115 || c === 83) && (before === 39 || before === 0x2019);
}

/** Classifies the characters `text[from, next)` between the previous token, `text[previousStart, previousEnd)`, and the one at `next`. */
function gapFlags(text: string, from: number, next: number, previousStart: number, previousEnd: number): number {
  let flags = 0;
  let sawStop = false;
  let sawSpace = false;
  for (let k = from; k < next; k++) {
    const c = text.charCodeAt(k);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      sawSpace = true;
      if (c === 10 && k + 1 < next && text.charCodeAt(k + 1) === 10) sawStop = true;
    } else if (c === 46 || c === 33 || c === 63) {
      if (c !== 46 || k + 1 >= next || text.charCodeAt(k + 1) !== 46) sawStop ||= c !== 46 || sawSpaceAfter(text, k, next);
    } else if (c === 44) flags |= Flag.Comma;
    else if (c !== 45 && c !== 39) flags |= Flag.Clause;
  }
  if (sawStop && endsSentence(text, next, previousStart, previousEnd)) return flags | Flag.SentenceStart;
  if (!sawSpace && flags === 0 && text.charCodeAt(next - 1) === 45) flags |= Flag.Hyphen;
  return flags;
}

function sawSpaceAfter(text: string, k: number, next: number): boolean {
  return k + 1 < next && isSpaceCode(text.charCodeAt(k + 1));
}

/**
 * Whether `/\s/` matches the UTF-16 code unit `c` (white space and line terminators), by
 * comparison: a regex test per character cost as much as the rest of the reading, here and in
 * the role and name readers, which walk text a character at a time.
 */
export function isSpaceCode(c: number): boolean {
  // Most characters read are ASCII: two tests for them.
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A stop ends a sentence unless it closes a short lowercase abbreviation (e.g., i.e., et al., vs.)
 * or the next word is lowercase. "etc." ends one before a capital ("red teaming, etc. In this
 * study we …"), where a list closes its sentence, but not before a digit or a bracket.
 */
function endsSentence(text: string, next: number, previousStart: number, previousEnd: number): boolean {
  const length = previousEnd - previousStart;
  if (length <= 2 && isLowercase(text, previousStart, previousEnd)) return false;
  const c = text.charCodeAt(next);
  if (length === 3 && text.startsWith('etc', previousStart)) return c >= 65 && c <= 90;
  return !(c >= 97 && c <= 122);
}

/** Whether `text[from, to)` is all ASCII lowercase letters. */
function isLowercase(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c < 97 || c > 122) return false;
  }
  return true;
}
