/**
 * Turns the LaTeX found in BibTeX fields into readable Unicode text: accents (`{\"u}`,
 * `\'e`, `\c{c}`), special letters (`{\ss}`, `\o`), escaped symbols (`\&`, Zotero's
 * `{\textbackslash}`), dashes, TeX quotes, formatting commands, the little math that titles
 * carry (`$\pm$`, `$^2$`, `H$_2$O`), super- and subscripts, quotes (`\enquote`) and links.
 * Braces only protect case in BibTeX, so they go.
 *
 * What each command means is data (the tables below), not code per command. One iterative
 * pass: an accent waits for the next letter, and a command's braced argument is a frame on an
 * explicit stack that is finished when its `}` comes, so nesting depth cannot overflow the stack.
 */

const ACCENT_SYMBOLS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304', '.': '\u0307',
};
const ACCENT_WORDS: Record<string, string> = {
  u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331', t: '\u0361',
  textacutemacron: '\u0301\u0304', textgravemacron: '\u0300\u0304', textmacronacute: '\u0304\u0301',
};
/** An accent with nothing under it (`\~{}`) is the accent mark itself, as LaTeX prints it. */
const BARE_ACCENTS: Record<string, string> = {
  '~': '~', '^': '^', '"': '¨', "'": '´', '`': '`', '=': '¯', '.': '˙', u: '˘', v: 'ˇ', H: '˝', c: '¸', r: '˚',
};

