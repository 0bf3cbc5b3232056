/**
 * CSV output: one row per record, `id,title`, one column per facet (ids joined with `;`, in
 * taxonomy order, implied parents included) and `scores` (`id=score;…`).
 */
import type { Tag } from '../../classification/types.js';
import type { Tagged } from '../tagged.js';
import type { Formatter, FormatterOptions } from './types.js';

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

/**
 * RFC 4180 quoting (fields with a comma, quote or line break; inner quotes doubled), after
 * neutralising formula injection as OWASP's CSV injection guidance says: a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so that a spreadsheet shows
 * it as text instead of running it (`=HYPERLINK(…)` from a title must never become a link).
 */
export function quote(field: string): string {
  const safe = /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
  return /[",\r\n\t]/.test(safe) || safe !== field ? `"${safe.replace(/"/g, '""')}"` : safe;
}
