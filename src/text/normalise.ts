/**
 * Cleans scraped text (PDF ligatures, soft hyphens, line-break hyphenation, HTML entities, LaTeX
 * markup, Unicode dashes and quotes) into something the tokenizer can match, while remembering
 * where every cleaned character came from, so evidence offsets point into the ORIGINAL text.
 */

/** Cleaned text plus, when it differs from the input, where each piece of it came from. */
export interface NormalisedText {
  text: string;
  /**
   * The cleaned text as pieces, four ints each: its start in `text`, the original span
   * `[from, to)` and 1 when the piece is a verbatim copy of that span (each character maps to its
   * own original character) or 0 when it replaces it (every character maps to the whole span).
   * One entry per piece, not per character: cleaning a long abstract with a few LaTeX commands
   * writes a few dozen ints. Null when the text is unchanged.
   */
  pieces: Int32Array | null;
}

// Clean ASCII prose (most abstracts) skips the slow path entirely.
const NEEDS_WORK = /[^\t\n\r\x20-\x7e]|&#?[a-zA-Z0-9]+;|[\\$^{}~]|-[ \t]*\r?\n/g;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '-', mdash: '-', minus: '-',
  hellip: '...', lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"', shy: '', zwj: '', zwnj: '',
  times: 'x', alpha: 'alpha', beta: 'beta', gamma: 'gamma', delta: 'delta', lambda: 'lambda', mu: 'mu',
};

// Commands whose argument is ordinary text: `\textbf{LoRA}` reads as `LoRA`.
const TEXT_COMMANDS = new Set([
  'textbf', 'textit', 'emph', 'text', 'textrm', 'textsf', 'texttt', 'textsc', 'textnormal', 'mathrm', 'mathbf',
  'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathbb', 'boldsymbol', 'bm', 'mbox', 'hbox', 'underline', 'operatorname',
  'url', 'href', 'cite', 'citep', 'citet', 'ref',
]);

const SYMBOL_ACCENTS = new Set(["'", '"', '^', '`', '~', '=', '.']);
const ESCAPED = new Set(['&', '%', '_', '#', '$']);
const LETTER_ACCENTS = new Set(['c', 'v', 'u', 'H', 'k', 'r']);
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/;
const SINGLE_QUOTES = /[\u2018-\u201B\u2032\u00B4]/;
const DOUBLE_QUOTES = /[\u201C-\u201F\u2033\u00AB\u00BB]/;
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/;

// The pieces under construction, shared by every Builder (normalise does not nest while it
// builds): allocating a typed array per call cost as much as a tenth of normalising an abstract.
let scratch = new Int32Array(256);

class Builder {
  readonly parts: string[] = [];
  pieces = scratch;
  /** Ints used in `pieces`. */
  used = 0;
  length = 0;

  emit(text: string, from: number, to = from + 1): void {
    this.piece(text, from, to, 0);
  }

  /** Copies `original[from, to)` unchanged: the bulk of any text. */
  copy(original: string, from: number, to: number): void {
    if (to > from) this.piece(original.slice(from, to), from, to, 1);
  }

  private piece(text: string, from: number, to: number, copied: number): void {
    // An empty piece covers no character: nothing can map to it.
    if (text.length === 0) return;
    this.parts.push(text);
    if (this.used + 4 > this.pieces.length) {
      const bigger = new Int32Array(this.pieces.length * 2);
      bigger.set(this.pieces);
      this.pieces = scratch = bigger;
    }
    const p = this.pieces;
    p[this.used] = this.length;
    p[this.used + 1] = from;
    p[this.used + 2] = to;
    p[this.used + 3] = copied;
    this.used += 4;
    this.length += text.length;
  }

  finish(): NormalisedText {
    // A huge text's buffer is not kept: it would hold megabytes for the rest of the process.
    if (this.pieces.length > 1 << 14) scratch = new Int32Array(256);
    return { text: this.parts.join(''), pieces: this.pieces.slice(0, this.used) };
  }
}

// Characters the slow path must look at (1); everything between them is copied in one go. A table
// lookup per char code, not a regex exec per special character: LaTeX abstracts hold a special
// character every few dozen characters, and the exec's fixed cost dominated.
const SPECIAL = new Uint8Array(128);
for (let c = 0; c < 32; c++) if (c !== 9 && c !== 10 && c !== 13) SPECIAL[c] = 1;
for (const ch of '$&-\\^{}~\x7f') SPECIAL[ch.charCodeAt(0)] = 1;

/** Index of the first character at or after `from` the slow path must look at, or `s.length`. */
function nextSpecial(s: string, from: number): number {
  const n = s.length;
  let k = from;
  for (; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c >= 128 || SPECIAL[c] === 1) break;
  }
  return k;
}

/**
 * Normalises `original`; returns it untouched (pieces null) when there is nothing to clean.
 * `cleanTo`: the caller knows the characters before this offset need no cleaning (the
 * tokenizer stopped there), so they are copied without being looked at.
 */
