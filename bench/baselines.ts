/**
 * What finetax is compared against, over the same records and the same taxonomy terms:
 * (a) one case-insensitive word-boundary RegExp per term, (b) Fuse.js per record per term,
 * (c) the floor any word-level tagger pays: parse, normalise (lowercase) and tokenise, (d) one
 * case-insensitive RegExp alternation over all the terms, the tagger a user writes in five minutes,
 * and (e) the floor without JSON.parse, on the same parsed records finetax gets.
 */
import Fuse from 'fuse.js';
import type { Taxonomy } from 'finetax';
import type { BenchRecord } from './corpus.js';

/** Every rule text of every node: the vocabulary a naive tagger would loop over. */
export function taxonomyTerms(taxonomy: Taxonomy): string[] {
  const terms = new Set<string>();
  for (const node of taxonomy.nodes) for (const rule of node.rules) if (rule.kind !== 'regex' && rule.kind !== 'pattern') terms.add(rule.text);
  return [...terms];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function regexBaseline(terms: string[]): (record: BenchRecord) => number {
  const patterns = terms.map((term) => new RegExp(`\\b${escapeRegExp(term)}\\b`, 'i'));
  return (record) => {
    const text = `${record.title}\n${record.abstract}`;
    let hits = 0;
    for (const pattern of patterns) if (pattern.test(text)) hits++;
    return hits;
  };
}

export function fuseBaseline(terms: string[]): (record: BenchRecord) => number {
  const options = { ignoreLocation: true, threshold: 0.2, isCaseSensitive: false };
  return (record) => {
    const text = `${record.title}\n${record.abstract}`;
    let hits = 0;
    for (const term of terms) if (Fuse.match(term, text, options).isMatch) hits++;
    return hits;
  };
}

/** JSON.parse + lowercase + regex tokenise: the cost of merely reading the words. */
export function floor(line: string): number {
  const record = JSON.parse(line) as BenchRecord;
  const text = `${record.title}\n${record.abstract}`.toLowerCase();
  const words = /[a-z0-9]+/g;
  let count = 0;
  while (words.exec(text)) count++;
  return count;
}

/**
 * V8 stops optimising a regular expression whose source is longer than 20 KB (its
 * `kRegExpTooLargeToOptimize`): the default taxonomy's alternation passed that size at about
 * 1,400 terms and ran 5x slower. Pieces under it are what a user who measured would write.
 */
export const V8_REGEXP_OPTIMISE_LIMIT = 20 * 1024;

/**
 * One case-insensitive `\b(?:…)\b` alternation over every term, longest first (so the longest
 * term wins where several start at one place): counts the matches in title and abstract. With
 * `maxSource`, the terms are split, in the same order, into alternations of at most that many
 * characters, each run over the text (a term in two pieces may then count twice; the cost is what is measured).
 */
export function alternationBaseline(terms: string[], maxSource = Number.POSITIVE_INFINITY): (record: BenchRecord) => number {
  const patterns = alternationPieces([...terms].sort((a, b) => b.length - a.length).map(escapeRegExp), maxSource).map((piece) => new RegExp(`\\b(?:${piece})\\b`, 'gi'));
  return (record) => {
    const text = `${record.title}\n${record.abstract}`;
    let hits = 0;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      while (pattern.exec(text)) hits++;
    }
    return hits;
  };
}

function alternationPieces(escaped: string[], maxSource: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const term of escaped) {
    if (piece !== '' && piece.length + 1 + term.length + 10 > maxSource) {
      pieces.push(piece);
      piece = '';
    }
    piece = piece === '' ? term : `${piece}|${term}`;
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/** Lowercase + regex tokenise of an already-parsed record: merely reading the words. */
export function parsedFloor(record: BenchRecord): number {
  const text = `${record.title}\n${record.abstract}`.toLowerCase();
  const words = /[a-z0-9]+/g;
  let count = 0;
  while (words.exec(text)) count++;
  return count;
}
