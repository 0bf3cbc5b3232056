/**
 * What classify and filter share: read the inputs, tag them, write the records that pass in the
 * chosen format, and end with the summary on stderr.
 */
import type { Args } from '../args.js';
import { stdoutPalette, outputWidth, type Context } from '../context.js';
import { checkInputs } from '../input.js';
import { Output } from '../io.js';
import { classifyOptionsOf, inputFormatOf, jobsOf } from '../options.js';
import { createFormatter, EVIDENCE_LEVELS, RECORD_FORMATS, type RecordShape } from '../output/index.js';
import { exitCodeOf, summaryLine, tagInputs, type Tagged } from '../tagging.js';
import { TaxonomyIndex } from '../../query/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';

export const EVIDENCE_OPTION = {
  name: 'evidence',
  short: 'e',
  type: 'string',
  value: 'LEVEL',
  description: 'evidence per tag: none, short or full (default: full for jsonl/json, short for table)',
} as const;

export interface RecordRun {
  shape: RecordShape;
  /** Which tagged records to write (default: all). */
  select?: (entry: Tagged) => boolean;
}

/** Runs the pipeline and writes the selected records; returns the exit code. */
export async function writeRecords(ctx: Context, args: Args, taxonomy: Taxonomy, run: RecordRun): Promise<number> {
  const format = args.choice('format', RECORD_FORMATS, ctx.stdout.isTTY ? 'table' : 'jsonl');
  const evidence = args.choice('evidence', EVIDENCE_LEVELS, format === 'table' ? 'short' : 'full');
  const options = classifyOptionsOf(args, taxonomy);
  const from = inputFormatOf(args);
  const jobs = jobsOf(args);
  const inputs = checkInputs(args.positionals, { from, stdin: ctx.stdin }, args.command);
  const index = TaxonomyIndex.of(taxonomy);
  const facets = index.facets.filter((f) => !options.facets || options.facets.includes(f));
  const formatter = createFormatter(format, { taxonomy, index, facets, shape: run.shape, evidence, palette: stdoutPalette(ctx), width: outputWidth(ctx) });
  const out = new Output(ctx.stdout);
  await out.write(formatter.start());
  let written = 0;
  const quiet = args.flag('quiet');
  const counts = await tagInputs(ctx, { inputs, from, taxonomy, options, jobs, quiet }, async (entry) => {
    if (run.select && !run.select(entry)) return;
    written++;
    await out.write(formatter.entry(entry));
  });
  await out.write(formatter.end());
  await out.flush();
  if (!quiet) ctx.stderr.write(`${summaryLine(counts, taxonomy, run.select ? [`${written} matched`] : [])}\n`);
  return exitCodeOf(counts, args.flag('strict'));
}
