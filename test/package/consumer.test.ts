/**
 * The package as a user gets it: `npm pack` the repository, install the tarball into a fresh
 * project, then import it from ESM and CommonJS through every public entry and type-check a
 * consumer against it. The consumer files live in test/fixtures/hardening/consumer/.
 *
 * The install is offline and needs nothing in the npm cache: the consumer's package.json points
 * each of finetax's dependencies at this repository's own installed copy (`file:` links), so npm
 * resolves finetax's ranges against them and never asks the registry. That works on a fresh
 * machine where only `npm ci` ran (which fills the cache with tarballs but no registry metadata,
 * so `npm install --offline <tarball>` failed there with ENOTCACHED).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const consumerFixtures = fileURLToPath(new URL('../fixtures/hardening/consumer/', import.meta.url));

/**
 * The CommonJS side of the typed consumer (node16 only: `require` resolves to the .d.cts files).
 * Written from here rather than kept as a fixture because the repository's own tsconfig
 * (module ESNext) type-checks everything under test/ and cannot compile `import x = require()`.
 */
const CJS_CONSUMER = `import finetax = require('finetax');
import taxonomy = require('finetax/taxonomy');
import node = require('finetax/node');

const result: finetax.Classification = finetax.classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs' });
const first: finetax.MethodId | undefined = finetax.METHOD_IDS[0];
const parsed: finetax.Taxonomy = taxonomy.parseTaxonomy('facets: {}');

export = [result, first, parsed, node.loadTaxonomy];
`;

/**
 * The diagnostics `tsc -p CONFIG` prints (nothing when the consumer type-checks), from the
 * TypeScript API in this process rather than a tsc process per configuration. A file parsed the
 * same way for both configurations (same target and module format) is parsed once.
 */
const parsed = new Map<string, ts.SourceFile | undefined>();
function typeCheck(config: string): string {
  const host: ts.ParseConfigFileHost = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined };
  const { options, fileNames, errors } = ts.getParsedCommandLineOfConfigFile(config, {}, host)!;
  const compilerHost = ts.createCompilerHost(options);
  const read = compilerHost.getSourceFile.bind(compilerHost);
  compilerHost.getSourceFile = (fileName, language, ...rest) => {
    const key = JSON.stringify([fileName, language]);
    if (!parsed.has(key)) parsed.set(key, read(fileName, language, ...rest));
    return parsed.get(key);
  };
  const program = ts.createProgram({ rootNames: fileNames, options, host: compilerHost });
  const diagnostics = [...errors, ...ts.getPreEmitDiagnostics(program)];
  return ts.formatDiagnostics(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => dirname(config), getNewLine: () => '\n' });
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
}

function succeed(command: string, args: string[], cwd: string): string {
  const result = run(command, args, cwd);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

const work = mkdtempSync(join(tmpdir(), 'finetax-pack-'));
const consumer = join(work, 'consumer');
let files: string[] = [];
const dependencies = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies).sort();

