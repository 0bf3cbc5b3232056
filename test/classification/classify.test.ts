import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify, createClassifier, defaultTaxonomy, RecordError, type Classification, type PaperInput } from '../../src/index.js';

const sample: PaperInput[] = readFileSync(new URL('../../examples/data/sample-papers.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as PaperInput);
const byId = (id: string) => sample.find((r) => r.id === id)!;
const ids = (result: Classification, facet: string) => result.tags.filter((t) => t.facet === facet).map((t) => t.id);

describe('classify: real abstracts in, tags and evidence out', () => {
  it('tags a preference-optimization paper as alignment, with the words that earned it', () => {
    const record = byId('ml24-0058'); // "Entropy Controllable Direct Preference Optimization"
    const result = classify(record);
    expect(result.id).toBe('ml24-0058');
    expect(ids(result, 'method')).toEqual(['alignment']);
    expect(ids(result, 'modality')).toEqual(['language']);
    expect(ids(result, 'type')).toEqual(['method']);
    const alignment = result.tags.find((t) => t.id === 'alignment')!;
    expect(alignment.evidence[0]).toMatchObject({
      field: 'title',
      text: 'Direct Preference Optimization',
      rule: 'direct preference optimization',
      kind: 'phrase',
      node: 'alignment',
    });
    expect(alignment.evidence.map((e) => e.text)).toEqual(expect.arrayContaining(['RLHF', 'DPO']));
  });

  it('tags a task-vector merging paper as weight interpolation', () => {
    const result = classify(byId('ml24-0164')); // MergeAlign: domain and alignment vectors
    expect(ids(result, 'method')).toEqual(['weight-interpolation']);
    expect(result.tags.find((t) => t.id === 'weight-interpolation')!.evidence.map((e) => e.text)).toContain('model merging');
  });

  it('tags a continual-learning paper as forgetting', () => {
    const result = classify(byId('ml24-0150')); // "Slowing Down Forgetting in Continual Learning"
    expect(ids(result, 'method')).toEqual(['forgetting']);
    expect(result.tags[0]).toMatchObject({ facet: 'method', id: 'forgetting' });
  });

  it('leaves papers that only use the words loosely without a method family', () => {
    expect(ids(classify(byId('ml24-0061')), 'method')).toEqual([]); // RL for trading: no RLHF
    expect(ids(classify(byId('ml24-0317')), 'method')).toEqual([]); // "Fast, robust approximate message passing"
  });

  it('implies the parent: a LoRA variant is also tagged peft, with the child evidence', () => {
    const result = classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs' });
    expect(ids(result, 'method')).toEqual(['peft', 'peft.lora']);
    const peft = result.tags.find((t) => t.id === 'peft')!;
    expect(peft.evidence[0]).toMatchObject({ text: 'QLoRA', node: 'peft.lora', kind: 'acronym' });
  });

  it('always gives exactly one paper type, falling back to method', () => {
    expect(ids(classify({ title: 'A Survey on Model Merging' }), 'type')).toEqual(['survey']);
    expect(ids(classify({ title: 'Nothing to see here' }), 'type')).toEqual(['method']);
    expect(ids(classify({}), 'type')).toEqual(['method']);
  });
});

describe('contribution versus mention', () => {
  const score = (abstract: string, id: string) =>
    classify({ title: '', abstract }, { explain: true }).tags.concat(classify({ title: '', abstract }, { explain: true }).mentions ?? []).find((t) => t.id === id)?.score ?? 0;

  it('scores a proposed family above one that is only a baseline', () => {
    const proposed = score('We propose a new low-rank adaptation method for large language models.', 'peft.lora');
    const baseline = score('Our distillation method outperforms LoRA on GLUE.', 'peft.lora');
    expect(proposed).toBeGreaterThanOrEqual(0.5);
    expect(baseline).toBeLessThan(0.5);
    expect(proposed).toBeGreaterThan(baseline);
  });

  it('does not tag background mentions, and marks the cue on the evidence', () => {
    const result = classify(
      { title: 'Better tokenizers', abstract: 'Recently, parameter-efficient fine-tuning has become popular. We propose a tokenizer.' },
      { explain: true },
    );
    expect(ids(result, 'method')).toEqual([]);
    const peft = result.mentions!.find((t) => t.id === 'peft')!;
    expect(peft.evidence[0]).toMatchObject({ text: 'parameter-efficient fine-tuning', cues: ['background'] });
  });

  it('reads the closest cue: "we use LoRA" is usage, "we propose … LoRA" is contribution', () => {
    const use = classify({ abstract: 'We use LoRA to fine-tune the model.' }, { explain: true });
    const propose = classify({ abstract: 'We propose a LoRA variant for speech models.' });
    expect(ids(use, 'method')).toEqual([]);
    expect(use.mentions!.find((t) => t.id === 'peft.lora')!.evidence[0]!.cues).toEqual(['usage']);
    expect(ids(propose, 'method')).toEqual(['peft', 'peft.lora']);
  });
});

describe('evidence offsets', () => {
  it('point into the original text of every sample record', () => {
    for (const record of sample) {
      for (const tag of classify(record).tags) {
        for (const e of tag.evidence) expect(String(record[e.field]).slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it('survive normalisation of ligatures, LaTeX and entities', () => {
    const record = { title: '\\textbf{Lo\u200BRA} for ﬁne-tuning', abstract: 'We propose Q&#76;oRA, a low-\nrank adaptation.' };
    const result = classify(record);
    const evidence = result.tags.flatMap((t) => t.evidence);
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(record[e.field].slice(e.start, e.end)).toBe(e.text);
    expect(evidence.map((e) => e.text)).toEqual(expect.arrayContaining(['Lo\u200BRA', 'Q&#76;oRA', 'low-\nrank adaptation']));
  });
});

describe('records', () => {
  it('accepts numeric ids and missing fields, and hashes content when there is no id', () => {
    expect(classify({ id: 7, title: 'x' }).id).toBe('7');
    expect(classify({ title: 'LoRA' }).id).toMatch(/^#[0-9a-f]{8}$/);
    expect(classify({ title: 'LoRA' }).id).toBe(classify({ title: 'LoRA' }).id);
  });

  it('rejects fields of the wrong type with a RecordError naming record and field', () => {
    expect(() => classify({ id: 'p1', title: 42 as unknown as string })).toThrow(RecordError);
    expect(() => classify({ id: 'p1', title: 42 as unknown as string })).toThrow('record p1, title: expected a string, got number 42');
    expect(() => classify(null as unknown as PaperInput)).toThrow('expected a record object with title and abstract, got null');
  });

  it('classifyMany keeps one result per record, in order', () => {
    const classifier = createClassifier({ taxonomy: defaultTaxonomy });
    const results = classifier.classifyMany(sample);
    expect(results.map((r) => r.id)).toEqual(sample.map((r) => r.id));
  });

  it('honours minScore and facets options', () => {
    const record = byId('ml24-0058');
    expect(classify(record, { facets: ['method'] }).tags.every((t) => t.facet === 'method')).toBe(true);
    expect(classify(record, { minScore: 0.99 }).tags.every((t) => t.score >= 0.99 || t.facet === 'type')).toBe(true);
  });
});

describe('one classifier, many records', () => {
  // A classifier reuses its scratch (evidence, dependencies, scores) from record to record: what a
  // result holds must be its own, so later records cannot change results already handed out.
  it.each([{}, { names: false }, { explain: true, maxEvidence: 2 }])('gives kept results that later records leave unchanged (%o)', (options) => {
    const classifier = createClassifier({ taxonomy: defaultTaxonomy, ...options });
    const atOnce = sample.map((record) => JSON.stringify(classifier.classify(record)));
    const kept = classifier.classifyMany(sample);
    expect(kept.map((result) => JSON.stringify(result))).toEqual(atOnce);
    expect(kept.some((result) => result.tags.some((tag) => tag.facet === 'method' && tag.evidence.length > 0))).toBe(true);
  });
});
