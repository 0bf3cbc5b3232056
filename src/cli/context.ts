/** The process streams and environment a command runs with. */
import { colourWanted, palette, type Palette } from './colour.js';

export interface Context {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** Colours for stdout. */
export function stdoutPalette(ctx: Context): Palette {
  return palette(colourWanted(ctx.stdout, ctx.env));
}

/** Columns to lay tables out in: the terminal's, else `COLUMNS`, else 120 (stable when piped). */
export function outputWidth(ctx: Context): number {
  if (ctx.stdout.isTTY && ctx.stdout.columns) return ctx.stdout.columns;
  const columns = Number(ctx.env.COLUMNS);
  return Number.isInteger(columns) && columns >= 40 ? columns : 120;
}
