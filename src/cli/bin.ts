#!/usr/bin/env node
/**
 * The `finetax` executable (built to dist/cli.js): runs `main` on the process's own streams.
 */
import type { Context } from './context.js';
import { main, outputFailure, reportError } from './main.js';

const ctx: Context = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
// A closed pipe (`finetax classify … | head`) is the reader saying it has enough: stop quietly.
// Any other write error (a full disk: `> /dev/full`) is one clear line, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`${outputFailure(error)}\n`);
  process.exit(1);
});
main(process.argv.slice(2), ctx).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.exitCode = reportError(error, ctx);
  },
);
