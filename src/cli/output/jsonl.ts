/**
 * JSON Lines output, one object per input record, and the record/tag views the JSON formats share.
 */
import type { Classification, Evidence, NameHit, Tag } from '../../classification/types.js';
import type { Tagged } from '../tagged.js';
import type { EvidenceLevel, Formatter, FormatterOptions, RecordShape } from './types.js';
export type { EvidenceLevel, RecordShape } from './types.js';



type ShortEvidence = Pick<Evidence, 'field' | 'start' | 'end' | 'text'>;

interface TagView {
  facet: string;
  id: string;
  label: string;
  score: number;
  evidence?: Evidence[] | ShortEvidence[];
}

export function tagView(tag: Tag, level: EvidenceLevel): TagView {
  const view: TagView = { facet: tag.facet, id: tag.id, label: tag.label, score: tag.score };
  if (level === 'full') view.evidence = tag.evidence;
  else if (level === 'short') view.evidence = tag.evidence.map(({ field, start, end, text }) => ({ field, start, end, text }));
  return view;
}

/** A named method as output: its evidence shaped like a tag's. */
function nameView(hit: NameHit, level: EvidenceLevel): object {
  const { evidence, ...rest } = hit;
  if (level === 'full') return hit;
  if (level === 'short') return { ...rest, evidence: evidence.map(({ field, start, end, text }) => ({ field, start, end, text })) };
  return rest;
}

/** The names and proposed names of a result, when it has them (not with `names: false`). */
function namesView(classification: Classification, level: EvidenceLevel): object {
  const view: { names?: object[]; proposed?: Classification['proposed'] } = {};
  if (classification.names) view.names = classification.names.map((hit) => nameView(hit, level));
  if (classification.proposed) view.proposed = classification.proposed;
  return view;
}

export function entryView(entry: Tagged, shape: RecordShape, level: EvidenceLevel): object {
  const tags = entry.classification.tags.map((tag) => tagView(tag, level));
  const names = namesView(entry.classification, level);
  if (shape === 'record') return { ...entry.record, tags, ...names };
  return { id: entry.record.id, title: entry.record.title, tags, ...names };
}

export function jsonlFormatter(options: FormatterOptions): Formatter {
  return {
    start: () => '',
    entry: (entry) => `${JSON.stringify(entryView(entry, options.shape, options.evidence))}\n`,
    lead: '',
    separator: '',
    end: () => '',
  };
}
