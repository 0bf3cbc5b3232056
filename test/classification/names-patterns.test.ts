/**
 * The proposed-name finder tests some patterns by character codes instead of running a RegExp
 * (proposed.ts): each such test answers exactly as the pattern it stands for, on any text. The
 * texts are drawn from the characters the patterns care about (letters of the listed words,
 * digits, ², brackets, stops, spaces of several kinds, a line break), so the edge cases come up.
 */
import fc from 'fast-check';
import { foldName } from '../../src/classification/names.js';
import { describe, expect, it } from 'vitest';
import { coinedHint, cueKind, definedAcronym, endsRun, endsRunAfter, findProposed, expansionBefore, hasDetour, hasDetourWord, isCommonName, isFormula, isNameLike, lastToken, longForm, novelStart, oursMayMatch, priorVerb, sentenceEnd, spelledAt, tokenEnd, trimTrailingPunctuation, wordsOf } from '../../src/classification/proposed.js';

const TOKEN = String.raw`[A-Za-z0-9²³][\w²³+\-.]*[\w²³+]|[A-Z]`;
const DETOUR_WORD = /\b(?:called|named|termed|dubbed|namely|on|with|using|use|for|to|from|by|via|than|like|such|over|under|into|upon|based|against|in|within|across|and|or|that|which|where|when|while|whose|if)\b/i;
/** "of" turns to what a thing is of, except after a collective ("a family of"). */
const COLLECTIVE = 'family|suite|set|collection|series|class|kind|type';
const DETOUR = new RegExp(`${DETOUR_WORD.source}|\\b(?<!\\b(?:${COLLECTIVE})\\s+)of\\b`, 'i');

/** hasDetourWord's reference: DETOUR on each whitespace-separated word without a hyphen, an opening "of" read after the word before it. */
function detourWordByPatterns(t: string): boolean {
  const words = t.split(/\s+/);
  return words.some((w, k) => {
    if (w === '' || /-/.test(w)) return false;
    if (DETOUR_WORD.test(w)) return true;
    if (!/\bof\b/i.test(w)) return false;
    const afterCollective = /^of\b/i.test(w) && new RegExp(`(?<!\\w)(?:${COLLECTIVE})$`, 'i').test(k > 0 ? words[k - 1]! : '');
    return !afterCollective || /\bof\b/i.test(w.slice(2));
  });
}
const PRIOR_VERB = /\b(?:recently|previously|originally|already|been|was|were|is|are|widely|commonly|first)\s+$/i;
const SPELLED = new RegExp(`^[^().;,]{2,80}?\\((${TOKEN})\\)`);
const LAST_TOKEN = new RegExp(`(${TOKEN})(?:\\s*\\([^)]{2,80}\\))?$`);

/** Pieces that make the patterns' edge cases likely: their words, in several cases, and their punctuation. */
const PIECES = ['on', 'On', 'IN', 'for', 'against', 'of', 'OF', 'family', 'Suite', 'was', 'is', 'Recently', 'first', 'LoRA', 'RiFT', 'S3', 'x²', 'a', 'Ab', 'wIth', '_', '-', '+', '.', ',', ';', ':', '!', '?', '(', ')', ' ', '  ', '\u00a0', '\t', '\n', '\u2028', 'é', '9'];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((parts) => parts.join(''));
const runs = { numRuns: 3000 };

/** isNameLike as it was written with patterns (the coined-word hint and the common acronyms aside). */
function nameShape(token: string): boolean {
  if (/^\d+(?:\.\d+)?%?$/.test(token)) return false;
  if (token.replace(/[^A-Za-z]/g, '').length < 2) return false;
  const parts = token.split(/[-+.]/).filter((part) => /[A-Za-z]/.test(part));
  const coined = parts.some((part) => /^.+[A-Z]/.test(part.replace(/[^A-Za-z0-9²³]/g, '')) || /^[A-Z]{2,}\d*$/.test(part));
  return coined || (/[A-Z]/.test(token) && /[\d²³]/.test(token));
}

