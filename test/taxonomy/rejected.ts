/**
 * Shared by the taxonomy loader's tests: what a rejected file reports, and a small taxonomy with
 * one rule whose `context` a test writes.
 */
import { TaxonomyError, type TaxonomyIssue } from '../../src/errors.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';

/** The located issues of a taxonomy the loader must reject (as `my.yaml`). */
export function issuesOf(yaml: string): TaxonomyIssue[] {
  try {
    parseTaxonomy(yaml, { source: 'my.yaml' });
  } catch (error) {
    if (error instanceof TaxonomyError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the taxonomy to be rejected');
}

/** Line 11 is the rule `erasure` with `context: CONTEXT`; `DEFINITIONS` are lines 3 and on. */
export const withContext = (context: string, definitions = '') => `definitions:
  ml: &ml [neural network, deep learning]
${definitions}facets:
  method:
    label: Method
    nodes:
      - id: unlearning
        label: Unlearning
        phrases:
          - machine unlearning
          - { text: erasure, context: ${context} }
`;
