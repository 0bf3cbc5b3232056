/**
 * The tokenizer is one hand-tuned loop over char codes. These properties pin it to a reference
 * written the slow, obvious way (regexes over the words and the gaps between them) on random text
 * built from the characters its rules are about, and check that the fast path the classifier takes
 * (stop at the first unclean character, normalise, tokenise the rest) gives what tokenising the
 * normalised text gives, including the word ids a lookup gave as the words were read.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise } from '../../src/text/normalise.js';
import { Flag, isAsciiWordCode, retokenise, Tokens, tokenise, type WordLookup } from '../../src/text/tokenise.js';

interface ReferenceToken {
  start: number;
  end: number;
  flags: number;
  sentence: number;
  hash: number;
  check: number;
}

// Letters and digits of the Basic Multilingual Plane (the generator makes no surrogates), then
// trailing pluses not followed by another word character.
const WORD = /[\p{L}\p{N}]+(?:\+(?![\p{L}\p{N}]))*/gu;

/** What separates two tokens, read off the gap between them. */
function gapFlags(gap: string, previous: string, nextChar: string): number {
  let flags = 0;
  if (gap.includes(',')) flags |= Flag.Comma;
  if (/[^ \t\n\r.!?,\-']/.test(gap)) flags |= Flag.Clause;
  // A stop: a blank line, ! or ?, or a full stop (not one of several) with white space after it.
  const stop = /\n\n|[!?]|\.(?=\s)/.test(gap);
  // ... ends a sentence unless it closes a short lowercase abbreviation ("etc." only before no capital) or the next word is lowercase.
  const abbreviation = /^[a-z]{1,2}$/.test(previous) || (previous === 'etc' && !/[A-Z]/.test(nextChar));
  if (stop && !abbreviation && !/[a-z]/.test(nextChar)) return flags | Flag.SentenceStart;
  if (!/[ \t\n\r]/.test(gap) && flags === 0 && gap.endsWith('-')) flags |= Flag.Hyphen;
  return flags;
}

function hashes(word: string): [number, number] {
  let hash = 0x811c9dc5;
  let check = 0x9e3779b9;
  for (let i = 0; i < word.length; i++) {
    hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
    check = (Math.imul(check, 31) + word.charCodeAt(i)) | 0;
  }
  return [hash, check];
}

function referenceTokens(text: string): ReferenceToken[] {
  const tokens: ReferenceToken[] = [];
  let gapStart = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index;
    const end = start + m[0].length;
    // A possessive s is no token: "model's" is "model".
    if (/^[sS]$/.test(m[0]) && /['\u2019]$/.test(text.slice(0, start))) {
      gapStart = end;
      continue;
    }
    const previous = tokens.at(-1);
    const flags = previous ? gapFlags(text.slice(gapStart, start), text.slice(previous.start, previous.end), text[start]!) : Flag.SentenceStart;
    const sentence = previous ? previous.sentence + (flags & Flag.SentenceStart ? 1 : 0) : 0;
    tokens.push({ start, end, flags, sentence, ...Object.fromEntries(hashes(m[0]).map((h, i) => [i ? 'check' : 'hash', h])) } as ReferenceToken);
    gapStart = end;
  }
  return tokens;
}

/**
 * Where normalise() would first change something: LaTeX and entity characters, control
 * characters, non-ASCII, a hyphen at a line break. A non-ASCII character right after a word makes
 * that whole word unclean.
 */
function referenceCleanTo(text: string): number {
  const m = /[^\t\n\r\x20-\x7e]|[&\\$^{}~]|-[ \t]*[\r\n]/.exec(text);
  if (!m) return text.length;
  if (text.charCodeAt(m.index) < 128) return m.index;
  return m.index - (/[A-Za-z0-9]*$/.exec(text.slice(0, m.index))?.[0].length ?? 0);
}

function actualTokens(tokens: Tokens): ReferenceToken[] {
  return Array.from({ length: tokens.count }, (_, k) => ({
    start: tokens.starts[k]!,
    end: tokens.ends[k]!,
    flags: tokens.flags[k]!,
    sentence: tokens.sentences[k]!,
    hash: tokens.hashes[k]!,
    check: tokens.checks[k]!,
  }));
}

// The characters the tokenizer's rules are about, some ordinary words, and some of what normalise() cleans.
const PIECES = [
  ' ', ' ', ' ', '  ', '\n', '\n\n', '\t', '\r\n', '.', '..', '...', '!', '?', ',', ';', ':', '(', ')', '"', "'", '\u2019', '-', '--', '-\n', '- \n',
  '+', '++', '/', '&', '&amp;', '\\', '\\textbf{', '}', '$', '^', '~', '\u00e9', '\u00fc', '\u03b1', '\u4e2d', '\u2014', '\u00a0', '\ufb01', '\u00ad', '\f',
  'a', 's', 'S', 'e', 'g', 'al', 'vs', 'etc', 'cf', 'i', 'A', 'We', 'LoRA', 'model', 'fine', 'tuning', 'C', '2', '7B', 'x1', 'GPT',
  // Next to the ends of the letter and digit ranges (the inner loop tests them by arithmetic).
  '0', '9', 'z', 'Z', '@', '[', '`', '{', '|', '_', '/', ':', '\u00c0', '\u00e0',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

/**
 * A lookup that numbers surfaces in order of first sight (marks: the id's low 4 bits), and notes
 * hashes unlike the reference's. `find` knows a word by its hashes and length once `add` has seen it.
 */
class SurfaceLookup implements WordLookup {
  readonly ids = new Map<string, number>();
  readonly wrongHashes: string[] = [];
  private readonly byHashes = new Map<string, number>();
  lastMark = 0;

  add(surface: string, hash: number, check: number): number {
    const [expectedHash, expectedCheck] = hashes(surface);
    if (hash !== expectedHash || check !== expectedCheck) this.wrongHashes.push(surface);
    const id = this.ids.get(surface) ?? this.ids.size;
    this.ids.set(surface, id);
    this.byHashes.set(`${expectedHash} ${expectedCheck} ${surface.length}`, id);
    this.lastMark = id % 16;
    return id;
  }

  find(hash: number, check: number, length: number): number {
    const id = this.byHashes.get(`${hash} ${check} ${length}`);
    return id === undefined ? -1 : (id << 4) | id % 16;
  }
}

describe('tokenise (properties)', () => {
  it('reads exactly the ASCII letters and digits as word characters in the inner loop', () => {
    const wrong: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isAsciiWordCode(c) !== /^[A-Za-z0-9]$/.test(String.fromCharCode(c))) wrong.push(c);
    expect(wrong).toEqual([]);
  });

  it('gives the tokens, offsets, separator flags, sentences and hashes of the regex reference', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(actualTokens(tokenise(t))).toEqual(referenceTokens(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('reports the text clean exactly when normalise would leave it alone, and where it stops being clean', () => {
    fc.assert(
      fc.property(text, (t) => {
        const tokens = tokenise(t);
        expect(tokens.cleanTo).toBe(referenceCleanTo(t));
        expect(tokens.clean).toBe(tokens.cleanTo === t.length);
        expect(tokenise(t, new Tokens(), true).cleanTo).toBe(tokens.cleanTo);
        if (tokens.clean) expect(normalise(t).text).toBe(t);
      }),
      { numRuns: 3000 },
    );
  });

  it('stopping at the first unclean character and tokenising the rest of the normalised text gives the tokens of the normalised text', () => {
    // One buffer for every run, as the classifier reuses its buffers.
    const reused = new Tokens();
    fc.assert(
      fc.property(text, (t) => {
        const fast = tokenise(t, reused, true);
        if (!fast.clean) retokenise(normalise(t, fast.cleanTo).text, fast);
        const normalised = normalise(t).text;
        expect(fast.text).toBe(normalised);
        expect(actualTokens(fast)).toEqual(actualTokens(tokenise(normalised)));
      }),
      { numRuns: 3000 },
    );
  });

  it('stopping at the first unclean character keeps exactly the reference tokens that end before it', () => {
    // The stopping pass reads the text as UTF-8 bytes: any non-ASCII character must stop it where it is.
    const reused = new Tokens();
    fc.assert(
      fc.property(text, (t) => {
        const fast = tokenise(t, reused, true);
        expect(fast.cleanTo).toBe(referenceCleanTo(t));
        expect(actualTokens(fast)).toEqual(referenceTokens(t).filter((token) => token.end <= fast.cleanTo));
      }),
      { numRuns: 3000 },
    );
  });

  it('looks every word up as it reads it, with its hashes, and keeps the id and mark it is given, also for the tokens retokenise keeps', () => {
    const lookup = new SurfaceLookup();
    const reused = new Tokens(lookup);
    fc.assert(
      fc.property(text, (t) => {
        const fast = tokenise(t, reused, true);
        if (!fast.clean) retokenise(normalise(t, fast.cleanTo).text, fast);
        const surfaces = Array.from({ length: fast.count }, (_, k) => fast.surface(k));
        expect(Array.from(fast.ids.subarray(0, fast.count))).toEqual(surfaces.map((surface) => lookup.ids.get(surface)));
        expect(Array.from(fast.marks.subarray(0, fast.count))).toEqual(surfaces.map((surface) => lookup.ids.get(surface)! % 16));
        expect(lookup.wrongHashes).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    const long = Array.from({ length: 5000 }, (_, i) => `w${i % 300}`).join(' ');
    const grown = tokenise(long, new Tokens(lookup));
    expect(grown.count).toBe(5000);
    expect(grown.ids[4999]).toBe(lookup.ids.get('w199'));
  });

  it('grows its arrays for long texts and keeps every token', () => {
    const long = Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? `Word${i}.` : `w${i},`)).join(' ');
    expect(actualTokens(tokenise(long))).toEqual(referenceTokens(long));
    expect(actualTokens(tokenise(long, new Tokens(), true))).toEqual(referenceTokens(long));
  });

  it('stops the same way on texts longer than the byte scratch it keeps, and on short texts after them', () => {
    const long = `${'Low-rank adapters, (LoRA+) and C++ models. '.repeat(30_000)}A caf\u00e9 model.`;
    const stopped = tokenise(long, new Tokens(), true);
    expect(stopped.cleanTo).toBe(referenceCleanTo(long));
    expect(actualTokens(stopped)).toEqual(referenceTokens(long).filter((token) => token.end <= stopped.cleanTo));
    expect(actualTokens(tokenise('We tune LoRA.', new Tokens(), true))).toEqual(referenceTokens('We tune LoRA.'));
  });
});
