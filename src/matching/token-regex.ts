/**
 * Runs a taxonomy's regex rules on one token with bounded work, whatever the pattern.
 *
 * A backtracking engine (JavaScript's RegExp) can take exponential time: `(a?){25}a{25}` spends
 * minutes on one 41-letter word. A regex is run natively only when its backtracking is provably
 * bounded (see `backtrackingBound`); every other one runs on a linear-time engine (re2js, an RE2
 * port). re2js costs ~20 ms to import, about as much as the rest of the core entry, so the core
 * does not import it: the taxonomy layer hands it over (`useLinearEngine`) when it validates a
 * taxonomy, and the Node entries when they build a classifier.
 */

/** The longest token a regex or glob is run on; bounds any regex's work. */
export const MAX_TOKEN_FOR_PATTERNS = 64;

/** A compiled token regex: `test` answers whether it matches the WHOLE token. */
export interface TokenRegex {
  test(token: string): boolean;
}

/** A linear-time regex engine: compiles a JavaScript-syntax source into a whole-token matcher. */
export interface LinearEngine {
  compile(source: string): TokenRegex;
}

let linearEngine: LinearEngine | undefined;

/** Makes `engine` the one that runs regexes whose backtracking is not provably bounded. */
export function useLinearEngine(engine: LinearEngine): void {
  linearEngine = engine;
}

/**
 * Backtracking paths a native match may explore at most. At ~300 steps a path (pattern plus
 * token length), 1,000 paths stay well under a millisecond per distinct word.
 */
export const MAX_NATIVE_PATHS = 1000;

/**
 * Compiles `source` for whole-token matching: natively when its backtracking is provably bounded,
 * else on the linear engine.
 * @throws {Error} when the pattern needs the linear engine and none has been provided.
 */
export function compileTokenRegex(source: string): TokenRegex {
  const bound = backtrackingBound(source);
  if (bound !== undefined && bound <= MAX_NATIVE_PATHS) return new RegExp(`^(?:${source})$`, 'u');
  if (!linearEngine) {
    throw new Error(
      'this regex can backtrack for a long time, so it runs on the linear-time engine (re2js), which the core entry does not load: ' +
        "parse the taxonomy with parseTaxonomy from 'finetax/taxonomy' (or import 'finetax/taxonomy' once) first",
    );
  }
  return linearEngine.compile(source);
}

/** A parsed piece of a pattern: how many backtracking paths it has and how wide its matches are. */
interface Shape {
  paths: number;
  /** Fixed match width in characters, or -1 when it varies. */
  width: number;
}

/**
 * An upper bound on the number of paths a backtracking engine explores to match `source` against
 * one token (anchored at both ends, at most `MAX_TOKEN_FOR_PATTERNS` characters), or undefined when
 * no bound is proved. Sequences multiply, alternatives add, a quantified single character (or a
 * fixed, choice-free group) has one path per repetition count; a quantified group with choices
 * inside, a lookaround or a backreference gets no bound. Each path costs at most pattern + token
 * length steps, so the bound caps the work.
 */
export function backtrackingBound(source: string): number | undefined {
  try {
    const parser = new BoundParser(source);
    const shape = parser.alternation();
    return parser.done() ? shape.paths : undefined;
  } catch {
    return undefined;
  }
}

/** Thrown inside the parser when no bound can be proved. */
class NoBound extends Error {}

const CAP = 1e9;

class BoundParser {
  private i = 0;

  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i === this.s.length;
  }

  alternation(): Shape {
    const branches = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      branches.push(this.sequence());
    }
    const width = branches.every((b) => b.width === branches[0]!.width) ? branches[0]!.width : -1;
    return { paths: Math.min(CAP, branches.reduce((sum, b) => sum + b.paths, 0)), width };
  }

  private sequence(): Shape {
    let paths = 1;
    let width = 0;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const item = this.quantified(this.atom());
      paths = Math.min(CAP, paths * item.paths);
      width = width < 0 || item.width < 0 ? -1 : width + item.width;
    }
    return { paths, width };
  }

  /** An atom with its quantifier, if any. */
  private quantified(atom: Shape): Shape {
    const range = this.quantifier();
    if (!range) return atom;
    const [min, max] = range;
    // Repeating something that has choices inside is the shape of catastrophic backtracking.
    if (atom.paths !== 1 || atom.width < 0) throw new NoBound();
    if (atom.width === 0) throw new NoBound();
    const fits = Math.floor(MAX_TOKEN_FOR_PATTERNS / atom.width);
    const counts = min > fits ? 1 : Math.min(max, fits) - min + 1;
    return { paths: Math.max(1, counts), width: min === max ? min * atom.width : -1 };
  }

  private quantifier(): [number, number] | undefined {
    const ch = this.s[this.i];
    let range: [number, number] | undefined;
    if (ch === '*') range = [0, Infinity];
    else if (ch === '+') range = [1, Infinity];
    else if (ch === '?') range = [0, 1];
    else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      range = [min, max];
    }
    if (!range) return undefined;
    this.i++;
    if (this.s[this.i] === '?') this.i++;
    return range;
  }

  private atom(): Shape {
    const ch = this.s[this.i]!;
    if (ch === '(') return this.group();
    if (ch === '[') {
      this.skipClass();
      return { paths: 1, width: 1 };
    }
    if (ch === '\\') return this.escape();
    if (ch === '^' || ch === '$') {
      this.i++;
      return { paths: 1, width: 0 };
    }
    if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === ')') throw new NoBound();
    // One code point: an astral character is one atom in a `u` regex.
    this.i += (ch.codePointAt(0) ?? 0) > 0xffff ? 2 : 1;
    return { paths: 1, width: 1 };
  }

  private group(): Shape {
    this.i++;
    if (this.s.startsWith('?:', this.i)) this.i += 2;
    else if (this.s.startsWith('?<', this.i) && /^\?<[A-Za-z_$][\w$]*>/.test(this.s.slice(this.i))) this.i = this.s.indexOf('>', this.i) + 1;
    else if (this.s[this.i] === '?') throw new NoBound(); // lookarounds and modifiers
    const inner = this.alternation();
    if (this.s[this.i] !== ')') throw new NoBound();
    this.i++;
    return inner;
  }

  private escape(): Shape {
    const next = this.s[this.i + 1];
    if (next === undefined || /[1-9k]/.test(next)) throw new NoBound(); // backreferences
    if (next === 'b' || next === 'B') {
      this.i += 2;
      return { paths: 1, width: 0 };
    }
    const rest = this.s.slice(this.i);
    const m = /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|.)/su.exec(rest);
    if (!m) throw new NoBound();
    this.i += m[0].length;
    return { paths: 1, width: 1 };
  }

  private skipClass(): void {
    for (let i = this.i + 1; i < this.s.length; i++) {
      if (this.s[i] === '\\') i++;
      else if (this.s[i] === ']') {
        this.i = i + 1;
        return;
      }
    }
    throw new NoBound();
  }
}
