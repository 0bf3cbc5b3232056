/**
 * A hash table from word to per-word facts, probed with the two hashes the tokenizer already
 * computed, so the common case (a word seen before) neither copies the word out of the text nor
 * compares characters. A word is identified by hash, check hash and length together (64 bits of
 * hash): in a million-word vocabulary the chance that two words share all three is about 3e-8.
 * Open addressing, linear probing, grows at half load. When it reaches `maxSize` (hostile input
 * full of unique words must not grow memory without bound, and all of arXiv has millions of
 * distinct tokens) it keeps the words that were seen again and drops the one-off ones (numbers,
 * names, typos), so the vocabulary that matters stays warm.
 */

const INITIAL_CAPACITY = 1 << 14;
/** Ints per slot: hash, check, length, entry number + 1 (0: empty). One probe reads one cache line. */
const STRIDE = 4;

export class WordCache<T> {
  // Slots interleaved in one typed array: separate arrays per field cost a cache miss each per probe.
  private table = new Int32Array(INITIAL_CAPACITY * STRIDE);
  private entries: T[] = [];
  /** Times each entry was found again, by entry number. */
  private hits = new Int32Array(INITIAL_CAPACITY);

  constructor(
    private readonly create: (word: string) => T,
    private readonly maxSize = 200_000,
  ) {}

  get(text: string, start: number, end: number, hash: number, check: number): T {
    const table = this.table;
    const mask = table.length / STRIDE - 1;
    const length = end - start;
    let i = hash & mask;
    for (let entry = table[i * STRIDE + 3]!; entry !== 0; entry = table[i * STRIDE + 3]!) {
      const at = i * STRIDE;
      if (table[at] === hash && table[at + 1] === check && table[at + 2] === length) {
        this.hits[entry - 1]!++;
        return this.entries[entry - 1]!;
      }
      i = (i + 1) & mask;
    }
    const created = this.create(text.substring(start, end));
    if (this.entries.length >= this.maxSize) this.evict();
    else if ((this.entries.length + 1) * 2 > mask + 1) this.rebuild((mask + 1) * 2, -1);
    this.insert(hash, check, length, created, 0);
    return created;
  }

  /** Keeps the words seen most often, dropping at least half of the table. */
  private evict(): void {
    let keepAbove = 0;
    const count = (min: number) => this.hits.subarray(0, this.entries.length).reduce((n, hits) => (hits > min ? n + 1 : n), 0);
    while (count(keepAbove) > this.maxSize / 2) keepAbove = keepAbove * 2 + 1;
    this.rebuild(this.table.length / STRIDE, keepAbove);
  }

  /** Re-inserts the entries seen more than `keepAbove` times into a table of `capacity` slots. */
  private rebuild(capacity: number, keepAbove: number): void {
    const { table, entries, hits } = this;
    this.table = new Int32Array(capacity * STRIDE);
    this.entries = [];
    this.hits = new Int32Array(Math.max(capacity, hits.length));
    for (let at = 0; at < table.length; at += STRIDE) {
      const entry = table[at + 3]! - 1;
      if (entry >= 0 && hits[entry]! > keepAbove) this.insert(table[at]!, table[at + 1]!, table[at + 2]!, entries[entry]!, hits[entry]!);
    }
  }

  private insert(hash: number, check: number, length: number, value: T, hits: number): void {
    const table = this.table;
    const mask = table.length / STRIDE - 1;
    let i = hash & mask;
    while (table[i * STRIDE + 3] !== 0) i = (i + 1) & mask;
    const at = i * STRIDE;
    table[at] = hash;
    table[at + 1] = check;
    table[at + 2] = length;
    this.entries.push(value);
    table[at + 3] = this.entries.length;
    if (this.entries.length > this.hits.length) {
      const grown = new Int32Array(this.hits.length * 2);
      grown.set(this.hits);
      this.hits = grown;
    }
    this.hits[this.entries.length - 1] = hits;
  }
}
