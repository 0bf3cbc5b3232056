/**
 * Checks the options of library calls (createClassifier, classify, classifyMany, tagCorpus and the
 * query helpers): an unknown key, a wrong type or a value out of range throws an `OptionError`
 * naming the option and what is allowed. Hand-written rather than zod: zod takes ~150 ms of CPU to
 * import, three times the whole core entry, which stays free of it (it runs in browsers too).
 */
import { OptionError } from '../errors.js';
import { editDistance } from '../text/edit-distance.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { ClassifyManyOptions, ClassifyOptions } from './types.js';

/** Says what is wrong with a value (`expected …, got …`), or undefined when it is fine. */
export type Check = (value: unknown) => string | undefined;

/** Option name → its check. Options whose value is `undefined` count as not given. */
export type OptionSpec = Readonly<Record<string, Check>>;

/**
 * Checks `options` against `spec` for `call`; `undefined` passes (no options).
 * @throws {OptionError} for options that are not an object, unknown keys and wrong values.
 */
export function checkOptions(call: string, options: unknown, spec: OptionSpec): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionError(call, '', `expected an options object, got ${describe(options)}`);
  }
  const names = Object.keys(spec);
  for (const [key, value] of Object.entries(options)) {
    const check = Object.hasOwn(spec, key) ? spec[key] : undefined;
    if (!check) throw new OptionError(call, key, `unknown option (allowed: ${names.join(', ')})${hint(key, names)}`);
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) throw new OptionError(call, key, problem);
  }
}

function hint(key: string, names: readonly string[]): string {
  const close = names.filter((name) => editDistance(name.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.floor(name.length / 3)));
  return close.length > 0 ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : '';
}

/** A value as a message shows it: `number NaN`, `string "x"`, `an array`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `string ${JSON.stringify(value.slice(0, 40))}`;
  return typeof value === 'symbol' || typeof value === 'function' ? typeof value : `${typeof value} ${String(value)}`;
}

/** A number from `min` to `max` (NaN never is). */
export const numberIn =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'number' && value >= min && value <= max ? undefined : `expected a number from ${min} to ${max}, got ${describe(value)}`;

/** A whole number of at least `min`; `Infinity` too when `infinite`. */
export const countFrom =
  (min: number, infinite = false): Check =>
  (value) =>
    typeof value === 'number' && value >= min && (Number.isInteger(value) || (infinite && value === Infinity))
      ? undefined
      : `expected a whole number of at least ${min}${infinite ? ' (or Infinity)' : ''}, got ${describe(value)}`;

export const isBoolean: Check = (value) => (typeof value === 'boolean' ? undefined : `expected true or false, got ${describe(value)}`);

/** One of a few strings. */
export const oneOf =
  (allowed: readonly string[]): Check =>
  (value) =>
    typeof value === 'string' && allowed.includes(value) ? undefined : `expected one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`;

/** A list whose items are all among `allowed`. */
export const listOf =
  (allowed: readonly string[], what: string): Check =>
  (value) => {
    const list = `a list of ${what} (${allowed.map((a) => `'${a}'`).join(', ')})`;
    if (!Array.isArray(value)) return `expected ${list}, got ${describe(value)}`;
    const wrong = value.find((item) => typeof item !== 'string' || !allowed.includes(item));
    return wrong === undefined ? undefined : `expected ${list}, got ${describe(wrong)}${typeof wrong === 'string' ? hint(wrong, allowed) : ''}`;
  };

/** What `onError` of classifyMany and tagCorpus can be. */
export const ON_ERROR = ['throw', 'skip', 'collect'] as const;

/** The checks of the per-call options of `classify` for a taxonomy with these facets. */
export function classifyOptionSpec(facets: readonly string[]): OptionSpec {
  return { minScore: numberIn(0, 1), facets: listOf(facets, 'facet ids'), explain: isBoolean, names: isBoolean, maxEvidence: countFrom(0, true) };
}

/** A taxonomy object as the classifier needs it (a full check is parseTaxonomy's job). */
const isTaxonomy: Check = (value) => {
  const candidate = value as { facets?: unknown; nodes?: unknown; scoring?: unknown } | null;
  return candidate !== null && typeof candidate === 'object' && Array.isArray(candidate.facets) && Array.isArray(candidate.nodes) && typeof candidate.scoring === 'object'
    ? undefined
    : `expected a taxonomy (defaultTaxonomy, a generated module's export or parseTaxonomy(...)), got ${describe(value)}`;
};

function facetIds(taxonomy: Taxonomy): string[] {
  return taxonomy.facets.map((facet) => facet.id);
}

/**
 * The options of `createClassifier`: a taxonomy is required.
 * @throws {OptionError}
 */
export function checkClassifierOptions(options: unknown): void {
  if (options === undefined || options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionError('createClassifier', '', `expected an options object with a taxonomy, such as { taxonomy: defaultTaxonomy }, got ${describe(options)}`);
  }
  const { taxonomy } = options as { taxonomy?: unknown };
  const problem = isTaxonomy(taxonomy);
  if (problem) throw new OptionError('createClassifier', 'taxonomy', taxonomy === undefined ? `is required: ${problem}` : problem);
  checkOptions('createClassifier', options, { taxonomy: isTaxonomy, ...classifyOptionSpec(facetIds(taxonomy as Taxonomy)) });
}

/**
 * The per-call options of `classify`, returned as given.
 * @throws {OptionError}
 */
export function checkClassifyOptions(call: string, taxonomy: Taxonomy, options: ClassifyOptions | undefined): ClassifyOptions | undefined {
  if (options !== undefined) checkOptions(call, options, specOf(taxonomy));
  return options;
}

// classify() may get options on every call: each taxonomy's checks are built once.
const specs = new WeakMap<Taxonomy, OptionSpec>();

function specOf(taxonomy: Taxonomy): OptionSpec {
  let spec = specs.get(taxonomy);
  if (!spec) {
    spec = classifyOptionSpec(facetIds(taxonomy));
    specs.set(taxonomy, spec);
  }
  return spec;
}

/**
 * The options of `classifyMany`, returned as given.
 * @throws {OptionError}
 */
export function checkClassifyManyOptions(taxonomy: Taxonomy, options: ClassifyManyOptions | undefined): ClassifyManyOptions | undefined {
  if (options !== undefined) checkOptions('classifyMany', options, { ...specOf(taxonomy), onError: oneOf(ON_ERROR) });
  return options;
}
