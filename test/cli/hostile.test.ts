/**
 * Hostile input and hostile environments (issue 11's CLI holes, issue 10's containment): clear
 * one-line errors, escaped control bytes, neutralised CSV formulas, and one record's failure
 * costing only itself. In-process except where the process itself is under test.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../src/index.js';
import { createRunner } from '../../src/cli/work.js';
import { quote } from '../../src/cli/output/csv.js';
import { ANSI, finetax, lines, samplePath } from './helpers.js';
import { runCli } from './in-process.js';

describe('CSV output', () => {
  it('neutralises cells a spreadsheet would run as formulas (= + - @ tab CR), as OWASP advises', async () => {
    const input = [
      { id: '=HYPERLINK("http://evil.example","click")', title: '+cmd|calc LoRA' },
      { id: '@SUM(1)', title: '-2+3 adapters' },
      { id: 'ok', title: 'LoRA adapters' },
    ]
      .map((r) => JSON.stringify(r))
      .join('\n');
    const run = await runCli(['classify', '--format', 'csv'], { input });
    const rows = run.stdout.split('\r\n');
    expect(rows[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)","'\+cmd\|calc LoRA",/);
    expect(rows[2]).toMatch(/^"'@SUM\(1\)","'-2\+3 adapters",/);
    expect(rows[3]).toMatch(/^ok,LoRA adapters,/);
    expect([quote('\t=1+2'), quote('\r=1'), quote('plain')]).toEqual([`"'\t=1+2"`, `"'\r=1"`, 'plain']);
  });
});

describe('messages', () => {
  it('show NUL, ESC and DEL from the input escaped', async () => {
    const input = `${JSON.stringify({ id: 'x\u001b[2J', title: 'LoRA', year: 'n\u0000d\u007f' })}\n`;
    const run = await runCli(['classify', '--evidence', 'none'], { input });
    expect(run.stderr).not.toMatch(/[\u0000\u001b\u007f]/);
    expect(lines(run.stderr)[0]).toMatch(/^<stdin>:1:\d+: record x\\x1b\[2J: year: expected a year like 2021, got 'n\\x00d\\x7f'; left out of the record$/);
  });

  it('name the option and what is allowed for --jobs -1 and --min-score -0.5', async () => {
    const jobs = await runCli(['classify', '--jobs', '-1', samplePath]);
    expect(jobs.code).toBe(2);
    expect(lines(jobs.stderr)[0]).toBe("finetax: --jobs: expected a whole number from 1 to 256, or auto, got '-1'");
    const score = await runCli(['classify', '--min-score', '-0.5', samplePath]);
    expect(lines(score.stderr)[0]).toBe("finetax: --min-score: expected a number from 0 to 1, got '-0.5'");
  });

  it('warn about invalid UTF-8 with the line where it is', async () => {
    const input = Buffer.concat([Buffer.from('{"title": "LoRA"}\n{"title": "caf'), Buffer.from([0xe9]), Buffer.from(' adapters"}\n')]);
    const run = await runCli(['classify', '--evidence', 'none'], { input });
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toEqual(['<stdin>:2:15: bytes that are not UTF-8 were replaced by U+FFFD; save the file as UTF-8', '2 read, 2 tagged, 0 rejected; 1 with a method tag; 1 warning']);
  });

  it('carry no ANSI escape codes when the output is not a terminal', async () => {
    for (const format of ['table', 'jsonl', 'csv']) {
      const run = await runCli(['classify', samplePath, '--format', format]);
      expect(run.stdout).not.toMatch(ANSI);
      expect(run.stderr).not.toMatch(ANSI);
    }
  });
});

describe('a full disk', () => {
  it.skipIf(!existsSync('/dev/full'))('gives one clear line and exit 1, no stack trace', () => {
    const run = finetax(['classify', samplePath], { stdoutFile: '/dev/full' });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('finetax: cannot write output: no space left on the device (ENOSPC)\n');
  });
});

describe('containment', () => {
  it('a record whose classification throws costs only itself: the others come out, in order, and the failure is located', () => {
    const run = createRunner({ taxonomy: defaultTaxonomy, options: {}, sink: { kind: 'render', format: 'jsonl', shape: 'summary', evidence: 'none', facets: [], colour: false, width: 80 } });
    const monstrous = {
      id: 'huge',
      title: 'x',
      source: 'jsonl',
      get abstract(): string {
        throw new RangeError('Invalid string length');
      },
    };
    const good = (id: string) => ({ id, title: 'LoRA adapters', abstract: '', source: 'jsonl' });
    const result = run({ kind: 'records', records: [good('a'), monstrous, good('b')], lines: [1, 2, 3], raws: [null, null, null], source: 'big.jsonl' });
    expect((result.output as string[]).map((text) => JSON.parse(text).id)).toEqual(['a', 'b']);
    expect(result.issues).toEqual(['big.jsonl:2: record huge: could not be classified (RangeError: Invalid string length); the other records are unaffected']);
    expect(result.codes).toEqual(['record/failed']);
  });
});
