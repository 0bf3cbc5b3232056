/** A record with its classification: what the CLI's work and formatters pass around. */
import type { Classification } from '../classification/types.js';
import type { PaperRecord } from '../records/index.js';

export interface Tagged {
  record: PaperRecord;
  classification: Classification;
}
