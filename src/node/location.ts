/**
 * Where the running finetax code lives on disk, for files shipped next to it (the worker entry,
 * the bundled taxonomy YAML). `import.meta.url` would be the obvious way, but tsup builds the same
 * source as CommonJS too, where `import.meta` is a syntax error that would break `require('finetax/node')`;
 * the V8 call-site API gives the same answer in both builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the file this function was bundled into (`dist/chunk-*.js` once built). */
export function currentFile(): string {
  const saved = { prepare: Error.prepareStackTrace, limit: Error.stackTraceLimit };
  Error.prepareStackTrace = (_error, frames) => frames;
  Error.stackTraceLimit = 1;
  try {
    const frames = new Error().stack as unknown as NodeJS.CallSite[];
    const name = frames[0]?.getFileName();
    if (!name) throw new Error('finetax: cannot tell where its own files are (no call site)');
    return name.startsWith('file:') ? fileURLToPath(name) : name;
  } finally {
    Error.prepareStackTrace = saved.prepare;
    Error.stackTraceLimit = saved.limit;
  }
}

/** The finetax package folder: the nearest parent of `from` whose package.json is finetax's. */
export function packageRoot(from: string = dirname(currentFile())): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && isFinetax(manifest)) return dir;
    if (dirname(dir) === dir) throw new Error(`finetax: no finetax package.json above ${from}`);
  }
}

function isFinetax(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'finetax';
  } catch {
    return false;
  }
}
