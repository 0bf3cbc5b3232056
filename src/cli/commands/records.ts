/**
 * What classify and filter share: read the inputs, tag them, write the records that pass in the
 * chosen format, and end with the summary on stderr. Records are rendered where they are
 * classified (see work.ts); here each batch's text is only written, in order.
 */
import type { Args } from '../args.js';
import { colourWanted } from '../colour.js';
import { stdoutPalette, outputWidth, type Context } from '../context.js';
import { Output } from '../io.js';
import { taggingArgsOf } from '../options.js';
import { createFormatter, EVIDENCE_LEVELS, RECORD_FORMATS, type RecordShape } from '../output/index.js';
import type { Selection } from '../selection.js';
import { exitCodeOf, summaryLine, tagInputs } from '../tagging.js';
import type { RenderSpec } from '../work.js';
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
  selection?: Selection;
}

/** Runs the pipeline and writes the selected records; returns the exit code. */
export async function writeRecords(ctx: Context, args: Args, taxonomy: Taxonomy, run: RecordRun): Promise<number> {
  const format = args.choice('format', RECORD_FORMATS, ctx.stdout.isTTY ? 'table' : 'jsonl');
  const evidence = args.choice('evidence', EVIDENCE_LEVELS, format === 'table' ? 'short' : 'full');
  const { index, facets, ...setup } = taggingArgsOf(ctx, args, taxonomy);
  const sink: RenderSpec = { kind: 'render', format, shape: run.shape, evidence, facets, colour: colourWanted(ctx.stdout, ctx.env), width: outputWidth(ctx) };
  if (run.selection) sink.selection = run.selection;
  // filter passes JSON Lines records through as read; --normalise writes the records as the readers normalise them, with tags.
  if (run.selection && format === 'jsonl' && !args.flag('normalise')) sink.passthrough = true;
  // The same formatter the work uses, for what goes around the records: header, separators, footer.
  const formatter = createFormatter(format, { taxonomy, index, facets, shape: run.shape, evidence, palette: stdoutPalette(ctx), width: sink.width });
  const out = new Output(ctx.stdout);
  await out.write(formatter.start());
  let written = 0;
  const counts = await tagInputs(ctx, { ...setup, sink }, async (result) => {
    if (result.written === 0) return;
    await out.write(written === 0 ? formatter.lead : formatter.separator);
    await (typeof result.output === 'object' && !Array.isArray(result.output) ? out.write(result.output) : out.writeAll(result.output));
    written += result.written;
  });
  await out.write(formatter.end(written));
  await out.flush();
  if (!setup.quiet) ctx.stderr.write(`${summaryLine(counts, taxonomy, run.selection ? [`${written} matched`] : [])}\n`);
  return exitCodeOf(counts, args.flag('strict'));
}
