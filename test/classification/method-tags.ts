/** The method families a classifier gives a title or abstract, sorted: what the rule specifications compare. */
import type { Classifier, FacetIds } from '../../src/index.js';

export function methodTags<M extends FacetIds>(classifier: Classifier<M>): (record: { title?: string; abstract?: string }) => string[] {
  return (record) =>
    classifier
      .classify({ title: '', ...record })
      .tags.filter((t) => t.facet === 'method')
      .map((t) => t.id)
      .sort();
}
