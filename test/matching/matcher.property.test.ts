/**
 * The classifier's tokens look every word up as they are read (`Matcher.lookup`), also through a
 * stop at unclean text and `retokenise`, and `scanWords` tries patterns only at the tokens their
 * word marks say can start one (noted without branches). `scan` over the ids `words` looks up
 * afterwards in plain tokens of the normalised text tries every token. On random text made of the
 * default taxonomy's own rule words (so starters, second words and multi-word patterns are
 * dense) and some text to clean, both must report the same matches, ids and marks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';
import { normalise } from '../../src/text/normalise.js';
import { retokenise, Tokens, tokenise } from '../../src/text/tokenise.js';

const { matcher, taxonomy, cues } = compileTaxonomy(defaultTaxonomy);

// Whole rule texts and cue phrases (so multi-word patterns occur intact), their words one by
// one, as written, and some words that start nothing.
const phrases = new Set<string>();
for (const node of taxonomy.nodes) for (const rule of node.rules) phrases.add(rule.text);
for (const group of cues) for (const phrase of group.phrases) phrases.add(phrase);
const words = new Set([...phrases].flatMap((phrase) => phrase.split(/[^A-Za-z0-9+]+/).filter(Boolean)));
const PIECES = [...phrases, ...words, 'the', 'a', 'we', 'our', 'this', 'paper', 'The', 'We', 'qubits', 'superconducting', 'xyzzy', '42', 'na\u00efve', 'fine-\ntuning', '\\emph{LoRA}', 'R&amp;D', '$k$'];
const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '-', ' (', ') ', '; '];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((pairs) => pairs.map(([piece, separator]) => piece + separator).join(''));

describe('Matcher.scanWords (properties)', () => {
  it('reports the matches, word ids and marks of looking every word up afterwards and trying every token', () => {
    // One buffer for every run, as the classifier reuses its buffers.
    const reused = new Tokens(matcher.lookup);
    fc.assert(
      fc.property(text, (t) => {
        const read = tokenise(t, reused, true);
        if (!read.clean) retokenise(normalise(t, read.cleanTo).text, read);
        const fused = matcher.scanWords(read);
        const plain = tokenise(normalise(t).text);
        const all = matcher.scan(plain, matcher.words(plain));
        expect(fused).toEqual(all);
        expect(read.ids.subarray(0, read.count)).toEqual(plain.ids.subarray(0, plain.count));
        expect(read.marks.subarray(0, read.count)).toEqual(plain.marks.subarray(0, plain.count));
      }),
      { numRuns: 2000 },
    );
  });
});
