/**
 * `npm run build`: dist/ as published. Two halves, run at the same time:
 * - the JavaScript: tsup (tsup.config.ts), ESM and CommonJS with shared chunks;
 * - the declarations of the three public entries: `tsc -p tsconfig.build.json` writes one .d.ts
 *   per source file into a temporary folder, and rollup-plugin-dts bundles them into
 *   dist/{index,taxonomy,node}.d.ts and .d.cts (with shared chunks), as tsup's dts step did.
 * tsup's dts step compiled and type-checked the program from inside rollup and took ~85% of the
 * build (33-40 s of CPU); tsc over what the public entries reach, then bundling finished
 * declarations, takes a third of that, and runs beside the JavaScript half.
 *
 * `--silent` quiets tsup. `--no-check` passes tsc `--noCheck`: declarations without type-checking
 * the sources first (the same files, ~5 s of CPU instead of ~10 s); the test setup builds this way,
 * as `npm run typecheck` is the type check and the tests read the declarations with tsc themselves.
 * `npm run build` checks. Exit status 1 on any error, with the tool's own message.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const silent = process.argv.includes('--silent');
const check = !process.argv.includes('--no-check');
const ENTRIES = { index: 'index', taxonomy: 'taxonomy/index', node: 'node/index' };

/** Runs a Node script of a dependency; resolves when it exits 0, rejects with its name otherwise. */
function run(name, script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${name} failed (${signal ?? `exit ${code}`})`))));
  });
}

async function declarations(types) {
  const { rollup } = await import('rollup');
  const { dts } = await import('rollup-plugin-dts');
  const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const packages = Object.keys(dependencies);
  const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
  const input = Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(types, `${path}.d.ts`)]));
  for (const file of Object.values(input)) if (!existsSync(file)) throw new Error(`tsc wrote no ${file}`);
  const bundle = await rollup({
    input,
    plugins: [dts()],
    external: (id) => builtins.has(id) || packages.some((name) => id === name || id.startsWith(`${name}/`)),
    onwarn(warning, warn) {
      if (warning.code !== 'CIRCULAR_DEPENDENCY') warn(warning);
    },
  });
  // Chunks are named after a module (`errors.d.ts` → `errors`), like tsup's: errors-HASH.d.ts.
  const chunkName = (extension) => (chunk) => `${chunk.name.replace(/\.d$/, '')}-[hash].${extension}`;
  for (const extension of ['d.ts', 'd.cts']) {
    await bundle.write({ dir: join(root, 'dist'), format: 'es', entryFileNames: `[name].${extension}`, chunkFileNames: chunkName(extension) });
  }
  await bundle.close();
}

const types = mkdtempSync(join(tmpdir(), 'finetax-types-'));
try {
  const tsc = require.resolve('typescript/bin/tsc');
  const tsup = join(root, 'node_modules', 'tsup', 'dist', 'cli-default.js');
  await Promise.all([run('tsup', tsup, silent ? ['--silent'] : []), run('tsc -p tsconfig.build.json', tsc, ['-p', 'tsconfig.build.json', '--outDir', types, ...(check ? [] : ['--noCheck'])])]);
  // After tsup: its `clean` empties dist/ when it starts.
  await declarations(types);
  if (!silent) console.log('declarations: dist/index, taxonomy and node .d.ts and .d.cts');
} catch (error) {
  console.error(`build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  rmSync(types, { recursive: true, force: true });
}
