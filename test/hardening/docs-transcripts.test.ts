/**
 * The console transcripts of the CLI guide (docs/cli.md) are what the CLI prints. Each ```console
 * block is one or more `$ command` lines, each followed by its output; every command is run from a
 * sandbox that looks like a checkout of this repository, and the lines shown must be the lines it
 * prints, its stdout and then its stderr (as the README transcripts are composed, since the two
 * streams interleave differently in a terminal, a pipe and a test). A guide may show an excerpt of
 * long output: a line holding only `…` stands for any run of zero or more lines, and every other
 * line shown must be printed exactly, in order.
 *
 * Exit codes are not part of a transcript: the guide shows usage errors and failing lints on purpose
 * (test/cli checks the codes). A transcript that reads a file from beside the checkout
 * (`../shared/gold/...`, the project's gold labels) is skipped, with the reason, where that file is
 * absent, as on a clean clone.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { codeBlocks, inProcessArgs, runsFinetax } from '../../scripts/readme-blocks.js';
import { matchesExcerpt, OMITTED, type TranscriptStep, transcriptSteps } from '../../scripts/transcripts.js';
import type { Run } from '../cli/helpers.js';
import { runCli } from '../cli/in-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const guide = 'docs/cli.md';
const transcripts = codeBlocks(readFileSync(join(root, guide), 'utf8'))
  .filter((block) => block.lang === 'console')
  .map((block) => ({ line: block.line, steps: transcriptSteps(block) }));
const cli = join(root, 'dist', 'cli.js');
// The in-process CLI's width (test/cli/in-process.ts), so wrapped output is the same either way.
const env = { NO_COLOR: '1', COLUMNS: '120' };

/** The `../NAME/...` paths a command reads: files beside the checkout, not in it. */
const besideCheckout = (command: string) => [...command.matchAll(/(?:^|\s)(\.\.\/[^\s|;&<>]+)/g)].map((m) => m[1]!);

/**
 * A folder `checkout` whose entries link to the repository's, beside links to what the transcripts
 * read from beside the repository, so `../shared/...` means there what it means in the checkout.
 * The `finetax` on PATH keeps the links unresolved, so the CLI finds its bundled taxonomy through
 * the sandbox and names it relative to the working folder, as it does when run in the checkout.
 */
function sandbox(): { cwd: string; path: string } {
  const top = mkdtempSync(join(tmpdir(), 'finetax-docs-'));
  const cwd = join(top, 'checkout');
  mkdirSync(cwd);
  // node_modules too: with links kept, the CLI's imports resolve from the sandbox.
  for (const entry of readdirSync(root)) if (entry !== '.git') symlinkSync(join(root, entry), join(cwd, entry));
  const neighbours = new Set(transcripts.flatMap((t) => t.steps.flatMap((s) => besideCheckout(s.command))).map((path) => path.split('/')[1]!));
  for (const name of neighbours) if (existsSync(resolve(root, '..', name))) symlinkSync(resolve(root, '..', name), join(top, name));
  const bin = join(top, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'finetax'), `#!/bin/sh\nexec "${process.execPath}" --preserve-symlinks --preserve-symlinks-main "${join(cwd, 'dist', 'cli.js')}" "$@"\n`);
  chmodSync(join(bin, 'finetax'), 0o755);
  afterAll(() => rmSync(top, { recursive: true, force: true }));
  return { cwd, path: `${bin}:${process.env.PATH ?? ''}` };
}

