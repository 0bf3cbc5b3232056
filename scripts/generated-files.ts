/** The files derived from the default taxonomy YAML, shared by the generator and its staleness test. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTaxonomy } from '../src/taxonomy/parse.js';
import { taxonomyModule } from '../src/taxonomy/codegen.js';
import { taxonomyJsonSchema } from '../src/taxonomy/schema.js';

export interface GeneratedFile {
  path: string;
  content: string;
}

export function generatedFiles(root: string): GeneratedFile[] {
  const yamlPath = join(root, 'taxonomy', 'fine-tuning.yaml');
  const taxonomy = parseTaxonomy(readFileSync(yamlPath, 'utf8'), { source: 'taxonomy/fine-tuning.yaml' });
  const module = taxonomyModule(taxonomy, {
    importFrom: '../typed.js',
    exportName: 'defaultTaxonomy',
    source: 'taxonomy/fine-tuning.yaml by scripts/generate.ts',
  });
  return [
    { path: join(root, 'src', 'taxonomy', 'generated', 'default.ts'), content: module },
    { path: join(root, 'taxonomy', 'taxonomy.schema.json'), content: `${JSON.stringify(taxonomyJsonSchema(), null, 2)}\n` },
  ];
}
