import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalise, originalSpan } from '../../src/text/normalise.js';
import { retokenise, Tokens, tokenise } from '../../src/text/tokenise.js';

/** The words a reader sees, each with the original text its offsets point at. */
function words(original: string): Array<[string, string]> {
  const normalised = normalise(original);
  const tokens = tokenise(normalised.text);
  const out: Array<[string, string]> = [];
  for (let k = 0; k < tokens.count; k++) {
    const [start, end] = originalSpan(normalised, tokens.starts[k]!, tokens.ends[k]!);
    out.push([tokens.surface(k), original.slice(start, end)]);
  }
  return out;
}

describe('normalise', () => {
  it('leaves clean ASCII prose untouched and allocates no offset map', () => {
    const result = normalise('We fine-tune LoRA adapters on GLUE.');
    expect(result).toEqual({ text: 'We fine-tune LoRA adapters on GLUE.', pieces: null });
  });

  it('expands PDF ligatures and keeps offsets on the ligature', () => {
    expect(words('ﬁne-tuning')).toEqual([
      ['fine', 'ﬁne'],
      ['tuning', 'tuning'],
    ]);
  });

  it('joins words hyphenated across a line break', () => {
    expect(normalise('low-rank adap-\ntation').text).toBe('low-rank adaptation');
    expect(words('fine-\ntuning')).toEqual([['finetuning', 'fine-\ntuning']]);
  });

  it('drops soft hyphens and zero-width characters', () => {
    expect(normalise('fine\u00ADtuning with Lo\u200BRA').text).toBe('finetuning with LoRA');
    expect(words('Lo\u200BRA')).toEqual([['LoRA', 'Lo\u200BRA']]);
  });

  it('turns Unicode dashes and quotes into ASCII', () => {
    expect(normalise('fine\u2010tuning \u201Csoft prompts\u201D \u2014 the model\u2019s').text).toBe(
      'fine-tuning "soft prompts" - the model\'s',
    );
  });

  it('decodes HTML entities, named and numeric', () => {
    expect(normalise('LoRA &amp; QLoRA &#8211; adapters&#x2019;').text).toBe("LoRA & QLoRA - adapters'");
    expect(words('x &amp; y')).toEqual([
      ['x', 'x'],
      ['y', 'y'],
    ]);
  });

  it('reads LaTeX markup as plain words', () => {
    expect(normalise('S^{2}FT with \\textbf{LoRA} and $\\alpha$ at 90\\% of \\emph{cost}').text).toBe('S2FT with LoRA and alpha at 90% of cost');
    expect(words('\\textbf{LoRA}')).toEqual([['LoRA', 'LoRA']]);
    expect(words('S^{2}FT')).toEqual([['S2FT', 'S^{2}FT']]);
  });

  it('removes accents from LaTeX and Unicode letters', () => {
    expect(normalise("na\\\"ive Schr\\\"{o}dinger caf\u00E9 re\u0301sume\u0301").text).toBe('naive Schrodinger cafe resume');
  });

  it('applies NFKC to full-width and superscript characters', () => {
    expect(normalise('ＬｏＲＡ x²').text).toBe('LoRA x2');
  });

  it('maps every token back to a non-empty span of the original, in order (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (original) => {
        const normalised = normalise(original);
        const tokens = tokenise(normalised.text);
        let previous: [number, number] = [0, 0];
        for (let k = 0; k < tokens.count; k++) {
          const [start, end] = originalSpan(normalised, tokens.starts[k]!, tokens.ends[k]!);
          // One original character may expand into several words ("㏘" is "p.m."), so spans may share it.
          expect(start).toBeGreaterThanOrEqual(previous[0]);
          expect(end).toBeGreaterThanOrEqual(previous[1]);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(original.length);
          previous = [start, end];
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('never outputs invisible characters, combining marks, ligatures or Unicode dashes (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (original) => {
        expect(normalise(original).text).not.toMatch(/[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF\u2010-\u2015\uFB00-\uFB06]|\p{M}/u);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the piece map of LaTeX markup', () => {
  /** Pieces as [start in the cleaned text, original from, original to, copied]. */
  function pieces(original: string): number[][] {
    const p = normalise(original).pieces!;
    return Array.from({ length: p.length / 4 }, (_, k) => Array.from(p.subarray(k * 4, k * 4 + 4)));
  }

  it('copies the prose between constructs verbatim and maps each kept command name to its whole command', () => {
    const original = 'Use $\\alpha$ with \\textbf{LoRA} \\& QLoRA.';
    expect(normalise(original).text).toBe('Use alpha with LoRA & QLoRA.');
    expect(pieces(original)).toEqual([
      [0, 0, 4, 1],
      [4, 5, 11, 0],
      [9, 12, 18, 1],
      [15, 26, 30, 1],
      [19, 31, 32, 1],
      [20, 32, 34, 0],
      [21, 34, 41, 1],
    ]);
  });

  it('keeps a hyphen inside a line in the copied stretch around it', () => {
    expect(pieces('$x$ fine-tuning')).toEqual([[0, 1, 2, 1], [1, 3, 15, 1]]);
  });

  it('keeps the words after the last construct when the text ends with a hyphen', () => {
    expect(normalise('We use $\\alpha$ in fine-tuning-').text).toBe('We use alpha in fine-tuning-');
    expect(normalise('$x foo-').text).toBe('x foo-');
    expect(words('$x$ and LoRA-')).toEqual([['x', 'x'], ['and', 'and'], ['LoRA', 'LoRA']]);
  });

  it('tiles the cleaned text with pieces whose copies equal their original spans, in order (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('$', '\\textbf{', '\\alpha', '\\&', '\\%', "\\'e", '\\c{c}', '\\', '{', '}', '^', '~', '&amp;', '&', '-', '-\n', 'é', 'ﬁ', ' ', '. '),
      fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const original = parts.join('');
        const { text, pieces: p } = normalise(original);
        if (!p) {
          expect(text).toBe(original);
          return;
        }
        // Every cleaned character lies in a piece, the first at 0 (nothing left: no piece at all).
        if (p.length === 0) expect(text).toBe('');
        else expect(p[0]).toBe(0);
        let end = 0;
        for (let k = 0; k < p.length; k += 4) {
          const next = k + 4 < p.length ? p[k + 4]! : text.length;
          expect(next).toBeGreaterThan(p[k]!);
          expect(p[k + 1]).toBeGreaterThanOrEqual(end);
          expect(p[k + 2]).toBeGreaterThan(p[k + 1]!);
          if (p[k + 3]) expect(text.slice(p[k], next)).toBe(original.slice(p[k + 1], p[k + 2]));
          end = p[k + 2]!;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleaning only from where the text stops being clean', () => {
  /** Every token's place, flags, sentence, hashes and original span. */
  function read(tokens: Tokens, normalised: ReturnType<typeof normalise>): string[] {
    return Array.from({ length: tokens.count }, (_, k) =>
      [tokens.surface(k), tokens.flags[k], tokens.sentences[k], tokens.hashes[k], tokens.checks[k], ...originalSpan(normalised, tokens.starts[k]!, tokens.ends[k]!)].join(' '),
    );
  }

  /** What the classifier does: tokenise until unclean, normalise from there, read again from there. */
  function inTwoSteps(original: string): { text: string; tokens: string[] } {
    const tokens = tokenise(original, new Tokens(), true);
    if (tokens.clean) return { text: original, tokens: read(tokens, { text: original, pieces: null }) };
    const normalised = normalise(original, tokens.cleanTo);
    return { text: normalised.text, tokens: read(retokenise(normalised.text, tokens), normalised) };
  }

  function inOneGo(original: string): { text: string; tokens: string[] } {
    const normalised = normalise(original);
    return { text: normalised.text, tokens: read(tokenise(normalised.text), normalised) };
  }

  it('gives the text, tokens and offsets that normalising the whole text and tokenising it give', () => {
    for (const original of [
      'We fine-tune LoRA+ with $\\alpha$ and C++$x$ on the model\'s 2.7B weights.',
      'Parameter-efficient fine-\ntuning of Schrödinger-type models: R&D and &amp; entities.',
      'The ﬁrst \\textbf{adapter} layer, e.g. $W_0$. We propose QLoRA vs. DoRA.',
      'foo-bär', 'x&y', 'LoRA+$', 'e.g. $x$ We',
    ]) {
      expect(inTwoSteps(original)).toEqual(inOneGo(original));
    }
  });

  it('gives the same result as in one go on any text with LaTeX, entities, hyphens and non-ASCII letters mixed in (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('$', '\\textbf{', '}', '&amp;', '&', '-\n', '- \n', 'é', '²', '~', '^', "'s", '+', '++', ' ', '.', '. ', 'ﬁ', '\u2013', '\u00ad', '&#x41;', '\\', '-', ', ', 'e.g.'),
      fc.stringMatching(/^[A-Za-z][a-z]{0,8}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const original = pieces.join('');
        expect(inTwoSteps(original)).toEqual(inOneGo(original));
      }),
      { numRuns: 3000 },
    );
  });
});
