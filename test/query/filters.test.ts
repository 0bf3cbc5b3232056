import { describe, expect, it } from 'vitest';
import { UnknownIdError } from '../../src/index.js';
import { handTagged, ids, untyped } from './helpers.js';

const corpus = handTagged();

describe('where: any of the ids per facet, facets AND-ed', () => {
  it('finds a family with its descendants, including records tagged without the implied parent', () => {
    expect(ids(corpus.where({ method: 'peft' }))).toEqual(['lora-vit', 'qlora', 'robust-clip', 'vpt', 'adapters-vs-lora']);
  });

  it('finds one subfamily only', () => {
    expect(ids(corpus.where({ method: 'peft.lora' }))).toEqual(['lora-vit', 'qlora', 'robust-clip', 'adapters-vs-lora']);
  });

  it('matches any id of a list', () => {
    expect(ids(corpus.where({ method: ['data-selection', 'weight-interpolation'] }))).toEqual(['data-survey', 'merging-survey']);
  });

  it('ANDs facets: LoRA papers on vision, surveys of data selection', () => {
    expect(ids(corpus.where({ method: 'peft.lora', modality: 'vision' }))).toEqual(['lora-vit']);
    expect(ids(corpus.where({ type: 'survey', method: 'data-selection' }))).toEqual(['data-survey']);
  });

  it('keeps every record for an empty query and none for an empty list', () => {
    expect(corpus.where({}).size).toBe(9);
    expect(corpus.where({ method: [] }).size).toBe(0);
  });

  it('treats a facet given as undefined (an unset CLI flag) as absent', () => {
    expect(corpus.where(untyped({ method: undefined, modality: 'vision' })).size).toBe(2);
  });

  it('chains, each step narrowing the one before', () => {
    expect(ids(corpus.where({ modality: 'language' }).where({ method: 'peft' }))).toEqual(['qlora', 'adapters-vs-lora']);
  });
});

describe('whereAll and whereNone', () => {
  it('whereAll keeps records that belong to every id', () => {
    expect(ids(corpus.whereAll({ method: ['peft.lora', 'robustness'] }))).toEqual(['robust-clip']);
    expect(ids(corpus.whereAll({ method: ['peft.lora', 'peft.adapter'], modality: 'language' }))).toEqual(['adapters-vs-lora']);
  });

  it('whereAll of a family and its own subfamily is the subfamily', () => {
    expect(ids(corpus.whereAll({ method: ['peft', 'peft.prompt'] }))).toEqual(['vpt']);
  });

  it('whereNone drops records that belong to any listed id, descendants included', () => {
    expect(ids(corpus.whereNone({ method: 'peft' }))).toEqual(['dpo', 'data-survey', 'merging-survey', 'quantum']);
    expect(ids(corpus.whereNone({ type: ['method', 'analysis'] }))).toEqual(['data-survey', 'merging-survey']);
  });

  it('where and whereNone split a corpus in two', () => {
    const query = { modality: ['language', 'vision'] } as const;
    expect(corpus.where(query).size + corpus.whereNone(query).size).toBe(corpus.size);
  });
});

describe('minScore', () => {
  it('keeps records with any tag at or above the score', () => {
    expect(ids(corpus.minScore(0.9))).toEqual(['lora-vit', 'qlora', 'dpo', 'data-survey', 'merging-survey', 'vpt', 'adapters-vs-lora']);
  });

  it('looks at one id and its descendants', () => {
    expect(ids(corpus.minScore(0.8, { id: 'peft.lora' }))).toEqual(['lora-vit', 'qlora']);
    expect(ids(corpus.minScore(0.85, { facet: 'method', id: 'peft' }))).toEqual(['lora-vit', 'qlora', 'vpt']);
  });

  it('looks at one facet', () => {
    expect(ids(corpus.minScore(0.9, { facet: 'type' }))).toEqual(['data-survey', 'merging-survey']);
  });

  it('refuses a score that is not a number', () => {
    expect(() => corpus.minScore(Number.NaN)).toThrow(RangeError);
  });
});

describe('filter', () => {
  it('keeps entries the predicate accepts, with the record type kept', () => {
    expect(ids(corpus.filter((entry) => entry.record.title.includes('Survey')))).toEqual(['data-survey', 'merging-survey']);
  });

  it('passes each entry its position', () => {
    expect(ids(corpus.filter((_, i) => i < 2))).toEqual(['lora-vit', 'qlora']);
  });
});

describe('ids from untyped input are checked at run time', () => {
  it('names the closest id for a misspelt family', () => {
    expect(() => corpus.where(untyped({ method: 'peft.lroa' }))).toThrow("unknown method id 'peft.lroa'; did you mean 'peft.lora'?");
  });

  it('refuses an id of another facet', () => {
    expect(() => corpus.where(untyped({ modality: 'peft' }))).toThrow(UnknownIdError);
    expect(() => corpus.whereAll(untyped({ method: ['peft', 'vision'] }))).toThrow("unknown method id 'vision'");
  });

  it('names the closest facet for a misspelt facet', () => {
    expect(() => corpus.whereNone(untyped({ methd: 'peft' }))).toThrow("unknown facet 'methd'; did you mean 'method'?");
  });

  it('checks selectors of minScore', () => {
    const error = catchError(() => corpus.minScore(0.5, { id: 'lora' as 'peft.lora' }));
    expect(error).toBeInstanceOf(UnknownIdError);
    expect((error as UnknownIdError).suggestions).toContain('peft.lora');
  });

  it('refuses values that are neither ids nor lists of ids', () => {
    expect(() => corpus.where(untyped({ method: 3 }))).toThrow("facet 'method': expected an id or a list of ids, got number");
    expect(() => corpus.where(untyped({ method: [3] }))).toThrow("unknown method id '3'");
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
