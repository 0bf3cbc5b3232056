/**
 * `finetax report`: a corpus report, as one self-contained HTML page (charts, trends, every
 * paper's evidence) or a Markdown digest. Records are read and tagged by the same pipeline as
 * classify and stats (so --jobs, --from and the located error lines behave the same), rendered as
 * full JSON Lines where they are classified and read back here. The report module, and the
 * charting library with it, is imported only when this command runs.
 */
import { writeFileSync } from 'node:fs';
import type { Classification } from '../../classification/types.js';
import type { PaperRecord } from '../../records/index.js';
import type { ReportEntry } from '../../report/index.js';
import { UsageError, type Args, type CommandSpec } from '../args.js';
import type { Context } from '../context.js';
import { sourceName } from '../input.js';
import { formatOption, taggingArgsOf, TAGGING_OPTIONS, taxonomyOf } from '../options.js';
import { exitCodeOf, summaryLine, tagInputs } from '../tagging.js';
import type { RenderSpec } from '../work.js';

const FORMATS = ['html', 'markdown'] as const;

export const reportSpec: CommandSpec = {
  name: 'report',
  summary: 'write a corpus report: an HTML page with charts, trends and evidence, or a Markdown digest',
  usage: ['report [options] [FILE|-]... -o report.html', 'report --format markdown [options] [FILE|-]...'],
  options: [
    { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the report to FILE (default: stdout, when it is not a terminal)' },
    formatOption(FORMATS, 'html'),
    { name: 'title', type: 'string', value: 'TEXT', description: "the report's title (default: Fine-tuning literature report)" },
    ...TAGGING_OPTIONS,
  ],
  notes: [
    'The HTML page is one file that opens offline: charts are drawn when the report is made, and the',
    'papers table (filters, search, sort, evidence) runs from data inside the page. The Markdown digest',
    'lists papers per family and subfamily with a link, the date and the strongest evidence phrase.',
    'SOURCE_DATE_EPOCH, when set, fixes the date the report says it was made.',
  ],
  examples: [
    'finetax report papers.jsonl -o report.html',
    'finetax report --format markdown new-this-week.jsonl > digest.md',
    'finetax report refs.bib arxiv.jsonl --jobs auto --title "PEFT survey corpus" -o survey.html',
  ],
};

export async function runReport(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const format = args.choice('format', FORMATS, 'html');
  const output = args.string('output');
  if (output === undefined && ctx.stdout.isTTY && format === 'html') throw new UsageError('give the file to write the HTML report to with -o FILE (or redirect stdout)', 'report');
  const { index: _index, facets, ...setup } = taggingArgsOf(ctx, args, taxonomy);
  const sink: RenderSpec = { kind: 'render', format: 'jsonl', shape: 'record', evidence: 'full', facets, colour: false, width: 120 };
  const entries: ReportEntry[] = [];
  const decoder = new TextDecoder();
  const counts = await tagInputs(ctx, { ...setup, sink }, (result) => {
    const pieces = Array.isArray(result.output) ? result.output : decoder.decode(result.output).split('\n');
    for (const piece of pieces) if (piece.trim() !== '') entries.push(entryOf(piece));
  });
  const { renderReport } = await import('../../report/index.js');
  const title = args.string('title');
  const source = { inputs: setup.inputs.map(sourceName), rejected: counts.rejected, generated: madeAt(ctx.env), ...(title ? { title } : {}) };
  const text = await renderReport(entries, taxonomy, source, format);
  if (output === undefined) ctx.stdout.write(text);
  else writeFileSync(output, text);
  if (!setup.quiet) ctx.stderr.write(`${summaryLine(counts, taxonomy, output === undefined ? [] : [`report written to ${output} (${sizeText(Buffer.byteLength(text))})`])}\n`);
  return exitCodeOf(counts, args.flag('strict'));
}

/** A JSON Lines result (the record's fields, its tags, and names when the classifier gave them) as an entry. */
function entryOf(line: string): ReportEntry {
  const { tags, names, proposed, ...record } = JSON.parse(line) as PaperRecord & { tags: Classification['tags']; names?: unknown; proposed?: unknown };
  const classification: ReportEntry['classification'] = { id: record.id, tags };
  // Read as written: the report checks these fields itself (src/report/names.ts).
  if (names !== undefined) classification.names = names;
  if (proposed !== undefined) classification.proposed = proposed;
  return { record, classification };
}

/** `2026-11-30 18:40 UTC`, from SOURCE_DATE_EPOCH (reproducible builds) when set. */
function madeAt(env: NodeJS.ProcessEnv): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH !== undefined && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;
}
