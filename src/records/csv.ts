/**
 * CSV and TSV paper lists (RFC 4180): a header row names the columns (matched through the
 * shared aliases, case-insensitively), quoted fields may span lines and contain doubled
 * quotes, line breaks may be CRLF. A row with the wrong number of fields is an issue for
 * that row only.
 */
import { FieldError, RecordSink } from './build.js';
import { ReadError } from './errors.js';
import { FIELD_ALIASES, indexKeys, mapGenericFields } from './fields.js';
import type { ReadOptions, ReadResult } from './types.js';

/** One parsed row with the place of each field, for exact issue locations. */
export interface CsvRow {
  fields: string[];
  line: number;
  /** The line the row ends on (after quoted line breaks). */
  endLine?: number;
  /** Line and column of each field's first character. */
  places: { line: number; column: number }[];
  /** Why the row is malformed, when it is. */
  problem?: string;
}

/** Field delimiters the reader sniffs between. */
export type CsvDelimiter = ',' | '\t' | ';';

/** `\t` for `.tsv`, else whichever of `,` `\t` `;` is most common (outside quotes) in the first line. */
export function detectDelimiter(text: string, fileName?: string): CsvDelimiter {
  if (fileName && /\.tsv$/i.test(fileName)) return '\t';
  const firstLine = (/^[^\r\n]*/.exec(text)?.[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([',', '\t', ';'] as const).map((d) => [d, firstLine.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Splits CSV text into rows. Never throws: an unterminated quote ends the text with a problem row. */
export function parseCsv(text: string, delimiter: CsvDelimiter = ','): CsvRow[] {
  return new CsvScanner(text, delimiter).rows();
}

class CsvScanner {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly delimiter: string,
  ) {}

  rows(): CsvRow[] {
    const rows: CsvRow[] = [];
    while (this.i < this.text.length) {
      const row = this.row();
      const blank = row.fields.length === 1 && row.fields[0] === '' && !row.problem;
      if (!blank) rows.push(row);
    }
    return rows;
  }

  private row(): CsvRow {
    const row: CsvRow = { fields: [], line: this.line, places: [] };
    for (;;) {
      row.places.push({ line: this.line, column: this.i - this.lineStart + 1 });
      const field = this.text[this.i] === '"' ? this.quoted(row) : this.unquoted();
      row.fields.push(field);
      if (this.text[this.i] === this.delimiter && !row.problem?.startsWith('unterminated')) {
        this.i++;
        continue;
      }
      row.endLine = this.line;
      this.newline();
      return row;
    }
  }

  private unquoted(): string {
    const start = this.i;
    while (this.i < this.text.length) {
      const c = this.text[this.i];
      if (c === this.delimiter || c === '\n' || c === '\r') break;
      this.i++;
    }
    return this.text.slice(start, this.i);
  }

  private quoted(row: CsvRow): string {
    const open = { line: this.line, column: this.i - this.lineStart + 1 };
    const openOffset = this.i;
    const parts: string[] = [];
    this.i++;
    for (;;) {
      const close = this.text.indexOf('"', this.i);
      if (close < 0) {
        // Resume at the next line so one stray quote does not swallow the rest of the file.
        const lineEnd = this.text.slice(openOffset).search(/[\r\n]/);
        this.i = lineEnd < 0 ? this.text.length : openOffset + lineEnd;
        row.problem = `unterminated quoted field (opened at line ${open.line}, column ${open.column}); expected a closing '"'`;
        return '';
      }
      parts.push(this.text.slice(this.i, close));
      this.advanceTo(close + 1);
      if (this.text[this.i] !== '"') break;
      parts.push('"'); // a doubled quote is a literal quote
      this.i++;
    }
    const rest = this.unquoted();
    if (rest !== '' && !row.problem) row.problem = `unexpected text '${rest.slice(0, 20)}' after a closing quote; quote the whole field`;
    return parts.join('') + rest;
  }

  /** Moves to `end`, counting the line breaks passed inside quoted fields. */
  private advanceTo(end: number): void {
    for (let k = this.i; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (c === 10 || (c === 13 && this.text.charCodeAt(k + 1) !== 10)) {
        this.line++;
        this.lineStart = k + 1;
      }
    }
    this.i = end;
  }

  private newline(): void {
    if (this.text[this.i] === '\r') this.i++;
    if (this.text[this.i] === '\n') this.i++;
    this.line++;
    this.lineStart = this.i;
  }
}

/** Reads a CSV/TSV paper list. Throws `ReadError` when the header has no title or abstract column. */
export function readCsv(text: string, options: ReadOptions = {}): ReadResult {
  const sink = new RecordSink('csv', options.source, options.strict);
  const body = text.replace(/^\uFEFF/, '');
  const rows = parseCsv(body, detectDelimiter(body, options.source));
  const header = rows[0];
  if (!header) return sink.result();
  const names = header.fields.map((name) => name.trim());
  const index = indexKeys(names);
  if (!index.has('title') && !index.has('abstract')) {
    const expected = [...FIELD_ALIASES.title, ...FIELD_ALIASES.abstract].join(', ');
    const reason = `the header has no title or abstract column (columns: ${names.join(', ')}); expected one of ${expected}`;
    throw new ReadError(reason, { source: sink.issueSource, line: header.line, column: 1 });
  }
  const columnOf = new Map(names.map((name, i) => [name, i] as const).reverse());
  for (const row of rows.slice(1)) readRow(sink, row, names.length, columnOf, index);
  return sink.result();
}

function readRow(sink: RecordSink, row: CsvRow, width: number, columnOf: Map<string, number>, index: ReturnType<typeof indexKeys>): void {
  const place = { line: row.line };
  // A stray quote can make one row swallow the lines after it: the issue names every line it took.
  const span = row.endLine !== undefined && row.endLine > row.line ? ` (this row runs over lines ${row.line}-${row.endLine}; none of them is read)` : '';
  if (row.problem) return sink.reject(place, row.problem + span, { code: 'entry/syntax' });
  if (row.fields.length !== width) {
    return sink.reject(place, `expected ${width} fields as in the header, got ${row.fields.length}${span}`, { code: 'entry/syntax' });
  }
  sink.attempt(place, (entry) => {
    const cell = (key: string): number => columnOf.get(key) ?? -1;
    const source = {
      get: (key: string) => row.fields[cell(key)],
      fail: (key: string, message: string): never => {
        throw new FieldError(key, message, row.places[cell(key)]);
      },
    };
    return mapGenericFields(source, index, entry);
  });
}
