/**
 * Hostile text and values for the fuzz tests. Text is assembled from pieces so generated
 * strings hit the interesting paths (taxonomy words, cue phrases, LaTeX, entities, ligatures,
 * RTL, combining marks, zero-width and lone surrogates) far more often than uniform random
 * code points would, while full-range code points still appear.
 */
import fc from 'fast-check';

/** Words and phrases the default taxonomy and its cues react to. */
export const TAXONOMY_WORDS = [
  'LoRA', 'QLoRA', 'LoRA+', 'DoRA', 'low-rank adaptation', 'Low-Rank Adaptation (LoRA)', 'fine-tuning', 'finetuned',
  'parameter-efficient fine-tuning', 'adapters', 'prompt tuning', 'prefix-tuning', 'model soups', 'task vectors',
  'model merging', 'weight averaging', 'direct preference optimization', 'RLHF', 'DPO', 'catastrophic forgetting',
  'continual learning', 'knowledge editing', 'out-of-distribution', 'robustness', 'data selection', 'coreset',
  'sparse fine-tuning', 'BitFit', 'vision-language model', 'language model', 'LLMs', 'speech', 'images', 'benchmark',
  'survey', 'we propose', 'we use', 'outperforms', 'such as', 'In this paper', 'recently', 'our method', 'termed',
];

/** Characters and snippets that text cleaners and tokenizers tend to get wrong. */
export const TRICKY_PIECES = [
  '\u202E', '\u200F', '\u200E', 'שלום', 'مرحبا', 'e\u0301', 'L\u0338oRA', 'a\u0300\u0301\u0302', 'ﬁ', 'ﬂ', 'ﬀ', 'ﬃ',
  'ﬁne-tuning', '\u200B', '\u200D', '\u200C', '\uFEFF', '\u2060', '\u00AD', 'Lo\u00ADRA', 'Lo\u200BRA', 'ＬｏＲＡ',
  '👩‍👩‍👧', '🇺🇳', '\0', '\x1b[31m', '\r\n', '\r', '\n', '\n\n', '\u2028', '\u2029', '\u00A0', '\u3000', '\t',
  '$\\alpha$', "\\'e", '\\"{u}', '\\textbf{LoRA}', '\\emph{', '}', '{', '\\', '\\\\', '^', '~', '&amp;', '&lt;',
  '&#x1F600;', '&#0;', '&#xD800;', '&#99999999;', '&nosuch;', '&', '...', ' . ', 'e.g.', 'et al.', '“', '”', '‘',
  '—', '–', '−', '-\n', 'fine-\ntuning', "LoRA's", '"', "'", '(', ')', '[', ']', ',', ';', ':', '/', '+', '++',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'İ', 'ß', 'ǅ', 'ﬆ', '\uFFFD', '\uFFFE', '\uFFFF',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** One piece of hostile text. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...TAXONOMY_WORDS) },
  { weight: 6, arbitrary: fc.constantFrom(...TRICKY_PIECES) },
  { weight: 6, arbitrary: fc.constantFrom(' ', ' ', ' ', '. ', ', ', '-', '') },
  { weight: 3, arbitrary: fc.lorem({ maxCount: 3 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: loneSurrogate },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Hostile text of up to `maxPieces` pieces (empty included). */
export function hostileText(maxPieces = 40): fc.Arbitrary<string> {
  return fc.array(piece, { maxLength: maxPieces }).map((parts) => parts.join(''));
}

/** A value of the wrong type for a string field (what hand-made JSON and careless callers pass). */
export const wrongTypeValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.bigInt(),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1, maxKeys: 3 }),
  fc.constant(Symbol('hostile')),
  fc.constant(() => 'LoRA'),
  fc.constant(new Date(0)),
);

/** A well-typed optional text field: a string, or empty in every way a record can be. */
export const textField: fc.Arbitrary<string | null | undefined> = fc.oneof(
  { weight: 10, arbitrary: hostileText() },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A well-typed optional id. */
export const idField: fc.Arbitrary<string | number | null | undefined> = fc.oneof(
  fc.string({ maxLength: 12 }),
  hostileText(4),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.constant(undefined),
);

/** A record `classify` must accept: every present field has the documented type (keys may be missing). */
export const validRecord = fc.record(
  { id: idField, title: textField, abstract: textField, authors: fc.anything({ maxDepth: 1 }) },
  { requiredKeys: [] },
);

/** A field value of any type, mostly right. */
export const anyField: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: textField }, { weight: 2, arbitrary: wrongTypeValue });

/** A record whose fields may have any type, or something that is not a record at all. */
export const anyRecord: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ id: fc.oneof(idField, wrongTypeValue), title: anyField, abstract: anyField }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.constant(undefined), fc.string(), fc.integer(), fc.bigInt(), fc.array(fc.string())) },
);

/** Deterministic text of about `size` characters built from `pieces` (a 1 MB field without a 1 MB generator). */
export function bigText(size: number, pieces: readonly string[], seed = 1): string {
  const parts: string[] = [];
  let length = 0;
  let x = seed;
  while (length < size) {
    x = (x * 48271) % 2147483647;
    const next = pieces[x % pieces.length]!;
    parts.push(next);
    length += next.length;
  }
  return parts.join('');
}
