/**
 * The only door to `natural`. Its package root loads database clients, reads `./.env` and prints
 * to stdout, so finetax imports single modules by their deep paths, and only here.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import jaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';

/**
 * Porter's inflectional steps only (1a–1c, 5a): plurals, -ed, -ing, final -e. The derivational
 * steps (2–4) are left out because they merge words that name different families here:
 * "adapter" and "adaptation", "selection" and "select".
 */
export function inflectionKey(lowercaseWord: string): string {
  return PorterStemmer.step5a(PorterStemmer.step1c(PorterStemmer.step1b(PorterStemmer.step1a(americanSpelling(lowercaseWord)))));
}

/** British -isation/-yse spellings key like the American ones ("generalisation" = "generalization"). */
function americanSpelling(word: string): string {
  return word.replace(/isation(s?)$/, 'ization$1').replace(/ys(e|ed|es|ing)$/, 'yz$1');
}

/**
 * Jaro–Winkler similarity (0 unrelated … 1 equal), which weighs a shared beginning: how close a
 * misspelt phrase is to the rule's. (natural's Damerau–Levenshtein module is not used: it loads
 * underscore, a tenth of finetax's import time, and takes microseconds per pair; the bounded
 * edit distance in src/text/edit-distance.ts does that job.)
 */
export function similarity(a: string, b: string): number {
  return jaroWinkler(a, b);
}