/** The cue kinds as they were read with patterns over the whole cue. */
function cueKindByPatterns(cue: string): string {
  if (/^our$/i.test(cue) && /^[oO]ur$/.test(cue)) return 'ours';
  if (/^(?:termed|dubbed|called|named|namely|coined|we (?:call|term|name|dub))$/i.test(cue)) return 'naming';
  if (/^novel$/i.test(cue)) return 'novel';
  return /(?:propos|introduc|present|develop|design|devis|deriv|build|construct|releas|curat|creat|establish|offer|contribut)\w*$/i.test(cue) ? 'verb' : 'other';
}

/** expansionBefore as it was written with patterns: the words before the bracket split out whole. */
function expansionByPatterns(text: string, at: number, acronym: string): string | undefined {
  if (text[at - 1] !== '(') return undefined;
  const words = text.slice(Math.max(0, at - 120), at - 1).trimEnd().split(/\s+/);
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  const capitals = acronym.replace(/[^A-Z]/g, '').toLowerCase();
  const initialsOf = (word: string) => word.split('-').map((part) => part.charAt(0).toLowerCase()).join('');
  let initials = '';
  for (let n = 1; n <= Math.min(words.length, letters.length + 2); n++) {
    const first = words[words.length - n]!;
    initials = initialsOf(first) + initials;
    let found = 0;
    for (const ch of initials) if (ch === capitals[found]) found++;
    const subsequence = capitals.length > 0 && found === capitals.length;
    if (initials === letters || (first[0]?.toLowerCase() === letters[0] && subsequence && n >= capitals.length - 1)) {
      return words.slice(words.length - n).join(' ').replace(/^[("']|[,"']$/g, '');
    }
  }
  return undefined;
}

/** Words an expansion is made of, and what may stand around them. */
const EXPANSION_PIECES = ['Robustness', 'Critical', 'Fine-Tuning', 'fine-tuning', 'low', 'Rank', 'a', 'of', 'x-', '--', ' ', '  ', '\n', '\u00a0', '"', "'", '(', ',', 'é', 'İ'];
const expansionText = fc.array(fc.constantFrom(...EXPANSION_PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

/** Cues as the matcher finds them, in several cases, and near misses. */
const CUE_PIECES = ['we', 'We', 'WE', ' ', '  ', 'this paper', 'and', 'propose', 'Proposes', 'reproposed', 'introduc', 'build', 'buil', 'offer', 'our', 'Our', 'OUR', 'novel', 'Novel', 'called', 'named', 'namely', 'call', 'term', 'dub', 'coined', 'x', '_', '-', '9'];
const cueText = fc.array(fc.constantFrom(...CUE_PIECES), { maxLength: 5 }).map((parts) => parts.join(''));

describe('character-code tests answer as their patterns', () => {
  it('cueKind is the cue patterns over the whole cue', () => {
    fc.assert(
      fc.property(cueText, fc.constantFrom('', 'x ', 'We '), (cue, before) => {
        expect(cueKind(`${before}${cue} after`, before.length, before.length + cue.length)).toBe(cueKindByPatterns(cue));
      }),
      runs,
    );
  });
  it('expansionBefore finds the capitalised words an acronym abbreviates', () => {
    const text = 'We propose Robustness Critical Fine-Tuning (RiFT), a novel approach.';
    expect(expansionBefore(text, text.indexOf('RiFT'), 'RiFT')).toBe('Robustness Critical Fine-Tuning');
    expect(expansionBefore(text, text.indexOf('novel'), 'novel')).toBeUndefined();
  });
  it('expansionBefore reads the words before the bracket as splitting them all out did', () => {
    fc.assert(
      fc.property(expansionText, fc.constantFrom('RiFT', 'RCFT', 'LoRA', 'lr', 'X2', 'F-T', 'rcft', 'İ'), fc.constantFrom('', ' ', '\n '), (before, acronym, gap) => {
        const text = `${before}${gap}(${acronym}) is new`;
        const at = before.length + gap.length + 1;
        expect(expansionBefore(text, at, acronym)).toBe(expansionByPatterns(text, at, acronym));
      }),
      runs,
    );
  });
  it('hasDetourWord is DETOUR on a whitespace-separated word without a hyphen (an opening "of" after a collective word is none)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(hasDetourWord(t)).toBe(detourWordByPatterns(t));
      }),
      runs,
    );
  });
  it('coinedHint is /^.+[A-Z]|[\\d²³]/', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(coinedHint(t)).toBe(/^.+[A-Z]|[\d²³]/.test(t));
      }),
      runs,
    );
  });
  it('hasDetour is DETOUR on the slice, endsRun adds /[.;:!?]/', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const [from, to] = [Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1)];
        const slice = t.slice(from, Math.max(from, to));
        expect(hasDetour(t, from, Math.max(from, to))).toBe(DETOUR.test(slice));
        expect(endsRun(t, from, Math.max(from, to))).toBe(DETOUR.test(slice) || /[.;:!?]/.test(slice));
      }),
      runs,
    );
  });
  it('priorVerb is PRIOR_VERB on the 30 characters before', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const start = n % (t.length + 1);
        expect(priorVerb(t, start)).toBe(PRIOR_VERB.test(t.slice(Math.max(0, start - 30), start)));
      }),
      runs,
    );
  });
  it('isNameLike is its pattern-written shape test, for words with the coined hint, less formulas and sky designations', () => {
    fc.assert(
      fc.property(text, (t) => {
        const observed = isFormula(t) || /\d{4,}(?:\.\d+)?[+-]\d{2,}/.test(t);
        expect(isNameLike(t)).toBe(t.length >= 2 && coinedHint(t) && !['LoRA', 'A', 'I'].includes(t) && !observed && nameShape(t));
      }),
      runs,
    );
  });
  it('tokenEnd, scanning left to right, finds the tokens a global TOKEN exec loop finds', () => {
    fc.assert(
      fc.property(text, (t) => {
        const found: string[] = [];
        for (let at = 0; at < t.length; at++) {
          const end = tokenEnd(t, at);
          if (end < 0) continue;
          found.push(`${at}:${t.slice(at, end)}`);
          at = end - 1;
        }
        expect(found).toEqual([...t.matchAll(new RegExp(TOKEN, 'g'))].map((m) => `${m.index}:${m[0]}`));
      }),
      runs,
    );
  });
  it('trimTrailingPunctuation is .replace(/[.,;:]+$/, "")', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(trimTrailingPunctuation(t)).toBe(t.replace(/[.,;:]+$/, ''));
      }),
      runs,
    );
  });
  it('spelledAt is false wherever SPELLED cannot match', () => {
    fc.assert(
      fc.property(text, fc.nat(), (t, n) => {
        const from = n % (t.length + 1);
        if (!spelledAt(t, from)) expect(SPELLED.exec(t.slice(from, from + 120))).toBeNull();
      }),
      runs,
    );
  });
  it('lastToken is LAST_TOKEN.exec', () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = LAST_TOKEN.exec(t);
        expect(lastToken(t)).toEqual(m ? { token: m[1], index: m.index } : undefined);
      }),
      runs,
    );
  });
  it('coinedHint and tokenEnd read a range of a text in place as they read that range copied out', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, a, b) => {
        const [from, to] = [Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1)];
        const slice = t.slice(from, to);
        expect(coinedHint(t, from, to)).toBe(coinedHint(slice));
        for (let at = from; at < to; at++) {
          const end = tokenEnd(slice, at - from);
          expect(tokenEnd(t, at, to)).toBe(end < 0 ? -1 : from + end);
        }
      }),
      runs,
    );
  });
});

