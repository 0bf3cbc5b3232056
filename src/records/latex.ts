/**
 * Turns the LaTeX found in BibTeX fields into readable Unicode text: accents (`{\"u}`,
 * `\'e`, `\c{c}`), special letters (`{\ss}`, `\o`), escaped symbols (`\&`), dashes,
 * TeX quotes and formatting commands. Braces only protect case in BibTeX, so they go.
 * A single iterative pass: an accent waits for the next letter instead of recursing
 * into its argument, so nesting depth cannot overflow the stack.
 */

const ACCENT_SYMBOLS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
};
const ACCENT_WORDS: Record<string, string> = {
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331', t: '\u0361',
};
const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  textendash: '–', textemdash: '—', ldots: '…', dots: '…', textquoteright: '’', textquoteleft: '‘', S: '§', P: '¶',
  copyright: '©', textregistered: '®', texttrademark: '™', euro: '€', pounds: '£', textdegree: '°', times: '×',
};
const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');
const ESCAPED = new Set(['&', '%', '$', '#', '_', '{', '}']);
const SPACES = new Set([',', ';', ':', ' ', '\\', '\n', '\t']);

/** Readable text from a BibTeX field value (braces removed, case kept, whitespace not yet collapsed). */
export function latexToText(value: string): string {
  return new LatexReader(value).read().normalize('NFC');
}

class LatexReader {
  private pos = 0;
  private readonly out: string[] = [];
  private pendingAccent = '';

  constructor(private readonly text: string) {}

  read(): string {
    const t = this.text;
    const plain = /[^\\{}$~`'-]+/y;
    while (this.pos < t.length) {
      const c = t[this.pos] as string;
      plain.lastIndex = this.pos;
      const run = this.pendingAccent ? null : plain.exec(t);
      // Ordinary text is copied in runs; only the characters LaTeX gives a meaning go one by one.
      if (run) this.literal(run[0], run[0].length);
      else if (c === '\\') this.command();
      else if (c === '{' || c === '}' || c === '$') this.pos++;
      else if (c === '~') this.literal(' ', 1);
      else if (t.startsWith('---', this.pos)) this.emit('—', 3);
      else if (t.startsWith('--', this.pos)) this.emit('–', 2);
      else if (t.startsWith('``', this.pos)) this.emit('“', 2);
      else if (t.startsWith("''", this.pos)) this.emit('”', 2);
      else if (/\s/.test(c)) this.literal(c, 1);
      else this.emit(c, 1);
    }
    return this.out.join('');
  }

  /** Outputs a visible character, attaching a pending accent to it. */
  private emit(char: string, width: number): void {
    const base = this.pendingAccent && char === 'ı' ? 'i' : this.pendingAccent && char === 'ȷ' ? 'j' : char;
    this.out.push(base + this.pendingAccent);
    this.pendingAccent = '';
    this.pos += width;
  }

  /** Outputs spacing, which an accent waiting for its letter skips over. */
  private literal(char: string, width: number): void {
    if (!this.pendingAccent) this.out.push(char);
    this.pos += width;
  }

  private command(): void {
    const next = this.text[this.pos + 1];
    if (next === undefined) return void this.pos++;
    if (/[A-Za-z]/.test(next)) return this.wordCommand();
    const accent = ACCENT_SYMBOLS[next];
    if (accent) {
      this.pendingAccent = accent;
      this.pos += 2;
    } else if (ESCAPED.has(next)) this.emit(next, 2);
    else if (SPACES.has(next)) this.literal(' ', 2);
    else if (next === '!' || next === '/' || next === '-') this.pos += 2;
    else this.emit(next, 2);
  }

  private wordCommand(): void {
    const match = /[A-Za-z]+/y;
    match.lastIndex = this.pos + 1;
    const name = match.exec(this.text)?.[0] ?? '';
    this.pos = match.lastIndex;
    // TeX swallows the spaces after a control word, and `{}` is often used to end one.
    while (this.text[this.pos] === ' ') this.pos++;
    if (this.text.startsWith('{}', this.pos) && !ACCENT_WORDS[name]) this.pos += 2;
    const accent = ACCENT_WORDS[name];
    if (accent) return void (this.pendingAccent = accent);
    const letter = LETTERS[name] ?? greek(name);
    if (letter !== undefined) return this.emitWord(letter);
    // Formatting commands (\emph, \textbf, ...) vanish and leave their argument; unknown
    // commands such as \LaTeX or a macro keep their name so no word silently disappears.
    if (/^(?:text(?:bf|it|sc|tt|rm|sf|up|sl|normal)?|emph|mathrm|mathbf|mathit|mathcal|mathbb|mbox|url|ensuremath|bf|it|em|sc|tt|rm)$/.test(name)) return;
    this.emitWord(name);
  }

  private emitWord(word: string): void {
    const [first = '', ...rest] = Array.from(word);
    this.emit(first, 0);
    this.out.push(rest.join(''));
  }
}

function greek(name: string): string | undefined {
  const lower = GREEK.indexOf(name);
  if (lower >= 0) return String.fromCodePoint(0x3b1 + lower + (lower >= 17 ? 1 : 0));
  const upper = GREEK.indexOf(name.toLowerCase());
  const isUpper = name[0] !== undefined && name[0] !== name[0].toLowerCase();
  return upper >= 0 && isUpper ? String.fromCodePoint(0x391 + upper + (upper >= 17 ? 1 : 0)) : undefined;
}
