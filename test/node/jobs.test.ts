/**
 * A batch of jobs of the classification pool (`runJobs`, on a worker or inline) gives each record
 * what `classify` gives it: its classification, or a `RecordError` as that record's failure.
 * Anything else is a bug and throws.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, defaultTaxonomy, type Classifier, type PaperInput, type Taxonomy } from '../../src/index.js';
import { runJobs } from '../../src/node/jobs.js';

// Untyped, as the pool makes it from a taxonomy sent to a worker.
const classifier: Classifier = createClassifier({ taxonomy: defaultTaxonomy as Taxonomy });

const jobs = [
  { id: 'lora', title: 'LoRA: Low-Rank Adaptation of Large Language Models', abstract: 'We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights and injects trainable rank decomposition matrices into each layer of the Transformer architecture.' },
  { id: 'bad-title', title: 42 },
  { id: 'atlas', title: 'Curriculum data selection', abstract: 'We propose a curriculum data selection method for instruction tuning, called ATLAS, that ranks examples by difficulty.' },
  null,
  { id: 'plain', title: 'Speech recognition for low-resource languages', abstract: 'We fine-tune a pretrained speech model on ten hours of transcribed speech per language.' },
] as unknown as PaperInput[];

describe('runJobs', () => {
  it('gives each good record its classification, as classify does, and each bad one its failure, in order', () => {
    expect(runJobs(classifier, jobs)).toEqual([
      { classification: classifier.classify(jobs[0]!) },
      { failure: { message: 'record bad-title, title: expected a string, got number 42', recordId: 'bad-title', field: 'title' } },
      { classification: classifier.classify(jobs[2]!) },
      { failure: { message: 'expected a record object with title and abstract, got null' } },
      { classification: classifier.classify(jobs[4]!) },
    ]);
    const atlas = runJobs(classifier, [jobs[2]!])[0]!.classification!;
    expect(atlas.proposed!.map((p) => p.text)).toEqual(['ATLAS']);
    expect(JSON.stringify(atlas)).toBe(JSON.stringify(classifier.classify(jobs[2]!)));
  });

  it('throws what is not a RecordError (a bug)', () => {
    const broken: Classifier = { ...classifier, classify: () => { throw new TypeError('a bug'); } };
    expect(() => runJobs(broken, [jobs[0]!])).toThrow(TypeError);
  });
});
