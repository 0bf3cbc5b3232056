/** Offsets to 1-based line/column, shared by the readers that scan whole texts. */

/** Where something starts in the input text. */
export interface Place {
  line: number;
  column: number;
}

/**
 * Maps string offsets to 1-based lines and columns. Line breaks are `\r\n`, `\n` or a lone
 * `\r`, the same set Node's `readline` splits on, so the CLI's streamed JSONL line numbers
 * agree with whole-file numbers.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** 1-based line and column of `offset` (clamped to the text). */
  place(offset: number): Place {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** Offset where 1-based `line` starts (the text's end past the last line). */
  offsetOf(line: number): number {
    return this.starts[line - 1] ?? this.starts[this.starts.length - 1] ?? 0;
  }

  /** Number of lines (a trailing line break does not start a counted line). */
  get lineCount(): number {
    return this.starts.length;
  }
}
