/**
 * CSV output: one row per record, `id,title`, one column per facet (ids joined with `;`, in
 * taxonomy order, implied parents included) and `scores` (`id=score;…`).
 */
import type { Tag } from '../../classification/types.js';
import type { Tagged } from '../tagging.js';
import type { Formatter, FormatterOptions } from './index.js';

export function csvFormatter(options: FormatterOptions): Formatter {
  const { facets, index } = options;
  const ordered = (tags: readonly Tag[]) => [...tags].sort((a, b) => index.compare(a.id, b.id));
  const row = (cells: readonly string[]) => `${cells.map(quote).join(',')}\r\n`;
  return {
    start: () => row(['id', 'title', ...facets, 'scores']),
    entry(entry: Tagged) {
      const tags = ordered(entry.classification.tags);
      const perFacet = facets.map((facet) => tags.filter((t) => t.facet === facet).map((t) => t.id).join(';'));
      const scores = tags.map((t) => `${t.id}=${t.score}`).join(';');
      return row([entry.record.id, entry.record.title, ...perFacet, scores]);
    },
    lead: '',
    separator: '',
    end: () => '',
  };
}

/** RFC 4180: quote fields with a comma, quote or line break; double inner quotes. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
