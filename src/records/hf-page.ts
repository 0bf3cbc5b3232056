/**
 * A Hugging Face papers page (daily papers or search results) copied from the browser
 * as plain text. Per paper: a title line, the abstract paragraph, then a metadata block
 * (`  • 11 authors` or an organisation, a `·` line, and a date such as `Oct 21, 2024`
 * or `Jan 23`, optionally followed by the upvote count). Any of abstract and metadata
 * may be missing. Page chrome before the first paper ("Daily Papers", "Subscribe", ...)
 * is skipped.
 *
 * Dates without a year (`Jan 23`, shown for the current year) leave both `date` and
 * `year` unset: the copy does not say which year it was, and a guessed year would be
 * silently wrong around New Year.
 */
import { RecordSink } from './build.js';
import { splitLines } from './lines.js';
import { collapseWhitespace, isoDate, monthNumber } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
/** `Oct 21, 2024`, `Sep 10, 2024 2` (2 upvotes), `Jan 23`, `May 31 2`. */
const DATE_LINE = new RegExp(`^\\s*${MONTH}\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?(?:\\s+\\d+)?\\s*$`);
const AUTHORS_LINE = /^\s*[•·]\s*\d+\s+authors?\s*$/;
const SEPARATOR_LINE = /^\s*·\s*$/;

interface Block {
  lines: string[];
  line: number;
}

interface Paper {
  title: string;
  line: number;
  abstract?: string;
  date?: string | undefined;
}

/** True when the text has the page's per-paper metadata blocks. */
export function looksLikeHfPage(text: string): boolean {
  const lines = splitLines(text.slice(0, 200_000));
  return lines.some((line, i) => AUTHORS_LINE.test(line) || (SEPARATOR_LINE.test(line) && DATE_LINE.test(lines[i + 1] ?? '')));
}

/** Reads a copied Hugging Face papers page. Never throws. */
export function readHfPage(text: string, options: ReadOptions = {}): ReadResult {
  const sink = new RecordSink('hf-page', options.source, options.strict);
  const blocks = blocksOf(text.replace(/^\uFEFF/, ''));
  let started = false;
  let pending: Paper | undefined;
  const flush = (): void => {
    if (pending) sink.add({ title: pending.title, abstract: pending.abstract, date: pending.date }, { line: pending.line });
    pending = undefined;
  };
  blocks.forEach((block, i) => {
    if (isMeta(block)) {
      if (pending) pending.date = dateOf(block);
      return flush();
    }
    const content = collapseWhitespace(block.lines.join(' '));
    const next = blocks[i + 1];
    // Page chrome ends where the first title is followed by its abstract.
    started ||= !isAbstract(content) && next !== undefined && !isMeta(next) && isAbstract(collapseWhitespace(next.lines.join(' ')));
    if (!started) return;
    if (!isAbstract(content)) {
      flush();
      pending = { title: content, line: block.line };
    } else if (pending && pending.abstract === undefined) {
      pending.abstract = content;
    } else {
      flush();
      sink.reject({ line: block.line }, 'found an abstract paragraph without a title line before it');
    }
  });
  flush();
  return sink.result();
}

/** Paragraphs: runs of non-blank lines with the line number of their first line. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  splitLines(text).forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { lines: [line], line: i + 1 };
      blocks.push(current);
    }
  });
  return blocks;
}

function isMeta(block: Block): boolean {
  if (block.lines.some((l) => AUTHORS_LINE.test(l) || SEPARATOR_LINE.test(l))) return true;
  return block.lines.length === 1 && DATE_LINE.test(block.lines[0] ?? '');
}

/**
 * Titles are one short line; abstracts are long prose. On the real page titles stay
 * under 200 characters and abstracts over 1,300, so the thresholds leave a wide margin.
 */
function isAbstract(text: string): boolean {
  const words = text.split(' ').length;
  return text.length >= 300 || words >= 40 || (words >= 12 && /[.!]$/.test(text) && /[.!]\s+[A-Z]/.test(text));
}

function dateOf(block: Block): string | undefined {
  for (const line of block.lines) {
    const match = DATE_LINE.exec(line);
    if (!match) continue;
    const month = monthNumber(match[1] ?? '');
    return match[3] === undefined || month === undefined ? undefined : isoDate(Number(match[3]), month, Number(match[2]));
  }
  return undefined;
}
