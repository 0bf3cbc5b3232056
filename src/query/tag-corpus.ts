/**
 * `tagCorpus`: classify records and wrap them in a `Corpus` in one step.
 */
import type { Classifier } from '../classification/classifier.js';
import { defaultClassifier } from '../classification/default.js';
import type { ClassifyOptions, FacetIds, PaperInput } from '../classification/types.js';
import type { DefaultTaxonomyFacetIds } from '../taxonomy/generated/default.js';
import { Corpus } from './corpus.js';

/** Options of `tagCorpus`: the classifier, plus per-call options for it. */
export interface TagCorpusOptions<M extends FacetIds> extends ClassifyOptions {
  /** A classifier from `createClassifier`; its taxonomy types the corpus. @default the default classifier */
  classifier?: Classifier<M>;
}

/**
 * Classifies `records` and returns them as a corpus, in input order. The corpus's ids are typed
 * by the classifier's taxonomy: the default one, or a generated module's export.
 *
 * @example
 * const corpus = tagCorpus(records);
 * corpus.where({ method: 'peft.lora', modality: 'vision' });
 *
 * const mine = tagCorpus(records, { classifier: createClassifier({ taxonomy }) }); // Corpus<TaxonomyFacetIds>
 * @throws {RecordError} when a record is not an object or a field has the wrong type.
 */
export function tagCorpus<R extends PaperInput, M extends FacetIds = DefaultTaxonomyFacetIds>(
  records: Iterable<R>,
  options: TagCorpusOptions<M> = {},
): Corpus<M, R> {
  const { classifier, ...classifyOptions } = options;
  // Without a classifier, M keeps its default (the default taxonomy's ids), which is what the
  // default classifier produces; TypeScript cannot tie the default type argument to the value.
  const used = classifier ?? (defaultClassifier() as unknown as Classifier<M>);
  const list = Array.from(records);
  return Corpus.from<M, R>(used.classifyMany(list, classifyOptions), { taxonomy: used.taxonomy, records: list });
}
