/**
 * The typed default module and the JSON Schema are generated from taxonomy/fine-tuning.yaml and
 * checked in. If someone edits the YAML and forgets `npm run generate`, this fails.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../scripts/generated-files.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('generated files', () => {
  it.each(generatedFiles(root).map((file) => [file.path.slice(root.length), file] as const))('%s is up to date (run npm run generate)', (_name, file) => {
    expect(readFileSync(file.path, 'utf8')).toBe(file.content);
  });
});
