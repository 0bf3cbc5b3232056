/**
 * `npm test`: vitest, without colour when the output is not a terminal. Vitest's colours are on
 * whenever TERM is set, so `npm test > log` and CI logs filled with escape codes; NO_COLOR must be
 * set before vitest loads, hence this entry rather than a line in vitest.config.ts. FORCE_COLOR
 * still forces colour. Runs vitest in this process (no extra Node start).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

if (!process.stdout.isTTY && !('FORCE_COLOR' in process.env)) process.env.NO_COLOR = '1';
const vitest = dirname(createRequire(import.meta.url).resolve('vitest/package.json'));
await import(pathToFileURL(join(vitest, 'vitest.mjs')).href);
