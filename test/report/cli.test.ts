/** `finetax report` from the command line: files, formats, the summary line, bad input. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePath } from '../cli/helpers.js';
import { runCli } from '../cli/in-process.js';

const work = mkdtempSync(join(tmpdir(), 'finetax-report-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('finetax report', () => {
  it('writes the HTML page to -o and says so on stderr', async () => {
    const out = join(work, 'sample.html');
    const run = await runCli(['report', samplePath, '-o', out], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^60 read, 60 tagged, 0 rejected; 10 with a method tag; report written to .*sample\.html \(\d+ kB\)\n$/);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('made 2026-01-01 00:00 UTC');
  });

  it('writes the Markdown digest to stdout', async () => {
    const run = await runCli(['report', samplePath, '--format', 'markdown', '--title', 'Weekly digest', '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')[0]).toBe('# Weekly digest');
    expect(run.stdout).toContain('## Robustness and out-of-distribution generalization');
  });

  it('reports a bad line in place and still writes the report of the rest', async () => {
    const input = `${readFileSync(samplePath, 'utf8').split('\n').slice(0, 3).join('\n')}\n{not json\n`;
    const run = await runCli(['report', '-', '--format', 'markdown'], { input });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/<stdin>:4:\d+: not valid JSON/);
    expect(run.stderr).toMatch(/4 read, 3 tagged, 1 rejected/);
    expect(run.stdout).toContain('3 records from');
  });

  it('rejects an unknown format with a usage error', async () => {
    const run = await runCli(['report', samplePath, '--format', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format: expected one of html, markdown, got 'pdf'");
  });

  it('is listed in the help', async () => {
    expect((await runCli(['--help'])).stdout).toMatch(/report\s+write a corpus report/);
  });
});
