/** The table of codes in docs/errors.md lists every code the code base can report, and nothing else. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, PROBLEM_CODES, RecordError, TaxonomyError, UnknownIdError } from '../../src/index.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

describe('problem codes', () => {
  it('docs/errors.md has one row per code, with its severity', () => {
    const rows = [...doc.matchAll(/^\| `([a-z0-9/-]+)` \| (error|warning) \|/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(PROBLEM_CODES).map(([code, { severity }]) => [code, severity]));
  });

  it('the public error classes carry the shared problem shape with a stable code', () => {
    expect(new RecordError('expected a string', { recordId: 'r1', field: 'title' }).problem).toEqual({
      code: 'record/invalid',
      severity: 'error',
      message: 'record r1, title: expected a string',
      recordId: 'r1',
      field: 'title',
    });
    expect(new TaxonomyError([{ source: 't.yaml', line: 3, column: 5, path: 'method.peft', message: 'bad' }]).problems).toEqual([
      { code: 'taxonomy/invalid', severity: 'error', message: 'bad', source: 't.yaml', line: 3, column: 5, field: 'method.peft' },
    ]);
    expect(new UnknownIdError('lora', ['peft.lora']).problem.code).toBe('query/unknown-id');
  });

  it('messages show NUL, ESC and DEL from the input escaped, never raw', () => {
    const message = formatProblem({ source: 'x.jsonl', line: 2, message: "expected a year, got 'a\u0000b\u001b[31mc\u007f'" });
    expect(message).toBe("x.jsonl:2: expected a year, got 'a\\x00b\\x1b[31mc\\x7f'");
    expect(new RecordError('bad \u001b[2J title').message).toBe('bad \\x1b[2J title');
  });
});
