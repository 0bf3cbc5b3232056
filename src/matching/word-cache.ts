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
/**
 * Ints per slot: hash, check, length (low 16 bits, saturating) with hits (high 15 bits,
 * saturating), (entry number + 1) << 2 | the entry's mark (0: empty). A probe, and counting a
 * hit, touch one cache line; reading the mark does not touch the entry itself.
 */
const STRIDE = 4;
const LENGTH_BITS = 0xffff;
const ONE_HIT = 0x10000;
const MAX_HITS = 0x7fff;

export class WordCache<T> {
  // Slots interleaved in one typed array: separate arrays per field cost a cache miss each per probe.
  private table = new Int32Array(INITIAL_CAPACITY * STRIDE);
  private entries: T[] = [];

  /**
   * The mark (0..3) of the entry the last `get` returned. A caller that only needs one fact about
   * most words (does it start any pattern?) reads it here instead of dereferencing the entry, an
   * object that is rarely in cache: on a record of 200 words that miss was a third of a scan.
   */
  lastMark = 0;

  /** `mark`: a small fact (0..3) about each entry, computed once when the entry is created. */
  constructor(
    private readonly create: (word: string) => T,
    private readonly maxSize = 200_000,
    private readonly mark: (entry: T) => number = () => 0,
  ) {}

  get(text: string, start: number, end: number, hash: number, check: number): T {
    const table = this.table;
    const mask = table.length / STRIDE - 1;
    // Words longer than 65,535 characters share a length here; their two hashes still tell them apart.
    const length = Math.min(end - start, LENGTH_BITS);
    let i = hash & mask;
    for (let entry = table[i * STRIDE + 3]!; entry !== 0; entry = table[i * STRIDE + 3]!) {
      const at = i * STRIDE;
      const lengthAndHits = table[at + 2]!;
      if (table[at] === hash && table[at + 1] === check && (lengthAndHits & LENGTH_BITS) === length) {
        if (lengthAndHits >>> 16 < MAX_HITS) table[at + 2] = lengthAndHits + ONE_HIT;
        this.lastMark = entry & 3;
        return this.entries[(entry >>> 2) - 1]!;
      }
      i = (i + 1) & mask;
    }
    const created = this.create(text.substring(start, end));
    if (this.entries.length >= this.maxSize) this.evict();
    else if ((this.entries.length + 1) * 2 > mask + 1) this.rebuild((mask + 1) * 2, -1);
    this.lastMark = this.mark(created) & 3;
    this.insert(hash, check, length, created, this.lastMark);
    return created;
  }

  /** Keeps the words seen most often, dropping at least half of the table. */
  private evict(): void {
    let keepAbove = 0;
    const count = (min: number) => {
      let n = 0;
      for (let at = 0; at < this.table.length; at += STRIDE) if (this.table[at + 3] !== 0 && this.table[at + 2]! >>> 16 > min) n++;
      return n;
    };
    while (count(keepAbove) > this.maxSize / 2) keepAbove = keepAbove * 2 + 1;
    this.rebuild(this.table.length / STRIDE, keepAbove);
  }

  /** Re-inserts the entries seen more than `keepAbove` times into a table of `capacity` slots. */
  private rebuild(capacity: number, keepAbove: number): void {
    const { table, entries } = this;
    this.table = new Int32Array(capacity * STRIDE);
    this.entries = [];
    for (let at = 0; at < table.length; at += STRIDE) {
      const entry = (table[at + 3]! >>> 2) - 1;
      if (entry >= 0 && table[at + 2]! >>> 16 > keepAbove) this.insert(table[at]!, table[at + 1]!, table[at + 2]!, entries[entry]!, table[at + 3]! & 3);
    }
  }

  private insert(hash: number, check: number, lengthAndHits: number, value: T, mark: number): void {
    const table = this.table;
    const mask = table.length / STRIDE - 1;
    let i = hash & mask;
    while (table[i * STRIDE + 3] !== 0) i = (i + 1) & mask;
    const at = i * STRIDE;
    table[at] = hash;
    table[at + 1] = check;
    table[at + 2] = lengthAndHits;
    this.entries.push(value);
    table[at + 3] = (this.entries.length << 2) | mark;
  }
}
