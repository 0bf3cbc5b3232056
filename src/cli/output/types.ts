/** The shapes the record formatters share (apart from index.ts, so formatters and index import no cycle). */
import type { TaxonomyIndex } from '../../query/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import type { Palette } from '../colour.js';
import type { Tagged } from '../tagged.js';

/** How much evidence each tag carries. */
export type EvidenceLevel = 'none' | 'short' | 'full';
/** `summary`: id, title and tags (classify); `record`: the whole input record plus tags (filter). */
export type RecordShape = 'summary' | 'record';

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

