/**
 * finetax: tag fine-tuning papers by method family, paper type and modality, with evidence.
 * This entry is pure (no fs, no process) so it also runs in browsers and workers;
 * Node-only helpers (files, streams, workers) live in `finetax/node`.
 */
export { classify, defaultClassifier } from './classification/default.js';
export { createClassifier, type Classifier, type ClassifierOptions } from './classification/classifier.js';
export type {
  Classification,
  ClassificationOf,
  ClassifyFailure,
  ClassifyManyOptions,
  ClassifyOptions,
  CollectedClassifications,
  Evidence,
  EvidenceKind,
  FacetIds,
  Field,
  NameHit,
  NameRole,
  OnError,
  PaperInput,
  ProposedName,
  Tag,
  TagOf,
} from './classification/types.js';
export type { CueGroup, CueScope, Facet, NamedMethod, Rule, RuleKind, Scoring, Taxonomy, TaxonomyNode } from './taxonomy/types.js';
export type { IdsOf, TypedTaxonomy } from './taxonomy/typed.js';
export {
  defaultTaxonomy,
  METHOD_IDS,
  MODALITY_IDS,
  NAME_IDS,
  TYPE_IDS,
  type DefaultTaxonomyFacetIds,
  type DefaultTaxonomyTagId,
  type MethodId,
  type ModalityId,
  type NameId,
  type TypeId,
} from './taxonomy/generated/default.js';
export {
  OptionError,
  RecordError,
  TaxonomyError,
  UnknownIdError,
  formatProblem,
  formatTaxonomyIssue,
  PROBLEM_CODES,
  type Problem,
  type ProblemCode,
  type Severity,
  type TaxonomyIssue,
} from './errors.js';
export {
  detectFormat,
  formatIssue,
  INPUT_FORMATS,
  isInputFormat,
  readRecords,
  ReadError,
  type InputFormat,
  type PaperRecord,
  type ReadIssue,
  type ReadItem,
  type ReadOptions,
  type ReadResult,
} from './records/index.js';
export { Corpus, tagCorpus, TaxonomyIndex, defaultTaxonomyIndex, type CooccurrenceMatrix, type CooccurrencePair, type CorpusEntry, type CorpusFromOptions, type FacetName, type FacetQuery, type RankedEntry, type SameFacetIds, type SearchOptions, type Suggestion, type SuggestOptions, type TagCorpusOptions, type TaggedCorpus, type TagId, type TagSelector, NAME_ROLES, nameGroups, nameLeaderboard, proposedNames, type NameCount, type NameIdOf, type NameQuery, type ProposedCount } from './query/index.js';
