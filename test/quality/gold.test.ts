/**
 * Regression guards on labelled data (not targets): they fail when a rule change costs quality.
 * The seed and dev gold and the corpora live in ../shared and are skipped when that folder is absent; the 2024 sample
 * (test/gold, our own labels) always runs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, defaultTaxonomy } from '../../src/index.js';
import { evaluate, type GoldRecord } from '../../src/eval/metrics.js';

const seedPath = new URL('../../../shared/gold/seed.jsonl', import.meta.url);
const devPath = new URL('../../../shared/gold/dev.jsonl', import.meta.url);
const samplePath = new URL('../gold/ml24-sample.jsonl', import.meta.url);
const classifier = createClassifier({ taxonomy: defaultTaxonomy });

function read(path: URL): GoldRecord[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as GoldRecord);
}

// Each labelled set is classified once, however many guards read its figures.
const evaluations = new WeakMap<GoldRecord[], ReturnType<typeof evaluate>>();

function evaluated(records: GoldRecord[]): ReturnType<typeof evaluate> {
  let result = evaluations.get(records);
  if (!result) {
    result = evaluate(classifier, records);
    evaluations.set(records, result);
  }
  return result;
}

function facet(records: GoldRecord[], id: string) {
  return evaluated(records).facets.find((f) => f.facet === id)!;
}

describe.skipIf(!existsSync(seedPath))('seed gold (../shared/gold/seed.jsonl)', () => {
  const gold = existsSync(seedPath) ? read(seedPath) : [];
  // Set a little below what was reached (method 0.944, type 0.930, modality 0.901, names 0.966, roles 0.976, proposed 0.957).
  it('method micro-F1 stays at or above 0.94', () => expect(facet(gold, 'method').micro.f1).toBeGreaterThanOrEqual(0.94));
  it('type accuracy stays at or above 0.92', () => expect(facet(gold, 'type').exact).toBeGreaterThanOrEqual(0.92));
  it('modality micro-F1 stays at or above 0.93 (0.945 with the stream modality rules)', () => expect(facet(gold, 'modality').micro.f1).toBeGreaterThanOrEqual(0.93));
  it('named methods: micro-F1 at or above 0.95, role accuracy at or above 0.95, proposed-name F1 at or above 0.94', () => {
    const names = evaluated(gold).names!;
    expect(names.names.f1).toBeGreaterThanOrEqual(0.95);
    expect(names.roleAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(names.proposed.f1).toBeGreaterThanOrEqual(0.94);
  });
});

describe.skipIf(!existsSync(devPath))('dev gold (../shared/gold/dev.jsonl)', () => {
  const gold = existsSync(devPath) ? read(devPath) : [];
  // Set a little below what was reached (method 0.973, type 0.913, modality 0.906, names 0.989, roles 0.924, proposed 0.919).
  it('method micro-F1 stays at or above 0.96', () => expect(facet(gold, 'method').micro.f1).toBeGreaterThanOrEqual(0.96));
  it('type accuracy stays at or above 0.90', () => expect(facet(gold, 'type').exact).toBeGreaterThanOrEqual(0.9));
  it('modality micro-F1 stays at or above 0.89', () => expect(facet(gold, 'modality').micro.f1).toBeGreaterThanOrEqual(0.89));
  it('named methods: micro-F1 at or above 0.97, role accuracy at or above 0.91, proposed-name F1 at or above 0.90', () => {
    const names = evaluated(gold).names!;
    expect(names.names.f1).toBeGreaterThanOrEqual(0.97);
    expect(names.roleAccuracy).toBeGreaterThanOrEqual(0.91);
    expect(names.proposed.f1).toBeGreaterThanOrEqual(0.9);
  });
  it('role accuracy over the pairs of seed and dev together stays at or above 0.92 (the issue\'s target is 0.85)', () => {
    const both = [...(existsSync(seedPath) ? read(seedPath) : []), ...gold];
    expect(evaluate(classifier, both).names!.roleAccuracy).toBeGreaterThanOrEqual(0.92);
  });
});

if (!existsSync(seedPath)) {
  it.skip('seed gold skipped: ../shared/gold/seed.jsonl is not present in this checkout', () => {});
}
if (!existsSync(devPath)) {
  it.skip('dev gold skipped: ../shared/gold/dev.jsonl is not present in this checkout', () => {});
}

describe('2024 arXiv sample (test/gold/ml24-sample.jsonl)', () => {
  const gold = read(samplePath);
  // Set a little below what was reached (method P 0.935, F1 0.866; type 0.870, 0.825 before the study phrasings; modality 0.866, 0.825 before the stream vocabulary).
  it('method precision stays at or above 0.92 on a stream where most papers only mention fine-tuning', () => {
    expect(facet(gold, 'method').micro.precision).toBeGreaterThanOrEqual(0.92);
  });
  it('method micro-F1 stays at or above 0.83', () => expect(facet(gold, 'method').micro.f1).toBeGreaterThanOrEqual(0.83));
  // Type reached 0.900 with the stream's study, review and evaluation phrasings (0.870 before).
  it('type accuracy stays at or above 0.89', () => expect(facet(gold, 'type').exact).toBeGreaterThanOrEqual(0.89));
  it('modality micro-F1 stays at or above 0.87 (0.876 with the stream modality rules)', () => expect(facet(gold, 'modality').micro.f1).toBeGreaterThanOrEqual(0.87));
  it('no more than 1 in 12 records gets a method family the labels do not have', () => {
    const report = facet(gold, 'method');
    const withExtra = report.disagreements.filter((d) => d.extra.length > 0).length;
    expect(withExtra / gold.length).toBeLessThanOrEqual(1 / 12);
  });
});

const streamPath = new URL('../../../shared/corpus/arxiv-2024-ml.jsonl', import.meta.url);
describe.skipIf(!existsSync(streamPath))('the 2024 arXiv stream (673 records, most mention fine-tuning in passing or not at all)', () => {
  const records = existsSync(streamPath) ? read(streamPath) : [];
  const results = records.map((r) => classifier.classify(r));
  it('at most 64 records get a method family (60 when these guards were set)', () => {
    expect(results.filter((r) => r.tags.some((t) => t.facet === 'method')).length).toBeLessThanOrEqual(64);
  });
  it('at most 16 records get a named method (12 when these guards were set)', () => {
    expect(results.filter((r) => (r.names ?? []).length > 0).length).toBeLessThanOrEqual(16);
  });
});

const physicsPath = new URL('../../../shared/corpus/arxiv-2007-physics.jsonl', import.meta.url);
describe.skipIf(!existsSync(physicsPath))('physics abstracts', () => {
  const records = existsSync(physicsPath) ? read(physicsPath) : [];
  const results = records.map((r) => classifier.classify(r));
  it('at most 2 of 2,000 physics abstracts get any method tag (0 when set; "fine-tuning" is a physics term there)', () => {
    expect(records.length).toBe(2000);
    expect(results.filter((r) => r.tags.some((t) => t.facet === 'method')).length).toBeLessThanOrEqual(2);
  });
  it('at most 4 of 2,000 physics abstracts get any named method (2 when set)', () => {
    expect(results.filter((r) => (r.names ?? []).length > 0).length).toBeLessThanOrEqual(4);
  });
  it('at most 3 of 2,000 physics abstracts get a modality (1 when set: an image search paper)', () => {
    expect(results.filter((r) => r.tags.some((t) => t.facet === 'modality')).length).toBeLessThanOrEqual(3);
  });
});
