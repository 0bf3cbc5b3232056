/**
 * The built package's surface: each entry exports exactly the pinned names (a change to the public
 * API must be made on purpose, here), the CJS builds match the ESM ones, and the core entry with
 * every chunk it loads is browser-safe: no Node built-ins, no `process`, no YAML or zod. natural's
 * stemmer and Jaro-Winkler modules are bundled in, so no entry imports natural at run time.
 */
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const require = createRequire(import.meta.url);

const PUBLIC_EXPORTS: Record<string, string[]> = {
  index: [
    'Corpus', 'METHOD_IDS', 'MODALITY_IDS', 'NAME_IDS', 'NAME_ROLES', 'OptionError', 'RecordError', 'TYPE_IDS', 'TaxonomyError', 'TaxonomyIndex', 'UnknownIdError',
    'classify', 'createClassifier', 'defaultClassifier', 'defaultTaxonomy', 'defaultTaxonomyIndex', 'formatTaxonomyIssue', 'nameGroups', 'nameLeaderboard', 'proposedNames', 'tagCorpus',
  ],
  taxonomy: ['TaxonomyError', 'formatTaxonomyIssue', 'parseTaxonomy', 'taxonomyJsonSchema', 'taxonomyModule'],
  node: ['classifyStream', 'loadTaxonomy', 'readLines'],
};

describe('public exports', () => {
  it('package.json offers exactly the entries pinned here, plus ./package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', './node', './package.json', './taxonomy']);
  });

  it.each(Object.entries(PUBLIC_EXPORTS))('dist/%s.js exports exactly the pinned names', async (entry, names) => {
    const module = (await import(pathToFileURL(join(dist, `${entry}.js`)).href)) as object;
    expect(Object.keys(module).sort()).toEqual(names);
  });

  it.each(Object.keys(PUBLIC_EXPORTS))('dist/%s.cjs exports the same names as the ESM build', async (entry) => {
    const esm = (await import(pathToFileURL(join(dist, `${entry}.js`)).href)) as object;
    expect(Object.keys(require(join(dist, `${entry}.cjs`)) as object).sort()).toEqual(Object.keys(esm).sort());
  });
});

interface ModuleFacts {
  specifiers: string[];
  /** `process.x` / `process?.x` / `process[...]`, with the line they are on. */
  processUses: string[];
}

/** Module specifiers (static, re-exported, dynamic, required) and uses of `process`, from the parsed code. */
function factsOf(file: string): ModuleFacts {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const facts: ModuleFacts = { specifiers: [], processUses: [] };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      facts.specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')) facts.specifiers.push(node.arguments[0].text);
    } else if (ts.isIdentifier(node) && node.text === 'process') {
      const parent = node.parent;
      if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === node) {
        facts.processUses.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return facts;
}

/** `entry` and every local chunk it imports, transitively. */
function moduleGraph(entry: string): Map<string, ModuleFacts> {
  const graph = new Map<string, ModuleFacts>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const facts = factsOf(file);
    graph.set(file, facts);
    for (const specifier of facts.specifiers) if (specifier.startsWith('.')) pending.push(join(dirname(file), specifier));
  }
  return graph;
}

const NODE_ONLY = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

describe('the core entry (dist/index.js) is browser-safe', () => {
  const graph = moduleGraph(join(dist, 'index.js'));
  const external = [...new Set([...graph.values()].flatMap((f) => f.specifiers.filter((s) => !s.startsWith('.'))))].sort();

  it('loads more than itself (the graph really was followed)', () => {
    expect(graph.size).toBeGreaterThan(1);
  });

  it('imports no Node built-in module, with or without the node: prefix', () => {
    expect(external.filter((s) => NODE_ONLY.has(s) || s.startsWith('node:'))).toEqual([]);
  });

  it('never touches process', () => {
    expect([...graph.values()].flatMap((f) => f.processUses)).toEqual([]);
  });

  it('imports only fuse.js at run time (never natural, yaml or zod)', () => {
    expect(external).toEqual(['fuse.js']);
  });

  it('carries natural\'s Porter stemmer and Jaro-Winkler modules inside, and nothing else of natural', () => {
    const bundled = [...graph.keys()].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^var (require_\w+) = __commonJS/gm)].map((m) => m[1]));
    expect(bundled.sort()).toEqual(['require_aggressive_tokenizer', 'require_jaro_winkler_distance', 'require_porter_stemmer', 'require_stemmer', 'require_stopwords', 'require_tokenizer']);
  });
});