/** definedAcronym as it was written with patterns, splitting the clause into all its words. */
function definedAcronymByPatterns(tail: string): { text: string; at: number } | undefined {
  const paren = /\(([^()\s,;]{2,24})\)/.exec(tail);
  if (!paren) return undefined;
  const short = paren[1]!;
  if (isCommonName(short) || !/[A-Z]/.test(short) || !/^[A-Za-z0-9²³]/.test(short)) return undefined;
  const head = tail.slice(0, paren.index);
  const colon = head.lastIndexOf(':');
  const clause = colon >= 0 ? head.slice(colon + 1) : head;
  if (/[.;!?]/.test(clause)) return undefined;
  const words = clause.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 14) return undefined;
  const previous = words.at(-1)!;
  const long = longForm(words, short);
  // Not a word that ends the acronym's expansion of two words or more ("Negative-aware FineTuning (NFT)").
  const endsExpansion = long?.includes(' ') === true;
  if (isNameLike(previous) && short.length > previous.length && !short.includes(previous) && !endsExpansion && !hasDetourWord(clause.slice(0, clause.lastIndexOf(previous)))) return { text: previous, at: paren.index - (head.length - head.lastIndexOf(previous)) };
  const lead = long !== undefined ? clause.slice(0, clause.toLowerCase().lastIndexOf(long)) : clause.slice(0, titleRunStartByPatterns(clause));
  const forWhat = /^\s*(?:(?:a|an|the|our)\s+)?(?:[\w-]+\s+){0,3}(?:method|approach|framework|technique|algorithm|strategy|scheme|paradigm|pipeline|model)\s+for\s*$/;
  if ((long === undefined && !isNameLike(short)) || (colon < 0 && hasDetourWord(lead) && !forWhat.test(lead))) return undefined;
  return { text: short, at: paren.index + 1 };
}

