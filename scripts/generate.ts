/**
 * Regenerates what is derived from taxonomy/fine-tuning.yaml: the typed default module and the
 * JSON Schema for editors. `npm run generate`; a test fails when the checked-in files are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generated-files.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const file of generatedFiles(root)) {
  const current = readOrEmpty(file.path);
  if (current === file.content) continue;
  stale++;
  if (check) console.error(`stale: ${file.path}`);
  else writeFileSync(file.path, file.content);
}
if (check && stale > 0) process.exit(1);
console.error(check ? 'generated files are up to date' : `wrote ${stale} file(s)`);

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
