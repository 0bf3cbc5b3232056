/**
 * When a record appeared, to the precision the record gives: `date` (yyyy-mm-dd, yyyy-mm, yyyy),
 * else `year`, else the month a new-style arXiv id encodes (`2106.09685` → 2021-06; arXiv assigns
 * ids in submission order, so the month is the month of first submission).
 */
import type { PaperRecord } from '../records/index.js';

export interface When {
  year: number;
  /** 1..12, when known. */
  month?: number;
}

const DATE = /^(\d{4})(?:-(\d{2}))?/;
const ARXIV = /^(\d{2})(\d{2})\.\d{4,5}$/;

export function whenOf(record: PaperRecord): When | undefined {
  const date = record.date === undefined ? null : DATE.exec(record.date);
  if (date) return withMonth(Number(date[1]), date[2]);
  if (record.year !== undefined && Number.isInteger(record.year)) return { year: record.year };
  const arxiv = record.arxivId === undefined ? null : ARXIV.exec(record.arxivId);
  if (arxiv) return withMonth(2000 + Number(arxiv[1]), arxiv[2]);
  return undefined;
}

function withMonth(year: number, month: string | undefined): When {
  const m = month === undefined ? Number.NaN : Number(month);
  return m >= 1 && m <= 12 ? { year, month: m } : { year };
}

/** `2024-03`, or `2024` without a month: what the table shows and sorts by. */
export function whenText(when: When | undefined): string {
  if (!when) return '';
  return when.month === undefined ? String(when.year) : `${when.year}-${String(when.month).padStart(2, '0')}`;
}

/** The record's own date when it has one (it may carry the day), else `whenText`. */
export function dateLabel(record: PaperRecord, when: When | undefined): string {
  return record.date !== undefined && DATE.test(record.date) ? record.date : whenText(when);
}