function titleRunStartByPatterns(clause: string): number {
  const m = /(?:[A-Z][\w²³+-]*\s+(?:(?:of|for|and|with|without|in|on|to|via|the)\s+)?)*[A-Z][\w²³+-]*\s*$/.exec(clause);
  return m && m[0].trim().split(/\s+/).filter((w) => /^[A-Z]/.test(w)).length >= 2 ? m.index : clause.length;
}

/** Contribution sentences with brackets: expansions, names, detours, stops, odd spaces and letters that change length in lower case. */
const ACRONYM_PIECES = ['Robustness', 'Critical', 'Fine-Tuning', 'fine-tuning', 'Group', 'with', 'based', 'on', 'a', 'method', 'framework', 'for', 'BOB', 'RiFT', 'GFT', 'İRF', 'x²', ':', '.', ',', ' ', ' ', ' ', '  ', '\u00a0', '\n', '(', ')', '(RiFT)', '(GFT)', '(BeyondOBjects)', '(AI)', '(S3FT)', '(İRF)', 'é'];
const acronymTail = fc.array(fc.constantFrom(...ACRONYM_PIECES), { maxLength: 40 }).map((parts) => parts.join(''));

describe('the acronym a contribution sentence defines, read without splitting it', () => {
  it('definedAcronym is its pattern-written form', () => {
    fc.assert(
      fc.property(acronymTail, (tail) => {
        expect(definedAcronym(tail)).toEqual(definedAcronymByPatterns(tail));
      }),
      { numRuns: 10000 },
    );
  });
  it('definedAcronym on contribution sentences', () => {
    for (const tail of [' a fine-tuning strategy BOB (BeyondOBjects) to mitigate', ' Robustness Critical Fine-Tuning (RiFT), a novel approach', ' a framework for gradual fine tuning (GFT) of models', ' a method:  Cluster  and\u00a0Rank (CaR)', ' one two three four five six seven eight nine ten eleven twelve thirteen fourteen Fifteen (FT)']) {
      expect(definedAcronym(tail)).toEqual(definedAcronymByPatterns(tail));
    }
  });
  it('wordsOf is trim, split on spaces, and no empty word', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(wordsOf(t)).toEqual(t.trim().split(/\s+/).filter(Boolean));
      }),
      runs,
    );
  });
});

describe('cheap tests before the patterns of "our …" and "…, a novel"', () => {
  const OURS = /[Oo]ur (?:(?:first|new|proposed)\s+)?(?:method|approach|framework|model|algorithm|benchmark|dataset|corpus|library|toolkit)\b[\s:,]*/y;
  const OURS_PIECES = ['our', 'Our', ' ', '  ', 'first', 'new', 'proposed', 'method', 'approach', 'framework', 'model', 'algorithm', 'benchmark', 'dataset', 'corpus', 'library', 'toolkit', 'results', 'tools', 'experiments', 'x', ',', ':'];
  it('oursMayMatch holds wherever OURS matches', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...OURS_PIECES), { maxLength: 8 }), fc.constantFrom('our', 'Our'), (parts, our) => {
        const t = `x ${our}${parts.join('')}`;
        OURS.lastIndex = 2;
        if (OURS.test(t)) expect(oursMayMatch(t, 2)).toBe(true);
      }),
      runs,
    );
  });
  it('novelStart is where the pattern before "novel" starts', () => {
    const byPattern = (t: string, novel: number) => {
      const m = /(?:,\s*(?:which\s+is\s+)?|\s+is\s+)an?\s+$/.exec(t.slice(Math.max(0, novel - 20), novel));
      return m ? novel - (Math.min(20, novel) - m.index) : -1;
    };
    const pieces = ['a', 'an', 'A', 'n', ',', ' ', '  ', '\u00a0', '\n', 'is', 'which', 'x', 'method'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (parts) => {
        const t = `${parts.join('')}novel method`;
        const novel = t.length - 'novel method'.length;
        expect(novelStart(t, novel)).toBe(byPattern(t, novel));
      }),
      runs,
    );
  });
});

