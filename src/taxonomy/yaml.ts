/**
 * YAML reading with positions: every later error (schema, duplicate id, unsafe rule) is reported
 * at the line and column of the offending value, so this module keeps the document around.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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

/** Aliases allowed in one file; far above honest use, far below an alias bomb. */
const MAX_ALIASES = 200;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function readYaml(yamlText: string, source: string): { file?: YamlFile; issues: TaxonomyIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
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
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { issues: [{ source, line: 1, column: 1, path: '', message: `refused: ${firstLine(message)}` }] };
  }
  const file = { data, locate, locateKey };
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

function keyLocator(doc: Document, lineCounter: LineCounter, locate: YamlFile['locate']): YamlFile['locateKey'] {
  return (path, key) => {
    const map = doc.getIn(path, true);
    if (isMap(map)) {
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
    for (let length = path.length; length >= 0; length--) {
      const node = doc.getIn(path.slice(0, length), true) as Node | undefined;
      const offset = node?.range?.[0];
      if (offset !== undefined) {
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      }
    }
    return { line: 1, column: 1 };
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
