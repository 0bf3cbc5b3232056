/**
 * `tagCorpus`: classify records and wrap them in a `Corpus` in one step.
 */
import type { Classifier } from '../classification/classifier.js';
import { defaultClassifier } from '../classification/default.js';
import { checkOptions, classifyOptionSpec, describe, ON_ERROR, oneOf, type Check } from '../classification/options.js';
import type { ClassifyFailure, ClassifyManyOptions, FacetIds, PaperInput } from '../classification/types.js';
import { OptionError } from '../errors.js';
import type { DefaultTaxonomyFacetIds } from '../taxonomy/generated/default.js';
import { Corpus } from './corpus.js';

/** Options of `tagCorpus`: the classifier, plus per-call options for it. */
export interface TagCorpusOptions<M extends FacetIds> extends ClassifyManyOptions {
  /** A classifier from `createClassifier`; its taxonomy types the corpus. @default the default classifier */
  classifier?: Classifier<M>;
}

/** What `tagCorpus` returns with `onError: 'collect'`. */
export interface TaggedCorpus<M extends FacetIds, R extends PaperInput> {
  /** The records that could be classified, in input order. */
  corpus: Corpus<M, R>;
  /** The records that could not, located by their index in the input. */
  failures: ClassifyFailure[];
}

const isClassifier: Check = (value) =>
  typeof (value as Partial<Classifier> | null)?.classifyMany === 'function' && typeof (value as Partial<Classifier>).taxonomy === 'object'
    ? undefined
    : `expected a classifier from createClassifier, got ${describe(value)}`;

/**
 * Classifies `records` and returns them as a corpus, in input order. The corpus's ids are typed
 * by the classifier's taxonomy: the default one, or a generated module's export. A bad record
 * throws, unless `onError` is `skip` (left out) or `collect` (left out and reported).
 *
 * @example
 * const corpus = tagCorpus(records);
 * corpus.where({ method: 'peft.lora', modality: 'vision' });
 *
 * const mine = tagCorpus(records, { classifier: createClassifier({ taxonomy }) }); // Corpus<TaxonomyFacetIds>
 * const { corpus: good, failures } = tagCorpus(records, { onError: 'collect' });
 * @throws {RecordError} when a record is not an object or a field has the wrong type (with `onError: 'throw'`).
 * @throws {OptionError} for an unknown option or a value out of range.
 */
export function tagCorpus<R extends PaperInput, M extends FacetIds = DefaultTaxonomyFacetIds>(
  records: Iterable<R>,
  options: TagCorpusOptions<M> & { onError: 'collect' },
): TaggedCorpus<M, R>;
export function tagCorpus<R extends PaperInput, M extends FacetIds = DefaultTaxonomyFacetIds>(records: Iterable<R>, options?: TagCorpusOptions<M>): Corpus<M, R>;
export function tagCorpus<R extends PaperInput, M extends FacetIds = DefaultTaxonomyFacetIds>(
  records: Iterable<R>,
  options: TagCorpusOptions<M> = {},
): Corpus<M, R> | TaggedCorpus<M, R> {
  if (options === null || typeof options !== 'object') throw new OptionError('tagCorpus', '', `expected an options object, got ${describe(options)}`);
  const { classifier, onError = 'throw', ...classifyOptions } = options;
  if (classifier !== undefined && isClassifier(classifier)) throw new OptionError('tagCorpus', 'classifier', isClassifier(classifier)!);
  // Without a classifier, M keeps its default (the default taxonomy's ids), which is what the
  // default classifier produces; TypeScript cannot tie the default type argument to the value.
  const used = classifier ?? (defaultClassifier() as unknown as Classifier<M>);
  const spec = { classifier: isClassifier, onError: oneOf(ON_ERROR), ...classifyOptionSpec(used.taxonomy.facets.map((f) => f.id)) };
  checkOptions('tagCorpus', options, spec);
  const list = Array.from(records);
  if (onError === 'throw') return Corpus.from<M, R>(used.classifyMany(list, classifyOptions), { taxonomy: used.taxonomy, records: list });
  const { results, failures } = used.classifyMany(list, { ...classifyOptions, onError: 'collect' });
  const failed = new Set(failures.map((f) => f.index));
  const corpus = Corpus.from<M, R>(results, { taxonomy: used.taxonomy, records: list.filter((_, i) => !failed.has(i)) });
  return onError === 'collect' ? { corpus, failures } : corpus;
}
