/**
 * Nested phrase lists (`context: [*ml, transfer learning]`): YAML anchors cannot be concatenated,
 * so a list may hold lists. The loader validates each phrase at its own path and hands the
 * compiler flat lists, so nothing after loading knows lists ever nested.
 */
import type { PhraseList } from './schema.js';
import type { RawPath } from './paths.js';

/** The phrases of a list, depth first, each once (the first time it occurs). */
export function flatPhrases(list: PhraseList): string[] {
  const phrases = new Set<string>();
  addPhrases(list, phrases);
  return [...phrases];
}

function addPhrases(list: PhraseList, phrases: Set<string>): void {
  for (const item of list) {
    if (typeof item === 'string') phrases.add(item);
    else addPhrases(item, phrases);
  }
}

/** Calls `visit` with every phrase of a list and its path below `path` (`[..., 'context', 0, 2]`). */
export function eachPhrase(list: PhraseList, path: RawPath, visit: (text: string, path: RawPath) => void): void {
  list.forEach((item, i) => {
    if (typeof item === 'string') visit(item, [...path, i]);
    else eachPhrase(item, [...path, i], visit);
  });
}
