/**
 * Measurements that need a fresh process: import + compile time, and the CLI streaming a large
 * JSON Lines input (peak RSS, wall time, with one and two workers).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './timing.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/index.js`;
const cli = `${root}dist/cli.js`;
const generator = fileURLToPath(new URL('./generate-jsonl.mjs', import.meta.url));

export interface StartupTimes {
  importMs: number;
  compileMs: number;
  firstClassifyMs: number;
  emptyImportMs: number;
}

/** Median over `runs` fresh processes of importing finetax and compiling the default classifier. */
export function startup(runs: number): StartupTimes {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(dist)});
    const t1 = performance.now();
    const c = m.createClassifier({ taxonomy: m.defaultTaxonomy });
    const t2 = performance.now();
    c.classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs' });
    const t3 = performance.now();
    const e0 = performance.now(); await import('data:text/javascript,export%20default%201'); const e1 = performance.now();
    console.log(JSON.stringify({ importMs: t1 - t0, compileMs: t2 - t1, firstClassifyMs: t3 - t2, emptyImportMs: e1 - e0 }));`;
  const samples: StartupTimes[] = [];
  for (let i = 0; i < runs; i++) {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(run.stderr);
    samples.push(JSON.parse(run.stdout) as StartupTimes);
  }
  const pick = (key: keyof StartupTimes) => median(samples.map((s) => s[key]));
  return { importMs: pick('importMs'), compileMs: pick('compileMs'), firstClassifyMs: pick('firstClassifyMs'), emptyImportMs: pick('emptyImportMs') };
}

export interface StreamRun {
  records: number;
  jobs: number;
  seconds: number;
  peakRssMb: number;
  perSecond: number;
}

/**
 * Writes `records` JSON Lines records, cycled from the corpus with ids rewritten, to a temporary
 * file. The CLI then reads it on stdin: a generator piped straight in would take CPU from the
 * workers on a two-core machine and understate what --jobs gives.
 */
export function writeStreamInput(records: number, corpusPath: string): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'finetax-bench-'));
  const path = join(dir, 'records.jsonl');
  const run = spawnSync('bash', ['-o', 'pipefail', '-c', `node ${JSON.stringify(generator)} ${records} ${JSON.stringify(corpusPath)} > ${JSON.stringify(path)}`], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`writing the stream input failed: ${run.stderr.slice(-2000)}`);
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs `finetax classify - --format jsonl --jobs N < input > /dev/null`: wall time and peak RSS. */
export function streamThroughCli(records: number, jobs: number, inputPath: string): StreamRun | undefined {
  if (!existsSync(cli) || !existsSync('/usr/bin/time')) return undefined;
  const command = `/usr/bin/time -f '%M %e' node ${JSON.stringify(cli)} classify - --format jsonl --jobs ${jobs} < ${JSON.stringify(inputPath)} > /dev/null`;
  const run = spawnSync('bash', ['-o', 'pipefail', '-c', command], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`streaming run failed: ${run.stderr.slice(-2000)}`);
  const lastLine = run.stderr.trim().split('\n').pop() ?? '';
  const [kb, seconds] = lastLine.split(' ').map(Number) as [number, number];
  return { records, jobs, seconds, peakRssMb: kb / 1024, perSecond: records / seconds };
}
