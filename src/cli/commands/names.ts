/**
 * `finetax names FILE...`: the named methods of a corpus with their family and the number of
 * records per role (table, JSON or CSV); `finetax taxonomy suggest FILE...` (runSuggest): the
 * proposed names the taxonomy does not know, as an `extends: default` YAML file. The counting
 * and the YAML live in the library (src/query/names.ts); this file reads, classifies and prints.
 */
import { writeFileSync } from 'node:fs';
import { createClassifier } from '../../classification/classifier.js';
import type { Classification, NameRole } from '../../classification/types.js';
import { NAME_ROLES, nameLeaderboard, suggestNamesYaml } from '../../query/names.js';
import { formatIssue } from '../../records/index.js';
import { UsageError, type Args, type CommandSpec, type OptionSpec } from '../args.js';
import { editDistance } from '../../text/edit-distance.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import type { Context } from '../context.js';
import { checkInputs, readInputs } from '../input.js';
import { formatOption, inputFormatOf, OPTIONS, taxonomyOf } from '../options.js';

export const namesSpec: CommandSpec = {
  name: 'names',
  summary: 'named methods of a corpus (LoRA, DoRA, DPO, …) with their family and records per role',
  usage: ['names [options] FILE...'],
  options: [
    formatOption(['table', 'json', 'csv'], 'table'),
    { name: 'role', type: 'string', value: 'ROLE', description: `rank by this role: ${NAME_ROLES.join(', ')}` },
    { name: 'top', type: 'string', value: 'N', description: 'show the first N names (default: all)' },
    OPTIONS.taxonomy,
    OPTIONS.help,
  ],
  notes: ['Roles (NAMES.md): proposes, studies, uses (a tool), compares (a baseline), mentions (background).'],
  examples: ['finetax names papers.jsonl', 'finetax names papers.jsonl --role compares --top 10', 'finetax names papers.jsonl --format csv > names.csv'],
};

export async function runNames(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const format = args.choice('format', ['table', 'json', 'csv'], 'table');
  const role = roleOf(args, 'names');
  const top = args.number('top', { min: 1, max: 1_000_000, integer: true });
  const { results, failed } = await classifyInputs(ctx, args, taxonomy, 'names');
  const rows = nameLeaderboard(results, role).slice(0, top);
  if (format === 'json') ctx.stdout.write(`${JSON.stringify({ records: results.length, names: rows }, null, 2)}\n`);
  else if (format === 'csv') {
    ctx.stdout.write(`id,label,node,total,${NAME_ROLES.join(',')}\n`);
    for (const r of rows) ctx.stdout.write(`${[r.id, csv(r.label), r.node, r.total, ...NAME_ROLES.map((x) => r.roles[x])].join(',')}\n`);
  } else {
    const width = Math.max(5, ...rows.map((r) => r.label.length));
    const node = Math.max(6, ...rows.map((r) => r.node.length));
    ctx.stdout.write(`${'name'.padEnd(width)}  ${'family'.padEnd(node)}  ${'total'.padStart(5)}  ${NAME_ROLES.map((x) => x.padStart(8)).join(' ')}\n`);
    for (const r of rows) ctx.stdout.write(`${r.label.padEnd(width)}  ${r.node.padEnd(node)}  ${String(r.total).padStart(5)}  ${NAME_ROLES.map((x) => String(r.roles[x]).padStart(8)).join(' ')}\n`);
    ctx.stdout.write(`${rows.length} names in ${results.length} records\n`);
  }
  return failed && results.length === 0 ? 1 : 0;
}

export const suggestSpec: CommandSpec = {
  name: 'taxonomy suggest',
  summary: 'names the corpus proposes that the taxonomy does not know, as an extends: default YAML file',
  usage: ['taxonomy suggest [options] FILE...'],
  options: [
    { name: 'output', short: 'o', type: 'string', value: 'FILE', description: 'write the YAML here (default: stdout)' },
    { name: 'min-count', type: 'string', value: 'N', description: 'only names proposed by at least N records (default 1)' },
    OPTIONS.taxonomy,
    OPTIONS.help,
  ],
  notes: ['The file passes `finetax taxonomy lint`; review it, then load it with --taxonomy.'],
  examples: ['finetax taxonomy suggest month.jsonl -o new-names.yaml'],
};

export async function runSuggest(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const minCount = args.number('min-count', { min: 1, max: 1_000_000, integer: true }) ?? 1;
  const { results, failed } = await classifyInputs(ctx, args, taxonomy, 'taxonomy suggest');
  const yaml = suggestNamesYaml(results, taxonomy, { minCount });
  const output = args.string('output');
  if (output !== undefined) writeFileSync(output, yaml);
  else ctx.stdout.write(yaml);
  return failed && results.length === 0 ? 1 : 0;
}

/** `filter --name dora,qlora --role studies`: flags whose values `Corpus.where` reads as `{ name, role }`. */
export const NAME_OPTIONS: OptionSpec[] = [
  { name: 'name', type: 'string', multiple: true, value: 'NAMES', description: 'keep records that mention any of these named methods (ids or labels: dora, QLoRA)' },
  { name: 'role', type: 'string', multiple: true, value: 'ROLES', description: `with --name: only in these roles; alone: any name in them (${NAME_ROLES.join(', ')})` },
];

export function nameSelection(args: Args, taxonomy: Taxonomy): { name?: string[]; role?: string[] } {
  const spellings = new Map<string, string>();
  for (const n of taxonomy.names ?? []) for (const s of [n.id, n.label, ...n.aliases]) spellings.set(s.toLowerCase(), n.id);
  const names = args.list('name').map((text) => {
    const id = spellings.get(text.toLowerCase());
    if (id === undefined) throw new UsageError(`unknown name '${text}'${closestName(text, [...spellings.keys()])}`, 'filter');
    return id;
  });
  const roles = args.list('role');
  for (const role of roles) if (!NAME_ROLES.includes(role as NameRole)) throw new UsageError(`unknown role '${role}': expected one of ${NAME_ROLES.join(', ')}`, 'filter');
  const out: { name?: string[]; role?: string[] } = {};
  if (names.length > 0) out.name = names;
  if (roles.length > 0) out.role = roles;
  return out;
}

function closestName(text: string, known: readonly string[]): string {
  const close = known.filter((k) => editDistance(k, text.toLowerCase()) <= Math.max(1, Math.floor(text.length / 3))).slice(0, 3);
  return close.length > 0 ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '';
}

function roleOf(args: Args, command: string): NameRole | undefined {
  const role = args.string('role');
  if (role !== undefined && !NAME_ROLES.includes(role as NameRole)) throw new UsageError(`unknown role '${role}': expected one of ${NAME_ROLES.join(', ')}`, command);
  return role as NameRole | undefined;
}

async function classifyInputs(ctx: Context, args: Args, taxonomy: ReturnType<typeof taxonomyOf>, command: string): Promise<{ results: Classification[]; failed: boolean }> {
  const from = inputFormatOf(args);
  const inputs = checkInputs(args.positionals, { from, stdin: ctx.stdin }, command);
  const classifier = createClassifier({ taxonomy });
  const results: Classification[] = [];
  let failed = false;
  for await (const item of readInputs(inputs, { from, stdin: ctx.stdin })) {
    if (item.kind === 'unreadable' || item.kind === 'issue') {
      if (item.kind === 'unreadable' || item.issue.severity === 'error') failed = true;
      ctx.stderr.write(`${item.kind === 'issue' ? formatIssue(item.issue) : item.message}\n`);
      continue;
    }
    results.push(classifier.classify(item.record));
  }
  return { results, failed };
}

function csv(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
