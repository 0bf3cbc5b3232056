import { describe, expect, it } from 'vitest';
import { Matcher, type PatternMatch, type TokenInfo } from '../../src/matching/matcher.js';
import { acronymTests, phraseVariants, type Pattern } from '../../src/matching/pattern.js';
import { type Tokens, tokenise } from '../../src/text/tokenise.js';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';

function phrase(text: string, owner: number): Pattern[] {
  return phraseVariants(text).map((tests) => ({ role: 'positive', owner, rule: owner, tests, allowed: tests.map(() => 0) }));
}

function acronym(text: string, owner: number): Pattern {
  return { role: 'positive', owner, rule: owner, ...acronymTests(text) };
}

/** [owner, matched text] of each match, in the order the matcher reports them. */
function found(matches: PatternMatch[], tokens: Tokens): Array<[number, string]> {
  return matches.map((m) => [m.pattern.owner, tokens.text.slice(tokens.starts[m.first], tokens.ends[m.last])]);
}

describe('Matcher.scanWords', () => {
  const matcher = new Matcher([...phrase('low-rank adaptation', 0), acronym('LoRA', 1), ...phrase('fine-tuning', 2), ...phrase('adapter', 3)]);

  it('finds phrases with inflection and hyphen tolerance, and acronyms by case, in token order', () => {
    const tokens = tokenise('We finetune LoRA and Lora adapters: low rank adaptations beat full fine-tuning.');
    expect(found(matcher.scanWords(tokens, []), tokens)).toEqual([
      [2, 'finetune'],
      [1, 'LoRA'],
      [3, 'adapters'],
      [0, 'low rank adaptations'],
      [2, 'fine-tuning'],
    ]);
  });

  it('finds nothing in a text none of whose words starts a pattern', () => {
    const tokens = tokenise('Superconducting qubits at millikelvin temperatures.');
    expect(matcher.scanWords(tokens, [])).toEqual([]);
  });

  it('reports exactly what looking words up and scanning separately reports, on the default taxonomy', () => {
    const { matcher: full } = compileTaxonomy(defaultTaxonomy);
    const texts = [
      'In this paper we propose QLoRA, a parameter-efficient fine-tuning method that outperforms LoRA and full fine-tuning on GLUE.',
      'Unlike adapters, our approach merges task vectors by weight interpolation; we compare against TIES-merging and model soups.',
      'We study catastrophic forgetting in continual learning of large language models with reinforcement learning from human feedback.',
    ];
    for (const text of texts) {
      const tokens = tokenise(text);
      const infos: TokenInfo[] = [];
      const fused = full.scanWords(tokens, infos);
      expect(fused.length).toBeGreaterThan(0);
      expect(fused).toEqual(full.scan(tokens, full.words(tokens, [])));
      expect(infos.map((info) => info.surface)).toEqual(Array.from({ length: tokens.count }, (_, k) => tokens.surface(k)));
    }
  });
});
