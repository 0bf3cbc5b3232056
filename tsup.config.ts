import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    taxonomy: 'src/taxonomy/index.ts',
    node: 'src/node/index.ts',
    // The `finetax` command (package.json "bin"), the worker-thread entry of its --jobs pool,
    // and the library's own worker entry (classifyStream with jobs > 1).
    cli: 'src/cli/bin.ts',
    'cli-worker': 'src/cli/worker.ts',
    worker: 'src/node/worker.ts',
  },
  format: ['esm', 'cjs'],
  // Declarations are built beside this by scripts/build.mjs (`npm run build`): tsc over what the
  // public entries reach, bundled by rollup-plugin-dts; tsup's dts step took ~85% of the build.
  dts: false,
  sourcemap: false,
  clean: true,
  target: 'node20',
  // Shared code goes into chunks so the core entry never loads yaml or zod.
  splitting: true,
  // esbuild's own tree shaking (on whenever it bundles; honours "sideEffects": false). tsup's
  // `treeshake: true` ran rollup over esbuild's output again: ~2 s of the ~4 s of CPU of the
  // JavaScript half, for bundles 2% smaller; the entries import the same packages (dist-surface).
  treeshake: false,
  // natural's two small modules are bundled in: loading them as CommonJS from node_modules took
  // ~14 ms of a ~55 ms import, and a consumer then does not install natural's 75 MB of
  // dependencies (database clients, among others) that finetax never runs.
  noExternal: [/^natural\//],
});