export function normalise(original: string, cleanTo = 0): NormalisedText {
  NEEDS_WORK.lastIndex = cleanTo;
  if (!NEEDS_WORK.test(original)) return { text: original, pieces: null };
  const out = new Builder();
  const n = original.length;
  // Start of the text not yet copied, and where to look for the next special character.
  let copied = 0;
  let i = cleanTo;
  while (i < n) {
    const next = nextSpecial(original, i);
    if (next === n) break;
    const code = original.charCodeAt(next);
    // A hyphen inside a line ("fine-tuning") stays as it is: it need not end the copied stretch.
    if (code === 45 && !beforeLineBreak(original, next + 1)) {
      i = next + 1;
      continue;
    }
    out.copy(original, copied, next);
    // Math delimiters, braces and superscript marks are dropped: the commonest LaTeX, handled here.
    copied = i = code === 36 || code === 123 || code === 125 || code === 94 ? next + 1 : step(original, next, out);
  }
  out.copy(original, copied, n);
  return out.finish();
}

/** Whether only spaces and tabs lie between `from` and a line break (a hyphen there is hyphenation). */
export function beforeLineBreak(s: string, from: number): boolean {
  let k = from;
  while (k < s.length && (s.charCodeAt(k) === 32 || s.charCodeAt(k) === 9)) k++;
  const c = s.charCodeAt(k);
  return c === 10 || c === 13;
}

/** Handles the construct starting at `i`; returns the index after it. */
function step(s: string, i: number, out: Builder): number {
  const ch = s[i]!;
  if (ch === '&') return entity(s, i, out);
  if (ch === '\\') return latexCommand(s, i, out);
  if (ch === '$' || ch === '{' || ch === '}' || ch === '^') return i + 1;
  if (ch === '~') return out.emit(' ', i), i + 1;
  if (ch === '-') return hyphen(s, i, out);
  const code = ch.charCodeAt(0);
  if (code < 0x80) {
    out.emit(code < 0x20 ? ' ' : ch, i);
    return i + 1;
  }
  return unicode(s, i, out);
}

function entity(s: string, i: number, out: Builder): number {
  const m = /^&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/.exec(s.slice(i, i + 12));
  if (!m) return out.emit('&', i), i + 1;
  const name = m[1]!;
  let value: string | undefined;
  if (name.startsWith('#')) {
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    value = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  } else value = ENTITIES[name.toLowerCase()];
  if (value === undefined) return out.emit('&', i), i + 1;
  // The decoded character may itself need cleaning (an encoded soft hyphen or ligature).
  const cleaned = value.length === 1 && value.charCodeAt(0) >= 0x80 ? fold(value) : value;
  out.emit(cleaned, i, i + m[0].length);
  return i + m[0].length;
}

function latexCommand(s: string, i: number, out: Builder): number {
  const next = s[i + 1];
  if (next === undefined) return i + 1;
  if (ESCAPED.has(next)) return out.emit(next, i, i + 2), i + 2;
  // An accent (\'e, \"{u}, \c{c}): drop the accent, keep the letter that follows.
  if (SYMBOL_ACCENTS.has(next)) return i + 2;
  if (LETTER_ACCENTS.has(next) && (s[i + 2] === '{' || s[i + 2] === ' ')) return i + 2;
  // The command's name: up to 39 ASCII letters, read by char code (no slice, no regex).
  const limit = Math.min(s.length, i + 40);
  let after = i + 1;
  while (after < limit && isAsciiLetter(s.charCodeAt(after))) after++;
  if (after === i + 1) return out.emit(' ', i), i + 2;
  const name = s.substring(i + 1, after);
  if (TEXT_COMMANDS.has(name)) return after;
  // Any other command (\alpha, \method): keep its name as a word.
  out.emit(name, i, after);
  return after;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function hyphen(s: string, i: number, out: Builder): number {
  const m = /^-[ \t]*\r?\n[ \t]*(?=\p{Ll})/u.exec(s.slice(i, i + 40));
  // A hyphen at a line break before a lowercase letter is hyphenation: "adap-\ntation" is one word.
  if (m) return i + m[0].length;
  out.emit('-', i);
  return i + 1;
}

function unicode(s: string, i: number, out: Builder): number {
  const cp = s.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  const end = i + ch.length;
  const folded = fold(ch);
  if (folded) out.emit(folded, i, end);
  return end;
}

/** What one non-ASCII character cleans to. */
function fold(ch: string): string {
  // Fold compatibility forms first (ﬁ → fi, ＬｏＲＡ → LoRA, ︱ → —), then map what they became.
  let folded = '';
  for (const part of ch.normalize('NFKC')) folded += asciiPunctuation(part);
  return folded.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC');
}

/** Dashes, quotes and spaces to ASCII; invisible characters to nothing; the rest unchanged. */
function asciiPunctuation(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (DASHES.test(ch)) return '-';
  if (SINGLE_QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (/\s/u.test(ch)) return ' ';
  return ch;
}

/** Maps a normalised `[start, end)` span to the original span holding the same characters. */
export function originalSpan(normalised: NormalisedText, start: number, end: number): [number, number] {
  const pieces = normalised.pieces;
  if (!pieces) return [start, end];
  const first = pieceAt(pieces, start);
  const last = pieceAt(pieces, end - 1);
  const from = pieces[first + 3] ? pieces[first + 1]! + start - pieces[first]! : pieces[first + 1]!;
  const to = pieces[last + 3] ? pieces[last + 1]! + end - pieces[last]! : pieces[last + 2]!;
  return [from, to];
}

/** Index in `pieces` of the piece holding cleaned character `at`: the last piece starting at or before it. */
function pieceAt(pieces: Int32Array, at: number): number {
  let low = 0;
  let high = pieces.length / 4 - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (pieces[middle * 4]! <= at) low = middle;
    else high = middle - 1;
  }
  return low * 4;
}