/** Math operators print as words (`$O(n \log n)$`), spaced because math mode drops spaces. */
const OPERATORS = ['log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'max', 'min', 'sup', 'inf', 'lim', 'det', 'arg', 'dim', 'ker', 'Pr', 'mod', 'bmod', 'argmax', 'argmin'];

/** Control words that stand for a piece of text. */
const SYMBOLS: Record<string, string> = {
  ...Object.fromEntries(OPERATORS.map((name) => [name, ` ${name} `])),
  // Letters
  ss: 'ß', o: 'ø', O: 'Ø', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ', dj: 'đ', DJ: 'Đ',
  // Text symbols, including the ones Zotero and Better BibTeX write for ASCII characters
  textbackslash: '\\', backslash: '\\', textasciicircum: '^', textasciitilde: '~', textunderscore: '_',
  textbar: '|', textless: '<', textgreater: '>', textbraceleft: '{', textbraceright: '}', lbrace: '{', rbrace: '}',
  textdollar: '$', textpercent: '%', textasteriskcentered: '*', textasciigrave: '`', textasciiacute: '´',
  textendash: '–', textemdash: '—', textellipsis: '…', ldots: '…', dots: '…', cdots: '⋯',
  textquoteleft: '‘', textquoteright: '’', textquotedblleft: '“', textquotedblright: '”', textquotesingle: "'",
  textquotedbl: '"', guillemotleft: '«', guillemotright: '»', guilsinglleft: '‹', guilsinglright: '›',
  textexclamdown: '¡', textquestiondown: '¿', S: '§', P: '¶', textsection: '§', textparagraph: '¶',
  copyright: '©', textcopyright: '©', textregistered: '®', texttrademark: '™', euro: '€', texteuro: '€',
  pounds: '£', textsterling: '£', textyen: '¥', textcent: '¢', textdegree: '°', textcelsius: '℃', textmu: 'µ',
  textperiodcentered: '·', textbullet: '•', textdagger: '†', textdaggerdbl: '‡', textminus: '−', textpm: '±',
  texttimes: '×', textdiv: '÷', textonehalf: '½', textonequarter: '¼', textthreequarters: '¾', slash: '/',
  // Math
  cdot: '⋅', pm: '±', mp: '∓', times: '×', div: '÷', ast: '∗', star: '⋆', circ: '∘', bullet: '∙',
  le: '≤', leq: '≤', leqslant: '⩽', ge: '≥', geq: '≥', geqslant: '⩾', ll: '≪', gg: '≫', neq: '≠', ne: '≠',
  approx: '≈', sim: '∼', simeq: '≃', cong: '≅', equiv: '≡', propto: '∝', infty: '∞', ell: 'ℓ', hbar: 'ℏ',
  partial: '∂', nabla: '∇', sum: '∑', prod: '∏', int: '∫', sqrt: '√', in: '∈', notin: '∉', subset: '⊂',
  subseteq: '⊆', supset: '⊃', cup: '∪', cap: '∩', forall: '∀', exists: '∃', emptyset: '∅', varnothing: '∅',
  neg: '¬', wedge: '∧', vee: '∨', oplus: '⊕', otimes: '⊗', perp: '⊥', parallel: '∥', mid: '∣', prime: '′',
  rightarrow: '→', to: '→', leftarrow: '←', gets: '←', leftrightarrow: '↔', Rightarrow: '⇒', Leftarrow: '⇐',
  Leftrightarrow: '⇔', mapsto: '↦', uparrow: '↑', downarrow: '↓', langle: '⟨', rangle: '⟩',
  lfloor: '⌊', rfloor: '⌋', lceil: '⌈', rceil: '⌉', vert: '|', Vert: '‖', colon: ':', degree: '°',
  // Spacing and commands that print nothing
  quad: ' ', qquad: ' ', enspace: ' ', thinspace: ' ', nobreakspace: ' ', space: ' ', newline: ' ', par: ' ',
  relax: '', protect: '', noindent: '', nolinkurl: '', left: '', right: '', big: '', Big: '', bigg: '', Bigg: '',
  displaystyle: '', textstyle: '', scriptstyle: '', limits: '', nolimits: '', centering: '', hfill: ' ',
  // Font declarations (`{\em word}`) change only the look.
  em: '', bf: '', it: '', sc: '', tt: '', rm: '', sf: '', sl: '', itshape: '', bfseries: '', scshape: '',
  upshape: '', mdseries: '', normalfont: '', tiny: '', scriptsize: '', footnotesize: '', small: '',
  normalsize: '', large: '', Large: '', LARGE: '', huge: '', Huge: '',
  LaTeX: 'LaTeX', TeX: 'TeX', BibTeX: 'BibTeX', LaTeXe: 'LaTeX2e', XeTeX: 'XeTeX', LuaTeX: 'LuaTeX',
  varepsilon: 'ε', vartheta: 'ϑ', varphi: 'φ', varrho: 'ϱ', varsigma: 'ς', varpi: 'ϖ', digamma: 'ϝ',
};

/**
 * What a command does with each of its arguments: `keep` the text (formatting), `drop` it
 * (`\noopsort`, `\vphantom`), `raw` keeps it verbatim (URLs), `rawdrop` skips it verbatim,
 * `quote` puts it in curly quotes, `sup`/`sub` raise or lower it, `over` draws a bar over it,
 * `num` is a numerator (`1/2`), `space` replaces it with a space (`\hspace`), `plain` leaves math.
 */
type Action = 'keep' | 'drop' | 'raw' | 'rawdrop' | 'quote' | 'sup' | 'sub' | 'over' | 'num' | 'space' | 'plain';

/** Formatting: the argument is the text. */
const KEEP = [
  'emph', 'mkbibemph', 'mkbibbold', 'mkbibitalic', 'textsc', 'texttt', 'textsf', 'textsl', 'textmd', 'underline',
  'uline', 'fbox', 'makebox', 'mathrm', 'mathbf', 'mathit', 'mathcal', 'mathbb', 'mathsf', 'mathtt', 'mathfrak',
  'mathscr', 'mathnormal', 'boldsymbol', 'bm', 'ensuremath', 'NoCaseChange', 'nocase', 'uppercase', 'lowercase',
  'MakeUppercase', 'MakeLowercase', 'mkbibacro', 'bibstring',
];
/** Text inside math (`$\text{ if }$`): the argument is text, with its spaces. */
const PLAIN = ['text', 'textrm', 'textnormal', 'textup', 'textit', 'textbf', 'mbox', 'hbox', 'operatorname'];
const ACTIONS: Record<string, Action[]> = {
  ...Object.fromEntries(KEEP.map((name) => [name, ['keep']])),
  ...Object.fromEntries(PLAIN.map((name) => [name, ['plain']])),
  foreignlanguage: ['drop', 'keep'], textcolor: ['drop', 'keep'], colorbox: ['drop', 'keep'], href: ['rawdrop', 'keep'],
  noopsort: ['drop'], vphantom: ['drop'], hphantom: ['drop'], phantom: ['drop'], label: ['drop'], index: ['drop'],
  nocite: ['drop'], selectlanguage: ['drop'], begin: ['drop'], end: ['drop'], hspace: ['space'], vspace: ['space'],
  url: ['raw'], path: ['raw'], doi: ['raw'],
  enquote: ['quote'], mkbibquote: ['quote'], textquote: ['quote'], hyphenquote: ['drop', 'quote'],
  textsuperscript: ['sup'], textsubscript: ['sub'], overline: ['over'], bar: ['over'], widebar: ['over'],
  frac: ['num', 'keep'], dfrac: ['num', 'keep'], tfrac: ['num', 'keep'],
};

const SUPERSCRIPTS = pairs(
  '0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW',
  '⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ',
);
const SUBSCRIPTS = pairs('0123456789+-−=()aehijklmnoprstuvxβγρφχ', '₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ');
const MAX_SHIFTED = 32;
const GREEK = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon phi chi psi omega'.split(' ');
const ESCAPED = new Set(['&', '%', '$', '#', '_', '{', '}']);
const SPACES = new Set([',', ';', ':', ' ', '\\', '\n', '\t', '>']);
const SILENT = new Set(['!', '/', '-', '@']);

/** A braced group; for a command's argument, what to do when it closes and what comes next. */
interface Frame {
  action?: Action;
  /** Output length when the group opened, for actions that rewrite their argument. */
  start: number;
  /** Math mode outside the group, restored when it closes. */
  math: boolean;
  rest?: Action[];
}

/** Readable text from a BibTeX field value (braces removed, case kept, whitespace not yet collapsed). */
export function latexToText(value: string): string {
  return new LatexReader(value).read().normalize('NFC');
}

class LatexReader {
  private pos = 0;
  private readonly out: string[] = [];
  private readonly frames: Frame[] = [];
  private pendingAccent = '';
  private math = false;

  constructor(private readonly text: string) {}

  read(): string {
    const t = this.text;
    const textRun = /[^\\{}$~`'-]+/y;
    const mathRun = /[^\\{}$~`'\-^_\s]+/y;
    while (this.pos < t.length) {
      const c = t[this.pos] as string;
      const plain = this.math ? mathRun : textRun;
      plain.lastIndex = this.pos;
      const run = this.pendingAccent ? null : plain.exec(t);
      // Ordinary text is copied in runs; only the characters LaTeX gives a meaning go one by one.
      if (run) this.literal(run[0], run[0].length);
      else if (c === '\\') this.command();
      else if (c === '{') this.open(undefined);
      else if (c === '}') this.close();
      else if (c === '$') this.dollar();
      else if (c === '~') this.literal(' ', 1);
      else if (this.math) this.mathCharacter(c);
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

  /** `$...$` is math only when it closes: a lone `$` (unescaped money) stays a dollar sign. */
  private dollar(): void {
    const width = this.text.startsWith('$$', this.pos) ? 2 : 1;
    if (!this.math && this.text.indexOf('$', this.pos + width) < 0) return this.emit('$', 1);
    this.math = !this.math;
    this.pos += width;
  }

  /** In math, spaces are TeX's to place (dropped) and `^`/`_` raise or lower the next item. */
  private mathCharacter(c: string): void {
    if (c === '^' || c === '_') {
      this.pos++;
      this.skipSpaces();
      return this.argument([c === '^' ? 'sup' : 'sub']);
    }
    if (/\s/.test(c)) return void this.pos++;
    this.emit(c, 1);
  }

  private open(action: Action | undefined, rest?: Action[]): void {
    const frame: Frame = { start: this.out.length, math: this.math };
    if (action !== undefined) frame.action = action;
    if (rest !== undefined && rest.length > 0) frame.rest = rest;
    if (action === 'plain') this.math = false;
    if (action === 'quote') this.out.push('“');
    this.frames.push(frame);
    this.pos++;
  }

  private close(): void {
    this.pos++;
    const frame = this.frames.pop();
    if (!frame) return;
    this.math = frame.math;
    if (frame.action) this.finish(frame.action, frame.start);
    if (frame.rest) {
      this.skipSpaces();
      this.argument(frame.rest);
    }
  }

  /** Applies an argument's action to what it produced (everything from `start`). */
  private finish(action: Action, start: number): void {
    if (action === 'quote') this.out.push('”');
    else if (action === 'num') this.out.push('/');
    else if (action === 'space') this.out.push(' ');
    else if ((action === 'sup' || action === 'sub' || action === 'over') && this.isShort(start)) {
      const content = this.out.splice(start).join('');
      this.out.push(shifted(content, action));
    }
  }

  /**
   * Scripts and bars are short (`x²`, `H₂O`, `1̅`); a long argument is left as text, which also
   * keeps nested arguments from being rejoined at every level (quadratic on hostile input).
   */
  private isShort(start: number): boolean {
    if (this.out.length - start > MAX_SHIFTED) return false;
    let length = 0;
    for (let i = start; i < this.out.length; i++) length += this.out[i]?.length ?? 0;
    return length <= MAX_SHIFTED;
  }

  private command(): void {
    const next = this.text[this.pos + 1];
    if (next === undefined) return void this.pos++;
    if (/[A-Za-z]/.test(next)) return this.wordCommand();
    const accent = ACCENT_SYMBOLS[next];
    if (accent) {
      this.pos += 2;
      this.accent(next, accent);
    } else if (next === '(' || next === '[') {
      this.math = true;
      this.pos += 2;
    } else if (next === ')' || next === ']') {
      this.math = false;
      this.pos += 2;
    } else if (ESCAPED.has(next)) this.emit(next, 2);
    else if (SPACES.has(next)) this.literal(' ', 2);
    else if (SILENT.has(next)) this.pos += 2;
    else this.emit(next, 2);
  }

  private accent(name: string, mark: string): void {
    if (this.text.startsWith('{}', this.pos)) {
      this.pos += 2;
      this.out.push(BARE_ACCENTS[name] ?? '');
      return;
    }
    this.pendingAccent = mark;
  }

  private wordCommand(): void {
    const match = /[A-Za-z]+/y;
    match.lastIndex = this.pos + 1;
    const name = match.exec(this.text)?.[0] ?? '';
    this.pos = match.lastIndex;
    if (this.text[this.pos] === '*' && ACTIONS[name]) this.pos++;
    // TeX swallows the spaces after a control word.
    this.skipSpaces();
    const accent = ACCENT_WORDS[name];
    if (accent) return this.accent(name, accent);
    const actions = ACTIONS[name];
    if (actions) return this.argument(actions);
    // `{}` is often used to end a control word that takes no argument.
    if (this.text.startsWith('{}', this.pos)) this.pos += 2;
    const symbol = SYMBOLS[name] ?? greek(name);
    if (symbol !== undefined) return this.emitWord(symbol);
    // Unknown commands such as a user's macro keep their name so no word silently disappears.
    this.emitWord(name);
  }

  /** Starts the first of a command's arguments; the others follow when it closes. */
  private argument(actions: Action[]): void {
    const [action, ...rest] = actions;
    if (action === undefined) return;
    const c = this.text[this.pos];
    if (c === '{') {
      if (action === 'raw' || action === 'rawdrop' || action === 'drop' || action === 'space') {
        const inner = this.skipGroup();
        if (action === 'raw') this.out.push(inner.replace(/[{}]/g, ''));
        if (action === 'space') this.out.push(' ');
        return this.next(rest);
      }
      return this.open(action, rest);
    }
    // `\vphantom\{` hides one control sequence.
    if (c === '\\' && action === 'drop') {
      const word = /\\(?:[A-Za-z]+|.)/y;
      word.lastIndex = this.pos;
      this.pos += word.exec(this.text)?.[0].length ?? 1;
      return this.next(rest);
    }
    // An unbraced argument is one character (`$x^2$`, `\frac12`); a command argument is left as it is.
    if (c === undefined || c === '\\' || c === '}' || c === '$' || /\s/.test(c)) return;
    const start = this.out.length;
    if (action === 'quote') this.out.push('“');
    this.pos++;
    if (action !== 'drop' && action !== 'rawdrop' && action !== 'space') this.out.push(c);
    this.finish(action, start);
    this.next(rest);
  }

  /** Moves on to a command's next argument, if it has one. */
  private next(rest: Action[]): void {
    if (rest.length === 0) return;
    this.skipSpaces();
    this.argument(rest);
  }

  /** Skips a balanced `{...}` and returns its inside, without recursion. */
  private skipGroup(): string {
    let depth = 0;
    const start = this.pos + 1;
    for (let i = this.pos; i < this.text.length; i++) {
      const c = this.text[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        this.pos = i + 1;
        return this.text.slice(start, i);
      }
    }
    this.pos = this.text.length;
    return this.text.slice(start);
  }

  private skipSpaces(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\n' || this.text[this.pos] === '\t') this.pos++;
  }

  private emitWord(word: string): void {
    if (word === '') return;
    const [first = '', ...rest] = Array.from(word);
    this.emit(first, 0);
    this.out.push(rest.join(''));
  }
}

/** Super- or subscript characters when every character has one, else the plain text; or overlined. */
function shifted(content: string, action: 'sup' | 'sub' | 'over'): string {
  if (action === 'over') return Array.from(content, (c) => `${c}\u0305`).join('');
  const table = action === 'sup' ? SUPERSCRIPTS : SUBSCRIPTS;
  const chars = Array.from(content);
  return chars.every((c) => table.has(c)) ? chars.map((c) => table.get(c)).join('') : content;
}

function pairs(from: string, to: string): Map<string, string> {
  const targets = Array.from(to);
  return new Map(Array.from(from, (c, i) => [c, targets[i] ?? c]));
}

function greek(name: string): string | undefined {
  const lower = GREEK.indexOf(name);
  if (lower >= 0) return String.fromCodePoint(0x3b1 + lower + (lower >= 17 ? 1 : 0));
  const upper = GREEK.indexOf(name.toLowerCase());
  const isUpper = name[0] !== undefined && name[0] !== name[0].toLowerCase();
  return upper >= 0 && isUpper ? String.fromCodePoint(0x391 + upper + (upper >= 17 ? 1 : 0)) : undefined;
}
