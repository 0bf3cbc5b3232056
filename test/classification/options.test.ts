/**
 * Options of the library calls are checked: a wrong value or an unknown key throws an
 * `OptionError` naming the call, the option and what is allowed, instead of being ignored (or
 * crashing on `undefined`). And a batch can keep going past a bad record.
 */
import { describe, expect, it } from 'vitest';
import { classify, createClassifier, defaultTaxonomy, OptionError, RecordError, tagCorpus, type PaperInput } from '../../src/index.js';

const LORA = { id: 'lora', title: 'LoRA: Low-Rank Adaptation of Large Language Models' };
const DPO = { id: 'dpo', title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' };

function thrown(run: () => unknown): OptionError {
  try {
    run();
  } catch (error) {
    if (error instanceof OptionError) return error;
    throw error;
  }
  throw new Error('expected an OptionError');
}

describe('createClassifier options', () => {
  it('requires a taxonomy, and says which one to pass ({} used to crash reading "facets" of undefined)', () => {
    const error = thrown(() => createClassifier({} as never));
    expect(error).toMatchObject({ name: 'OptionError', call: 'createClassifier', option: 'taxonomy', code: 'options/invalid' });
    expect(error.message).toBe(
      "createClassifier: option 'taxonomy': is required: expected a taxonomy (defaultTaxonomy, a generated module's export or parseTaxonomy(...)), got undefined",
    );
    expect(thrown(() => createClassifier(undefined as never)).message).toMatch(/^createClassifier: expected an options object with a taxonomy, such as \{ taxonomy: defaultTaxonomy \}, got undefined$/);
    expect(thrown(() => createClassifier({ taxonomy: 'fine-tuning.yaml' } as never)).message).toMatch(/option 'taxonomy': expected a taxonomy .*got string "fine-tuning.yaml"$/);
  });

  it('checks the default classify options it is given', () => {
    expect(thrown(() => createClassifier({ taxonomy: defaultTaxonomy, minScore: 5 })).message).toBe(
      "createClassifier: option 'minScore': expected a number from 0 to 1, got number 5",
    );
    expect(thrown(() => createClassifier({ taxonomy: defaultTaxonomy, explain: 'yes' as never })).message).toBe(
      "createClassifier: option 'explain': expected true or false, got string \"yes\"",
    );
  });
});

describe('classify options', () => {
  it.each([
    [{ minScore: 5 }, "classify: option 'minScore': expected a number from 0 to 1, got number 5"],
    [{ minScore: Number.NaN }, "classify: option 'minScore': expected a number from 0 to 1, got number NaN"],
    [{ minScore: -1 }, "classify: option 'minScore': expected a number from 0 to 1, got number -1"],
    [{ minScore: '0.5' }, "classify: option 'minScore': expected a number from 0 to 1, got string \"0.5\""],
    [{ facets: ['nope'] }, "classify: option 'facets': expected a list of facet ids ('method', 'type', 'modality'), got string \"nope\""],
    [{ facets: ['methods'] }, "classify: option 'facets': expected a list of facet ids ('method', 'type', 'modality'), got string \"methods\"; did you mean 'method'?"],
    [{ facets: 'method' }, "classify: option 'facets': expected a list of facet ids ('method', 'type', 'modality'), got string \"method\""],
    [{ minscore: 0.5 }, "classify: option 'minscore': unknown option (allowed: minScore, facets, explain, names, maxEvidence); did you mean 'minScore'?"],
    [{ colour: true }, "classify: option 'colour': unknown option (allowed: minScore, facets, explain, names, maxEvidence)"],
  ])('%o is refused: %s', (options, message) => {
    expect(thrown(() => classify(LORA, options as never)).message).toBe(message);
  });

  it('accepts the edges of the range and leaves undefined options as not given', () => {
    expect(classify(LORA, { minScore: 0 }).tags.length).toBeGreaterThan(classify(LORA, { minScore: 1 }).tags.length);
    expect(classify(LORA, { minScore: undefined, facets: ['method'] } as never).tags.map((t) => t.facet)).toEqual(['method', 'method']);
  });

  it('options of a classifier over another taxonomy are checked against its facets', () => {
    const onlyMethod = { ...defaultTaxonomy, facets: defaultTaxonomy.facets.filter((f) => f.id === 'method'), nodes: defaultTaxonomy.nodes.filter((n) => n.facet === 'method') };
    const classifier = createClassifier({ taxonomy: onlyMethod });
    expect(thrown(() => classifier.classify(LORA, { facets: ['modality'] })).message).toMatch(/expected a list of facet ids \('method'\), got string "modality"$/);
  });
});

describe('classifyMany with a bad record in the batch', () => {
  const classifier = createClassifier({ taxonomy: defaultTaxonomy });
  const batch = [LORA, { id: 'bad-title', title: 42 }, null, { id: 7, abstract: ['not', 'text'] }, DPO] as unknown as PaperInput[];

  it('throws at the first bad record by default (onError: throw)', () => {
    expect(() => classifier.classifyMany(batch)).toThrow(RecordError);
    expect(() => classifier.classifyMany(batch)).toThrow('record bad-title, title: expected a string, got number 42');
  });

  it('onError: skip returns every other result, in input order', () => {
    expect(classifier.classifyMany(batch, { onError: 'skip' }).map((r) => r.id)).toEqual(['lora', 'dpo']);
  });

  it('onError: collect also returns each failure, located by index, record id, field and code', () => {
    const { results, failures } = classifier.classifyMany(batch, { onError: 'collect' });
    expect(results.map((r) => r.id)).toEqual(['lora', 'dpo']);
    expect(results[0]!.tags.map((t) => t.id)).toContain('peft.lora');
    expect(results[1]!.tags.map((t) => t.id)).toContain('alignment');
    expect(failures).toEqual([
      { index: 1, code: 'record/invalid', severity: 'error', recordId: 'bad-title', field: 'title', message: 'record bad-title, title: expected a string, got number 42' },
      { index: 2, code: 'record/invalid', severity: 'error', message: 'expected a record object with title and abstract, got null' },
      { index: 3, code: 'record/invalid', severity: 'error', recordId: '7', field: 'abstract', message: 'record 7, abstract: expected a string, got an array' },
    ]);
  });

  it('a result is the same whether or not a bad record came before it', () => {
    expect(classifier.classifyMany(batch, { onError: 'skip', minScore: 0.3 })).toEqual(classifier.classifyMany([LORA, DPO], { minScore: 0.3 }));
  });

  it('refuses an onError it does not know', () => {
    expect(thrown(() => classifier.classifyMany([LORA], { onError: 'ignore' } as never)).message).toBe(
      "classifyMany: option 'onError': expected one of 'throw', 'skip', 'collect', got string \"ignore\"",
    );
  });
});

describe('tagCorpus with a bad record in the batch', () => {
  const records = [LORA, { id: 'broken', abstract: { text: 'x' } }, DPO] as unknown as Array<typeof LORA>;

  it('throws by default, skips or collects on request; the corpus keeps every good record in order', () => {
    expect(() => tagCorpus(records)).toThrow(RecordError);
    expect([...tagCorpus(records, { onError: 'skip' })].map((e) => e.record.id)).toEqual(['lora', 'dpo']);
    const { corpus, failures } = tagCorpus(records, { onError: 'collect' });
    expect(corpus.toArray().map((e) => [e.record.id, e.classification.id])).toEqual([
      ['lora', 'lora'],
      ['dpo', 'dpo'],
    ]);
    expect(corpus.where({ method: 'alignment' }).toArray().map((e) => e.record.id)).toEqual(['dpo']);
    expect(failures).toEqual([expect.objectContaining({ index: 1, recordId: 'broken', field: 'abstract', code: 'record/invalid' })]);
  });

  it('checks its own options and the classify options it passes on', () => {
    expect(thrown(() => tagCorpus([LORA], { minScore: 2 })).message).toBe("tagCorpus: option 'minScore': expected a number from 0 to 1, got number 2");
    expect(thrown(() => tagCorpus([LORA], { clasifier: null } as never)).message).toMatch(/^tagCorpus: option 'clasifier': unknown option \(allowed: classifier, onError, minScore, facets, explain, names, maxEvidence\); did you mean 'classifier'\?$/);
    expect(thrown(() => tagCorpus([LORA], { classifier: defaultTaxonomy } as never)).message).toBe("tagCorpus: option 'classifier': expected a classifier from createClassifier, got an object");
  });
});

describe('query helpers with options', () => {
  const corpus = tagCorpus([LORA, DPO]);

  it('search refuses unknown options and values out of range', () => {
    expect(thrown(() => corpus.search('lora', { treshold: 0.3 } as never)).message).toBe(
      "search: option 'treshold': unknown option (allowed: threshold, limit); did you mean 'threshold'?",
    );
    expect(thrown(() => corpus.search('lora', { threshold: 2 })).message).toBe("search: option 'threshold': expected a number from 0 to 1, got number 2");
    expect(thrown(() => corpus.search('lora', { limit: 1.5 })).message).toBe("search: option 'limit': expected a whole number of at least 0 (or Infinity), got number 1.5");
  });

  it('suggest refuses a bad limit', () => {
    expect(thrown(() => corpus.taxonomy.suggest('lroa', { limit: -1 })).message).toBe("suggest: option 'limit': expected a whole number of at least 0 (or Infinity), got number -1");
  });

  it('Corpus.from needs the taxonomy the classifications were made with', async () => {
    const { Corpus } = await import('../../src/index.js');
    expect(thrown(() => Corpus.from([], {} as never)).message).toBe(
      "Corpus.from: option 'taxonomy': is required: expected the taxonomy the classifications were made with, got undefined",
    );
  });
});
