import { describe, expect, it } from 'vitest';
import { WordCache } from '../../src/matching/word-cache.js';
import { tokenise } from '../../src/text/tokenise.js';

/** Feeds every token of `text` through the cache, counting how many words it had to describe. */
function feed(cache: WordCache<{ word: string }>, text: string): void {
  const tokens = tokenise(text);
  for (let k = 0; k < tokens.count; k++) {
    const id = cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!);
    expect(cache.entry(id).word).toBe(tokens.surface(k));
  }
}

describe('WordCache', () => {
  it('describes each distinct word once and returns the same entry after', () => {
    let described = 0;
    const cache = new WordCache((word) => (described++, { word }));
    feed(cache, 'LoRA adapters and LoRA and adapters and LoRA');
    expect(described).toBe(3);
  });

  it('keeps frequent words and drops one-off words when compacted full', () => {
    const described: string[] = [];
    const cache = new WordCache((word) => (described.push(word), { word }), 100);
    // Every other word is one of 20 common words; the rest never repeat. 40 records of 100 words.
    for (let record = 0; record < 40; record++) {
      cache.compact();
      const words = Array.from({ length: 100 }, (_, j) => record * 100 + j);
      feed(cache, words.map((i) => (i % 2 === 0 ? `common${(i / 2) % 20}` : `rare${i}`)).join(' '));
    }
    const commons = described.filter((w) => w.startsWith('common'));
    // Each common word is described once, or twice if the first compaction came before its second use.
    expect(commons.length).toBeLessThanOrEqual(40);
    expect(new Set(commons).size).toBe(20);
    expect(described.filter((w) => w.startsWith('rare'))).toHaveLength(2000);
  });

  it('counts hits only so far, and still compacts when more words than it may keep were found more often than that', () => {
    const described: string[] = [];
    const cache = new WordCache((word) => (described.push(word), { word }), 10);
    // Six words found 5,000 times each (past the count's limit), then five found once.
    feed(cache, Array.from({ length: 5000 }, () => 'alpha beta gamma delta epsilon zeta').join(' '));
    feed(cache, 'one two three four five');
    cache.compact();
    feed(cache, 'alpha beta gamma delta epsilon zeta one two three four five');
    expect(described.slice(11)).toEqual(['one', 'two', 'three', 'four', 'five']);
  });

  it('counts hits only once it holds half the words it may keep: a word found only before then is dropped like a one-off word', () => {
    const described: string[] = [];
    const cache = new WordCache((word) => (described.push(word), { word }), 10);
    // "early" is found 100 times while the table holds one word; w1..w5 are found again once it holds five.
    feed(cache, Array.from({ length: 100 }, () => 'early').join(' '));
    feed(cache, 'w1 w2 w3 w4 w5 w1 w2 w3 w4 w5 r1 r2 r3 r4 r5');
    cache.compact();
    feed(cache, 'w1 w2 w3 w4 w5 early r1');
    expect(described.slice(11)).toEqual(['early', 'r1']);
  });

  it('keeps every id it gave out valid until compacted, however many words it holds', () => {
    const cache = new WordCache((word) => ({ word }), 10);
    const text = Array.from({ length: 50 }, (_, i) => `w${i % 30}`).join(' ');
    const tokens = tokenise(text);
    const ids = Array.from({ length: tokens.count }, (_, k) => cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!));
    expect(ids.map((id) => cache.entry(id).word)).toEqual(text.split(' '));
  });

  it('reports the mark of the entry it returns, for new and for known words', () => {
    const cache = new WordCache((word) => ({ word }), 100, (entry) => (entry.word.startsWith('Lo') ? 1 : 0));
    const text = 'LoRA adapters LoRA adapters';
    const tokens = tokenise(text);
    const marks: number[] = [];
    for (let k = 0; k < tokens.count; k++) {
      cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!);
      marks.push(cache.lastMark);
    }
    expect(marks).toEqual([1, 0, 1, 0]);
  });

  it('keeps each word with its own entry and mark when the table grows', () => {
    const cache = new WordCache((word) => ({ word }), 1_000_000, (entry) => entry.word.length % 4);
    const text = Array.from({ length: 40_000 }, (_, i) => `w${i}`).join(' ');
    feed(cache, text);
    const tokens = tokenise(text);
    for (let k = 0; k < tokens.count; k += 997) {
      const id = cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!);
      expect(cache.entry(id).word).toBe(tokens.surface(k));
      expect(cache.lastMark).toBe(tokens.surface(k).length % 4);
    }
  });

  it("keeps each word's facts by id, through growth and through compaction", () => {
    // Facts: the word's length and its first letter's code.
    const facts = {
      count: 2,
      write(entry: { word: string }, out: Int32Array, at: number) {
        out.set([entry.word.length, entry.word.charCodeAt(0)], at);
      },
    };
    const cache = new WordCache((word) => ({ word }), 3000, () => 0, facts);
    const check = (text: string) => {
      const tokens = tokenise(text);
      for (let k = 0; k < tokens.count; k++) {
        const id = cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!);
        expect([cache.facts[id * 2], cache.facts[id * 2 + 1]]).toEqual([tokens.surface(k).length, tokens.surface(k).charCodeAt(0)]);
      }
    };
    const words = Array.from({ length: 5000 }, (_, i) => (i % 3 === 0 ? `often${i % 30}` : `${'xyz'[i % 3]}${i}`)).join(' ');
    check(words);
    cache.compact();
    check(words);
  });
});
