/**
 * YAML reading with positions: every later error (schema, duplicate id, unsafe rule) is reported
 * at the line and column of the offending value, so this module keeps the document around.
 */
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type Tags } from 'yaml';
import type { TaxonomyIssue } from '../errors.js';
import { readablePath } from './paths.js';

export type { RawPath } from './paths.js';
import type { RawPath } from './paths.js';

export interface YamlFile {
  data: unknown;
  /** Line and column of the value at `path`, or of its nearest existing ancestor. */
  locate(path: RawPath): { line: number; column: number };
  /** Line and column of the key `key` in the map at `path`. */
  locateKey(path: RawPath, key: string): { line: number; column: number };
}

/**
 * Alias bombs are refused by what they would cost, not by yaml's alias-count heuristic: that one
 * multiplies an anchor's uses by every use of the anchors inside it so far, so an honest list built
 * on a shared one (`learning: [*ml, ...]`, with `*ml` used a hundred times) looked like a bomb.
 * Aliases resolve to shared objects, so reading costs O(aliases × anchors); what later checks walk
 * is the expansion, bounded here exactly. Merge keys (`<<`, YAML 1.1) copy rather than share, so
 * they are off: `<<` is then an unknown key like any other.
 */
const MAX_ALIASES = 5_000;
/** Values the data may expand to through aliases: the default taxonomy expands to about 25,000. */
const MAX_EXPANDED = 500_000;
/**
 * Levels of nesting allowed once aliases are expanded. An honest taxonomy is under 20 deep, but a
 * chain of anchors each holding the one before (`b: &b [*a]`) deepens the data one level per alias,
 * and later checks walk it recursively.
 */
const MAX_NESTING = 100;
// `merge: false` is not enough: a `%YAML 1.1` directive brings the merge tag back with its schema.
const withoutMerge = (tags: Tags): Tags => tags.filter((tag) => (typeof tag === 'string' ? tag !== 'merge' : tag.tag !== 'tag:yaml.org,2002:merge'));

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function readYaml(yamlText: string, source: string): { file?: YamlFile; issues: TaxonomyIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true, customTags: withoutMerge });
  const issues: TaxonomyIssue[] = doc.errors.map((error) => {
    const pos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
    return { source, line: pos.line, column: pos.col, path: '', message: firstLine(error.message) };
  });
  if (issues.length > 0) return { issues };
  const locate = locator(doc, lineCounter);
  const locateKey = keyLocator(doc, lineCounter, locate);
  // A collection used as a key cannot name anything in a taxonomy; refuse it before toJS() turns it into text.
  const complexKey = firstComplexKey(doc.contents);
  if (complexKey) {
    const pos = lineCounter.linePos(complexKey);
    return { issues: [{ source, line: pos.line, column: pos.col, path: '', message: 'expected a plain key, got a collection used as a key' }] };
  }
  const extraAlias = aliasBeyond(doc, MAX_ALIASES);
  if (extraAlias !== undefined) {
    const pos = lineCounter.linePos(extraAlias);
    return { issues: [{ source, line: pos.line, column: pos.col, path: '', message: `refused: more than ${MAX_ALIASES} aliases` }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: -1 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { issues: [{ source, line: 1, column: 1, path: '', message: `refused: ${firstLine(message)}` }] };
  }
  const file = { data, locate, locateKey };
  const expansion = expansionProblem(data);
  if (expansion) return { issues: [{ source, ...locate(expansion.path), path: readablePath(data, expansion.path), message: expansion.message }] };
  issues.push(...forbiddenKeys(doc.contents, file, source));
  return issues.length > 0 ? { issues } : { file, issues };
}

function firstComplexKey(root: unknown): number | undefined {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.key !== null && !isScalar(pair.key)) return (pair.key as Node).range?.[0] ?? 0;
        stack.push(pair.value);
      }
    } else if (isSeq(node)) stack.push(...node.items);
  }
  return undefined;
}

