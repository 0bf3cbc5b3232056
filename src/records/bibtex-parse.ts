/**
 * BibTeX syntax: entries, `@string` macros, `#` concatenation, braced and quoted values,
 * `@comment`/`@preamble` skipped, text between entries ignored (as BibTeX does).
 * A broken entry is reported and skipped; parsing resumes at the next `@` that starts a
 * line, which is also how a missing closing brace is caught before it swallows the next entry.
 */

/** One parsed entry with raw (still LaTeX) field values, or the reason it could not be read. */
export interface BibEntry {
  type: string;
  key: string;
  /** Lower-cased field name → raw value; the first of repeated fields wins, as in BibTeX. */
  fields: Map<string, string>;
  /** Offset of the entry's `@`. */
  offset: number;
  problem?: { message: string; offset: number };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ENTRY_START = /@\s*([A-Za-z][\w-]*)\s*([{(])/y;
/** A citation key, or a quoted one (`@book{"a", ...}`) whose quotes are not part of it. */
const KEY = /\s*(?:"([^"\s{}(),=#]*)"|([^,\s{}()"=#]*))\s*/y;
/**
 * BibTeX's identifiers: any printable character but `"#%'(),={}` (so `@string{H&R = ...}` and
 * `a:b` are names); here also not `@`, so a missing `}` is caught at the next entry.
 */
const IDENTIFIER = /[^\s"#%'(),={}@\d][^\s"#%'(),={}@]*/y;
const ENTRY_LINE = '[\\r\\n][ \\t]*@[ \\t]*[A-Za-z][\\w-]*[ \\t]*[{(]';
/** Sticky: checked at every line break inside a value, so it must not scan ahead. */
const ENTRY_LINE_HERE = new RegExp(ENTRY_LINE, 'y');
const NEXT_ENTRY_LINE = new RegExp(ENTRY_LINE, 'g');
/** The characters that matter inside a value closed by `}`, `"` or `)`. */
const IN_BRACES = /[\\{}\n\r]/g;
const SPECIAL: Record<string, RegExp> = { '}': IN_BRACES, '"': /[\\{}"\n\r]/g, ')': /[\\{})\n\r]/g };

class BibSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Parses BibTeX text into entries in input order. Never throws on bad syntax. */
export function parseBibtex(text: string): BibEntry[] {
  return new BibParser(text).parse();
}

class BibParser {
  private pos = 0;
  private close = '}';
  private readonly macros = new Map(MONTHS.map((m) => [m.slice(0, 3).toLowerCase(), m] as const));
  private readonly entries: BibEntry[] = [];
  private scanned = 0;
  private percentOnLine = false;

  constructor(private readonly text: string) {}

  parse(): BibEntry[] {
    for (;;) {
      const at = this.text.indexOf('@', this.pos);
      if (at < 0) return this.entries;
      if (this.commentedOut(at)) {
        this.pos = at + 1;
        continue;
      }
      ENTRY_START.lastIndex = at;
      const start = ENTRY_START.exec(this.text);
      if (!start) {
        this.pos = at + 1;
        continue;
      }
      this.pos = ENTRY_START.lastIndex;
      this.close = start[2] === '(' ? ')' : '}';
      this.item((start[1] ?? '').toLowerCase(), at);
    }
  }

  /**
   * `%@article{...}`: a `%` before the `@` on its line comments the entry out, as biber and
   * JabRef read it.
   */
  private commentedOut(at: number): boolean {
    // Back to the line's start or the last `@` checked, whichever comes first: each character once.
    let i = at - 1;
    while (i >= this.scanned) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 37) break;
      i--;
    }
    if (i >= this.scanned) this.percentOnLine = this.text.charCodeAt(i) === 37;
    this.scanned = at;
    return this.percentOnLine;
  }

  private item(type: string, offset: number): void {
    const entry: BibEntry = { type, key: '', fields: new Map(), offset };
    try {
      if (type === 'comment' || type === 'preamble') return this.skipBalanced();
      if (type === 'string') return this.macro();
      this.entry(entry);
      this.entries.push(entry);
    } catch (error) {
      if (!(error instanceof BibSyntaxError)) throw error;
      entry.problem = { message: error.message, offset: error.offset };
      this.entries.push(entry);
      this.pos = this.resumeAfter(Math.max(offset + 1, Math.min(error.offset, this.text.length)));
    }
  }

  private entry(entry: BibEntry): void {
    KEY.lastIndex = this.pos;
    const key = KEY.exec(this.text);
    // EndNote writes entries without a key (`@article{\n author = ...`): that word is a field name.
    if (key && this.text[KEY.lastIndex] !== '=') {
      entry.key = key[1] ?? key[2] ?? '';
      this.pos = KEY.lastIndex;
    }
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === this.close) return void this.pos++;
      if (c === ',') {
        this.pos++;
        continue;
      }
      // A commented-out field line.
      if (c === '%') {
        this.skipLine();
        continue;
      }
      this.field(entry);
      this.skipSpace();
      const after = this.text[this.pos];
      if (after !== ',' && after !== this.close) this.failExpected(`',' or '${this.close}' after field`);
    }
  }

  private field(entry: BibEntry): void {
    const name = this.identifier('a field name');
    this.skipSpace();
    if (this.text[this.pos] !== '=') this.failExpected(`'=' after field name '${name}'`);
    this.pos++;
    const value = this.value();
    if (!entry.fields.has(name)) entry.fields.set(name, value);
  }

  private macro(): void {
    this.skipSpace();
    const name = this.identifier('a macro name');
    this.skipSpace();
    if (this.text[this.pos] !== '=') this.failExpected(`'=' after @string name '${name}'`);
    this.pos++;
    this.macros.set(name, this.value());
    this.skipSpace();
    if (this.text[this.pos] !== this.close) this.failExpected(`'${this.close}' to end the @string`);
    this.pos++;
  }

  /** A value: parts joined by `#`, each braced, quoted, a number or a macro name. */
  private value(): string {
    const parts: string[] = [];
    for (;;) {
      this.skipSpace();
      const c = this.text[this.pos];
      if (c === '{') parts.push(this.delimited('{', '}'));
      else if (c === '"') parts.push(this.delimited('"', '"'));
      else if (c !== undefined && /\d/.test(c)) parts.push(this.match(/\d+/y));
      else {
        const name = this.identifier('a value ({...}, "...", a number or a macro name)');
        // An undefined macro keeps its name: more useful than BibTeX's empty string.
        parts.push(this.macros.get(name) ?? name);
      }
      this.skipSpace();
      if (this.text[this.pos] !== '#') return parts.join('');
      this.pos++;
    }
  }

  /**
   * Braced or quoted text with balanced inner braces, counted without recursion. `\{` and `\}`
   * are escaped braces that do not count: Zotero writes a literal brace that way, unpaired.
   */
  private delimited(_open: string, close: string): string {
    const start = this.pos + 1;
    let depth = 0;
    // Jumps from one character that matters to the next: most of a value is plain text.
    const special = SPECIAL[close] ?? IN_BRACES;
    special.lastIndex = start;
    for (let found = special.exec(this.text); found; found = special.exec(this.text)) {
      const i = found.index;
      const c = found[0];
      if (c === '\\') {
        const next = this.text[i + 1];
        if (next === '{' || next === '}' || next === '\\') special.lastIndex = i + 2;
      } else if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else if (c === close && depth === 0) {
        this.pos = i + 1;
        return this.text.slice(start, i);
      } else if ((c === '\n' || c === '\r') && this.startsEntry(i)) {
        throw new BibSyntaxError(`unterminated value: expected '${close}' before the next entry`, i + 1);
      }
    }
    throw new BibSyntaxError(`unterminated value: expected '${close}' before the end of the file`, this.text.length);
  }

  private startsEntry(newline: number): boolean {
    ENTRY_LINE_HERE.lastIndex = newline;
    return ENTRY_LINE_HERE.test(this.text);
  }

  private identifier(what: string): string {
    const name = this.match(IDENTIFIER);
    if (!name) this.failExpected(what);
    return name.toLowerCase();
  }

  private match(pattern: RegExp): string {
    pattern.lastIndex = this.pos;
    const found = pattern.exec(this.text)?.[0] ?? '';
    this.pos += found.length;
    return found;
  }

  private skipBalanced(): void {
    this.pos--; // back onto the opening delimiter
    if (this.text[this.pos] === '{') this.delimited('{', '}');
    else this.delimited('(', ')');
  }

  private skipLine(): void {
    const end = this.text.indexOf('\n', this.pos);
    this.pos = end < 0 ? this.text.length : end + 1;
  }

  private skipSpace(): void {
    this.match(/\s*/y);
  }

  private failExpected(what: string): never {
    const c = this.text[this.pos];
    if (c === undefined) throw new BibSyntaxError(`unterminated entry: expected ${what} before the end of the file`, this.pos);
    if (c === '@' && this.startsEntry(this.text.lastIndexOf('\n', this.pos))) {
      throw new BibSyntaxError(`unterminated entry: expected '${this.close}' before the next entry`, this.pos);
    }
    throw new BibSyntaxError(`expected ${what}, found '${c}'`, this.pos);
  }

  /** Where to continue after a broken entry: the next line that starts with `@type{`. */
  private resumeAfter(from: number): number {
    NEXT_ENTRY_LINE.lastIndex = Math.max(0, from - 1);
    const match = NEXT_ENTRY_LINE.exec(this.text);
    return match ? match.index + 1 : this.text.length;
  }
}
