/**
 * One contender of the single-thread comparison, run `rounds` times over the parsed corpus and
 * nothing else: the unit `bench/instructions.ts` runs under valgrind. Usage:
 * `node --import tsx bench/kernel.ts <finetax|finetax-no-names|alternation|floor> <rounds>`.
 */
import { createClassifier, defaultTaxonomy } from '../dist/index.js';
import { alternationBaseline, parsedFloor, taxonomyTerms, V8_REGEXP_OPTIMISE_LIMIT } from './baselines.js';
import { loadCorpus, type BenchRecord } from './corpus.js';

const KERNELS = ['finetax', 'finetax-no-names', 'alternation', 'floor'] as const;
type Kernel = (typeof KERNELS)[number];

function contender(kernel: Kernel): (record: BenchRecord) => number {
  if (kernel === 'alternation') return alternationBaseline(taxonomyTerms(defaultTaxonomy), V8_REGEXP_OPTIMISE_LIMIT);
  if (kernel === 'floor') return parsedFloor;
  const classifier = createClassifier({ taxonomy: defaultTaxonomy, names: kernel === 'finetax' });
  return (record) => classifier.classify(record).tags.length;
}

const [kernel, rounds] = [process.argv[2] as Kernel, Number(process.argv[3])];
if (!KERNELS.includes(kernel) || !Number.isInteger(rounds)) throw new Error('usage: kernel.ts <finetax|finetax-no-names|alternation|floor> <rounds>');
const { records } = loadCorpus();
const run = contender(kernel);
let sink = 0;
for (let round = 0; round < rounds; round++) for (const record of records) sink += run(record);
console.log(`${kernel} ${rounds} rounds ${records.length} records (checksum ${sink})`);
