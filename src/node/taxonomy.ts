/**
 * Loading taxonomy files from disk.
 */
import { readFileSync } from 'node:fs';
import { TaxonomyError } from '../errors.js';
import { parseTaxonomy } from '../taxonomy/parse.js';
import type { Taxonomy } from '../taxonomy/types.js';

/**
 * Reads and validates a taxonomy YAML file. Errors name the file, line and column.
 *
 * @example
 * const classifier = createClassifier({ taxonomy: loadTaxonomy('my-taxonomy.yaml') });
 * @throws {TaxonomyError} when the file cannot be read or is not a valid taxonomy.
 */
export function loadTaxonomy(path: string): Taxonomy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TaxonomyError([{ source: path, line: 0, column: 0, path: '', message: `cannot read file: ${reason}` }]);
  }
  return parseTaxonomy(text, { source: path });
}
