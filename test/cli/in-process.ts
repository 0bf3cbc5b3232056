/**
 * Runs the CLI in-process, through `main(argv, ctx)` with streams of its own: the same code as
 * the built command, without starting a Node process per case (which made the suite slow). Use
 * `finetax` from helpers.ts only where the process itself is under test (exit on a closed pipe,
 * worker threads, the built bundle).
 */
import { Readable, Writable } from 'node:stream';
import { main, reportError } from '../../src/cli/main.js';
import type { Context } from '../../src/cli/context.js';
import type { Run, RunOptions } from './helpers.js';

class Collector extends Writable {
  readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** `finetax ARGS` in this process; stdin is `options.input` (bytes or text), never a terminal. */
export async function runCli(args: readonly string[], options: Omit<RunOptions, 'input'> & { input?: string | Buffer } = {}): Promise<Run> {
  const stdout = new Collector();
  const stderr = new Collector();
  const input = options.input ?? '';
  const stdin = Readable.from([typeof input === 'string' ? Buffer.from(input) : input]);
  const env: NodeJS.ProcessEnv = { COLUMNS: '120', ...options.env };
  const ctx: Context = { stdin, stdout, stderr, env };
  let code: number;
  try {
    code = await main(args, ctx);
  } catch (error) {
    code = reportError(error, ctx);
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
