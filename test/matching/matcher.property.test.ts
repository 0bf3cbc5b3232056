/**
 * `scanWords` looks every token up and tries patterns only at the tokens its word marks say can
 * start one (noted without branches). `scan` over the ids `words` looked up tries every token.
 * On random text made of the default taxonomy's own rule words (so starters, second words and
 * multi-word patterns are dense), both must report the same matches, ids and marks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScanBuffers } from '../../src/matching/matcher.js';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';
import { tokenise } from '../../src/text/tokenise.js';

const { matcher, taxonomy, cues } = compileTaxonomy(defaultTaxonomy);

// Whole rule texts and cue phrases (so multi-word patterns occur intact), their words one by
// one, as written, and some words that start nothing.
const phrases = new Set<string>();
for (const node of taxonomy.nodes) for (const rule of node.rules) phrases.add(rule.text);
for (const group of cues) for (const phrase of group.phrases) phrases.add(phrase);
const words = new Set([...phrases].flatMap((phrase) => phrase.split(/[^A-Za-z0-9+]+/).filter(Boolean)));
const PIECES = [...phrases, ...words, 'the', 'a', 'we', 'our', 'this', 'paper', 'The', 'We', 'qubits', 'superconducting', 'xyzzy', '42'];
const SEPARATORS = [' ', ' ', ' ', ' ', ', ', '. ', '-', ' (', ') ', '; '];

const text = fc
  .array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((pairs) => pairs.map(([piece, separator]) => piece + separator).join(''));

function buffers(): ScanBuffers {
  return { infos: new Int32Array(4), marks: new Uint8Array(4) };
}

describe('Matcher.scanWords (properties)', () => {
  it('reports the matches, word ids and marks of looking every word up and trying every token', () => {
    fc.assert(
      fc.property(text, (t) => {
        const tokens = tokenise(t);
        const scanned = buffers();
        const fused = matcher.scanWords(tokens, scanned);
        const looked = buffers();
        const all = matcher.scan(tokens, matcher.words(tokens, looked));
        expect(fused).toEqual(all);
        expect(scanned.infos.subarray(0, tokens.count)).toEqual(looked.infos.subarray(0, tokens.count));
        expect(scanned.marks.subarray(0, tokens.count)).toEqual(looked.marks.subarray(0, tokens.count));
      }),
      { numRuns: 2000 },
    );
  });
});
