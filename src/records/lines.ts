/**
 * The one line splitter: `\r\n`, `\n` or a lone `\r` end a line (the set Node's `readline`
 * splits on, and `LineIndex` counts), for text read whole and text arriving in chunks alike, so
 * streamed and whole-file line numbers agree. Pure (no Node built-ins).
 */

/**
 * Splits text arriving in chunks into lines. Each chunk is scanned on its own and only the
 * unfinished line is carried over: searching `carry + chunk` instead is ~4× slower, because V8
 * re-flattens the concatenated string on every search. The carry is kept as pieces and joined
 * once, when its line ends: appending to one string and testing its end at each chunk flattens
 * it each time, which made a 50 MB line cost about 20 GB of copying.
 */
export class LineSplitter {
  private readonly carry: string[] = [];
  /** The carried text ends with `\r`. */
  private carryCR = false;

  /** The lines this text completes. An array, not a generator: the caller can let go of each line (a generator's frame would hold the last one it yielded). */
  push(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    if (this.carryCR) {
      // The last chunk ended in `\r`: a line break, and with a `\n` starting this chunk, one `\r\n`.
      lines.push(this.takeCarry().slice(0, -1));
      if (text.startsWith('\n')) start = 1;
    }
    // indexOf is several times faster than a regex scan; `\r` line breaks are rare enough for the slow path.
    for (const [end, next] of text.includes('\r') ? lineBreaks(text, start) : newlines(text, start)) {
      lines.push(this.carry.length === 0 ? text.slice(start, end) : this.takeCarry() + text.slice(start, end));
      start = next;
    }
    if (start < text.length) {
      this.carry.push(text.slice(start));
      this.carryCR = text.endsWith('\r');
    }
    return lines;
  }

  /** The last line, unless the text ended with a line break. */
  end(): string[] {
    if (this.carry.length === 0) return [];
    const carried = this.takeCarry();
    return [carried.endsWith('\r') ? carried.slice(0, -1) : carried];
  }

  private takeCarry(): string {
    const text = this.carry.length === 1 ? this.carry[0]! : this.carry.join('');
    this.carry.length = 0;
    this.carryCR = false;
    return text;
  }
}

/** [line end, next line start] for every `\n` from `from` on. */
function* newlines(text: string, from: number): Generator<[number, number]> {
  for (let end = text.indexOf('\n', from); end !== -1; end = text.indexOf('\n', end + 1)) yield [end, end + 1];
}

/** [line end, next line start] for every `\r\n`, `\n` or `\r`, except a final `\r` that may be half of a `\r\n`. */
function* lineBreaks(text: string, from: number): Generator<[number, number]> {
  const breaks = /\r\n|\n|\r/g;
  breaks.lastIndex = from;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    if (match[0] === '\r' && match.index === text.length - 1) return;
    yield [match.index, breaks.lastIndex];
  }
}

/** Splits a whole text into lines; a final line break does not start an empty last line. */
export function splitLines(text: string): string[] {
  const splitter = new LineSplitter();
  return [...splitter.push(text), ...splitter.end()];
}
