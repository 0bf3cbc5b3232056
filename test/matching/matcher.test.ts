import { describe, expect, it } from 'vitest';
import { Matcher, STARTS_SECONDARY, type PatternMatch } from '../../src/matching/matcher.js';
import { acronymTests, phraseVariants, type Pattern } from '../../src/matching/pattern.js';
import { Tokens, tokenise } from '../../src/text/tokenise.js';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';

function phrase(text: string, owner: number): Pattern[] {
  return phraseVariants(text).map((tests) => ({ role: 'positive', owner, rule: owner, tests, allowed: tests.map(() => 0) }));
}

function acronym(text: string, owner: number): Pattern {
  return { role: 'positive', owner, rule: owner, ...acronymTests(text) };
}

/** `text`'s tokens, each word looked up by `matcher` as it is found. */
function lookedUp(matcher: Matcher, text: string): Tokens {
  return tokenise(text, new Tokens(), false, matcher.lookup);
}

/** [owner, matched text] of each match, in the order the matcher reports them. */
function found(matches: PatternMatch[], tokens: Tokens): Array<[number, string]> {
  return matches.map((m) => [m.pattern.owner, tokens.text.slice(tokens.starts[m.first], tokens.ends[m.last])]);
}

describe('Matcher.scanWords', () => {
  const matcher = new Matcher([...phrase('low-rank adaptation', 0), acronym('LoRA', 1), ...phrase('fine-tuning', 2), ...phrase('adapter', 3)]);

  it('finds phrases with inflection and hyphen tolerance, and acronyms by case, in token order', () => {
    const tokens = lookedUp(matcher, 'We finetune LoRA and Lora adapters: low rank adaptations beat full fine-tuning.');
    expect(found(matcher.scanWords(tokens), tokens)).toEqual([
      [2, 'finetune'],
      [1, 'LoRA'],
      [3, 'adapters'],
      [0, 'low rank adaptations'],
      [2, 'fine-tuning'],
    ]);
  });

  it('finds nothing in a text none of whose words starts a pattern', () => {
    const tokens = lookedUp(matcher, 'Superconducting qubits at millikelvin temperatures.');
    expect(matcher.scanWords(tokens)).toEqual([]);
  });

  it('refuses tokens its own word cache did not look up (their word ids would mean nothing)', () => {
    expect(() => matcher.scanWords(tokenise('LoRA adapters'))).toThrow(/looked up with this matcher/);
    expect(() => matcher.scanWords(lookedUp(new Matcher(phrase('adapter', 0)), 'LoRA adapters'))).toThrow(/looked up with this matcher/);
  });

  it('reports exactly what the pattern-by-pattern scan reports, on the default taxonomy', () => {
    const { matcher: full } = compileTaxonomy(defaultTaxonomy);
    const texts = [
      'In this paper we propose QLoRA, a parameter-efficient fine-tuning method that outperforms LoRA and full fine-tuning on GLUE.',
      'Unlike adapters, our approach merges task vectors by weight interpolation; we compare against TIES-merging and model soups.',
      'We study catastrophic forgetting in continual learning of large language models with reinforcement learning from human feedback.',
    ];
    for (const text of texts) {
      const tokens = lookedUp(full, text);
      const fast = full.scanWords(tokens);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(full.scan(tokens, tokens.words));
      const words = Array.from(tokens.words.subarray(0, tokens.count), (id) => full.word(id));
      expect(words.map((info) => info.surface)).toEqual(Array.from({ length: tokens.count }, (_, k) => tokens.surface(k)));
      // The marks say, per token, whether a secondary pattern (context word, gate, companion) can start there.
      expect(words.map((_, k) => (tokens.marks[k]! & STARTS_SECONDARY) !== 0)).toEqual(words.map((info) => info.secondary !== null));
    }
  });
});
