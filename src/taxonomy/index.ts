/**
 * `finetax/taxonomy`: reading, validating and generating code from taxonomy YAML. Kept apart from
 * the core entry because YAML parsing and schema validation (yaml, zod) cost more to import than
 * classifying with the bundled default does; still free of Node APIs.
 */
export { parseTaxonomy, type ParseTaxonomyOptions } from './parse.js';
export { taxonomyJsonSchema } from './schema.js';
export { taxonomyModule, type CodegenOptions } from './codegen.js';
export type { CueGroup, CueScope, Facet, NamedMethod, Rule, RuleKind, Scoring, Taxonomy, TaxonomyNode } from './types.js';
export type { IdsOf, TypedTaxonomy } from './typed.js';
export { TaxonomyError, formatTaxonomyIssue, type TaxonomyIssue } from '../errors.js';
