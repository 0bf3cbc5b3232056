/**
 * Package tests import the built `dist/`. `npm test` on a fresh clone must work, so build first
 * when dist is missing or older than the sources (CI builds before testing; then this is a no-op).
 * The build is `npm run build` (scripts/build.mjs) without npm's own start-up, and without
 * type-checking the sources (`--no-check`: that is `npm run typecheck`; the files are the same).
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
  // `npm start` builds only the CLI's JavaScript: declarations missing means dist/ is not whole.
  const whole = existsSync(built) && existsSync(join(root, 'dist', 'index.d.ts'));
  if (whole && statSync(built).mtimeMs >= newest(join(root, 'src'))) return;
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--silent', '--no-check'], { cwd: root, stdio: 'inherit' });
}