describe('a run of tokens reads each word for detours once', () => {
  it('endsRunAfter is endsRun when the part before `checked` has no detour word and no word crosses `checked`', () => {
    const isWord = (c: string | undefined) => c !== undefined && /\w/.test(c);
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), fc.nat(), (t, a, b, c) => {
        const [from, checked, to] = [a, b, c].map((x) => x % (t.length + 1)).sort((x, y) => x - y) as [number, number, number];
        if (hasDetour(t, from, checked) || (isWord(t[checked - 1]) && isWord(t[checked]))) return;
        expect(endsRunAfter(t, from, checked, to)).toBe(endsRun(t, from, to));
      }),
      runs,
    );
  });
  it('finds the name after a run of words as before', () => {
    const cases: Array<[string, string[]]> = [
      ['We propose a simple and general method GORACS for data selection.', []],
      ['We propose a simple general method GORACS for data selection.', ['GORACS']],
      ['We propose an approach on top of LLaMA-2 and CLIP.', []],
      ['We introduce x.y with-a Edit-R1, a novel tool.', ['Edit-R1']],
      ['We propose a recipe _on RiFT.', []],
      ['We propose simple_on RiFT here.', ['RiFT']],
      ['We propose fast lightweight tuning, S3FT.', ['S3FT']],
      ['We propose a fine-tuning method LEVI (with a twist).', ['LEVI']],
    ];
    for (const [abstract, names] of cases) expect(findProposed('abstract', abstract).map((p) => p.text)).toEqual(names);
  });
});

describe('the sentence after a contribution verb', () => {
  it('sentenceEnd is /[.!?](?=\\s+[A-Z(]|\\s*$)/ on the slice', () => {
    const pieces = ['.', '!', '?', 'e.g.', ' ', '  ', '\u00a0', '\n', '\u2028', 'A', 'x', '(', 'Ab', '9', '..'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), fc.nat(), (parts, a, b) => {
        const t = parts.join('');
        const [from, to] = [Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1)];
        const m = /[.!?](?=\s+[A-Z(]|\s*$)/.exec(t.slice(from, to));
        expect(sentenceEnd(t, from, to)).toBe(m ? from + m.index : to);
      }),
      runs,
    );
  });
});

describe('where a spelled-out name can start', () => {
  it('spelledAt is the first of `().;,` within 81 characters being a bracket 2 or more on', () => {
    const byCodes = (t: string, from: number) => {
      for (let i = from; i < Math.min(t.length, from + 81); i++) {
        if (t[i] === '(') return i - from >= 2;
        if (').;,'.includes(t[i]!)) return false;
      }
      return false;
    };
    const pieces = ['(', ')', '.', ';', ',', ' ', 'a', 'Robust Fine-Tuning ', 'x'.repeat(40)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(), (parts, a) => {
        const t = parts.join('');
        const from = a % (t.length + 2);
        expect(spelledAt(t, from)).toBe(byCodes(t, from));
      }),
      runs,
    );
  });
});

describe('proposed names merged by their folded text', () => {
  it('a name of ASCII letters, digits and + folds to its lower case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+]{0,12}$/), (name) => {
        expect(foldName(name)).toBe(name.toLowerCase());
      }),
      runs,
    );
  });
});

describe('sentence ends found again on the same text', () => {
  it('sentenceEnd answers as the pattern whatever the order of its calls on one text', () => {
    const pieces = ['.', '!', '?', ' ', 'A', 'x', '(', 'e.g.'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }), (parts, ranges) => {
        const t = parts.join('');
        for (const [a, b] of ranges) {
          const [from, to] = [Math.min(a, b) % (t.length + 1), Math.max(a, b) % (t.length + 1)];
          const m = /[.!?](?=\s+[A-Z(]|\s*$)/.exec(t.slice(from, to));
          expect(sentenceEnd(t, from, to)).toBe(m ? from + m.index : to);
        }
      }),
      runs,
    );
  });
});
