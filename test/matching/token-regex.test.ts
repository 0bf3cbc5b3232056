/**
 * Regex rules run with bounded work: natively when the backtracking a pattern can do is provably
 * small, otherwise on re2js. Either way a rule means what it means in JavaScript.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backtrackingBound, compileTokenRegex, MAX_NATIVE_PATHS } from '../../src/matching/token-regex.js';
import { enableLinearRegex, re2Engine } from '../../src/taxonomy/linear-regex.js';

describe('backtrackingBound', () => {
  it.each([
    ['[Ll]o[Rr][Aa]', 1],
    ['(?:Q|Ada|Lo)RA[0-9]?', 6],
    ['a{1,3}b', 3],
    ['[A-Z][a-z]+-?[0-9]{1,3}', 64 * 2 * 3],
    ['\\p{Lu}\\p{Ll}+', 64],
    ['(?:ab)+c', 32],
    ['LoRA|DoRA|VeRA', 3],
  ])('%s explores at most %i paths', (source, paths) => {
    expect(backtrackingBound(source)).toBe(paths);
  });

  it.each(['(a?){25}a{25}', '(a+)+$', '(x|x)*y', '(?:a|b)*c', '(a)\\1', '(?=a)a', '(?<!b)a', '\\b*a'])('%s has no proved bound', (source) => {
    expect(backtrackingBound(source)).toBeUndefined();
  });
});

describe('compileTokenRegex', () => {
  it('runs provably bounded patterns on the native engine and the rest on the linear engine', () => {
    enableLinearRegex();
    expect(compileTokenRegex('[Ll]o[Rr][Aa]')).toBeInstanceOf(RegExp);
    expect(compileTokenRegex('(a?){25}a{25}')).not.toBeInstanceOf(RegExp);
    expect(backtrackingBound('[a-z]+[0-9]*')).toBeGreaterThan(MAX_NATIVE_PATHS);
    expect(compileTokenRegex('[a-z]+[0-9]*')).not.toBeInstanceOf(RegExp);
  });

  it('matches whole tokens only, on either engine', () => {
    enableLinearRegex();
    for (const source of ['[Ll]o[Rr][Aa]', '(?:[Ll]o[Rr][Aa])+']) {
      const regex = compileTokenRegex(source);
      expect(['LoRA', 'lora', 'LoRAlora', 'QLoRA', 'LoRA2'].map((w) => regex.test(w))).toEqual([true, true, source.endsWith('+'), false, false]);
    }
  });
});

/** Regexes built from the syntax rules use: literals, classes, escapes, groups, alternation, quantifiers. */
const regexArbitrary: fc.Arbitrary<string> = fc.letrec<{ regex: string; item: string; atom: string }>((tie) => ({
  regex: fc.array(fc.array(tie('item'), { minLength: 1, maxLength: 4 }).map((items) => items.join('')), { minLength: 1, maxLength: 3 }).map((bs) => bs.join('|')),
  item: fc.tuple(tie('atom'), fc.constantFrom('', '', '?', '*', '+', '{2}', '{1,3}', '{0,}', '??', '+?')).map(([a, q]) => a + q),
  atom: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'A', '1', '-', 'é', '😀', '.', '[a-z]', '[^a]', '[A-Z0-9]', '\\d', '\\w', '\\W', '\\p{L}', '\\p{Lu}', '\\P{Ll}', '\\u0061', '\\x41', '\\.', '[\\-a]') },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('(?:', '(', '(?<g>'), tie('regex')).map(([open, inner]) => `${open}${inner})`) },
  ),
}) as never).regex;

const wordArbitrary = fc.array(fc.constantFrom('a', 'b', 'A', '1', '-', 'é', 'É', '😀', 'ß', '_'), { maxLength: 10 }).map((cs) => cs.join(''));

function isValid(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

describe('the linear engine agrees with JavaScript on ordinary regexes (property)', () => {
  it('same verdict for every word, on patterns short enough for the native engine to finish', () => {
    fc.assert(
      fc.property(regexArbitrary, fc.array(wordArbitrary, { minLength: 1, maxLength: 8 }), (source, words) => {
        // Some combinations are not valid JavaScript (a repeated group name): validation refuses those.
        fc.pre(isValid(source));
        const native = new RegExp(`^(?:${source})$`, 'u');
        const linear = re2Engine.compile(source);
        for (const word of words) expect([source, word, linear.test(word)]).toEqual([source, word, native.test(word)]);
      }),
      { numRuns: 400 },
    );
  });
});
