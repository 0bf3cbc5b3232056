/**
 * Named methods and proposed names, read defensively: a classification may carry them or not
 * (older results, another taxonomy), so each entry is checked for the fields the report shows and
 * dropped when it lacks them, instead of breaking the page.
 */
import type { Evidence } from '../classification/types.js';
import type { ReportClassification, ReportName, ReportProposedName } from './types.js';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';

export function namesOf(classification: ReportClassification): ReportName[] {
  if (!Array.isArray(classification.names)) return [];
  const names: ReportName[] = [];
  for (const item of classification.names as unknown[]) {
    if (!isObject(item) || !isString(item.id) || !isString(item.role)) continue;
    const hit: ReportName = {
      id: item.id,
      label: isString(item.label) ? item.label : item.id,
      role: item.role,
      score: typeof item.score === 'number' ? item.score : 0,
      evidence: evidenceOf(item.evidence),
    };
    if (isString(item.node)) hit.node = item.node;
    names.push(hit);
  }
  return names;
}

export function proposedOf(classification: ReportClassification): ReportProposedName[] {
  if (!Array.isArray(classification.proposed)) return [];
  const proposed: ReportProposedName[] = [];
  for (const item of classification.proposed as unknown[]) {
    if (!isObject(item) || !isString(item.text)) continue;
    const name: ReportProposedName = { text: item.text, evidence: evidenceOf(item.evidence) };
    if (isString(item.expansion)) name.expansion = item.expansion;
    if (isString(item.node)) name.node = item.node;
    proposed.push(name);
  }
  return proposed;
}

/** The located spans among `value` (a list, or one span as proposed names carry); anything else is left out. */
function evidenceOf(value: unknown): Evidence[] {
  const items: unknown[] = Array.isArray(value) ? value : isObject(value) ? [value] : [];
  return items.filter(
    (e): e is Evidence => isObject(e) && (e.field === 'title' || e.field === 'abstract') && typeof e.start === 'number' && typeof e.end === 'number' && e.end >= e.start,
  );
}