/** Runs a command as the README test does: in-process when it is plain `finetax ARGS`, else by bash in the sandbox. */
async function run(command: string, box: { cwd: string; path: string }): Promise<Run> {
  const args = inProcessArgs(command, box.cwd);
  if (args !== undefined && resolve(process.cwd()) === resolve(root)) return runCli(args, { env });
  // A file the command writes (`> tagged.jsonl`) is the sandbox's own, never written through a link into the checkout.
  for (const [, target] of command.matchAll(/>\s*([\w./-]+)/g)) {
    const file = join(box.cwd, target!);
    if (!target!.startsWith('/') && existsSync(file) && lstatSync(file).isSymbolicLink()) rmSync(file);
  }
  const result = spawnSync('bash', ['-c', command], { cwd: box.cwd, encoding: 'utf8', env: { ...process.env, ...env, PATH: box.path } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Holds what a command printed to the lines shown under it, with a readable diff where no `…` is involved. */
function expectShown(step: TranscriptStep, printed: Run): void {
  const text = `${printed.stdout}${printed.stderr}`.trimEnd();
  // CSV rows end in CRLF (RFC 4180); a page shows lines, not their line ends.
  const lines = text === '' ? [] : text.split(/\r?\n/);
  const where = `${guide}:${step.line}: $ ${step.command}`;
  if (!step.shown.includes(OMITTED)) expect(lines.join('\n'), where).toBe(step.shown.join('\n'));
  else expect(matchesExcerpt(step.shown, lines), `${where}\n--- shown\n${step.shown.join('\n')}\n--- printed\n${lines.join('\n')}`).toBe(true);
}

describe(`${guide} console transcripts`, () => {
  it('the guide has transcripts, each a `$ ` command running finetax, then what it prints', () => {
    expect(transcripts.length).toBeGreaterThan(0);
    for (const { line, steps } of transcripts) {
      // The block's first line is a prompt: output under no command would be checked against nothing.
      expect(steps[0]?.line, `${guide}:${line + 1} is not a \`$ \` command`).toBe(line + 1);
      for (const step of steps) expect(runsFinetax(step.command), `${guide}:${step.line}`).toBe(true);
    }
  });

  if (!existsSync(cli)) {
    it.skip(`(dist/cli.js is missing: build the CLI to check the ${transcripts.length} transcripts of ${guide})`, () => undefined);
    return;
  }
  const box = sandbox();
  for (const { line, steps } of transcripts) {
    const missing = steps.flatMap((step) => besideCheckout(step.command)).filter((path) => !existsSync(resolve(root, path)));
    const title = `the transcript at ${guide}:${line} is what its commands print`;
    if (missing.length > 0) {
      it.skip(`${title} (skipped: needs ${missing.join(', ')}, absent beside this checkout)`, () => undefined);
      continue;
    }
    // Commands of one transcript run in order in the same folder: a later one may read what an earlier one wrote.
    it(title, async () => {
      for (const step of steps) expectShown(step, await run(step.command, box));
    }, 60_000);
  }
});

describe('scripts/transcripts.ts (the reading and matching the test above relies on)', () => {
  it('splits a transcript at its prompts, with the lines under each command', () => {
    const block = { lang: 'console', line: 10, code: '$ finetax a\nout 1\nout 2\n$ finetax b > x.txt\n$ finetax c\n…\nlast\n' };
    expect(transcriptSteps(block)).toEqual([
      { command: 'finetax a', line: 11, shown: ['out 1', 'out 2'] },
      { command: 'finetax b > x.txt', line: 14, shown: [] },
      { command: 'finetax c', line: 15, shown: ['…', 'last'] },
    ]);
  });

  const printed = ['header', 'row 1', 'row 2', 'row 3', 'summary'];
  it.each([
    [['header', 'row 1', 'row 2', 'row 3', 'summary'], true],
    [['header', '…', 'summary'], true],
    [['header', 'row 1', '…', 'row 2', 'row 3', 'summary'], true], // `…` may stand for no line at all
    [['…', 'row 2', '…'], true],
    [['…'], true],
    [['header', '…', 'row 3'], false], // a line printed after the last one shown needs a `…`
    [['row 1', '…'], false], // so does a line printed before the first one shown
    [['header', '…', 'row 2', 'row 1', '…'], false], // shown lines keep the printed order
    [['header', '…', 'row', '…'], false], // a shown line is a whole printed line, not a prefix
    [['header', 'row 1 …', '…', 'summary'], false], // only a line holding nothing but `…` is an omission
  ])('the excerpt %j matches the printed lines: %s', (shown, expected) => {
    expect(matchesExcerpt(shown, printed)).toBe(expected);
  });

  it('an excerpt of nothing matches only nothing printed', () => {
    expect(matchesExcerpt([], [])).toBe(true);
    expect(matchesExcerpt([], ['a line'])).toBe(false);
  });
});
