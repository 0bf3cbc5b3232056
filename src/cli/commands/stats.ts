/**
 * `finetax stats`: records per node of every facet (a record counts for its tags' ancestors too),
 * records without a tag, and the most frequent pairs of the first multi-label facet (method).
 * Each batch is counted where it is classified (see totals.ts), and the counts are added up here,
 * so memory stays flat on any input size.
 */
import type { Args, CommandSpec } from '../args.js';
import { sourceName } from '../input.js';
import { formatOption, taggingArgsOf, TAGGING_OPTIONS, taxonomyOf } from '../options.js';
import { renderStats } from '../output/stats.js';
import { exitCodeOf, summaryLine, tagInputs } from '../tagging.js';
import { outputWidth, stdoutPalette, type Context } from '../context.js';
import { Totals, type TotalsSpec } from '../totals.js';

export const statsSpec: CommandSpec = {
  name: 'stats',
  summary: 'count records per family and facet, with a bar chart and the top co-occurring pairs',
  usage: ['stats [options] [FILE|-]...'],
  options: [
    formatOption(['text', 'json'], 'text'),
    { name: 'top', type: 'string', value: 'N', description: 'how many co-occurring pairs to list (default 10)' },
    ...TAGGING_OPTIONS,
  ],
  notes: ['Bars use Unicode blocks on a terminal and # when piped; --format json is for machines.'],
  examples: ['finetax stats papers.jsonl', 'finetax stats --format json papers.jsonl | jq .facets.method'],
};

export async function runStats(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const format = args.choice('format', ['text', 'json'], 'text');
  const top = args.number('top', { min: 0, max: 10_000, integer: true }) ?? 10;
  const { index, facets, ...setup } = taggingArgsOf(ctx, args, taxonomy);
  const spec: TotalsSpec = { facets, pairFacet: taxonomy.facets.find((f) => f.multiple && facets.includes(f.id))?.id };
  const totals = new Totals(taxonomy, spec);
  const counts = await tagInputs(ctx, { ...setup, sink: { kind: 'count', ...spec } }, (result) => {
    if (result.totals) totals.add(result.totals);
  });
  const report = totals.report(setup.inputs.map(sourceName), counts.rejected, top);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStats(report, index, { palette: stdoutPalette(ctx), width: outputWidth(ctx), unicode: ctx.stdout.isTTY === true });
  ctx.stdout.write(text);
  if (!setup.quiet) ctx.stderr.write(`${summaryLine(counts, taxonomy)}\n`);
  return exitCodeOf(counts, args.flag('strict'));
}
