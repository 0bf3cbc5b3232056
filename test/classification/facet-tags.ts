/** What the facet specifications compare: a record's method families, or its type with the evidence that decided it. */
import { classify, type Classifier, type FacetIds } from '../../src/index.js';

/** The method families a classifier gives a title or abstract, sorted. */
export function methodTags<M extends FacetIds>(classifier: Classifier<M>): (record: { title?: string; abstract?: string }) => string[] {
  return (record) =>
    classifier
      .classify({ title: '', ...record })
      .tags.filter((t) => t.facet === 'method')
      .map((t) => t.id)
      .sort();
}

/** The paper's type and the text of its evidence, in reading order. */
export function typeOf(title: string, abstract: string): { id: string; evidence: string[] } {
  const tag = classify({ title, abstract }).tags.find((t) => t.facet === 'type')!;
  return { id: tag.id, evidence: tag.evidence.map((e) => e.text) };
}
