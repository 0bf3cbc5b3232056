/**
 * The README's examples run for real, whatever sections get added: every ```ts block is executed
 * against the built package (resolved as `finetax` from a scratch project whose
 * node_modules/finetax links to this repository), each in a Node process of its own, and must exit
 * 0 with nothing on stderr, and all of them must type-check. One TypeScript program (in this
 * process) type-checks every block and writes its JavaScript; Node runs that. (Before, tsx ran
 * each block and tsc was started apart: ten Node processes of TypeScript start-up.) In ```sh blocks, every command that runs `finetax` is run against
 * dist/cli.js (install and clone commands are never run) and must exit 0, or N when the command
 * ends with a `# exits N` comment. Commands run in a scratch folder that links to the
 * repository's files, so anything they write stays out of the checkout. A ```console block (a
 * `$ finetax ...` line, then what it prints) is run the same way and must print exactly that, stdout
 * then stderr, so the output shown can never drift from what the CLI does. A ```text block is
 * output shown for reading (the benchmark table), exercised by the command next to it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeBlocks, inProcessArgs, isInstallCommand, runsFinetax, shellCommands } from '../../scripts/readme-blocks.js';
import type { Run } from '../cli/helpers.js';
import { runCli } from '../cli/in-process.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const blocks = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8'));
const tsBlocks = blocks.filter((b) => b.lang === 'ts' || b.lang === 'typescript');
const shBlocks = blocks.filter((b) => ['sh', 'bash', 'shell'].includes(b.lang));
const yamlBlocks = blocks.filter((b) => b.lang === 'yaml' || b.lang === 'yml');
const consoleBlocks = blocks.filter((b) => b.lang === 'console');
const cli = join(root, 'dist', 'cli.js');

/** The scratch project's compiler options: strict, as a reader's project would be. */
function compilerOptions(dir: string): ts.CompilerOptions {
  return {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], strict: true,
    // verbatimModuleSyntax keeps import-only examples importing (an emit would drop unused imports).
    verbatimModuleSyntax: true, skipLibCheck: true,
    // Examples may read files (node:fs): type them with the repository's @types/node.
    typeRoots: [join(root, 'node_modules', '@types')], types: ['node'],
    // The JavaScript Node runs, beside the sources (imports of `finetax` resolve from the project).
    outDir: join(dir, 'js'), rootDir: dir,
  };
}

/** A scratch project in which `import 'finetax'` resolves to this repository's package.json exports. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'finetax-readme-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'finetax'), 'dir');
  // Examples read the bundled sample by its path from the repository root.
  symlinkSync(join(root, 'examples'), join(dir, 'examples'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'readme-examples', private: true, type: 'module' }));
  return dir;
}

/** Removes a scratch folder; its symlinks into the repository are unlinked, never followed. */
const cleanUp = (dir: string) => afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README TypeScript examples', () => {
  const project = scratchProject();
  cleanUp(project);
  const sources = tsBlocks.map((block) => {
    const file = join(project, `readme-line-${block.line}.ts`);
    writeFileSync(file, `${block.code}\nexport {};\n`);
    return file;
  });
  const files = tsBlocks.map((block) => [block.line, join(project, 'js', `readme-line-${block.line}.js`)] as const);
  // Type errors do not stop the emit: each block still runs, and the type-check test says what is wrong.
  let diagnostics = '';
  beforeAll(() => {
    const program = ts.createProgram(sources, compilerOptions(project));
    const all = [...ts.getPreEmitDiagnostics(program), ...program.emit().diagnostics];
    diagnostics = ts.formatDiagnostics(all, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => project, getNewLine: () => '\n' });
  }, 60_000);

  it('the README has TypeScript examples to run', () => {
    expect(tsBlocks.length).toBeGreaterThan(0);
  });

  it.each(files)('the block at README.md:%i runs with exit code 0 and nothing on stderr', (_line, file) => {
    const run = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 30_000);

  it('all blocks type-check against the package declarations', () => {
    expect(diagnostics).toBe('');
  });
});

/** A folder whose entries link to the repository's top-level files, with a `finetax` shim on PATH. */
function commandSandbox(): { cwd: string; path: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'finetax-readme-sh-'));
  for (const entry of readdirSync(root)) if (!['node_modules', '.git'].includes(entry)) symlinkSync(join(root, entry), join(cwd, entry));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'finetax'), `#!/bin/sh\nexec "${process.execPath}" "${cli}" "$@"\n`);
  chmodSync(join(bin, 'finetax'), 0o755);
  return { cwd, path: `${bin}:${process.env.PATH ?? ''}` };
}

