/**
 * `finetax stats`: records per node of every facet (a record counts for its tags' ancestors too),
 * records without a tag, and the most frequent pairs of the first multi-label facet (method).
 * Each batch is counted where it is classified (see totals.ts), and the counts are added up here,
 * so memory stays flat on any input size.
 */
import type { Args, CommandSpec } from '../args.js';
import type { Context } from '../context.js';
import { checkInputs, sourceName } from '../input.js';
import { classifyOptionsOf, formatOption, inputFormatOf, jobsOf, OPTIONS, taxonomyOf } from '../options.js';
import { renderStats } from '../output/stats.js';
import { exitCodeOf, summaryLine, tagInputs } from '../tagging.js';
import { stdoutPalette, outputWidth } from '../context.js';
import { Totals, type TotalsSpec } from '../totals.js';
import { TaxonomyIndex } from '../../query/index.js';

export const statsSpec: CommandSpec = {
  name: 'stats',
  summary: 'count records per family and facet, with a bar chart and the top co-occurring pairs',
  usage: ['stats [options] [FILE|-]...'],
  options: [
    formatOption(['text', 'json'], 'text'),
    { name: 'top', type: 'string', value: 'N', description: 'how many co-occurring pairs to list (default 10)' },
    OPTIONS.from,
    OPTIONS.taxonomy,
    OPTIONS.minScore,
    OPTIONS.facet,
    OPTIONS.jobs,
    OPTIONS.strict,
    OPTIONS.quiet,
    OPTIONS.help,
  ],
  notes: ['Bars use Unicode blocks on a terminal and # when piped; --format json is for machines.'],
  examples: ['finetax stats papers.jsonl', 'finetax stats --format json papers.jsonl | jq .facets.method'],
};

export async function runStats(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const format = args.choice('format', ['text', 'json'], 'text');
  const top = args.number('top', { min: 0, max: 10_000, integer: true }) ?? 10;
  const options = classifyOptionsOf(args, taxonomy);
  const from = inputFormatOf(args);
  const jobs = jobsOf(args);
  const inputs = checkInputs(args.positionals, { from, stdin: ctx.stdin }, args.command);
  const index = TaxonomyIndex.of(taxonomy);
  const facets = index.facets.filter((f) => !options.facets || options.facets.includes(f));
  const spec: TotalsSpec = { facets, pairFacet: taxonomy.facets.find((f) => f.multiple && facets.includes(f.id))?.id };
  const totals = new Totals(taxonomy, spec);
  const quiet = args.flag('quiet');
  const counts = await tagInputs(ctx, { inputs, from, taxonomy, options, jobs, quiet, sink: { kind: 'count', ...spec } }, (result) => {
    if (result.totals) totals.add(result.totals);
  });
  const report = totals.report(inputs.map(sourceName), counts.rejected, top);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStats(report, index, { palette: stdoutPalette(ctx), width: outputWidth(ctx), unicode: ctx.stdout.isTTY === true });
  ctx.stdout.write(text);
  if (!quiet) ctx.stderr.write(`${summaryLine(counts, taxonomy)}\n`);
  return exitCodeOf(counts, args.flag('strict'));
}
