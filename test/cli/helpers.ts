/**
 * Runs the BUILT command line (`node dist/cli.js`), as a user or a pipeline would: the vitest
 * global setup builds dist/ when it is stale. Colour variables from the calling shell are removed
 * so that output is the piped (plain) form unless a test asks for colour.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  /** Send stdout to this file (e.g. /dev/full) instead of a pipe. */
  stdoutFile?: string;
  env?: Record<string, string>;
  cwd?: string;
}

export function finetax(args: readonly string[], options: RunOptions = {}): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, COLUMNS: '120', ...options.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR']) if (!options.env?.[name]) delete env[name];
  const out = options.stdoutFile === undefined ? undefined : openSync(options.stdoutFile, 'w');
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? root,
    env,
    input: options.input ?? '',
    ...(out === undefined ? {} : { stdio: ['pipe', out, 'pipe'] }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (out !== undefined) closeSync(out);
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

/** stdout JSON Lines, parsed. */
export function jsonLines(stdout: string): Array<Record<string, unknown> & { id: string; tags: TagOut[] }> {
  return stdout.split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as Record<string, unknown> & { id: string; tags: TagOut[] });
}

export interface TagOut {
  facet: string;
  id: string;
  label: string;
  score: number;
  evidence?: Array<Record<string, unknown>>;
}

export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** A fixture's path relative to the repository root (the cwd of every run), as messages name it. */
export const recordsFixture = (name: string) => `test/fixtures/records/${name}`;
export const cliFixture = (name: string) => `test/fixtures/cli/${name}`;

export const samplePath = 'examples/data/sample-papers.jsonl';

export function readText(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
}

export const ANSI = /\u001b\[/;
