/**
 * The architecture, checked (npm run check:deps, and in CI): no import cycles in src, and
 * dependencies pointing one way through the layers
 *   records, text -> matching -> taxonomy -> classification -> query -> node -> cli
 * (errors.ts, the shared problem shape, may be imported from anywhere; eval and report sit beside
 * query). Type-only imports count too: a cycle of types is still a cycle of concepts.
 */
const LAYERS = ['records|text', 'matching', 'taxonomy', 'classification', 'query|eval|report', 'node', 'cli'];

/** A rule per layer: it may not import any layer above it. */
const layerRules = LAYERS.slice(0, -1).map((layer, i) => ({
  name: `layer-${layer.replace(/\|/g, '-')}`,
  comment: `src/(${layer}) sits below ${LAYERS.slice(i + 1).join(', ')} and must not import them`,
  severity: 'error',
  from: { path: `^src/(${layer})/` },
  to: { path: `^src/(${LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'src has no import cycles',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-entry-pure',
      comment: 'the core entry and what it loads use no Node built-ins (it runs in browsers); node and cli may',
      severity: 'error',
      from: { path: '^src/(records|text|matching|taxonomy|classification|query|eval)/|^src/(index|errors)\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/taxonomy/generated/' },
  },
};
