/**
 * `npm run bench:instructions`: instructions per record of finetax, the one-alternation regex and
 * the floor (lowercase + tokenise), counted by valgrind's callgrind. On a machine shared with other
 * work, wall-clock rates wander by 2x between runs; instruction counts do not. Each contender runs
 * in two fresh processes, with `LOW` and `HIGH` rounds over the corpus; the difference divided by
 * the extra records is the steady-state cost per record (start-up and JIT warm-up cancel). V8's
 * optimising compiler runs on the main thread under valgrind but on a background thread in a normal
 * run, and it is still compiling the names layer's many small functions between the two round
 * counts (a third as many instructions again as the names layer itself): its instructions are left out.
 * Instructions are not time (a regex engine's native loop retires more per cycle than JIT'd code),
 * so these ratios complement the timed ones of `npm run bench`, they do not replace them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from './corpus.js';

/** The contenders of bench/kernel.ts. */
const KERNELS = ['finetax', 'finetax-no-names', 'alternation', 'floor'] as const;
type Kernel = (typeof KERNELS)[number];
// From round 5 on the code is optimised (the names layer's rarer paths tier up until about then).
const LOW = 5;
const HIGH = 20;
const kernelPath = fileURLToPath(new URL('./kernel.ts', import.meta.url));
const only = process.argv.slice(2).filter((a): a is Kernel => (KERNELS as readonly string[]).includes(a));
const records = loadCorpus().records.length;
const scratch = mkdtempSync(join(tmpdir(), 'finetax-callgrind-'));

/** Instructions of one fresh process running `rounds` rounds of the contender, the optimising compiler's left out. */
async function instructions(kernel: Kernel, rounds: number): Promise<number> {
  const out = join(scratch, `${kernel}.${rounds}.out`);
  // --single-threaded: V8 compiles and collects on the main thread. Callgrind counts every
  // thread, and background compilation landing in one run and not the other can move the
  // difference between the two runs by several percent.
  const args = ['--tool=callgrind', '--smc-check=all-non-file', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', '--import', 'tsx', kernelPath, kernel, String(rounds)];
  const { status, stderr } = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn('valgrind', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject).on('close', (status) => resolve({ status, stderr }));
  });
  const refs = /I\s+refs:\s+([\d,]+)/.exec(stderr);
  if (status !== 0 || !refs) throw new Error(`valgrind failed (is it installed?):\n${stderr.slice(-2000)}`);
  return Number(refs[1]!.replace(/,/g, '')) - compilerInstructions(out);
}

/** The instructions of V8's optimising compilers (TurboFan, Maglev) in a callgrind profile, by function. */
function compilerInstructions(out: string): number {
  const annotated = spawnSync('callgrind_annotate', ['--threshold=100', out], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (annotated.status !== 0) throw new Error(`callgrind_annotate failed:\n${annotated.stderr.slice(-2000)}`);
  let total = 0;
  for (const line of annotated.stdout.split('\n')) {
    const row = /^\s*([\d,]+)\s+\([\s\d.]+%\)\s+\S*(?:compiler::|maglev::)/.exec(line);
    if (row) total += Number(row[1]!.replace(/,/g, ''));
  }
  return total;
}

try {
  const perRecord = new Map<Kernel, number>();
  for (const kernel of only.length > 0 ? only : KERNELS) {
    // The two processes of a contender run side by side: instruction counts do not depend on the other's load.
    const [high, low] = await Promise.all([instructions(kernel, HIGH), instructions(kernel, LOW)]);
    perRecord.set(kernel, (high - low) / ((HIGH - LOW) * records));
    console.log(`${kernel.padEnd(17)} ${Math.round(perRecord.get(kernel)!).toLocaleString('en-US').padStart(10)} instructions/record`);
  }
  const [finetax, floor, alternation] = [perRecord.get('finetax'), perRecord.get('floor'), perRecord.get('alternation')];
  const withoutNames = perRecord.get('finetax-no-names');
  if (finetax && withoutNames) console.log(`names cost             ${((finetax / withoutNames - 1) * 100).toFixed(1)}% more instructions (target ≤ 15% in time)`);
  if (finetax && floor) console.log(`finetax / floor        ${(finetax / floor).toFixed(2)}x instructions`);
  if (finetax && alternation) console.log(`finetax / alternation  ${(finetax / alternation).toFixed(2)}x instructions`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
