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
    const text = Array.from({ length: 3000 }, (_, i) => (i % 3 === 0 ? `common${(i / 3) % 30}` : `rare${i}`)).join(' ');
    feed(cache, text);
    expect(described.filter((w) => w.startsWith('common'))).toHaveLength(30);
    expect(described.filter((w) => w.startsWith('rare'))).toHaveLength(2000);
  });
});
