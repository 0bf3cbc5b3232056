/**
 * The default classifier, compiled on first use and then kept: most users never build their own.
 */
import { defaultTaxonomy, type DefaultTaxonomyFacetIds } from '../taxonomy/generated/default.js';
import { createClassifier, type Classifier } from './classifier.js';
import type { Classification, ClassifyOptions, PaperInput } from './types.js';

let instance: Classifier<DefaultTaxonomyFacetIds> | undefined;

/** The classifier for the bundled default taxonomy (built once, lazily). */
export function defaultClassifier(): Classifier<DefaultTaxonomyFacetIds> {
  instance ??= createClassifier({ taxonomy: defaultTaxonomy });
  return instance;
}

/**
 * Tags one paper record with the default taxonomy.
 *
 * @example
 * classify({ title: 'LoRA: Low-Rank Adaptation of Large Language Models' }).tags.map((t) => t.id);
 * // → ['peft.lora', 'peft', 'language', 'method']
 * @throws {RecordError} when the record is not an object or a field has the wrong type.
 */
export function classify(record: PaperInput, options?: ClassifyOptions): Classification<DefaultTaxonomyFacetIds> {
  return defaultClassifier().classify(record, options);
}
