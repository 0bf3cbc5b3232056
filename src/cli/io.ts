/**
 * The two output channels. stdout carries results only and is written in large chunks with
 * back-pressure (a slow reader pauses the pipeline instead of filling memory); stderr carries
 * issues, the progress line and the summary.
 */
import { once } from 'node:events';

const FLUSH_AT = 64 * 1024;

/** Buffered stdout writer. */
export class Output {
  #parts: string[] = [];
  #size = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  /** Queues text; resolves once it is safe to queue more. */
  async write(text: string): Promise<void> {
    if (text === '') return;
    this.#parts.push(text);
    this.#size += text.length;
    if (this.#size >= FLUSH_AT) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.#parts.length === 0) return;
    const chunk = this.#parts.join('');
    this.#parts = [];
    this.#size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
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
