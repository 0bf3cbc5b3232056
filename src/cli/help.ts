/** Help texts, rendered from the command specs. */
import type { CommandSpec, OptionSpec } from './args.js';

export function commandHelp(spec: CommandSpec): string {
  const lines = spec.usage.map((u, i) => `${i === 0 ? 'Usage: ' : '       '}finetax ${u}`);
  lines.push('', spec.summary);
  if (spec.options.length > 0) lines.push('', 'Options:', ...optionLines(spec.options));
  if (spec.notes?.length) lines.push('', ...spec.notes);
  if (spec.examples?.length) lines.push('', 'Examples:', ...spec.examples.map((e) => `  ${e}`));
  return `${lines.join('\n')}\n`;
}

export function mainHelp(commands: readonly CommandSpec[], version: string): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `finetax ${version}: tag fine-tuning papers by method family, paper type and modality, with evidence.`,
    '',
    'Usage: finetax <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `finetax <command> --help` for its options. Input formats: jsonl, json, csv, atom, bibtex,',
    's2, openalex, hf-daily, csl, hf-page (detected from the file name and content).',
    '',
    'Exit codes: 0 ok, 1 failure (bad records under --strict, failed checks, taxonomy errors),',
    '2 usage error (unknown flag, command or id, missing file).',
    '',
  ].join('\n');
}

function optionLines(options: readonly OptionSpec[]): string[] {
  const heads = options.map((o) => `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...heads.map((h) => h.length));
  return options.map((o, i) => `  ${heads[i]!.padEnd(width)}  ${o.description}`);
}
