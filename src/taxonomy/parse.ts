/**
 * `parseTaxonomy`: YAML text in, validated `Taxonomy` out, or a `TaxonomyError` listing every
 * problem as `file:line:column path: message`.
 */
import type { z } from 'zod';
import { TaxonomyError, type TaxonomyIssue } from '../errors.js';
import { editDistance } from '../text/edit-distance.js';
import { flatten } from './flatten.js';
import { defaultTaxonomy } from './generated/default.js';
import { readablePath } from './paths.js';
import { TaxonomySourceSchema } from './schema.js';
import type { Taxonomy } from './types.js';
import { checkRules, checkStructure, type RawIssue } from './validate.js';
import { readYaml, type RawPath, type YamlFile } from './yaml.js';

export interface ParseTaxonomyOptions {
  /** File name used in error messages. @default '<input>' */
  source?: string;
  /** The taxonomy that `extends: default` builds on. @default the bundled default taxonomy */
  base?: Taxonomy;
}

/**
 * Parses and validates a taxonomy written in YAML.
 *
 * @example
 * const taxonomy = parseTaxonomy(readFileSync('my.yaml', 'utf8'), { source: 'my.yaml' });
 * @throws {TaxonomyError} with every problem located by file, line, column and path.
 */
export function parseTaxonomy(yamlText: string, options: ParseTaxonomyOptions = {}): Taxonomy {
  const source = options.source ?? '<input>';
  if (typeof yamlText !== 'string') {
    throw new TaxonomyError([{ source, line: 0, column: 0, path: '', message: `expected YAML text, got ${typeof yamlText}` }]);
  }
  const read = readYaml(yamlText, source);
  if (!read.file) throw new TaxonomyError(read.issues);
  const file = read.file;
  if (file.data === null || file.data === undefined) {
    throw new TaxonomyError([{ source, line: 1, column: 1, path: '', message: 'expected a taxonomy, got an empty document' }]);
  }
  const parsed = TaxonomySourceSchema.safeParse(file.data);
  if (!parsed.success) throw new TaxonomyError(distinct(parsed.error.issues.flatMap((issue) => fromZod(issue, file, source))));
  const ruleIssues = checkRules(parsed.data);
  if (ruleIssues.length > 0) throw located(ruleIssues, file, source);
  const base = parsed.data.extends === 'default' ? (options.base ?? defaultTaxonomy) : undefined;
  const state = flatten(parsed.data, base);
  const structural = checkStructure(state);
  if (structural.length > 0) throw located(structural, file, source);
  if (state.taxonomy.facets.length === 0) {
    throw new TaxonomyError([{ source, line: 1, column: 1, path: 'facets', message: 'expected at least one facet' }]);
  }
  return state.taxonomy;
}

function at(file: YamlFile, source: string, path: RawPath): Omit<TaxonomyIssue, 'path' | 'message'> {
  const { line, column } = file.locate(path);
  return { source, line, column };
}

function located(issues: RawIssue[], file: YamlFile, source: string): TaxonomyError {
  return new TaxonomyError(
    distinct(issues.map((issue) => ({ ...at(file, source, issue.path), path: readablePath(file.data, issue.path), message: issue.message }))),
  );
}

/**
 * One issue per place and message: a bad phrase in an anchored list (`ml: &ml [...]`) is found
 * again through every `*ml`, but it is one mistake, at one line, reported under its first use.
 */
function distinct(issues: TaxonomyIssue[]): TaxonomyIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.line}:${issue.column}:${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const KNOWN_KEYS = [
  'id', 'label', 'description', 'parent', 'aliases', 'phrases', 'acronyms', 'patterns', 'fuzzy', 'regex', 'exclude',
  'threshold', 'examples', 'children', 'positive', 'negative', 'text', 'weight', 'context', 'note', 'multiple', 'default',
  'cues', 'requires', 'nodes', 'factor', 'scope', 'window', 'fields', 'decay', 'title', 'abstract', 'name', 'version',
  'extends', 'scoring', 'facets', '$schema', 'near', 'with', 'side', 'exact', 'yields', 'definitions', 'titleWithoutContext',
  'names', 'node', 'expansion', 'groups', 'year', 'arxiv', 'support', 'sentences', 'topics',
];

function fromZod(issue: z.core.$ZodIssue, file: YamlFile, source: string): TaxonomyIssue[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const inner = chosenOption(issue);
  if (inner) return inner.flatMap((nested) => fromZod({ ...nested, path: [...path, ...nested.path] }, file, source));
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const close = KNOWN_KEYS.filter((known) => editDistance(known, key) <= 2);
      const hint = close.length > 0 ? `; did you mean '${close[0]}'?` : '';
      // JSON quoting keeps a key with line breaks or quotes on one readable line.
      const shown = /^[\w$-]+$/.test(key) ? `'${key}'` : JSON.stringify(key);
      return { source, ...file.locateKey(path, key), path: readablePath(file.data, path), message: `unknown key ${shown}${hint}` };
    });
  }
  const missing = issue.code === 'invalid_type' && valueAt(file.data, path) === undefined;
  const key = path[path.length - 1];
  const message = missing ? `missing required key '${String(key)}'` : issue.message;
  return [{ ...at(file, source, path), path: readablePath(file.data, path), message }];
}

/**
 * The issues of the one alternative of a union that took the value's type (a phrase list, not a
 * phrase; a rule object, not a string), so a bad phrase deep inside is reported at its own path
 * rather than as "expected a string or an object" at the rule.
 */
function chosenOption(issue: z.core.$ZodIssue): z.core.$ZodIssue[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const typed = issue.errors.filter((option) => !option.every((nested) => nested.code === 'invalid_type' && nested.path.length === 0));
  return typed.length === 1 ? typed[0] : undefined;
}

function valueAt(data: unknown, path: RawPath): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
