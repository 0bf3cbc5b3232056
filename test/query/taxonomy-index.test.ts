import { describe, expect, it } from 'vitest';
import { defaultTaxonomy, defaultTaxonomyIndex, TaxonomyIndex, UnknownIdError, type MethodId, type Taxonomy, type TaxonomyNode } from '../../src/index.js';
import { tinyTaxonomy } from './fixtures/tiny-taxonomy.js';

const index = defaultTaxonomyIndex();

describe('tree', () => {
  it('lists ancestors nearest first and descendants in taxonomy order', () => {
    expect(index.ancestors('peft.lora')).toEqual(['peft']);
    expect(index.ancestors('peft')).toEqual([]);
    expect(index.descendants('peft')).toEqual(['peft.lora', 'peft.adapter', 'peft.prompt']);
    expect(index.descendants('peft.lora')).toEqual([]);
  });

  it('knows facets, their ids, and which facet an id is in', () => {
    expect(index.facets).toEqual(['method', 'type', 'modality']);
    expect(index.ids('type')).toEqual(['method', 'analysis', 'benchmark', 'survey']);
    expect(index.facetOf('vision-language')).toBe('modality');
    expect(index.label('peft.lora')).toBe(defaultTaxonomy.nodes.find((node) => node.id === 'peft.lora')?.label);
  });

  it('answers ancestry and order questions', () => {
    expect([index.isAncestor('peft', 'peft.prompt'), index.isAncestor('peft.prompt', 'peft'), index.isAncestor('peft', 'peft')]).toEqual([
      true,
      false,
      false,
    ]);
    const ids: MethodId[] = ['robustness', 'peft.lora', 'peft'];
    expect(ids.sort((a, b) => index.compare(a, b))).toEqual(['peft', 'peft.lora', 'robustness']);
  });

  it('is built once per taxonomy object', () => {
    expect(TaxonomyIndex.of(defaultTaxonomy)).toBe(index);
  });

  it('walks a user taxonomy the same way', () => {
    const tiny = TaxonomyIndex.of(tinyTaxonomy);
    expect(tiny.facets).toEqual(['technique', 'domain']);
    expect(tiny.descendants('distillation')).toEqual(['distillation.self']);
  });

  it('does not hang on a hand-built taxonomy whose parents form a cycle', () => {
    const node = (id: string, parent: string): TaxonomyNode => ({ ...tinyTaxonomy.nodes[0]!, id, parent, facet: 'f' });
    const cyclic: Taxonomy = { ...tinyTaxonomy, facets: [{ ...tinyTaxonomy.facets[0]!, id: 'f' }], nodes: [node('a', 'b'), node('b', 'a')] };
    expect(TaxonomyIndex.of(cyclic).ancestors('a')).toEqual(['b']);
  });
});

describe('resolve: exact-ish names to ids', () => {
  it('resolves ids, aliases, labels and rule phrases ignoring case, hyphens and spaces', () => {
    expect(['LoRA', 'qlora', 'Low Rank Adaptation', 'PEFT', 'peft.adapter', 'RLHF', 'Vision-Language', 'model merging'].map((name) => index.resolve(name))).toEqual([
      'peft.lora',
      'peft.lora',
      'peft.lora',
      'peft',
      'peft.adapter',
      'alignment',
      'vision-language',
      'weight-interpolation',
    ]);
  });

  it('returns undefined for names it does not know, however close', () => {
    expect([index.resolve('lroa'), index.resolve(''), index.resolve('quantum chromodynamics')]).toEqual([undefined, undefined, undefined]);
  });

  it('looks in one facet when asked', () => {
    expect(index.resolve('method', 'type')).toBe('method');
    expect(index.resolve('LoRA', 'modality')).toBeUndefined();
  });
});

describe('suggest: did you mean …?', () => {
  it('puts the intended id first for misspellings', () => {
    expect(['lroa', 'peft.lroa', 'vison', 'robustnes', 'survy', 'adaptor'].map((text) => index.suggest(text)[0]?.id)).toEqual([
      'peft.lora',
      'peft.lora',
      'vision',
      'robustness',
      'survey',
      'peft.adapter',
    ]);
  });

  it('returns ranked { id, label, score } with exact names scoring 1', () => {
    const [best, ...rest] = index.suggest('RLHF');
    expect(best).toEqual({ id: 'alignment', label: index.label('alignment'), score: 1 });
    expect(rest.every((s) => s.score < 1)).toBe(true);
  });

  it('limits and restricts to a facet', () => {
    expect(index.suggest('vison', { limit: 1 })).toHaveLength(1);
    expect(index.suggest('vison', { facet: 'method' }).map((s) => s.id)).not.toContain('vision');
  });

  it('suggests nothing for nonsense', () => {
    expect(index.suggest('xyzzy')).toEqual([]);
    expect(index.suggest('   ')).toEqual([]);
  });
});

describe('run-time checks', () => {
  it('requireId returns a known id and throws UnknownIdError with the closest ids otherwise', () => {
    expect(index.requireId('peft.lora', 'method')).toBe('peft.lora');
    expect(() => index.requireId('peft.lroa', 'method')).toThrow("unknown method id 'peft.lroa'; did you mean 'peft.lora'?");
    expect(() => index.requireId('lroa')).toThrow("unknown id 'lroa'; did you mean 'peft.lora'?");
    expect(() => index.requireId(42)).toThrow("unknown id '42'");
  });

  it('requireFacet names the closest facet', () => {
    expect(index.requireFacet('modality')).toBe('modality');
    expect(() => index.requireFacet('modalities')).toThrow("unknown facet 'modalities'; did you mean 'modality'?");
  });

  it('tree methods check their ids too', () => {
    expect(() => index.ancestors('peft.lroa' as 'peft.lora')).toThrow(UnknownIdError);
    expect(() => index.ids('methods' as 'method')).toThrow(UnknownIdError);
  });

  it('has and hasFacet answer without throwing', () => {
    expect([index.has('peft'), index.has('peft', 'modality'), index.has('nope'), index.hasFacet('type'), index.hasFacet('types')]).toEqual([
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});
