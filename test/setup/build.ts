/**
 * Package tests import the built `dist/`. `npm test` on a fresh clone must work, so build first
 * when dist is missing or older than the sources (CI builds before testing; then this is a no-op).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

export default function setup(): void {
  // For quick local runs of tests that do not touch dist/.
  if (process.env.FINETAX_SKIP_BUILD) return;
  const built = join(root, 'dist', 'index.js');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(join(root, 'src'))) return;
  execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: 'inherit' });
}
