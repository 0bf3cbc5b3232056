import { describe, expect, it } from 'vitest';
import { TaxonomyError } from '../../src/errors.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';

/** The rendered issues of a taxonomy that must fail, one string per issue. */
function errorsOf(yaml: string): string[] {
  try {
    parseTaxonomy(yaml, { source: 'my.yaml' });
  } catch (error) {
    if (error instanceof TaxonomyError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the taxonomy to be rejected');
}

const minimal = `
name: demo
facets:
  method:
    label: Method
    nodes:
      - id: peft
        label: PEFT
        phrases: [parameter-efficient fine-tuning]
        children:
          - id: lora
            label: LoRA
            acronyms: [LoRA]
`;

describe('parseTaxonomy', () => {
  it('flattens nested nodes, prefixes child ids and fills defaults', () => {
    const taxonomy = parseTaxonomy(minimal, { source: 'my.yaml' });
    expect(taxonomy.nodes.map((n) => [n.id, n.parent ?? null])).toEqual([
      ['peft', null],
      ['peft.lora', 'peft'],
    ]);
    expect(taxonomy.nodes[1]!.rules).toEqual([{ kind: 'acronym', text: 'LoRA', weight: 1 }]);
    expect(taxonomy.facets[0]).toMatchObject({ id: 'method', multiple: true, threshold: 0.5, cues: true });
  });

  it('names file, line, column and readable path for a wrong type', () => {
    const yaml = minimal.replace('acronyms: [LoRA]', 'acronyms: LoRA');
    expect(errorsOf(yaml)).toEqual(['my.yaml:13:23 method.peft.lora.acronyms: expected array of strings or { text, weight } objects']);
  });

  it('keeps `titleWithoutContext` on a rule, and rejects it without a context to waive', () => {
    const withContext = minimal.replace('acronyms: [LoRA]', 'acronyms: [{ text: LoRA, context: [adapter], titleWithoutContext: true }]');
    expect(parseTaxonomy(withContext, { source: 'my.yaml' }).nodes[1]!.rules).toEqual([{ kind: 'acronym', text: 'LoRA', weight: 1, context: ['adapter'], titleWithoutContext: true }]);
    const without = minimal.replace('acronyms: [LoRA]', 'acronyms: [{ text: LoRA, titleWithoutContext: true }]');
    expect(errorsOf(without)).toEqual(['my.yaml:13:59 method.peft.lora.acronyms[0].titleWithoutContext: `titleWithoutContext` needs a `context` to waive']);
  });

  it('reports unknown keys with a suggestion', () => {
    const yaml = minimal.replace('label: LoRA', 'labl: LoRA');
    expect(errorsOf(yaml)).toEqual(["my.yaml:12:13 method.peft.lora: unknown key 'labl'; did you mean 'label'?"]);
  });

  it('rejects duplicate ids, unknown parents and empty nodes, each located', () => {
    const yaml = `
facets:
  method:
    label: Method
    nodes:
      - id: peft
        label: PEFT
        phrases: [peft]
      - id: peft
        label: Again
        phrases: [again]
      - id: lora
        label: LoRA
        parent: petf
        acronyms: [LoRA]
      - id: empty
        label: Nothing here
`;
    expect(errorsOf(yaml)).toEqual([
      "my.yaml:9:13 method.peft.id: duplicate id 'peft'",
      "my.yaml:14:17 method.lora.parent: unknown parent 'petf' of 'lora'; did you mean 'peft'?",
      "my.yaml:16:9 method.empty: node 'empty' is empty: expected phrases, acronyms, patterns, fuzzy, regex or near rules, or children",
    ]);
  });

  it('keeps a node\'s support (sentences of evidence a tag needs without a title mention) and rejects a fraction', () => {
    const yaml = minimal.replace('label: LoRA', 'label: LoRA\n            support: 2');
    expect(parseTaxonomy(yaml, { source: 'my.yaml' }).nodes[1]!.support).toBe(2);
    expect(errorsOf(yaml.replace('support: 2', 'support: 1.5'))).toEqual(['my.yaml:13:22 method.peft.lora.support: expected a whole number of sentences']);
  });

  it('refuses regex rules the linear-time engine cannot run (a lookahead), located at the rule', () => {
    const yaml = minimal.replace('acronyms: [LoRA]', 'regex: ["(?=Lo)LoRA"]');
    expect(errorsOf(yaml)[0]).toMatch(/^my\.yaml:13:21 method\.peft\.lora\.regex\[0\]: lookarounds are not allowed/);
  });

  it('refuses YAML alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    // 9^6 = 531,441 strings under `f`: the first list past the expansion budget, refused at its line.
    expect(errorsOf(bomb.join('\n'))).toEqual(['my.yaml:6:7 f: refused: expands through aliases to more than 500000 values']);
  });

  it('refuses keys that could reach a prototype', () => {
    const yaml = minimal.replace('label: LoRA', 'label: LoRA\n            __proto__: { polluted: true }');
    expect(errorsOf(yaml)).toEqual(["my.yaml:13:13 method.peft.lora: key '__proto__' is not allowed"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports YAML syntax errors at their position', () => {
    expect(errorsOf('facets:\n  method: [unclosed\n')[0]).toMatch(/^my\.yaml:\d+:\d+: /);
  });

  it('extends the default taxonomy: new child under an existing node, extra phrases on another', () => {
    const taxonomy = parseTaxonomy(
      `
extends: default
facets:
  method:
    label: Method family
    nodes:
      - id: peft.lora
        phrases: [low-rank experts mixture]
      - id: peft.bitfit-like
        label: Bias-only tuning
        parent: peft
        phrases: [bias-only tuning]
`,
      { source: 'ext.yaml' },
    );
    expect(taxonomy.nodes.length).toBe(defaultTaxonomy.nodes.length + 1);
    expect(taxonomy.nodes.find((n) => n.id === 'peft.bitfit-like')).toMatchObject({ parent: 'peft', facet: 'method' });
    expect(taxonomy.nodes.find((n) => n.id === 'peft.lora')!.rules.at(-1)).toEqual({ kind: 'phrase', text: 'low-rank experts mixture', weight: 1 });
  });

  it('throws a TaxonomyError (not a crash) for non-string input and empty documents', () => {
    expect(() => parseTaxonomy(42 as unknown as string)).toThrow(TaxonomyError);
    expect(() => parseTaxonomy('')).toThrow('<input>:1:1: expected a taxonomy, got an empty document');
  });
});
