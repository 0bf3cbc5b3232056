/**
 * The only door to `natural`. Its package root loads database clients, reads `./.env` and prints
 * to stdout, so finetax imports single modules by their deep paths, and only here.
 */
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import distances from 'natural/lib/natural/distance/levenshtein_distance.js';

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

/** Edit distance with transpositions (a swapped pair of letters counts as one edit). */
export function editDistance(a: string, b: string): number {
  return distances.DamerauLevenshteinDistance(a, b, { transposition_cost: 1 });
}
