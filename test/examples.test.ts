/**
 * The examples in examples/ are part of the documentation: each must run to its end with output and
 * nothing on stderr, as `npx tsx examples/FILE.ts` runs it (the README's command: no arguments, and
 * `finetax` resolved by tsconfig.json's paths, as vitest.config.ts resolves it too). They run in
 * this process: the module is imported with process.argv set as that command sets it, and what it
 * writes to the console, stdout or stderr is captured. A `process.exit(0)` ends it as a success,
 * any other exit or a throw fails the test. (They ran under tsx, one Node process each, which
 * compiled src/ again for each: ~2.5 s of CPU apiece.)
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { describe, expect, it, vi } from 'vitest';

const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));
const examples = readdirSync(examplesDir).filter((file) => file.endsWith('.ts'));

class Exit extends Error {
  constructor(readonly code: number) {
    super(`process.exit(${code})`);
  }
}

interface Output {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs the module `path` as `node path` would: argv without arguments, output captured, exit code read. */
async function runModule(path: string): Promise<Output> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const toStdout = (...args: unknown[]) => void stdout.push(`${format(...args)}\n`);
  const toStderr = (...args: unknown[]) => void stderr.push(`${format(...args)}\n`);
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(toStdout),
    vi.spyOn(console, 'info').mockImplementation(toStdout),
    vi.spyOn(console, 'warn').mockImplementation(toStderr),
    vi.spyOn(console, 'error').mockImplementation(toStderr),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => stdout.push(String(chunk)) > 0),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => stderr.push(String(chunk)) > 0),
    vi.spyOn(process, 'exit').mockImplementation((code) => {
      throw new Exit(Number(code ?? 0));
    }),
  ];
  const { argv, exitCode } = process;
  process.argv = [process.execPath, path];
  process.exitCode = undefined;
  let code = 0;
  try {
    await import(pathToFileURL(path).href);
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    code = error.code;
  } finally {
    process.argv = argv;
    process.exitCode = exitCode;
    for (const spy of spies) spy.mockRestore();
  }
  return { stdout: stdout.join(''), stderr: stderr.join(''), exitCode: code };
}

describe('examples', () => {
  it('there are examples to run', () => expect(examples.length).toBeGreaterThan(1));

  it.each(examples)('examples/%s runs and prints results', async (file) => {
    const run = await runModule(`${examplesDir}${file}`);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  }, 60_000);
});
