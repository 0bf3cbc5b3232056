/**
 * A hash table from word to per-word facts, probed with the two hashes the tokenizer already
 * computed, so the common case (a word seen before) neither copies the word out of the text nor
 * compares characters. A word is identified by hash, check hash and length together (64 bits of
 * hash): in a million-word vocabulary the chance that two words share all three is about 3e-8.
 * Open addressing, linear probing, grows at half load. When it reaches `maxSize` (hostile input
 * full of unique words must not grow memory without bound, and all of arXiv has millions of
 * distinct tokens) it keeps the words that were seen again and drops the one-off ones (numbers,
 * names, typos), so the vocabulary that matters stays warm.
 *
 * Each entry also carries a mark (0..15), a small fact its creator computes once, kept in the low
 * bits of the length the probe compares anyway: a caller that needs only that fact for most words
 * reads `lastMark` instead of dereferencing the entry, an object that is rarely in cache. (One
 * interleaved array of slots was tried and measured slower: it makes the table four times larger.)
 */

const INITIAL_CAPACITY = 1 << 14;

export class WordCache<T> {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private checks = new Int32Array(INITIAL_CAPACITY);
  /** Length << 4 | mark. */
  private lengths = new Int32Array(INITIAL_CAPACITY);
  private hits = new Int32Array(INITIAL_CAPACITY);
  private slots: Array<T | undefined> = new Array<T | undefined>(INITIAL_CAPACITY).fill(undefined);
  private size = 0;
  /** The mark of the entry the last `get` returned. */
  lastMark = 0;

  /** `mark`: a small fact (0..15) about each entry, computed once when the entry is created. */
  constructor(
    private readonly create: (word: string) => T,
    private readonly maxSize = 200_000,
    private readonly mark: (entry: T) => number = () => 0,
  ) {}

  get(text: string, start: number, end: number, hash: number, check: number): T {
    const mask = this.slots.length - 1;
    const length = end - start;
    let i = hash & mask;
    for (let entry = this.slots[i]; entry !== undefined; entry = this.slots[i]) {
      const lengthAndMark = this.lengths[i]!;
      if (this.hashes[i] === hash && this.checks[i] === check && lengthAndMark >> 4 === length) {
        this.hits[i]!++;
        this.lastMark = lengthAndMark & 15;
        return entry;
      }
      i = (i + 1) & mask;
    }
    const created = this.create(text.substring(start, end));
    if (this.size >= this.maxSize) this.evict();
    else if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.lastMark = this.mark(created) & 15;
    // (A word of 2^27 characters or more overflows the shift: it is then described again each time, never confused.)
    this.insert(hash, check, (length << 4) | this.lastMark, created);
    return created;
  }

  /** Keeps the words seen most often, dropping at least half of the table. */
  private evict(): void {
    const { slots, hashes, checks, lengths, hits } = this;
    let keepAbove = 0;
    const count = (min: number) => slots.reduce((n, entry, i) => (entry !== undefined && hits[i]! > min ? n + 1 : n), 0);
    while (count(keepAbove) > this.maxSize / 2) keepAbove = keepAbove * 2 + 1;
    this.reset(slots.length);
    slots.forEach((entry, i) => {
      if (entry !== undefined && hits[i]! > keepAbove) this.insert(hashes[i]!, checks[i]!, lengths[i]!, entry, hits[i]!);
    });
  }

  private insert(hash: number, check: number, length: number, entry: T, hits = 0): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== undefined) i = (i + 1) & mask;
    this.slots[i] = entry;
    this.hashes[i] = hash;
    this.checks[i] = check;
    this.lengths[i] = length;
    this.hits[i] = hits;
    this.size++;
  }

  private grow(): void {
    const { slots, hashes, checks, lengths, hits } = this;
    this.reset(slots.length * 2);
    slots.forEach((entry, i) => {
      if (entry !== undefined) this.insert(hashes[i]!, checks[i]!, lengths[i]!, entry, hits[i]!);
    });
  }

  private reset(capacity: number): void {
    this.slots = new Array<T | undefined>(capacity).fill(undefined);
    this.hashes = new Int32Array(capacity);
    this.checks = new Int32Array(capacity);
    this.lengths = new Int32Array(capacity);
    this.hits = new Int32Array(capacity);
    this.size = 0;
  }
}
