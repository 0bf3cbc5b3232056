/**
 * `finetax stats`: records per node of every facet (a record counts for its tags' ancestors too),
 * records without a tag, and the most frequent pairs of the first multi-label facet (method).
 * Counts are folded in chunk by chunk through the query layer's `Corpus.count`/`cooccurrence`,
 * so the numbers match `Corpus` exactly while memory stays flat on any input size.
 */
import type { Args, CommandSpec } from '../args.js';
import type { Context } from '../context.js';
import { checkInputs, STDIN_NAME } from '../input.js';
import { classifyOptionsOf, formatOption, inputFormatOf, jobsOf, OPTIONS, taxonomyOf } from '../options.js';
import { renderStats, type StatsReport } from '../output/stats.js';
import { exitCodeOf, summaryLine, tagInputs, type Tagged } from '../tagging.js';
import { stdoutPalette, outputWidth } from '../context.js';
import { Corpus, TaxonomyIndex } from '../../query/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';

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

/** Entries folded into the totals at a time. */
const CHUNK = 1024;

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
  const pairFacet = taxonomy.facets.find((f) => f.multiple && facets.includes(f.id))?.id;
  const totals = new Totals(taxonomy, facets, pairFacet);
  let chunk: Tagged[] = [];
  const quiet = args.flag('quiet');
  const counts = await tagInputs(ctx, { inputs, from, taxonomy, options, jobs, quiet }, (entry) => {
    chunk.push(entry);
    if (chunk.length >= CHUNK) chunk = totals.fold(chunk);
  });
  totals.fold(chunk);
  const report = totals.report(inputs.map((name) => (name === '-' ? STDIN_NAME : name)), counts.rejected, top);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderStats(report, index, { palette: stdoutPalette(ctx), width: outputWidth(ctx), unicode: ctx.stdout.isTTY === true });
  ctx.stdout.write(text);
  if (!quiet) ctx.stderr.write(`${summaryLine(counts, taxonomy)}\n`);
  return exitCodeOf(counts, args.flag('strict'));
}

/** Running totals per facet and pair. */
class Totals {
  records = 0;
  readonly counts = new Map<string, Map<string, number>>();
  readonly untagged = new Map<string, number>();
  readonly pairs = new Map<string, { a: string; b: string; count: number }>();

  constructor(
    private readonly taxonomy: Taxonomy,
    private readonly facets: readonly string[],
    private readonly pairFacet: string | undefined,
  ) {
    for (const facet of facets) {
      this.counts.set(facet, new Map());
      this.untagged.set(facet, 0);
    }
  }

  /** Adds a chunk of entries; returns a fresh chunk to fill. */
  fold(entries: readonly Tagged[]): Tagged[] {
    if (entries.length === 0) return [];
    this.records += entries.length;
    const corpus = Corpus.from(entries.map((e) => e.classification), { taxonomy: this.taxonomy });
    for (const facet of this.facets) {
      const total = this.counts.get(facet)!;
      for (const [id, n] of corpus.count(facet)) total.set(id, (total.get(id) ?? 0) + n);
      const without = entries.filter((e) => !e.classification.tags.some((t) => t.facet === facet)).length;
      this.untagged.set(facet, this.untagged.get(facet)! + without);
    }
    if (this.pairFacet) {
      for (const { a, b, count } of corpus.cooccurrence(this.pairFacet)) {
        const key = `${a}\u0000${b}`;
        const pair = this.pairs.get(key) ?? { a, b, count: 0 };
        pair.count += count;
        this.pairs.set(key, pair);
      }
    }
    return [];
  }

  report(inputs: string[], rejected: number, top: number): StatsReport {
    const index = TaxonomyIndex.of(this.taxonomy);
    const facets = this.facets.map((facet) => ({
      facet,
      counts: Object.fromEntries(index.ids(facet).map((id) => [id, this.counts.get(facet)!.get(id) ?? 0])),
      none: this.untagged.get(facet)!,
    }));
    const pairs = [...this.pairs.values()]
      .sort((x, y) => y.count - x.count || index.compare(x.a, y.a) || index.compare(x.b, y.b))
      .slice(0, top);
    return { inputs, records: this.records, rejected, facets, pairs: this.pairFacet ? { facet: this.pairFacet, top: pairs } : undefined };
  }
}
