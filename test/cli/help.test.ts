/** Help for every command, --version, and the exit code of a bare `finetax`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { finetax, lines } from './helpers.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('help', () => {
  it.each(['classify', 'filter', 'stats', 'explain', 'taxonomy', 'eval'])('finetax %s --help', (command) => {
    const run = finetax([command, '--help']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toMatch(new RegExp(`^Usage: finetax ${command}\\b`));
    expect(run.stdout).toContain('--help');
    expect(finetax(['help', command]).stdout).toBe(run.stdout);
  });

  it('finetax --help lists the commands and exit codes', () => {
    const run = finetax(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['classify', 'filter', 'stats', 'explain', 'taxonomy', 'eval']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(run.stdout).toContain('Exit codes: 0 ok');
  });

  it('--version prints the package version', () => {
    expect(finetax(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('no command is a usage error that shows the help', () => {
    const run = finetax([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: finetax <command>');
  });
});
