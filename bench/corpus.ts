/** The benchmark corpus: the shared 673 arXiv ML abstracts when present, else the bundled sample. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BenchRecord {
  id: string;
  title: string;
  abstract: string;
}

const shared = fileURLToPath(new URL('../../shared/corpus/arxiv-2024-ml.jsonl', import.meta.url));
const bundled = fileURLToPath(new URL('../examples/data/sample-papers.jsonl', import.meta.url));

export function loadCorpus(): { path: string; lines: string[]; records: BenchRecord[] } {
  const path = existsSync(shared) ? shared : bundled;
  const lines = readFileSync(path, 'utf8').split('\n').filter((line) => line.trim() !== '');
  return { path, lines, records: lines.map((line) => JSON.parse(line) as BenchRecord) };
}

/** `copies` passes over the records, each pass in a different (seeded) order, ids rewritten. */
export function cycled(records: BenchRecord[], copies: number): BenchRecord[] {
  const out: BenchRecord[] = [];
  let seed = 7;
  for (let copy = 0; copy < copies; copy++) {
    const order = records.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) out.push({ ...records[i]!, id: `${records[i]!.id}#${copy}` });
  }
  return out;
}
