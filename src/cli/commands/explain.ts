/**
 * `finetax explain`: one record's text with the matched evidence highlighted, each tag's score
 * and reasons, and the near misses (candidates under their threshold). The record comes from
 * `--title/--abstract`, from a file or stdin by `--id`, or is a bare abstract piped into stdin.
 */
import { createClassifier, type Classifier } from '../../classification/classifier.js';
import { editDistance } from '../../text/edit-distance.js';
import { detectFormat, formatIssue, type PaperRecord } from '../../records/index.js';
import { UsageError, type Args, type CommandSpec } from '../args.js';
import { stdoutPalette, outputWidth, type Context } from '../context.js';
import { checkInputs, readInputs, readStdinText, STDIN_NAME, type InputItem } from '../input.js';
import { readItems } from '../../records/index.js';
import { classifyOptionsOf, formatOption, inputFormatOf, OPTIONS, taxonomyOf } from '../options.js';
import { renderExplanation } from '../output/explain.js';

export const explainSpec: CommandSpec = {
  name: 'explain',
  summary: 'show why a record got its tags: highlighted evidence, scores, rules, cues and near misses',
  usage: ['explain [FILE|-] --id ID [options]', 'explain --title TEXT [--abstract TEXT] [options]', 'explain [options] < abstract.txt'],
  options: [
    { name: 'id', type: 'string', value: 'ID', description: 'the record to explain (default: every record of the input)' },
    { name: 'title', type: 'string', value: 'TEXT', description: 'explain this title instead of reading input' },
    { name: 'abstract', type: 'string', value: 'TEXT', description: 'explain this abstract instead of reading input' },
    formatOption(['text', 'json'], 'text'),
    OPTIONS.from,
    OPTIONS.taxonomy,
    OPTIONS.minScore,
    OPTIONS.facet,
    OPTIONS.help,
  ],
  notes: [
    'Evidence is highlighted in colour on a terminal and in [[double brackets]] when piped or with NO_COLOR.',
    'Text on stdin that is not a known record format is explained as one abstract.',
  ],
  examples: [
    'finetax explain papers.jsonl --id 2106.09685',
    "finetax explain --title 'QLoRA: Efficient Finetuning of Quantized LLMs'",
    'pbpaste | finetax explain',
  ],
};

export async function runExplain(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const classifier = createClassifier({ taxonomy, ...classifyOptionsOf(args, taxonomy), explain: true });
  const format = args.choice('format', ['text', 'json'], 'text');
  const show = (record: PaperRecord): string => {
    const classification = classifier.classify(record);
    if (format === 'json') return `${JSON.stringify({ ...record, tags: classification.tags, mentions: classification.mentions ?? [] })}\n`;
    return renderExplanation(record, classification, taxonomy, { palette: stdoutPalette(ctx), width: outputWidth(ctx) });
  };
  const title = args.string('title');
  const abstract = args.string('abstract');
  if (title !== undefined || abstract !== undefined) {
    if (args.positionals.length > 0) throw new UsageError('give either FILE arguments or --title/--abstract, not both', 'explain');
    ctx.stdout.write(show({ id: 'input', title: title ?? '', abstract: abstract ?? '', source: 'flags' }));
    return 0;
  }
  return explainInputs(ctx, args, classifier, show);
}

async function explainInputs(ctx: Context, args: Args, _classifier: Classifier, show: (record: PaperRecord) => string): Promise<number> {
  const from = inputFormatOf(args);
  const inputs = checkInputs(args.positionals, { from, stdin: ctx.stdin }, 'explain');
  const wanted = args.string('id');
  const seen: string[] = [];
  let shown = 0;
  let failed = false;
  for await (const item of explainItems(ctx, inputs, from)) {
    if (item.kind === 'unreadable' || item.kind === 'issue') {
      if (item.kind === 'unreadable' || item.issue.severity === 'error') failed = true;
      ctx.stderr.write(`${item.kind === 'issue' ? formatIssue(item.issue) : item.message}\n`);
      continue;
    }
    if (wanted !== undefined && item.record.id !== wanted) {
      if (seen.length < 100_000) seen.push(item.record.id);
      continue;
    }
    ctx.stdout.write(`${shown++ > 0 ? '\n' : ''}${show(item.record)}`);
    if (wanted !== undefined) return 0;
  }
  if (wanted !== undefined) throw new UsageError(`no record with id '${wanted}' in ${names(inputs)}${closest(wanted, seen)}`, 'explain');
  return failed && shown === 0 ? 1 : 0;
}

/** Records of the inputs; stdin that is no known format is one abstract. */
async function* explainItems(ctx: Context, inputs: string[], from: ReturnType<typeof inputFormatOf>): AsyncGenerator<InputItem> {
  if (inputs.length !== 1 || inputs[0] !== '-' || from !== undefined) {
    yield* readInputs(inputs, { from, stdin: ctx.stdin });
    return;
  }
  const text = await readStdinText({ from, stdin: ctx.stdin });
  if (detectFormat(text.replace(/^\uFEFF/, ''), STDIN_NAME) !== undefined) {
    for (const item of readItems(text, { source: STDIN_NAME }).items) yield { ...item, source: STDIN_NAME };
    return;
  }
  if (text.trim() === '') throw new UsageError('no input: stdin is empty', 'explain');
  yield { kind: 'record', source: STDIN_NAME, line: 1, record: { id: 'stdin', title: '', abstract: text.trim(), source: STDIN_NAME } };
}

function names(inputs: readonly string[]): string {
  return inputs.map((n) => (n === '-' ? STDIN_NAME : n)).join(', ');
}

function closest(id: string, ids: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const other of ids) {
    const distance = editDistance(id, other);
    if (distance < bestDistance) {
      best = other;
      bestDistance = distance;
    }
  }
  return best === undefined ? '' : `; did you mean '${best}'?`;
}
