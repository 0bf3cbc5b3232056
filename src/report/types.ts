/**
 * What a report is built from: each record with its classification. The named-method fields
 * (`names`, `proposed`) are optional: classifications without them give a report without the
 * leaderboard, and malformed ones are ignored rather than trusted (see `names.ts`).
 */
import type { Classification, Evidence } from '../classification/types.js';
import type { PaperRecord } from '../records/index.js';

/** A named method a paper mentions, with the role it plays there (`proposes`, `uses`, `compares`, …). */
export interface NameHit {
  id: string;
  label: string;
  /** The taxonomy node the name belongs to. */
  node?: string;
  role: string;
  score: number;
  evidence: Evidence[];
}

/** A method name a paper introduces that the taxonomy does not know yet. */
export interface ProposedName {
  text: string;
  expansion?: string;
  node?: string;
  evidence: Evidence[];
}

/** A classification, possibly carrying named methods. */
export type ReportClassification = Omit<Classification, 'names' | 'proposed'> & { names?: unknown; proposed?: unknown };

export interface ReportEntry {
  record: PaperRecord;
  classification: ReportClassification;
}

/** What the report says about its inputs, shown in the page's header. */
export interface ReportSource {
  /** Input names, as given. */
  inputs: string[];
  /** Entries that could not be read or classified (reported on stderr by the CLI). */
  rejected: number;
  /** When the report was made (ISO); omitted for reproducible output. */
  generated?: string;
  /** The report's title. */
  title?: string;
}
