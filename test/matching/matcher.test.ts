import { describe, expect, it } from 'vitest';
import { Matcher, STARTS_SECONDARY, type PatternMatch, type ScanBuffers } from '../../src/matching/matcher.js';
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

function buffers(): ScanBuffers {
  return { infos: new Int32Array(4), marks: new Uint8Array(4) };
}

/** [owner, matched text] of each match, in the order the matcher reports them. */
function found(matches: PatternMatch[], tokens: Tokens): Array<[number, string]> {
  return matches.map((m) => [m.pattern.owner, tokens.text.slice(tokens.starts[m.first], tokens.ends[m.last])]);
}

describe('Matcher.scanWords', () => {
  const matcher = new Matcher([...phrase('low-rank adaptation', 0), acronym('LoRA', 1), ...phrase('fine-tuning', 2), ...phrase('adapter', 3)]);

  it('finds phrases with inflection and hyphen tolerance, and acronyms by case, in token order', () => {
    const tokens = tokenise('We finetune LoRA and Lora adapters: low rank adaptations beat full fine-tuning.');
    expect(found(matcher.scanWords(tokens, buffers()), tokens)).toEqual([
      [2, 'finetune'],
      [1, 'LoRA'],
      [3, 'adapters'],
      [0, 'low rank adaptations'],
      [2, 'fine-tuning'],
    ]);
  });

  it("matches an acronym's last word exactly or with a plural s, and no other ending", () => {
    const acronyms = new Matcher([acronym('A GEM', 7)]);
    const tokens = tokenise('A GEM, A GEMs, A GEMS, A GEMx, A xGEM, A GE, A GEMss.');
    expect(found(acronyms.scanWords(tokens, buffers()), tokens)).toEqual([
      [7, 'A GEM'],
      [7, 'A GEMs'],
    ]);
  });

  it('finds a pattern that needs one lowercase second word where that word follows, beside patterns that need none', () => {
    const lower = (value: string) => ({ mode: 'lower' as const, value });
    const selection: Pattern = { role: 'exclude', owner: 4, rule: 4, tests: [lower('model'), lower('selection')], allowed: [0, 0] };
    const mixed = new Matcher([selection, acronym('A GEM', 7), ...phrase('model merging', 5)]);
    const tokens = tokenise('Model selection, model Selection and model selections; a model merged, A GEMs. Model-selection.');
    const scanned = buffers();
    expect(found(mixed.scanWords(tokens, scanned), tokens)).toEqual([
      [4, 'Model selection'],
      [4, 'model Selection'],
      [5, 'model merged'],
      [7, 'A GEMs'],
      [4, 'Model-selection'],
    ]);
    expect(mixed.scanWords(tokens, scanned)).toEqual(mixed.scan(tokens, mixed.words(tokens, buffers())));
  });

  it('finds nothing in a text none of whose words starts a pattern', () => {
    const tokens = tokenise('Superconducting qubits at millikelvin temperatures.');
    expect(matcher.scanWords(tokens, buffers())).toEqual([]);
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
      const scanned = buffers();
      const fused = full.scanWords(tokens, scanned);
      expect(fused.length).toBeGreaterThan(0);
      const looked = buffers();
      expect(fused).toEqual(full.scan(tokens, full.words(tokens, looked)));
      const words = (b: ScanBuffers) => Array.from(b.infos.subarray(0, tokens.count), (id) => full.word(id));
      expect(words(scanned).map((info) => info.surface)).toEqual(Array.from({ length: tokens.count }, (_, k) => tokens.surface(k)));
      // Both note, per token, whether a secondary pattern (context word, gate, companion) can start there.
      const secondary = (b: ScanBuffers) => words(b).map((info, k) => [(b.marks[k]! & STARTS_SECONDARY) !== 0, info.secondary !== null]);
      expect(secondary(scanned)).toEqual(secondary(looked));
      expect(secondary(scanned).every(([mark, has]) => mark === has)).toBe(true);
    }
  });
});
