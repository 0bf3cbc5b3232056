/**
 * `collapseWhitespace`, which every reader applies to ids, titles and abstracts: the text trimmed,
 * with every run of whitespace (any of JavaScript's `\s`, line breaks and no-break spaces
 * included) made one space. It takes a shortcut for text with nothing to collapse; the answer
 * must be the plain one for any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseWhitespace } from '../../src/records/text.js';

const WHITESPACE = [' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff'];
const text = fc.array(fc.oneof(fc.constantFrom(...WHITESPACE, 'LoRA', 'a', '-', 'é', '\u200b'), fc.string({ maxLength: 4 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('collapseWhitespace', () => {
  it('trims and makes every run of whitespace one space', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(collapseWhitespace(value)).toBe(value.trim().replace(/\s+/g, ' '));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps single spaces and other characters as they are', () => {
    expect(collapseWhitespace('  Low-Rank\u00a0Adaptation  of\n\tLLMs\u200b ')).toBe('Low-Rank Adaptation of LLMs\u200b');
    expect(collapseWhitespace('QLoRA: Efficient Finetuning')).toBe('QLoRA: Efficient Finetuning');
  });
});
