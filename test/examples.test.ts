/**
 * The examples in examples/ are part of the documentation: each must run (with tsx, as the README
 * says) and exit 0 with output and no errors.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((file) => file.endsWith('.ts'));

describe('examples', () => {
  it('there are examples to run', () => expect(examples.length).toBeGreaterThan(1));

  it.each(examples)('examples/%s runs and prints results', (file) => {
    const run = spawnSync(`${root}node_modules/.bin/tsx`, [`examples/${file}`], { cwd: root, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  }, 60_000);
});
