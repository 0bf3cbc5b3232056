import { describe, expect, it } from 'vitest';
import { CueMatches } from '../../src/matching/cue-matches.js';
import { Mark, Matcher, type PatternMatch } from '../../src/matching/matcher.js';
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

/** [owner, matched text] of each match, in the order the matcher reports them. */
function found(matches: PatternMatch[], tokens: Tokens): Array<[number, string]> {
  return matches.map((m) => [m.pattern.owner, tokens.text.slice(tokens.starts[m.first], tokens.ends[m.last])]);
}

describe('Matcher.scanWords', () => {
  const matcher = new Matcher([...phrase('low-rank adaptation', 0), acronym('LoRA', 1), ...phrase('fine-tuning', 2), ...phrase('adapter', 3)]);

  it('finds phrases with inflection and hyphen tolerance, and acronyms by case, in token order', () => {
    const tokens = tokenise('We finetune LoRA and Lora adapters: low rank adaptations beat full fine-tuning.');
    expect(found(matcher.scanWords(tokens), tokens)).toEqual([
      [2, 'finetune'],
      [1, 'LoRA'],
      [3, 'adapters'],
      [0, 'low rank adaptations'],
      [2, 'fine-tuning'],
    ]);
  });

  it("reads the ids of tokens looked up by its own table, and refuses another matcher's (they hold ids, not hashes)", () => {
    const own = tokenise('We adapt LoRA.', new Tokens(matcher.lookup));
    expect(found(matcher.scanWords(own), own)).toEqual([[1, 'LoRA']]);
    const other = new Matcher(phrase('adapter', 0));
    const foreign = tokenise('We adapt LoRA.', new Tokens(other.lookup));
    expect(() => matcher.scanWords(foreign)).toThrow('tokens were looked up by another matcher');
  });

  it("matches an acronym's last word exactly or with a plural s, and no other ending", () => {
    const acronyms = new Matcher([acronym('A GEM', 7)]);
    const tokens = tokenise('A GEM, A GEMs, A GEMS, A GEMx, A xGEM, A GE, A GEMss.');
    expect(found(acronyms.scanWords(tokens), tokens)).toEqual([
      [7, 'A GEM'],
      [7, 'A GEMs'],
    ]);
  });

  it('finds a pattern that needs one lowercase second word where that word follows, beside patterns that need none', () => {
    const lower = (value: string) => ({ mode: 'lower' as const, value });
    const selection: Pattern = { role: 'exclude', owner: 4, rule: 4, tests: [lower('model'), lower('selection')], allowed: [0, 0] };
    const mixed = new Matcher([selection, acronym('A GEM', 7), ...phrase('model merging', 5)]);
    const tokens = tokenise('Model selection, model Selection and model selections; a model merged, A GEMs. Model-selection.');
    expect(found(mixed.scanWords(tokens), tokens)).toEqual([
      [4, 'Model selection'],
      [4, 'model Selection'],
      [5, 'model merged'],
      [7, 'A GEMs'],
      [4, 'Model-selection'],
    ]);
    expect(mixed.scanWords(tokens)).toEqual(mixed.scan(tokens, mixed.words(tokens)));
  });

  it('finds a pattern whose second word is a prefix or an exact spelling only before a word that starts like it', () => {
    const network: Pattern = { role: 'exclude', owner: 4, rule: 4, tests: [{ mode: 'lower', value: 'network' }, { mode: 'prefix', value: 'adapter' }], allowed: [0, 0] };
    const leads = new Matcher([network, acronym('LLM Adapters', 7)]);
    const tokens = tokenise('Network adapters, network Adapter-based, network layers, LLM Adapters, LLM adapters, LLM Xdapters.', new Tokens(leads.lookup));
    expect(found(leads.scanWords(tokens), tokens)).toEqual([
      [4, 'Network adapters'],
      [4, 'network Adapter'],
      [7, 'LLM Adapters'],
    ]);
    expect(leads.scanWords(tokens)).toEqual(leads.scan(tokens, leads.words(tokens)));
  });

  it('tries a word that starts patterns by their second word only before one of those words, also when another second word shares its bit', () => {
    // Second words w0..w39 take ids 0..39 in order: in a word's 32-bit filter w1 and w33 share a bit, as do w34 and w2; w3's is unset.
    const fillers = Array.from({ length: 40 }, (_, i) => phrase(`s${i} w${i}`, 9)).flat();
    const byNext = new Matcher([...fillers, ...phrase('alpha w1', 1), ...phrase('alpha w34', 2)]);
    const tokens = tokenise('alpha w1, alpha w33, alpha w2, alpha w3, alpha w34, s33 w33.');
    expect(found(byNext.scanWords(tokens), tokens)).toEqual([
      [1, 'alpha w1'],
      [2, 'alpha w34'],
      [9, 's33 w33'],
    ]);
    expect(byNext.scanWords(tokens)).toEqual(byNext.scan(tokens, byNext.words(tokens)));
  });

  it('given rows for cues, puts cue matches there as group and tokens, in token order, and reports the other matches as without them', () => {
    const cue = (text: string, group: number): Pattern[] => phrase(text, group).map((pattern) => ({ ...pattern, role: 'cue' }));
    const withCues = new Matcher([...cue('we propose', 5), ...phrase('adapter', 3), ...cue('novel', 6), acronym('LoRA', 1)]);
    const tokens = tokenise('We propose novel adapters; we propose LoRA.', new Tokens(withCues.lookup));
    const all = withCues.scanWords(tokens);
    const rows = new CueMatches();
    rows.push(9, 9, 9);
    const apart = withCues.scanWords(tokens, rows);
    expect(found(apart, tokens)).toEqual([
      [3, 'adapters'],
      [1, 'LoRA'],
    ]);
    expect(apart).toEqual(all.filter((m) => m.pattern.role !== 'cue'));
    // The rows are emptied first: the one pushed before the scan is gone.
    const cues = Array.from({ length: rows.count }, (_, i) => [rows.groups[i], rows.firsts[i], rows.lasts[i]]);
    expect(cues).toEqual([
      [5, 0, 1],
      [6, 2, 2],
      [5, 4, 5],
    ]);
    expect(withCues.scan(tokens, withCues.words(tokens), 0, tokens.count, rows)).toEqual(apart);
    expect(rows.count).toBe(3);
  });

  it('looks for context words and gates apart from companions: each search visits only its own patterns', () => {
    const secondaryPattern = (text: string, role: Pattern['role'], owner: number): Pattern[] => phrase(text, owner).map((pattern) => ({ ...pattern, role }));
    const split = new Matcher([...secondaryPattern('data', 'context', 1), ...secondaryPattern('data', 'companion', 2), ...secondaryPattern('data set', 'gate', 3), ...secondaryPattern('model', 'companion', 4)]);
    const tokens = tokenise('Data sets and a model.', new Tokens(split.lookup));
    const at = (each: typeof split.eachContextAt, k: number) => {
      const seen: Array<[string, number, number]> = [];
      each.call(split, tokens, tokens.ids, k, (m) => (seen.push([m.pattern.role, m.pattern.owner, m.last]), false));
      return seen;
    };
    expect(at(split.eachContextAt, 0)).toEqual([
      ['context', 1, 0],
      ['gate', 3, 1],
    ]);
    expect(at(split.eachCompanionAt, 0)).toEqual([['companion', 2, 0]]);
    expect([at(split.eachContextAt, 4), at(split.eachCompanionAt, 4)]).toEqual([[], [['companion', 4, 4]]]);
    const marked = Array.from({ length: tokens.count }, (_, k) => [(tokens.marks[k]! & Mark.StartsContext) !== 0, split.startsCompanion(tokens.ids[k]!)]);
    expect(marked).toEqual([
      [true, true],
      [false, false],
      [false, false],
      [false, false],
      [false, true],
    ]);
  });

  it('finds nothing in a text none of whose words starts a pattern', () => {
    const tokens = tokenise('Superconducting qubits at millikelvin temperatures.');
    expect(matcher.scanWords(tokens)).toEqual([]);
  });

  it('reports with words looked up as they are read exactly what looking them up afterwards and trying every token reports, on the default taxonomy', () => {
    const { matcher: full } = compileTaxonomy(defaultTaxonomy);
    const texts = [
      'In this paper we propose QLoRA, a parameter-efficient fine-tuning method that outperforms LoRA and full fine-tuning on GLUE.',
      'Unlike adapters, our approach merges task vectors by weight interpolation; we compare against TIES-merging and model soups.',
      'We study catastrophic forgetting in continual learning of large language models with reinforcement learning from human feedback.',
    ];
    for (const text of texts) {
      const read = tokenise(text, new Tokens(full.lookup));
      const fused = full.scanWords(read);
      expect(fused.length).toBeGreaterThan(0);
      const plain = tokenise(text);
      expect(fused).toEqual(full.scan(plain, full.words(plain)));
      const words = (t: Tokens) => Array.from(t.ids.subarray(0, t.count), (id) => full.word(id));
      expect(words(read).map((info) => info.surface)).toEqual(Array.from({ length: read.count }, (_, k) => read.surface(k)));
      // Both note, per token, whether a context word or gate can start there (in its mark), and whether a companion can (a word fact).
      const secondary = (t: Tokens) =>
        words(t).map((info, k) => [(t.marks[k]! & Mark.StartsContext) !== 0, info.contexts !== null, full.startsCompanion(t.ids[k]!), info.companions !== null]);
      expect(secondary(read)).toEqual(secondary(plain));
      expect(secondary(read).every(([mark, contexts, fact, companions]) => mark === contexts && fact === companions)).toBe(true);
      expect(secondary(read).some(([, contexts]) => contexts)).toBe(true);
      expect(secondary(read).some(([, , , companions]) => companions)).toBe(true);
    }
  });
});
