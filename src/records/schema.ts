/** The validated shape every reader produces, whatever the input format. */
import { z } from 'zod';
import { ISO_DATE } from './check.js';
const text = z.string();
const nonEmpty = z.string().min(1);

/**
 * Zod schema of a paper record. Optional fields are absent rather than `undefined`
 * (`exactOptional`), matching the repository's `exactOptionalPropertyTypes`.
 */
export const PaperRecordSchema = z.strictObject({
  id: nonEmpty,
  title: text,
  abstract: text,
  authors: z.array(nonEmpty).exactOptional(),
  year: z.number().int().min(1000).max(2999).exactOptional(),
  date: z.string().regex(ISO_DATE, 'expected yyyy-mm-dd, yyyy-mm or yyyy').exactOptional(),
  venue: nonEmpty.exactOptional(),
  url: nonEmpty.exactOptional(),
  doi: nonEmpty.exactOptional(),
  arxivId: nonEmpty.exactOptional(),
  categories: z.array(nonEmpty).exactOptional(),
  source: nonEmpty,
});

/** One paper, as read from any input format. */
export interface PaperRecord {
  /** Unique within one input: the format's own id, else `FILE:LINE`. */
  id: string;
  /** Whitespace collapsed; empty when the input has none. */
  title: string;
  /** Whitespace collapsed; empty when the input has none. */
  abstract: string;
  authors?: string[];
  year?: number;
  /** ISO `yyyy-mm-dd`, `yyyy-mm` or `yyyy`. */
  date?: string;
  venue?: string;
  url?: string;
  /** Bare DOI (`10.x/y`), without `https://doi.org/`. */
  doi?: string;
  /** Bare arXiv id without version (`2106.09685`, `hep-th/9901001`). */
  arxivId?: string;
  categories?: string[];
  /** Format name plus file, e.g. `bibtex:refs.bib`, or the format name alone. */
  source: string;
}

// Compile-time guard: the schema and the hand-written type must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof PaperRecordSchema>, PaperRecord> = true;
void schemaMatchesType;
