/** Record output formats for classify and filter. */
import type { TaxonomyIndex } from '../../query/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import type { Palette } from '../colour.js';
import type { Tagged } from '../tagging.js';
import { csvFormatter } from './csv.js';
import { jsonFormatter } from './json.js';
import { jsonlFormatter, type EvidenceLevel, type RecordShape } from './jsonl.js';
import { tableFormatter } from './table.js';

export type { EvidenceLevel, RecordShape } from './jsonl.js';

export const RECORD_FORMATS = ['table', 'jsonl', 'json', 'csv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['none', 'short', 'full'];

/**
 * Turns tagged records into text: a header, one piece per record, a footer. A record's piece does
 * not depend on where it falls (what differs, JSON's commas, is `lead` and `separator`), so
 * batches of records can be rendered apart, on any thread, and joined.
 */
export interface Formatter {
  start(): string;
  entry(entry: Tagged): string;
  /** Written before the first record. */
  readonly lead: string;
  /** Written between two records. */
  readonly separator: string;
  /** The footer, after `written` records. */
  end(written: number): string;
}

export interface FormatterOptions {
  taxonomy: Taxonomy;
  index: TaxonomyIndex;
  /** Facets to show (table, CSV), in taxonomy order. */
  facets: readonly string[];
  shape: RecordShape;
  evidence: EvidenceLevel;
  palette: Palette;
  width: number;
}

export function createFormatter(format: RecordFormat, options: FormatterOptions): Formatter {
  switch (format) {
    case 'table':
      return tableFormatter(options);
    case 'jsonl':
      return jsonlFormatter(options);
    case 'json':
      return jsonFormatter(options);
    case 'csv':
      return csvFormatter(options);
  }
}
