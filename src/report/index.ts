/**
 * Corpus reports: a self-contained HTML page with charts, trends and every paper's evidence, or a
 * Markdown digest. Loaded only by `finetax report` (the charting library is heavy, and the core
 * entry must not pay for it).
 */
import type { Taxonomy } from '../taxonomy/types.js';
import { renderMarkdown } from './markdown.js';
import { buildModel } from './model.js';
import type { ReportEntry, ReportSource } from './types.js';

export type { ReportEntry, ReportName, ReportProposedName, ReportSource } from './types.js';
export { buildModel, type ReportModel } from './model.js';

export type ReportFormat = 'html' | 'markdown';

/** The report of `entries` as an HTML page or a Markdown digest (which does not load the charting library). */
export async function renderReport(entries: readonly ReportEntry[], taxonomy: Taxonomy, source: ReportSource, format: ReportFormat): Promise<string> {
  const model = buildModel(entries, taxonomy);
  if (format === 'markdown') return renderMarkdown(entries, model, taxonomy, source);
  const { renderHtml } = await import('./html.js');
  return renderHtml(entries, model, taxonomy, source);
}
