/**
 * Command-line parsing on `node:util` parseArgs, driven by the same option specs that the help
 * text is rendered from, so the two cannot drift. Every problem is a `UsageError` (exit 2).
 */
import { parseArgs } from 'node:util';
import { editDistance } from '../text/edit-distance.js';

/** A mistake in how the CLI was called: unknown flag or command, bad value, missing file. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** The command whose `--help` explains the fix. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

export interface OptionSpec {
  /** Long name without `--`. */
  name: string;
  short?: string;
  type: 'string' | 'boolean';
  /** May be given several times (and as a comma list). */
  multiple?: boolean;
  /** Placeholder in help, e.g. `FORMAT`. */
  value?: string;
  description: string;
}

export interface CommandSpec {
  name: string;
  summary: string;
  usage: string[];
  options: OptionSpec[];
  notes?: string[];
  examples?: string[];
}

type RawValue = string | boolean | Array<string | boolean> | undefined;

/** Parsed flags with typed accessors. */
export class Args {
  constructor(
    readonly command: string,
    private readonly values: Readonly<Record<string, RawValue>>,
    readonly positionals: readonly string[],
  ) {}

  flag(name: string): boolean {
    return this.values[name] === true;
  }

  /** The value of a string option (the last one when repeated). */
  string(name: string): string | undefined {
    const value = this.values[name];
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    return typeof last === 'string' ? last : undefined;
  }

  /** Every value of a repeatable option, comma lists split: `--facet a,b --facet c` → a, b, c. */
  list(name: string): string[] {
    const value = this.values[name];
    const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
    return all.flatMap((v) => (typeof v === 'string' ? v.split(',') : [])).map((v) => v.trim()).filter((v) => v !== '');
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.string(name);
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`--${name}: expected one of ${choices.join(', ')}, got '${value}'`, this.command);
  }

  number(name: string, range: { min: number; max: number; integer?: boolean }): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const value = Number(text);
    const whole = !range.integer || Number.isInteger(value);
    if (text.trim() === '' || !Number.isFinite(value) || value < range.min || value > range.max || !whole) {
      const kind = range.integer ? 'a whole number' : 'a number';
      throw new UsageError(`--${name}: expected ${kind} from ${range.min} to ${range.max}, got '${text}'`, this.command);
    }
    return value;
  }
}

/** Parses `argv` (the arguments after the command name) against `spec`. */
export function parseCommand(spec: CommandSpec, argv: readonly string[]): Args {
  const options = Object.fromEntries(
    spec.options.map((o) => [o.name, { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}) }]),
  );
  const args = attachNegativeValues(spec, argv);
  rejectUnknown(spec, args);
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return new Args(spec.name, values, positionals);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('. ')[0]!.replace(/\.$/, '') : String(error);
    throw new UsageError(message, spec.name);
  }
}

/**
 * `--jobs -1`, `-j -1` and `--min-score -0.5`: a value that looks like a negative number belongs to
 * the option before it (parseArgs would read it as an unknown option '-1'), so that the option's
 * own check can say what is allowed.
 */
function attachNegativeValues(spec: CommandSpec, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const next = argv[i + 1];
    const option = spec.options.find((o) => o.type === 'string' && (arg === `--${o.name}` || (o.short !== undefined && arg === `-${o.short}`)));
    if (option && next !== undefined && /^-(?:\d|\.\d)/.test(next)) {
      out.push(`--${option.name}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

/** Names an unknown flag with the closest known one, which parseArgs does not do. */
function rejectUnknown(spec: CommandSpec, argv: readonly string[]): void {
  const { tokens } = parseArgs({ args: [...argv], strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const known = spec.options.some((o) => (token.rawName.startsWith('--') ? o.name === token.name : o.short === token.name));
    if (known) continue;
    const close = spec.options.map((o) => o.name).filter((name) => editDistance(name, token.name) <= 2);
    const hint = close.length > 0 ? `; did you mean '--${close[0]}'?` : '';
    throw new UsageError(`unknown option '${token.rawName}'${hint}`, spec.name);
  }
}
