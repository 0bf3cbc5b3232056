/**
 * The two output channels. stdout carries results only and is written in large chunks with
 * back-pressure (a slow reader pauses the pipeline instead of filling memory); stderr carries
 * issues, the progress line and the summary.
 */
import { once } from 'node:events';

/**
 * Characters (or bytes) per write. Kept under V8's 128 kB limit for ordinary heap objects: a joined
 * string past it is allocated in the large-object space, on fresh pages each time, which cost
 * more than the rest of the writing together.
 */
const FLUSH_AT = 32 * 1024;

/** Buffered stdout writer, for text and for bytes (rendered and encoded on a worker). */
export class Output {
  #parts: Array<string | Uint8Array> = [];
  #size = 0;
  #full = false;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Queues pieces, writing whenever enough have gathered; resolves once it is safe to queue more. */
  async write(...pieces: ReadonlyArray<string | Uint8Array>): Promise<void> {
    this.writeAll(pieces);
    await this.#drained();
  }

  /** `write` for a batch's pieces at once, so a batch costs one await, not one per record. */
  async writeAll(pieces: ReadonlyArray<string | Uint8Array>): Promise<void> {
    for (const piece of pieces) {
      if (piece.length === 0) continue;
      if (typeof piece !== 'string' && piece.length >= FLUSH_AT) {
        // A worker's batch, already bytes: written as it is rather than copied into a bigger chunk.
        this.#writeParts();
        this.#write(piece);
        continue;
      }
      this.#parts.push(piece);
      this.#size += piece.length;
      if (this.#size >= FLUSH_AT) this.#writeParts();
    }
    await this.#drained();
  }

  async flush(): Promise<void> {
    this.#writeParts();
    await this.#drained();
  }

  #writeParts(): void {
    if (this.#parts.length === 0) return;
    const parts = this.#parts;
    this.#parts = [];
    this.#size = 0;
    this.#write(joined(parts));
  }

  #write(chunk: string | Uint8Array): void {
    if (!this.stream.write(chunk)) this.#full = true;
  }

  /** Waits while the stream's buffer is full (a slow reader): back-pressure, at most one batch late. */
  async #drained(): Promise<void> {
    if (!this.#full) return;
    this.#full = false;
    await once(this.stream, 'drain');
  }
}

/** One chunk to write: a piece alone as it is, else text joined, else bytes concatenated. */
function joined(parts: ReadonlyArray<string | Uint8Array>): string | Uint8Array {
  if (parts.length === 1) return parts[0]!;
  if (parts.every((part) => typeof part === 'string')) return parts.join('');
  return Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
}

/** How often the progress line may be redrawn. */
const PROGRESS_EVERY_MS = 200;

/** stderr: issue lines and the summary, plus a progress line on a terminal for large inputs. */
export class Reporter {
  #progressShown = false;
  #lastProgress = 0;

  constructor(
    private readonly stream: NodeJS.WritableStream,
    private readonly options: { quiet: boolean; progressAfter: number | undefined },
  ) {}

  /** An issue or a note: always shown (quiet only hides the summary and progress). */
  line(text: string): void {
    this.#clearProgress();
    this.stream.write(`${text}\n`);
  }

  summary(text: string): void {
    this.#clearProgress();
    if (!this.options.quiet) this.stream.write(`${text}\n`);
  }

  /** Called per record; draws `N records…` once past the threshold, at most every 200 ms. */
  progress(count: number): void {
    const after = this.options.progressAfter;
    if (after === undefined || this.options.quiet || count <= after) return;
    const now = Date.now();
    if (now - this.#lastProgress < PROGRESS_EVERY_MS) return;
    this.#lastProgress = now;
    this.#progressShown = true;
    this.stream.write(`\r\u001b[K${count.toLocaleString('en-US')} records…`);
  }

  done(): void {
    this.#clearProgress();
  }

  #clearProgress(): void {
    if (!this.#progressShown) return;
    this.stream.write('\r\u001b[K');
    this.#progressShown = false;
  }
}