/** Runs a README command: in-process when it is plain (see inProcessArgs), else by bash in the sandbox. */
async function runCommand(command: string, sandbox: { cwd: string; path: string }): Promise<Run> {
  const args = inProcessArgs(command, sandbox.cwd);
  // Relative paths in-process resolve against this process's folder: the repository (as in the sandbox).
  if (args !== undefined && resolve(process.cwd()) === resolve(root)) return runCli(args, { env: { NO_COLOR: '1' } });
  const run = spawnSync('bash', ['-c', command], { cwd: sandbox.cwd, encoding: 'utf8', env: { ...process.env, PATH: sandbox.path, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('README shell examples that run finetax', () => {
  const runnable = shBlocks
    .map((block) => ({ block, commands: shellCommands(block).filter((c) => runsFinetax(c.command) && !isInstallCommand(c.command)) }))
    .filter((b) => b.commands.length > 0);

  it('the README shell blocks were found and read', () => {
    expect(shBlocks.length).toBeGreaterThan(0);
    expect(shBlocks.flatMap(shellCommands).length).toBeGreaterThan(0);
  });

  if (runnable.length === 0) {
    it.skip('(no ```sh block in README.md runs `finetax` yet)', () => undefined);
    return;
  }
  if (!existsSync(cli)) {
    it.skip(`(dist/cli.js is missing: build the CLI to run the ${runnable.length} README shell blocks that use it)`, () => undefined);
    return;
  }
  const sandbox = commandSandbox();
  cleanUp(sandbox.cwd);
  // Commands of one block run in order in the same folder: a later one may read what an earlier one wrote.
  it.each(runnable.map((r) => [r.block.line, r] as const))('the block at README.md:%i runs', async (_line, { commands }) => {
    for (const { command, line, status } of commands) {
      const run = await runCommand(command.replace(/\bnpx\s+finetax\b/g, 'finetax'), sandbox);
      // Only the status: the CLI reports progress and summaries on stderr by design.
      expect(run.code, `README.md:${line}: ${command}\n${run.stderr}`).toBe(status);
    }
  }, 60_000);

});

describe('scripts/readme-blocks.ts (the extraction the tests above rely on)', () => {
  it.each([
    ['finetax stats examples/data/sample-papers.jsonl', ['stats', 'examples/data/sample-papers.jsonl']],
    ['finetax classify a.jsonl --format csv > /dev/null', ['classify', 'a.jsonl', '--format', 'csv']],
    ['finetax report a.jsonl -o report.html', ['report', 'a.jsonl', '-o', '/sandbox/report.html']],
    ['finetax report a.jsonl --output=out/r.html', ['report', 'a.jsonl', '--output=/sandbox/out/r.html']],
    ['finetax names a.jsonl -o /tmp/n.yaml', ['names', 'a.jsonl', '-o', '/tmp/n.yaml']],
    ['cat a.jsonl | finetax classify -', undefined],
    ['finetax explain "x y"', undefined],
    ['finetax classify a.jsonl > out.jsonl', undefined],
  ])('`%s` runs in-process with the arguments %j (undefined: by bash)', (command, expected) => {
    expect(inProcessArgs(command, '/sandbox')).toEqual(expected);
  });

  it('finds fenced blocks with their language and line, including ~~~ fences and longer fences around shorter ones', () => {
    const markdown = ['# T', '```ts', 'a();', '```', '~~~sh', 'finetax x', '~~~', '````md', '```ts', 'inner', '```', '````'].join('\n');
    expect(codeBlocks(markdown)).toEqual([
      { lang: 'ts', code: 'a();', line: 2 },
      { lang: 'sh', code: 'finetax x', line: 5 },
      { lang: 'md', code: '```ts\ninner\n```', line: 8 },
    ]);
  });

  it('joins continuation lines, drops prompts and comments, and reads `# exits N`', () => {
    const block = { lang: 'sh', line: 10, code: '$ finetax classify a.jsonl \\\n    --format table  # show a table\n\n# a comment line\nfinetax explain "x # not a comment" # exits 2' };
    expect(shellCommands(block)).toEqual([
      { command: 'finetax classify a.jsonl --format table', line: 11, status: 0 },
      { command: 'finetax explain "x # not a comment"', line: 15, status: 2 },
    ]);
  });

  it.each([
    ['finetax classify a.jsonl', true],
    ['cat a.jsonl | finetax classify -', true],
    ['npx finetax stats a.jsonl', true],
    ['npm ci && npm start', false],
    ['echo finetaxonomy', false],
  ])('`%s` runs finetax: %s', (command, expected) => {
    expect(runsFinetax(command)).toBe(expected);
  });

  it.each(['npm install finetax', 'npm ci && npm start', 'git clone https://example.org/finetax.git', 'npm i -D finetax'])('`%s` is an install command', (command) => {
    expect(isInstallCommand(command)).toBe(true);
  });
});

describe('README taxonomy examples', () => {
  const taxonomies = yamlBlocks.filter((block) => /^\s*facets:/m.test(block.code));

  it('the README has taxonomy examples', () => expect(taxonomies.length).toBeGreaterThan(0));

  it.each(taxonomies.map((block) => [block.line, block] as const))('the taxonomy at README.md:%i parses and classifies', async (_line, block) => {
    const { parseTaxonomy } = await import('../../src/taxonomy/parse.js');
    const { createClassifier } = await import('../../src/classification/classifier.js');
    const taxonomy = parseTaxonomy(block.code, { source: `README.md:${block.line}` });
    const result = createClassifier({ taxonomy }).classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs' });
    expect(result.tags.length).toBeGreaterThan(0);
  });

  it('every other YAML block is a comment line for editors', () => {
    for (const block of yamlBlocks.filter((b) => !taxonomies.includes(b))) expect(block.code.trim()).toMatch(/^# yaml-language-server: \$schema=/);
  });
});

describe('README console transcripts', () => {
  it('every console block starts with one `$ finetax ...` command', () => {
    for (const block of consoleBlocks) expect(block.code.split('\n')[0], `README.md:${block.line}`).toMatch(/^\$ finetax /);
  });

  if (!existsSync(cli)) {
    it.skip('(dist/cli.js is missing: build the CLI to check the README console transcripts)', () => undefined);
    return;
  }
  const sandbox = commandSandbox();
  cleanUp(sandbox.cwd);
  it.each(consoleBlocks.map((b) => [b.line, b] as const))('the transcript at README.md:%i is what the command prints', async (_line, block) => {
    const [prompt = '', ...shown] = block.code.split('\n');
    const run = await runCommand(prompt.slice(2), sandbox);
    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`.trimEnd()).toBe(shown.join('\n').trimEnd());
  }, 60_000);
});
