
import { csvFormatter } from './csv.js';
import { jsonFormatter } from './json.js';
import { jsonlFormatter } from './jsonl.js';
import { tableFormatter } from './table.js';

export type { EvidenceLevel, Formatter, FormatterOptions, RecordShape } from './types.js';
import type { EvidenceLevel, Formatter, FormatterOptions } from './types.js';

export const RECORD_FORMATS = ['table', 'jsonl', 'json', 'csv'] as const;
export type RecordFormat = (typeof RECORD_FORMATS)[number];
export const EVIDENCE_LEVELS: readonly EvidenceLevel[] = ['none', 'short', 'full'];

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
