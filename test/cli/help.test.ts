/** Help for every command, --version, and the exit code of a bare `finetax`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANSI, finetax, jsonLines, lines } from './helpers.js';
import { runCli } from './in-process.js';

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('help', () => {
  it.each(['classify', 'filter', 'stats', 'explain', 'taxonomy', 'eval'])('finetax %s --help', async (command) => {
    const run = await runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toMatch(new RegExp(`^Usage: finetax ${command}\\b`));
    expect(run.stdout).toContain('--help');
    expect((await runCli(['help', command])).stdout).toBe(run.stdout);
  });

  it('finetax --help lists the commands and exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['classify', 'filter', 'stats', 'explain', 'taxonomy', 'eval']) expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    expect(run.stdout).toContain('Exit codes: 0 ok');
  });

  it('--version prints the package version', async () => {
    expect(await runCli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('no command is a usage error that shows the help', async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: finetax <command>');
  });
});

/**
 * The rest of the CLI suite runs `main` in-process (in-process.ts); these run the built bin as a
 * user's shell does, so the bundle, its shebang entry, real pipes and real exit statuses stay covered.
 */
describe('the built bin, end to end', () => {
  it('--version prints the package version and exits 0', () => {
    expect(finetax(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('a usage error exits 2 with the help on stderr and nothing on stdout', () => {
    const run = finetax([]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('Usage: finetax <command>');
  });

  it('reads records piped to stdin and writes plain JSON Lines to a pipe, exit 1 under --strict with a bad line', () => {
    const input = `${JSON.stringify({ id: 'q', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' })}\n{"id": "broken"\n`;
    const run = finetax(['classify', '-', '--strict'], { input });
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['q']);
    expect(lines(run.stderr)[0]).toMatch(/^<stdin>:2:\d+: not valid JSON: /);
    expect(run.stdout + run.stderr).not.toMatch(ANSI);
  });
});