/** Offset of the alias past the first `max` in the document, if there is one. */
function aliasBeyond(doc: Document, max: number): number | undefined {
  let count = 0;
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (++count <= max) return undefined;
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

interface Walked {
  /** Levels of nesting below the value. */
  height: number;
  /** Values in its expansion, itself included. */
  size: number;
}

/**
 * What the data would cost expanded: an alias that contains itself (`a: &a [x, *a]`) has no
 * finite expansion, and one too large or too deep would exhaust the checks that walk it. Each is
 * refused at the first value (in document order, innermost first) past the limit.
 */
function expansionProblem(data: unknown): { path: RawPath; message: string } | undefined {
  const open = new Set<object>();
  // An anchor reused through aliases is walked once.
  const walked = new Map<object, Walked>();
  let problem: { path: RawPath; message: string } | undefined;
  const walk = (value: unknown, path: Array<string | number>): Walked => {
    if (problem || value === null || typeof value !== 'object') return { height: 0, size: 1 };
    if (path.length > MAX_NESTING) {
      problem = { path, message: `refused: nested more than ${MAX_NESTING} levels deep` };
      return { height: 0, size: 1 };
    }
    if (open.has(value)) {
      problem = { path, message: 'refused: a recursive alias (a list or map that contains itself) cannot be expanded' };
      return { height: 0, size: 1 };
    }
    const known = walked.get(value) ?? walkChildren(value, path);
    if (!problem && path.length + known.height > MAX_NESTING) problem = { path, message: `refused: nested more than ${MAX_NESTING} levels deep` };
    if (!problem && known.size > MAX_EXPANDED) problem = { path, message: `refused: expands through aliases to more than ${MAX_EXPANDED} values` };
    return known;
  };
  const walkChildren = (value: object, path: Array<string | number>): Walked => {
    const result = { height: 0, size: 1 };
    open.add(value);
    const children: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((child, i) => [i, child]) : Object.entries(value);
    for (const [key, child] of children) {
      const below = walk(child, [...path, key]);
      result.height = Math.max(result.height, below.height + 1);
      result.size += below.size;
    }
    open.delete(value);
    walked.set(value, result);
    return result;
  };
  walk(data, []);
  return problem;
}

/**
 * The node at `path`, or its nearest ancestor in the document (`reached` says how many keys
 * were followed). Aliases are looked through on the way down, so a phrase inside `*ml` is
 * located where `ml` lists it.
 */
function nodeAt(doc: Document, path: RawPath): { node: Node | undefined; reached: number } {
  let node = (doc.contents ?? undefined) as Node | undefined;
  let reached = 0;
  for (const key of path) {
    const collection = isAlias(node) ? node.resolve(doc) : node;
    const child = isCollection(collection) ? (collection.get(key, true) as Node | null | undefined) : undefined;
    if (child === undefined || child === null) break;
    node = child;
    reached++;
  }
  return { node, reached };
}

function keyLocator(doc: Document, lineCounter: LineCounter, locate: YamlFile['locate']): YamlFile['locateKey'] {
  return (path, key) => {
    const { node, reached } = nodeAt(doc, path);
    const map = isAlias(node) ? node.resolve(doc) : node;
    if (reached === path.length && isMap(map)) {
      for (const pair of map.items) {
        if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
          const pos = lineCounter.linePos(pair.key.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    }
    return locate(path);
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function locator(doc: Document, lineCounter: LineCounter): YamlFile['locate'] {
  return (path) => {
    const offset = nodeAt(doc, path).node?.range?.[0];
    if (offset === undefined) return { line: 1, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
}

/** Keys that could reach an object's prototype are refused outright, wherever they appear. */
function forbiddenKeys(root: unknown, file: YamlFile, source: string): TaxonomyIssue[] {
  const issues: TaxonomyIssue[] = [];
  const stack: Array<{ node: unknown; path: Array<string | number> }> = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (isMap(item.node)) {
      for (const pair of item.node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const keyPath = [...item.path, key];
        if (FORBIDDEN_KEYS.has(key)) {
          const { line, column } = file.locateKey(item.path, key);
          issues.push({ source, line, column, path: readablePath(file.data, item.path), message: `key '${key}' is not allowed` });
        }
        stack.push({ node: pair.value, path: keyPath });
      }
    } else if (isSeq(item.node)) {
      item.node.items.forEach((child, index) => stack.push({ node: child, path: [...item.path, index] }));
    }
  }
  return issues;
}
