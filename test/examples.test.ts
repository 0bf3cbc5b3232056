/**
 * The examples in examples/ are part of the documentation: each must run (with tsx, as the README
 * says) and exit 0 with output and no errors. They run as `node --import tsx` (tsx's own command
 * starts a second Node process per run) with TMPDIR pointing at a scratch folder, removed after, so
 * tsx's cache and pipe folder (TMPDIR/tsx-UID) are not left behind.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((file) => file.endsWith('.ts'));

const tsx = pathToFileURL(join(root, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const scratch = mkdtempSync(join(tmpdir(), 'finetax-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('examples', () => {
  it('there are examples to run', () => expect(examples.length).toBeGreaterThan(1));

  it.each(examples)('examples/%s runs and prints results', (file) => {
    const run = spawnSync(process.execPath, ['--import', tsx, `examples/${file}`], { cwd: root, encoding: 'utf8', env: { ...process.env, TMPDIR: scratch } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  }, 60_000);
});
