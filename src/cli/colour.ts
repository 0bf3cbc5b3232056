/**
 * ANSI colours, only where a person is looking: a TTY, unless `NO_COLOR` is set; `FORCE_COLOR`
 * wins over both (as in Node itself), so colour can be kept through a pager or in CI logs.
 */

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  magenta: [35, 39],
} as const;

export type Style = keyof typeof CODES;

/** Paints text in a style, or returns it unchanged when colour is off. */
export interface Palette {
  readonly enabled: boolean;
  paint(style: Style | readonly Style[], text: string): string;
}

/** Whether to colour output written to `stream`. */
export function colourWanted(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function palette(enabled: boolean): Palette {
  return {
    enabled,
    paint(style, text) {
      if (!enabled || text === '') return text;
      const styles = typeof style === 'string' ? [style] : style;
      return styles.reduce((painted, s) => `\u001b[${CODES[s][0]}m${painted}\u001b[${CODES[s][1]}m`, text);
    },
  };
}
