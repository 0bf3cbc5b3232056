/**
 * Generic JSON: an array of paper objects, an object wrapping one (`{data:[...]}`,
 * `{results:[...]}`, `{papers:[...]}`, ...), or a single paper object. Fields go through
 * the shared alias mapping, so hand-made exports need no renaming.
 */
import { genericDraft, readJsonFormat, wrappedArray, type JsonFormat } from './json-reader.js';
import type { ReadOptions, ReadResult } from './types.js';

/** Wrapper keys tried, in order, when the root is an object. */
export const JSON_WRAPPER_KEYS = ['data', 'results', 'papers', 'items', 'records', 'entries', 'works'] as const;

const GENERIC_JSON: JsonFormat = {
  format: 'json',
  entries: (root) => wrappedArray(root, JSON_WRAPPER_KEYS),
  map: genericDraft,
};

/** Reads a generic JSON paper list. Throws `ReadError` when the text is not JSON. */
export function readJson(text: string, options: ReadOptions = {}): ReadResult {
  return readJsonFormat(text, GENERIC_JSON, options);
}
