/**
 * When `--jobs` starts its workers: at once for an input large enough to pay for them, whether it
 * is named or redirected into stdin from a file (both have a size before anything is read); after
 * the first 32 MB for stdin from a pipe, whose size is not known; never for a small input.
 * Sparse files give the sizes without writing 64 MB.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { poolStart } from '../../src/cli/tagging.js';

const dir = mkdtempSync(join(tmpdir(), 'finetax-pool-start-'));
const small = join(dir, 'small.jsonl');
const large = join(dir, 'large.jsonl');
writeFileSync(small, '{"title": "QLoRA"}\n');
writeFileSync(large, '');
truncateSync(large, 64 * 1024 * 1024);
const descriptors: number[] = [];
afterAll(() => {
  for (const fd of descriptors) closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
});

/** stdin as `node` has it: a stream reading descriptor `fd` (a named pipe is opened without waiting for a writer). */
function stdinFrom(path: string): NodeJS.ReadableStream {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  descriptors.push(fd);
  return Object.assign(Readable.from([]), { fd });
}

const fifo = join(dir, 'fifo');
execFileSync('mkfifo', [fifo]);
const pipe = stdinFrom(fifo);
const env = {};

describe('poolStart', () => {
  it('starts no worker with --jobs 1, whatever the input', () => {
    expect(poolStart({ jobs: 1, inputs: [large] }, { stdin: pipe, env })).toBe('never');
    expect(poolStart({ jobs: 1, inputs: ['-'] }, { stdin: stdinFrom(large), env })).toBe('never');
  });

  it('starts the workers at once for 64 MB of named files, and never for less', () => {
    expect(poolStart({ jobs: 2, inputs: [large] }, { stdin: pipe, env })).toBe('early');
    expect(poolStart({ jobs: 2, inputs: [small] }, { stdin: pipe, env })).toBe('never');
  });

  it('counts stdin redirected from a file by its size, as a named file', () => {
    expect(poolStart({ jobs: 2, inputs: ['-'] }, { stdin: stdinFrom(large), env })).toBe('early');
    expect(poolStart({ jobs: 2, inputs: ['-'] }, { stdin: stdinFrom(small), env })).toBe('never');
    expect(poolStart({ jobs: 2, inputs: [small, '-'] }, { stdin: stdinFrom(large), env })).toBe('early');
  });

  it('waits for the first 32 MB of stdin from a pipe, unless the named files already make 64 MB', () => {
    expect(poolStart({ jobs: 2, inputs: ['-'] }, { stdin: pipe, env })).toBe('later');
    expect(poolStart({ jobs: 2, inputs: [small, '-'] }, { stdin: pipe, env })).toBe('later');
    expect(poolStart({ jobs: 2, inputs: [large, '-'] }, { stdin: pipe, env })).toBe('early');
    // A stream with no descriptor at all (the library's callers, in-process tests) is read as a pipe.
    expect(poolStart({ jobs: 2, inputs: ['-'] }, { stdin: Readable.from([]), env })).toBe('later');
  });

  it('sends everything to the workers under FINETAX_POOL=eager (the test seam)', () => {
    expect(poolStart({ jobs: 2, inputs: [small] }, { stdin: pipe, env: { FINETAX_POOL: 'eager' } })).toBe('eager');
  });
});
