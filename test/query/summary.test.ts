import { describe, expect, it } from 'vitest';
import { Corpus, defaultTaxonomy, UnknownIdError, type MethodId } from '../../src/index.js';
import { handTagged, ids, tag } from './helpers.js';

const corpus = handTagged();

describe('count', () => {
  it('counts records per id, parents including their subfamilies, most first, ties in taxonomy order', () => {
    expect([...corpus.count('method')]).toEqual([
      ['peft', 5],
      ['peft.lora', 4],
      ['peft.adapter', 1],
      ['peft.prompt', 1],
      ['weight-interpolation', 1],
      ['data-selection', 1],
      ['robustness', 1],
      ['alignment', 1],
    ]);
  });

  it('leaves out ids without records', () => {
    expect([...corpus.count('type')]).toEqual([
      ['method', 6],
      ['survey', 2],
      ['analysis', 1],
    ]);
  });

  it('counts a filtered corpus', () => {
    expect([...corpus.where({ type: 'survey' }).count('modality')]).toEqual([
      ['language', 2],
      ['vision-language', 1],
    ]);
  });

  it('refuses an unknown facet', () => {
    expect(() => corpus.count('methods' as 'method')).toThrow("unknown facet 'methods'; did you mean 'method'?");
  });
});

describe('groupBy', () => {
  it('groups records per id, in count order, a record in every group it belongs to', () => {
    const groups = corpus.groupBy('type');
    expect([...groups.keys()]).toEqual(['method', 'survey', 'analysis']);
    expect(ids(groups.get('survey') ?? [])).toEqual(['data-survey', 'merging-survey']);
    expect(ids(corpus.groupBy('method').get('peft') ?? [])).toEqual(['lora-vit', 'qlora', 'robust-clip', 'vpt', 'adapters-vs-lora']);
  });

  it('returns corpora that can be queried further', () => {
    const languagePeft = corpus.groupBy('modality').get('language')?.where({ method: 'peft' });
    expect(ids(languagePeft ?? [])).toEqual(['qlora', 'adapters-vs-lora']);
  });
});

describe('cooccurrence', () => {
  it('pairs families on the same records, implied parents included but never with their own subfamilies', () => {
    expect(corpus.cooccurrence('method')).toEqual([
      { a: 'peft', b: 'robustness', count: 1 },
      { a: 'peft.lora', b: 'peft.adapter', count: 1 },
      { a: 'peft.lora', b: 'robustness', count: 1 },
    ]);
  });

  it('puts a before b in taxonomy order and the most frequent pairs first', () => {
    expect(corpus.cooccurrence('modality')).toEqual([{ a: 'language', b: 'vision-language', count: 1 }]);
  });

  it('is empty when no record has two ids of the facet', () => {
    expect(corpus.cooccurrence('type')).toEqual([]);
  });
});

describe('cooccurrenceMatrix', () => {
  it('is a square table over every id of the facet, ancestor pairs included, counts on the diagonal', () => {
    const { ids: rows, counts } = corpus.cooccurrenceMatrix('method');
    expect(rows).toEqual(corpus.taxonomy.ids('method'));
    const at = (a: MethodId, b: MethodId): number | undefined => counts[rows.indexOf(a)]?.[rows.indexOf(b)];
    expect([at('peft', 'peft'), at('peft', 'peft.lora'), at('peft.lora', 'peft'), at('peft.lora', 'robustness'), at('editing', 'editing')]).toEqual([
      5, 4, 4, 1, 0,
    ]);
  });
});

describe('top', () => {
  it('ranks records by their best tag of an id or its subfamilies, ties in input order', () => {
    const top = corpus.top(3, { id: 'peft' });
    expect(top.map((entry) => [entry.record.id, entry.tag.id, entry.tag.score])).toEqual([
      ['qlora', 'peft.lora', 0.95],
      ['lora-vit', 'peft.lora', 0.9],
      ['vpt', 'peft.prompt', 0.9],
    ]);
  });

  it('reports the more specific tag when a parent scores the same as its child', () => {
    const tied = Corpus.from([{ id: 'x', tags: [tag('method', 'peft', 0.9), tag('method', 'peft.lora', 0.9)] }], { taxonomy: defaultTaxonomy });
    expect(tied.top(1, { id: 'peft' })[0]?.tag.id).toBe('peft.lora');
  });

  it('ranks by any tag of a facet, or by any tag at all', () => {
    expect(ids(corpus.top(2, { facet: 'type' }))).toEqual(['merging-survey', 'data-survey']);
    expect(ids(corpus.top(1))).toEqual(['dpo']);
  });

  it('leaves out records without a selected tag, so it may return fewer than n', () => {
    expect(ids(corpus.top(10, { id: 'robustness' }))).toEqual(['robust-clip']);
  });

  it('refuses a negative count', () => {
    expect(() => corpus.top(-1)).toThrow(RangeError);
  });
});

describe('families', () => {
  it('lists the ids present in a facet, in taxonomy order', () => {
    expect(corpus.where({ modality: 'vision' }).families('method')).toEqual(['peft', 'peft.lora', 'peft.prompt']);
  });

  it('lists the ids present in every facet without a facet', () => {
    expect(corpus.where({ method: 'alignment' }).families()).toEqual(['alignment', 'method', 'language']);
  });

  it('refuses an unknown facet', () => {
    expect(() => corpus.families('domain' as 'method')).toThrow(UnknownIdError);
  });
});
