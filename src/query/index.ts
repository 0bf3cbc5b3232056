/**
 * Querying classified corpora: typed filters, summaries and fuzzy search over tagged records,
 * and taxonomy lookups. Pure (no fs, no process), like the core entry that re-exports it.
 */
export { Corpus, type CorpusFromOptions } from './corpus.js';
export { tagCorpus, type TagCorpusOptions, type TaggedCorpus } from './tag-corpus.js';
export { TaxonomyIndex, defaultTaxonomyIndex, type SuggestOptions } from './taxonomy-index.js';
export type { SearchOptions } from './search.js';
export { NAME_ROLES, nameGroups, nameLeaderboard, proposedNames, suggestNamesYaml, type SuggestNamesOptions, type NameCount, type NameIdOf, type NameQuery, type ProposedCount } from './names.js';
export type {
  CooccurrenceMatrix,
  CooccurrencePair,
  CorpusEntry,
  FacetName,
  FacetQuery,
  RankedEntry,
  SameFacetIds,
  Suggestion,
  TagId,
  TagSelector,
} from './types.js';
