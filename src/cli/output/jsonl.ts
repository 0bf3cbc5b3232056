/**
 * JSON Lines output, one object per input record, and the record/tag views the JSON formats share.
 */
import type { Evidence, Tag } from '../../classification/types.js';
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

export function entryView(entry: Tagged, shape: RecordShape, level: EvidenceLevel): object {
  const tags = entry.classification.tags.map((tag) => tagView(tag, level));
  if (shape === 'record') return { ...entry.record, tags };
  return { id: entry.record.id, title: entry.record.title, tags };
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