beforeAll(() => {
  const packed = JSON.parse(succeed('npm', ['pack', '--json', '--pack-destination', work], root)) as Array<{ filename: string; files: Array<{ path: string }> }>;
  files = packed[0]!.files.map((f) => f.path).sort();
  cpSync(consumerFixtures, consumer, { recursive: true });
  writeFileSync(join(consumer, 'consumer.cts'), CJS_CONSUMER);
  const links = Object.fromEntries(dependencies.map((name) => [name, `file:${join(root, 'node_modules', name)}`]));
  const manifest = { name: 'finetax-consumer', private: true, type: 'module', dependencies: { finetax: `file:${join(work, packed[0]!.filename)}`, ...links } };
  writeFileSync(join(consumer, 'package.json'), JSON.stringify(manifest));
  // Offline, with an empty cache of its own: nothing may come from the registry or a warm cache.
  // --ignore-scripts: linked packages keep their own lifecycle scripts (fuse.js: `husky install`).
  const cache = join(work, 'npm-cache');
  succeed('npm', ['install', '--offline', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', cache], consumer);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed tarball', () => {
  const ALLOWED = /^(package\.json|README\.md|LICENSE|THIRD_PARTY_NOTICES\.md|taxonomy\/fine-tuning\.yaml|taxonomy\/taxonomy\.schema\.json|dist\/[^/]+\.(js|cjs|d\.ts|d\.cts))$/;

  it('holds only package.json, README, LICENSE, the third-party notices, the built code and declarations, and the taxonomy YAML and schema', () => {
    expect(files.filter((f) => !ALLOWED.test(f))).toEqual([]);
  });

  it('holds every file package.json points at, and no sources, tests, fixtures or source maps', () => {
    const required = ['package.json', 'README.md', 'LICENSE', 'THIRD_PARTY_NOTICES.md', 'taxonomy/fine-tuning.yaml', 'taxonomy/taxonomy.schema.json', 'dist/cli.js'];
    for (const entry of ['index', 'taxonomy', 'node']) required.push(...['.js', '.cjs', '.d.ts', '.d.cts'].map((ext) => `dist/${entry}${ext}`));
    expect(files).toEqual(expect.arrayContaining(required));
    expect(files.filter((f) => /^(src|test|examples|scripts)\/|fixtures|\.map$/.test(f))).toEqual([]);
  });
});

describe('a fresh project with the tarball installed', () => {
  const EVERY_ROUTE = { core: expect.arrayContaining(['peft.lora']), taxonomy: expect.arrayContaining(['peft.lora']), node: expect.arrayContaining(['peft.lora']) };

  it('tags a QLoRA title peft.lora through finetax, finetax/taxonomy and finetax/node from ESM', () => {
    const result = run(process.execPath, ['esm.mjs'], consumer);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(EVERY_ROUTE);
  });

  it('reads records through the public reading API of the tarball (readRecords; readRecordsFile and streamRecords)', () => {
    writeFileSync(join(consumer, 'refs.bib'), '@article{k, title = {LoRA adapters}, year = {in press}}\n');
    const script = `import { readRecords } from 'finetax'; import { readRecordsFile, streamRecords } from 'finetax/node';
const whole = await readRecordsFile('refs.bib');
const streamed = []; for await (const item of streamRecords('refs.bib')) streamed.push(item.kind);
console.log(JSON.stringify([readRecords('{"title": "DPO"}', { format: 'jsonl' }).records.length, whole.records[0].id, whole.issues[0].code, streamed]));`;
    const result = run(process.execPath, ['--input-type=module', '-e', script], consumer);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([1, 'k', 'field/invalid', ['issue', 'record']]);
  });

  it('does the same through require() from CommonJS', () => {
    const result = run(process.execPath, ['cjs.cjs'], consumer);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual(EVERY_ROUTE);
  });

  it('depends only on fuse.js, re2js, yaml and zod, plus Observable Plot and linkedom for `finetax report` (natural is bundled, so its dependencies never arrive)', () => {
    expect(dependencies).toEqual(['@observablehq/plot', 'fuse.js', 'linkedom', 're2js', 'yaml', 'zod']);
  });

  it("needs nothing more: the repository's own copies satisfy finetax's ranges, so npm adds no other package", () => {
    const modules = join(consumer, 'node_modules');
    // A scoped package sits one folder deeper: @observablehq/plot.
    const installed = readdirSync(modules)
      .filter((name) => !name.startsWith('.'))
      .flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)).map((inner) => `${name}/${inner}`) : [name]))
      .sort();
    expect(installed).toEqual(['finetax', ...dependencies].sort());
    expect(readdirSync(join(consumer, 'node_modules', 'finetax'))).not.toContain('node_modules');
  });

  it.each(['node16', 'bundler'])('type-checks a strict TypeScript consumer with moduleResolution %s', (resolution) => {
    expect(typeCheck(join(consumer, `tsconfig.${resolution}.json`))).toBe('');
  }, 60_000);
});
