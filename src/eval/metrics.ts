/**
 * Scores a classifier against gold labels: per-label precision/recall/F1, micro and macro
 * averages per facet, accuracy for single-valued facets, and the list of disagreements.
 */
import type { Classifier } from '../classification/classifier.js';
import type { Classification, FacetIds, PaperInput } from '../classification/types.js';
import { evaluateNames, type GoldName, type NamesReport } from './names.js';

export type { GoldName, NameDisagreement, NamesReport } from './names.js';

/** A gold record: a paper plus the labels a careful reader gives it, per facet. */
export interface GoldRecord extends PaperInput {
  labels: { readonly [facet: string]: string | readonly string[] };
  /** Named methods with their role (NAMES.md); records without it are not scored for names. */
  names?: readonly GoldName[];
  /** Names the paper gives its own contribution. */
  proposed?: readonly string[];
}

export interface LabelScore {
  label: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Averages {
  precision: number;
  recall: number;
  f1: number;
}

export interface Disagreement {
  id: string;
  title: string;
  missed: string[];
  extra: string[];
}

export interface FacetReport {
  facet: string;
  multiple: boolean;
  labels: LabelScore[];
  micro: Averages;
  /** Mean over labels that occur in the gold or the predictions. */
  macro: Averages;
  /** Share of records whose label set is exactly right (single-valued facets: accuracy). */
  exact: number;
  disagreements: Disagreement[];
}

export interface EvalReport {
  records: number;
  facets: FacetReport[];
  /** Named-method figures, when the gold carries `names`. */
  names?: NamesReport;
}

/** Classifies every gold record and compares per facet. */
export function evaluate<M extends FacetIds>(classifier: Classifier<M>, gold: readonly GoldRecord[]): EvalReport {
  const predictions: Classification[] = gold.map((record) => classifier.classify(record));
  const facets = classifier.taxonomy.facets
    .filter((facet) => gold.some((record) => record.labels[facet.id] !== undefined))
    .map((facet) => {
      const labelIds = classifier.taxonomy.nodes.filter((n) => n.facet === facet.id).map((n) => n.id);
      return facetReport(facet.id, facet.multiple, labelIds, gold, predictions);
    });
  const names = evaluateNames(gold, predictions);
  return names ? { records: gold.length, facets, names } : { records: gold.length, facets };
}

function asSet(value: string | readonly string[] | undefined): Set<string> {
  if (value === undefined) return new Set();
  return new Set(typeof value === 'string' ? [value] : value);
}

function facetReport(
  facet: string,
  multiple: boolean,
  labelIds: string[],
  gold: readonly GoldRecord[],
  predictions: readonly Classification[],
): FacetReport {
  const counts = new Map(labelIds.map((label) => [label, { tp: 0, fp: 0, fn: 0 }]));
  const disagreements: Disagreement[] = [];
  let exact = 0;
  gold.forEach((record, i) => {
    const expected = asSet(record.labels[facet]);
    const predicted = new Set(predictions[i]!.tags.filter((t) => t.facet === facet).map((t) => t.id));
    const missed = [...expected].filter((l) => !predicted.has(l));
    const extra = [...predicted].filter((l) => !expected.has(l));
    for (const label of new Set([...expected, ...predicted])) {
      const c = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
      counts.set(label, c);
      if (expected.has(label) && predicted.has(label)) c.tp++;
      else if (predicted.has(label)) c.fp++;
      else c.fn++;
    }
    if (missed.length === 0 && extra.length === 0) exact++;
    else disagreements.push({ id: predictions[i]!.id, title: typeof record.title === 'string' ? record.title : '', missed, extra });
  });
  const labels = [...counts].map(([label, c]) => ({ label, ...c, ...prf(c.tp, c.fp, c.fn) }));
  const total = labels.reduce((sum, l) => ({ tp: sum.tp + l.tp, fp: sum.fp + l.fp, fn: sum.fn + l.fn }), { tp: 0, fp: 0, fn: 0 });
  const active = labels.filter((l) => l.tp + l.fp + l.fn > 0);
  const mean = (key: keyof Averages) => (active.length ? active.reduce((s, l) => s + l[key], 0) / active.length : 0);
  return {
    facet,
    multiple,
    labels,
    micro: prf(total.tp, total.fp, total.fn),
    macro: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
    exact: gold.length ? exact / gold.length : 0,
    disagreements,
  };
}

function prf(tp: number, fp: number, fn: number): Averages {
  const precision = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
