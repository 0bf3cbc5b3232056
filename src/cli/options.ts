/**
 * Options shared by the commands that classify (classify, filter, stats, explain, eval), and
 * turning them into a taxonomy and classify options. Ids and facets are checked against the
 * taxonomy up front, so a typo fails with exit 2 before any input is read.
 */
import { existsSync } from 'node:fs';
import type { ClassifyOptions } from '../classification/types.js';
import { UnknownIdError } from '../errors.js';
import { loadTaxonomy } from '../node/taxonomy.js';
import { resolveJobs } from '../node/pool.js';
import { TaxonomyIndex } from '../query/index.js';
import { INPUT_FORMATS, isInputFormat, type InputFormat } from '../records/index.js';
import { defaultTaxonomy } from '../taxonomy/generated/default.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { UsageError, type Args, type OptionSpec } from './args.js';
import type { Context } from './context.js';
import { checkInputs } from './input.js';
import type { TaggingSetup } from './tagging.js';

export const OPTIONS = {
  from: { name: 'from', type: 'string', value: 'FORMAT', description: `input format, overriding detection: ${INPUT_FORMATS.join(', ')}` },
  taxonomy: {
    name: 'taxonomy',
    short: 't',
    type: 'string',
    value: 'FILE',
    description: 'taxonomy YAML to use instead of the default (`extends: default` in it extends the default)',
  },
  minScore: { name: 'min-score', type: 'string', value: 'N', description: 'keep tags scoring at least N (0..1), overriding thresholds' },
  facet: { name: 'facet', type: 'string', multiple: true, value: 'ID', description: 'only these facets (repeatable or comma list)' },
  strict: { name: 'strict', type: 'boolean', description: 'treat warnings (fields left out, duplicate ids) as errors; exit 1 when any record is rejected' },
  jobs: { name: 'jobs', short: 'j', type: 'string', value: 'N', description: 'threads to classify on (this one and N-1 workers): a number or auto (one per CPU); default 1' },
  quiet: { name: 'quiet', short: 'q', type: 'boolean', description: 'no summary or progress line on stderr' },
  help: { name: 'help', short: 'h', type: 'boolean', description: 'show this help' },
} as const satisfies Record<string, OptionSpec>;

/** The options of the commands that tag whole inputs (classify, stats), after their own. */
export const TAGGING_OPTIONS: readonly OptionSpec[] = [
  OPTIONS.from,
  OPTIONS.taxonomy,
  OPTIONS.minScore,
  OPTIONS.facet,
  OPTIONS.jobs,
  OPTIONS.strict,
  OPTIONS.quiet,
  OPTIONS.help,
];

/** `--format` with the given choices. */
export function formatOption(choices: readonly string[], fallback: string): OptionSpec {
  return { name: 'format', short: 'f', type: 'string', value: 'FORMAT', description: `${choices.join(', ')} (default: ${fallback})` };
}

/** The taxonomy of `--taxonomy`, or the default. A missing file is a usage error; an invalid one a TaxonomyError. */
export function taxonomyOf(args: Args): Taxonomy {
  const path = args.string('taxonomy');
  if (path === undefined) return defaultTaxonomy;
  if (!existsSync(path)) throw new UsageError(`--taxonomy: cannot read '${path}': no such file`, args.command);
  return loadTaxonomy(path);
}

export function inputFormatOf(args: Args): InputFormat | undefined {
  const from = args.string('from');
  if (from === undefined || isInputFormat(from)) return from;
  throw new UsageError(`--from: expected one of ${INPUT_FORMATS.join(', ')}, got '${from}'`, args.command);
}

/** `--min-score` and `--facet` as classify options. @throws {UnknownIdError} for an unknown facet. */
export function classifyOptionsOf(args: Args, taxonomy: Taxonomy): ClassifyOptions {
  const options: ClassifyOptions = {};
  const minScore = args.number('min-score', { min: 0, max: 1 });
  if (minScore !== undefined) options.minScore = minScore;
  const facets = args.list('facet');
  if (facets.length > 0) {
    const index = TaxonomyIndex.of(taxonomy);
    options.facets = facets.map((f) => index.requireFacet(f));
  }
  return options;
}

/** What classify, filter and stats read alike: the tagging setup (less its sink), and the facets to show. */
export function taggingArgsOf(ctx: Context, args: Args, taxonomy: Taxonomy): Omit<TaggingSetup, 'sink'> & { index: TaxonomyIndex; facets: string[] } {
  const options = classifyOptionsOf(args, taxonomy);
  const from = inputFormatOf(args);
  const jobs = jobsOf(args);
  const inputs = checkInputs(args.positionals, { from, stdin: ctx.stdin }, args.command);
  const index = TaxonomyIndex.of(taxonomy);
  const facets = index.facets.filter((f) => !options.facets || options.facets.includes(f));
  return { inputs, from, taxonomy, options, jobs, quiet: args.flag('quiet'), strict: args.flag('strict'), index, facets };
}

function jobsOf(args: Args): number {
  const text = args.string('jobs');
  if (text === undefined) return 1;
  if (text === 'auto') return resolveJobs('auto');
  const jobs = Number(text);
  if (text.trim() === '' || !Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
    throw new UsageError(`--jobs: expected a whole number from 1 to 256, or auto, got '${text}'`, args.command);
  }
  return jobs;
}

/**
 * An id of `facet` from a flag: the id itself, or a name the taxonomy resolves (`LoRA` → peft.lora).
 * @throws {UnknownIdError} "unknown method 'peft.lroa'; did you mean 'peft.lora'?"
 */
export function idOf(index: TaxonomyIndex, text: string, facet: string): string {
  if (index.has(text, facet)) return text;
  const resolved = index.resolve(text, facet);
  if (resolved !== undefined) return resolved;
  try {
    return index.requireId(text, facet);
  } catch (error) {
    // The query layer words it "unknown method id"; the CLI names the flag's facet, as users typed it.
    if (error instanceof UnknownIdError) throw new UnknownIdError(error.id, error.suggestions, facet);
    throw error;
  }
}
