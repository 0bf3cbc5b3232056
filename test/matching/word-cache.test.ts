import { describe, expect, it } from 'vitest';
import { WordCache } from '../../src/matching/word-cache.js';
import { tokenise } from '../../src/text/tokenise.js';

/** Feeds every token of `text` through the cache, counting how many words it had to describe. */
function feed(cache: WordCache<{ word: string }>, text: string): void {
  const tokens = tokenise(text);
  for (let k = 0; k < tokens.count; k++) {
    const entry = cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!);
    expect(entry.word).toBe(tokens.surface(k));
  }
}

describe('WordCache', () => {
  it('describes each distinct word once and returns the same entry after', () => {
    let described = 0;
    const cache = new WordCache((word) => (described++, { word }));
    feed(cache, 'LoRA adapters and LoRA and adapters and LoRA');
    expect(described).toBe(3);
  });

  it('keeps frequent words and drops one-off words when full', () => {
    const described: string[] = [];
    const cache = new WordCache((word) => (described.push(word), { word }), 100);
    // Every other word is one of 20 common words; the rest never repeat.
    const text = Array.from({ length: 4000 }, (_, i) => (i % 2 === 0 ? `common${(i / 2) % 20}` : `rare${i}`)).join(' ');
    feed(cache, text);
    const commons = described.filter((w) => w.startsWith('common'));
    // Each common word is described once, or twice if the first eviction came before its second use.
    expect(commons.length).toBeLessThanOrEqual(40);
    expect(new Set(commons).size).toBe(20);
    expect(described.filter((w) => w.startsWith('rare'))).toHaveLength(2000);
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
      expect(cache.get(text, tokens.starts[k]!, tokens.ends[k]!, tokens.hashes[k]!, tokens.checks[k]!).word).toBe(tokens.surface(k));
      expect(cache.lastMark).toBe(tokens.surface(k).length % 4);
    }
  });
});
