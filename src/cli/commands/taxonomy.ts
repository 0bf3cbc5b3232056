/**
 * `finetax taxonomy lint|tree|test|types|schema [FILE]`: work on a taxonomy YAML file, by
 * default the bundled `taxonomy/fine-tuning.yaml` (found from the installed package, not the cwd).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { TaxonomyError, formatTaxonomyIssue } from '../../errors.js';
import { packageRoot } from '../../node/location.js';
import { parseTaxonomy } from '../../taxonomy/parse.js';
import { taxonomyJsonSchema } from '../../taxonomy/schema.js';
import { taxonomyModule } from '../../taxonomy/codegen.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import { UsageError, type Args, type CommandSpec } from '../args.js';
import type { Context } from '../context.js';
import { OPTIONS } from '../options.js';
import { lintSummary, renderTree, runExamples } from './taxonomy-report.js';

const ACTIONS = ['lint', 'tree', 'test', 'types', 'schema'] as const;
type Action = (typeof ACTIONS)[number];

export const taxonomySpec: CommandSpec = {
  name: 'taxonomy',
  summary: 'lint, print, test or generate code from a taxonomy YAML file',
  usage: ['taxonomy lint [FILE]', 'taxonomy tree [FILE]', 'taxonomy test [FILE] [--verbose]', 'taxonomy types [FILE] [--name NAME]', 'taxonomy schema'],
  options: [
    { name: 'name', type: 'string', value: 'NAME', description: 'types: name of the exported taxonomy constant (default taxonomy)' },
    { name: 'verbose', short: 'v', type: 'boolean', description: 'test: list passing examples too' },
    OPTIONS.help,
  ],
  notes: [
    'lint    validate; prints FILE:LINE:COL path: message per problem (exit 1) or a summary of counts',
    'tree    the facets and nodes with their rule counts',
    "test    every node's example sentences: positives must get the tag, negatives must not (exit 1 on failure)",
    'types   a TypeScript module with the ids as literal types and the typed taxonomy (stdout)',
    'schema  the JSON Schema of the YAML format, for editor completion (stdout)',
    'FILE defaults to the bundled default taxonomy.',
  ],
  examples: ['finetax taxonomy lint my-families.yaml', 'finetax taxonomy types my-families.yaml --name families > src/families.ts', 'finetax taxonomy schema > taxonomy.schema.json'],
};

export async function runTaxonomy(ctx: Context, args: Args): Promise<number> {
  const [action, file, ...extra] = args.positionals;
  if (action === undefined) throw new UsageError(`missing action: one of ${ACTIONS.join(', ')}`, 'taxonomy');
  if (!isAction(action)) throw new UsageError(`unknown action '${action}': expected one of ${ACTIONS.join(', ')}`, 'taxonomy');
  if (extra.length > 0 || (action === 'schema' && file !== undefined)) throw new UsageError(`unexpected argument '${extra[0] ?? file}'`, 'taxonomy');
  if (action === 'schema') {
    ctx.stdout.write(`${JSON.stringify(taxonomyJsonSchema(), null, 2)}\n`);
    return 0;
  }
  const { path, shown } = taxonomyFile(file);
  const text = readFileSync(path, 'utf8');
  if (action === 'lint') return lint(ctx, text, shown);
  return run(ctx, args, action, parseTaxonomy(text, { source: shown }), shown);
}

function isAction(name: string): name is Action {
  return (ACTIONS as readonly string[]).includes(name);
}

function run(ctx: Context, args: Args, action: 'tree' | 'test' | 'types', taxonomy: Taxonomy, shown: string): number {
  if (action === 'tree') {
    ctx.stdout.write(renderTree(taxonomy, shown, ctx.stdout.isTTY === true));
    return 0;
  }
  if (action === 'types') {
    const exportName = args.string('name') ?? 'taxonomy';
    if (!/^[A-Za-z_$][\w$]*$/.test(exportName)) throw new UsageError(`--name: expected a JavaScript identifier, got '${exportName}'`, 'taxonomy');
    ctx.stdout.write(taxonomyModule(taxonomy, { importFrom: 'finetax', exportName, source: shown }));
    return 0;
  }
  const { lines, failed } = runExamples(taxonomy, args.flag('verbose'));
  ctx.stdout.write(`${lines.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}

function lint(ctx: Context, text: string, shown: string): number {
  try {
    ctx.stdout.write(lintSummary(parseTaxonomy(text, { source: shown }), shown));
    return 0;
  } catch (error) {
    if (!(error instanceof TaxonomyError)) throw error;
    // Every issue, not the first 20 the error message lists.
    ctx.stdout.write(error.issues.map((issue) => `${formatTaxonomyIssue(issue)}\n`).join(''));
    ctx.stderr.write(`${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in ${shown}\n`);
    return 1;
  }
}

/** The file to read and the name to show in messages (relative to the cwd when inside it). */
function taxonomyFile(file: string | undefined): { path: string; shown: string } {
  const path = file ?? join(packageRoot(), 'taxonomy', 'fine-tuning.yaml');
  if (!existsSync(path)) throw new UsageError(`cannot read '${path}': no such file`, 'taxonomy');
  if (file !== undefined) return { path, shown: file };
  const near = relative(process.cwd(), path);
  return { path, shown: near.startsWith('..') || isAbsolute(near) ? path : near };
}
