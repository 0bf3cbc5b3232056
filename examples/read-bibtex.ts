/**
 * Read a BibTeX library with the reading API and keep the papers of one method family.
 *
 * Run: npx tsx examples/read-bibtex.ts [family] [file.bib]
 *   family: a method family id (default `peft`, which includes `peft.lora`);
 *   file.bib: default examples/data/library.bib.
 */
import { fileURLToPath } from 'node:url';
import { formatIssue, tagCorpus, UnknownIdError } from '../src/index.js';
import { readRecordsFile } from '../src/node/index.js';

const family = process.argv[2] ?? 'peft';
const file = process.argv[3] ?? fileURLToPath(new URL('data/library.bib', import.meta.url));

const { format, records, issues } = await readRecordsFile(file);
// Lossless reading: a bad field is left out with a warning; only an entry with no title and no abstract is rejected.
for (const issue of issues) console.log(`${issue.severity}: ${formatIssue(issue)}`);
console.log(`${records.length} ${format} records`);

const corpus = tagCorpus(records);
let kept: ReturnType<typeof corpus.where>;
try {
  // Any string: the corpus checks it against the taxonomy at run time.
  kept = corpus.where({ method: family as never });
} catch (error) {
  // A typo gets the closest ids: "unknown method id 'lora'; did you mean 'peft.lora'?"
  if (!(error instanceof UnknownIdError)) throw error;
  console.log(error.message);
  process.exit(0);
}
console.log(`${kept.size} with method ${family}:`);
for (const { record } of kept) console.log(`  ${record.id} (${record.year ?? 'no year'}): ${record.title}`);
