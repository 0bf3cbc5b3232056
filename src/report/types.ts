/**
 * What a report is built from: each record with its classification. The named-method fields
 * (`names`, `proposed`) are optional: classifications without them give a report without the
 * leaderboard, and malformed ones are ignored rather than trusted (see `names.ts`).
 */
import type { Classification, Evidence, NameHit, ProposedName } from '../classification/types.js';
import type { PaperRecord } from '../records/index.js';

/**
 * A named method as the report reads it from a (possibly saved) result: the classifier's shape,
 * with the role and family node taken as written rather than trusted.
 */
export type ReportName = Omit<NameHit, 'role' | 'node'> & { role: string; node?: string };

/** A name a paper introduces, its evidence as a list (the classifier gives one span). */
export type ReportProposedName = Omit<ProposedName, 'evidence'> & { evidence: Evidence[] };

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
