/**
 * `finetax eval GOLD.jsonl`: scores the classifier against gold labels (`labels: { facet: id | ids }`
 * per line) with the library's `evaluate`, and prints per-label P/R/F1, micro/macro averages,
 * exact match, and with --verbose the disagreements. The last lines are one summary per facet.
 */
import { createReadStream } from 'node:fs';
import { createClassifier } from '../../classification/classifier.js';
import { UnknownIdError } from '../../errors.js';
import { evaluate, type GoldRecord } from '../../eval/metrics.js';
import { readLines } from '../../node/stream.js';
import { TaxonomyIndex } from '../../query/index.js';
import { formatIssue, type ReadIssue } from '../../records/index.js';
import { JsonSyntaxError, parseJson } from '../../records/json-value.js';
import { UsageError, type Args, type CommandSpec } from '../args.js';
import type { Context } from '../context.js';
import { checkInputs } from '../input.js';
import { classifyOptionsOf, formatOption, OPTIONS, taxonomyOf } from '../options.js';
import { renderEval } from '../output/eval.js';

export const evalSpec: CommandSpec = {
  name: 'eval',
  summary: 'score the classifier against gold labels: per-label P/R/F1, micro/macro, exact match',
  usage: ['eval GOLD.jsonl [options]'],
  options: [
    formatOption(['text', 'json'], 'text'),
    { name: 'verbose', short: 'v', type: 'boolean', description: 'also list every disagreement and the confusion of single-label facets' },
    { name: 'fail-under', type: 'string', value: 'F1', description: "exit 1 when a facet's micro-F1 is below F1" },
    OPTIONS.taxonomy,
    OPTIONS.minScore,
    OPTIONS.facet,
    OPTIONS.strict,
    OPTIONS.help,
  ],
  notes: [
    'GOLD.jsonl: one paper per line with id, title, abstract and labels, e.g.',
    '  {"id":"x","title":"…","abstract":"…","labels":{"method":["peft","peft.lora"],"type":"method","modality":[]}}',
    'Facets a record has no labels for are not scored for it; labels of facets the taxonomy lacks are ignored.',
    'Lines may also carry "names": [{"name":"DoRA","role":"compares"}] and "proposed": ["FRUGAL"] (NAMES.md):',
    'names micro P/R/F1, role accuracy and proposed-name F1 are then reported next to the facets.',
  ],
  examples: ['finetax eval gold.jsonl', 'finetax eval gold.jsonl --taxonomy my-families.yaml --verbose'],
};

export async function runEval(ctx: Context, args: Args): Promise<number> {
  const [gold, ...extra] = args.positionals;
  if (gold === undefined) throw new UsageError('missing GOLD.jsonl', 'eval');
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`, 'eval');
  const taxonomy = taxonomyOf(args);
  const options = classifyOptionsOf(args, taxonomy);
  const failUnder = args.number('fail-under', { min: 0, max: 1 });
  const format = args.choice('format', ['text', 'json'], 'text');
  checkInputs([gold], { from: undefined, stdin: ctx.stdin }, 'eval');
  const { records, issues } = await readGold(gold, TaxonomyIndex.of(taxonomy));
  for (const issue of issues) ctx.stderr.write(`${formatIssue(issue)}\n`);
  if (records.length === 0) {
    ctx.stderr.write(`${gold}: no gold records\n`);
    return 1;
  }
  // Facets are filtered after evaluating: a classifier limited to some facets would score the others as all-missed.
  const { facets: _facets, ...classifyOptions } = options;
  const report = evaluate(createClassifier({ taxonomy, ...classifyOptions }), records);
  const facets = report.facets.filter((f) => !options.facets || options.facets.includes(f.facet));
  const scored = { ...report, facets };
  ctx.stdout.write(format === 'json' ? `${JSON.stringify({ gold, rejected: issues.length, ...scored }, null, 2)}\n` : renderEval(scored, { gold, taxonomy, verbose: args.flag('verbose') }));
  const below = failUnder !== undefined && facets.some((f) => f.micro.f1 < failUnder);
  return below || (args.flag('strict') && issues.length > 0) ? 1 : 0;
}

/** Gold records, and an issue per line that is not one (bad JSON, missing labels, unknown ids). */
async function readGold(path: string, index: TaxonomyIndex): Promise<{ records: GoldRecord[]; issues: ReadIssue[] }> {
  const records: GoldRecord[] = [];
  const issues: ReadIssue[] = [];
  let line = 0;
  for await (const text of readLines(createReadStream(path))) {
    line++;
    if (text.trim() === '') continue;
    const problem = goldProblem(text, index);
    if ('message' in problem) issues.push({ code: 'entry/invalid', severity: 'error', source: path, line, ...problem });
    else records.push(problem);
  }
  return { records, issues };
}

type Problem = { message: string; column?: number };

/** The record, or what is wrong with the line (JSON errors located as the record readers locate them). */
function goldProblem(text: string, index: TaxonomyIndex): GoldRecord | Problem {
  let value: unknown;
  try {
    value = parseJson(text).value;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { message: `not valid JSON: ${error.message}`, column: error.offset + 1 };
  }
  const problem = labelProblem(value, index);
  return typeof problem === 'string' ? { message: problem } : problem;
}

function labelProblem(value: unknown, index: TaxonomyIndex): GoldRecord | string {
  if (!isObject(value)) return 'expected a JSON object per line';
  for (const field of ['title', 'abstract'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') return `${field}: expected a string`;
  }
  const labels = value.labels;
  if (!isObject(labels)) return 'labels: expected an object of facet → id or list of ids';
  const known: Record<string, string[]> = {};
  for (const [facet, ids] of Object.entries(labels)) {
    if (!index.hasFacet(facet)) continue;
    const list = typeof ids === 'string' ? [ids] : Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : undefined;
    if (!list) return `labels.${facet}: expected an id or a list of ids`;
    for (const id of list) {
      try {
        index.requireId(id, facet);
      } catch (error) {
        if (error instanceof UnknownIdError) return `labels.${facet}: ${new UnknownIdError(id, error.suggestions, facet).message}`;
        throw error;
      }
    }
    known[facet] = list;
  }
  const names = value.names;
  if (names !== undefined && !(Array.isArray(names) && names.every((n) => isObject(n) && typeof n.name === 'string' && ROLES.includes(n.role as string)))) {
    return `names: expected a list of { name, role } with role one of ${ROLES.join(', ')}`;
  }
  const proposed = value.proposed;
  if (proposed !== undefined && !(Array.isArray(proposed) && proposed.every((p) => typeof p === 'string'))) return 'proposed: expected a list of names';
  return { ...value, labels: known };
}

const ROLES = ['proposes', 'studies', 'uses', 'compares', 'mentions'];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
