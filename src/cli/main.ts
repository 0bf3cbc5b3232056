/**
 * `finetax`: the commands. Picks the command, parses its flags, runs it, and maps errors to exit
 * codes: 0 ok, 1 failure, 2 usage error. No side effects on import (bin.ts runs it), so tests run
 * the CLI in-process with their own streams.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TaxonomyError, UnknownIdError } from '../errors.js';
import { loadTaxonomy } from '../node/taxonomy.js';
import { packageRoot } from '../node/location.js';
import { ReadError } from '../records/index.js';
import { defaultTaxonomy } from '../taxonomy/generated/default.js';
import { editDistance } from '../text/edit-distance.js';
import { parseCommand, UsageError, type Args, type CommandSpec } from './args.js';
import { classifySpec, runClassify } from './commands/classify.js';
import { evalSpec, runEval } from './commands/eval.js';
import { explainSpec, runExplain } from './commands/explain.js';
import { filterSpec, runFilter, taxonomyArgument } from './commands/filter.js';
import { reportSpec, runReport } from './commands/report.js';
import { runStats, statsSpec } from './commands/stats.js';
import { runTaxonomy, taxonomySpec } from './commands/taxonomy.js';
import { namesSpec, runNames, runSuggest, suggestSpec } from './commands/names.js';
import type { Context } from './context.js';
import { commandHelp, mainHelp } from './help.js';

interface Command {
  name: string;
  /** The spec for these arguments (filter's flags depend on the taxonomy given). */
  spec: (argv: readonly string[]) => CommandSpec;
  run: (ctx: Context, args: Args) => Promise<number>;
}

const COMMANDS: readonly Command[] = [
  { name: 'classify', spec: () => classifySpec, run: runClassify },
  { name: 'filter', spec: filterSpecFor, run: runFilter },
  { name: 'stats', spec: () => statsSpec, run: runStats },
  { name: 'explain', spec: () => explainSpec, run: runExplain },
  { name: 'taxonomy', spec: () => taxonomySpec, run: runTaxonomy },
  { name: 'eval', spec: () => evalSpec, run: runEval },
  { name: 'report', spec: () => reportSpec, run: runReport },
  { name: 'names', spec: () => namesSpec, run: runNames },
];

function filterSpecFor(argv: readonly string[]): CommandSpec {
  const path = taxonomyArgument(argv);
  // A missing file is reported by the command itself, with the usual usage error.
  let taxonomy = defaultTaxonomy;
  try {
    if (path !== undefined) taxonomy = loadTaxonomy(path);
  } catch (error) {
    if (!(error instanceof TaxonomyError) || !error.message.includes('cannot read file')) throw error;
  }
  return filterSpec(taxonomy);
}

function version(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: readonly string[], ctx: Context): Promise<number> {
  const [name, ...rest] = argv;
  const specs = () => COMMANDS.map((c) => c.spec([]));
  if (name === undefined) {
    ctx.stderr.write(mainHelp(specs(), version()));
    return 2;
  }
  if (name === '--version' || name === '-V') {
    ctx.stdout.write(`${version()}\n`);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    if (rest[0] !== undefined && !topic) throw new UsageError(unknownCommand(rest[0]));
    ctx.stdout.write(topic ? commandHelp(topic.spec(rest.slice(1))) : mainHelp(specs(), version()));
    return 0;
  }
  // `taxonomy suggest` reads records, not a taxonomy file: its own command under the taxonomy name.
  const suggest = name === 'taxonomy' && rest[0] === 'suggest';
  const command = suggest ? { name, spec: () => suggestSpec, run: runSuggest } : COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(unknownCommand(name));
  if (suggest) rest.shift();
  const spec = command.spec(rest);
  const args = parseCommand(spec, rest);
  if (args.flag('help')) {
    ctx.stdout.write(commandHelp(spec));
    return 0;
  }
  return command.run(ctx, args);
}

function unknownCommand(name: string): string {
  const close = COMMANDS.map((c) => c.name).filter((c) => editDistance(c, name) <= 2);
  return `unknown command '${name}'${close.length > 0 ? `; did you mean '${close[0]}'?` : ''}`;
}

/** The exit code for an error, after printing it. */
export function reportError(error: unknown, ctx: Context): number {
  if (error instanceof UsageError) {
    const help = error.command ? `finetax ${error.command} --help` : 'finetax --help';
    ctx.stderr.write(`finetax: ${error.message}\n(see '${help}')\n`);
    return 2;
  }
  if (error instanceof UnknownIdError) {
    ctx.stderr.write(`finetax: ${error.message}\n`);
    return 2;
  }
  if (error instanceof TaxonomyError || error instanceof ReadError) {
    ctx.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (isWriteError(error)) {
    ctx.stderr.write(`${outputFailure(error)}\n`);
    return 1;
  }
  ctx.stderr.write(`finetax: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 1;
}

const WRITE_ERRORS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EBADF: 'output is closed',
  EROFS: 'read-only file system',
};

/** A failed write to the output (code `output/failed`). */
function isWriteError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && ((error as NodeJS.ErrnoException).syscall === 'write' || code in WRITE_ERRORS);
}

/** `finetax: cannot write output: no space left on the device (ENOSPC)`: one line, no stack. */
export function outputFailure(error: NodeJS.ErrnoException): string {
  const code = error.code ?? 'error';
  return `finetax: cannot write output: ${WRITE_ERRORS[code] ?? error.message} (${code})`;
}
