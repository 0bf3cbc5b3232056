import { resized } from '../text/typed-arrays.js';

/**
 * A hash table from word to per-word facts, probed with the two hashes the tokenizer already
 * computed, so the common case (a word seen before) neither copies the word out of the text nor
 * compares characters. A word is identified by hash, check hash and length together (64 bits of
 * hash): in a million-word vocabulary the chance that two words share all three is about 3e-8.
 * Open addressing, linear probing, grows at half load. Beyond `maxSize` words (hostile input full
 * of unique words must not grow memory without bound, and all of arXiv has millions of distinct
 * tokens) new words are still described but not kept, and the next `compact` keeps the words that
 * were seen again and drops the one-off ones (numbers, names, typos), so the vocabulary that
 * matters stays warm. Ids stay valid until then: a caller holds the ids of a whole record's tokens.
 *
 * Each slot is four ints side by side (hash, check, length with hit count and mark, entry id), so
 * a probe reads one cache line and counts the hit in that same line (an array of counts by id
 * cost a second, dependent cache miss per token: 8% of a scan's time), and `get` answers with
 * the id, not the entry: a scan keeps an int per token (no pointer store, no write barrier) and reads what it needs of most words from flat arrays (the
 * mark, a small fact 0..15 its creator computes once, reported in `lastMark`, and a few ints per
 * word, `WordFacts`), visiting entry objects only for the few words that start a pattern.
 */

/** A fixed number of ints the cache keeps for each word, written once when the word is described. */
export interface WordFacts<T> {
  count: number;
  write(entry: T, out: Int32Array, at: number): void;
}

const INITIAL_CAPACITY = 1 << 14;
/**
 * An enum because the bundler writes enum members in as literals, where a module-level `const`
 * becomes a `var` V8 loads from the module's context and checks at every use: in `find`, once per token.
 */
enum Slot {
  /** Ints per slot: hash, check, length << 16 | hits << 4 | mark, id + 1 (0: empty). */
  Ints = 4,
  /** Times a word was found again, as far as a slot counts (12 bits: it stops there). */
  MaxHits = 0xfff,
}
/** Longer words are described each time, never kept: their length does not fit a slot. */
const MAX_KEPT_LENGTH = 0xffff;

export class WordCache<T> {
  private table = new Int32Array(INITIAL_CAPACITY * Slot.Ints);
  /** Words in the table. */
  private size = 0;
  /**
   * Whether hits are counted: only once the table holds half the words it may keep. Before that
   * no compaction is near, and the probe of every token saves the count's arithmetic and its
   * store (the slot's cache line stays clean); the words that matter are found again after.
   */
  private counting = false;
  /** Entries by id (those not kept in the table too, until `compact`). */
  private entries: T[] = [];
  /** Each word's facts: `factCount` ints from `id * factCount` (replaced when it grows). */
  facts: Int32Array;
  private readonly factCount: number;
  /** The mark of the word the last `get` or `add` returned. */
  lastMark = 0;

  /** `mark`: a small fact (0..15) about each entry, computed once when the entry is created. */
  constructor(
    private readonly create: (word: string) => T,
    private readonly maxSize = 200_000,
    private readonly mark: (entry: T) => number = () => 0,
    private readonly wordFacts?: WordFacts<T>,
  ) {
    this.factCount = wordFacts?.count ?? 0;
    this.facts = new Int32Array(1024 * this.factCount);
  }

  /** The id of the word `text[start, end)` (whose tokenizer hashes are `hash` and `check`), described first if new. */
  get(text: string, start: number, end: number, hash: number, check: number): number {
    const found = this.find(hash, check, end - start);
    if (found < 0) return this.add(text.substring(start, end), hash, check);
    this.lastMark = found & 15;
    return found >> 4;
  }

  /**
   * The id of a known word with these hashes and length, shifted 4 bits up, with its mark in the
   * low 4 bits (-1: not in the table); one more hit for it.
   */
  find(hash: number, check: number, length: number): number {
    const table = this.table;
    const mask = table.length - Slot.Ints;
    // hash * Slot.Ints in int32 arithmetic (a multiplication may leave the int range and go through a double).
    let i = (hash << 2) & mask;
    for (let id = table[i + 3]!; id !== 0; id = table[i + 3]!) {
      const packed = table[i + 2]!;
      if (table[i] === hash && table[i + 1] === check && packed >>> 16 === length) {
        // One more hit, unless the count is full (without a branch: common words are full, rare ones not).
        if (this.counting) table[i + 2] = packed + 16 - (((hitsOf(packed) + 1) >> 12) << 4);
        return ((id - 1) << 4) | (packed & 15);
      }
      i = (i + Slot.Ints) & mask;
    }
    return -1;
  }

  /** The entry of word `id`. */
  entry(id: number): T {
    return this.entries[id]!;
  }

  /**
   * When more words were described than the table keeps, drops the words seen least often, at
   * least half of them. Invalidates the ids `get` returned before.
   */
  compact(): void {
    if (this.entries.length <= this.maxSize) return;
    let keepAbove = 0;
    // (Past Slot.MaxHits the counts are all equal: then the words found that often are all kept.)
    while (keepAbove < Slot.MaxHits && this.countAbove(keepAbove) > this.maxSize / 2) keepAbove = keepAbove * 2 + 1;
    this.rehash(this.table.length, Math.min(keepAbove, Slot.MaxHits - 1));
  }

  /** Words in the table found again more than `min` times. */
  private countAbove(min: number): number {
    let count = 0;
    const table = this.table;
    for (let i = 0; i < table.length; i += Slot.Ints) if (table[i + 3] !== 0 && hitsOf(table[i + 2]!) > min) count++;
    return count;
  }

  /** Describes a word `find` does not know (keeping it, while there is room) and returns its id; its mark in `lastMark`. */
  add(word: string, hash: number, check: number): number {
    const created = this.create(word);
    this.lastMark = this.mark(created) & 15;
    const id = this.entries.length;
    this.entries.push(created);
    if ((id + 1) * this.factCount > this.facts.length) this.facts = resized(this.facts, (id + 1) * 2 * this.factCount);
    this.wordFacts?.write(created, this.facts, id * this.factCount);
    if (this.size >= this.maxSize || word.length > MAX_KEPT_LENGTH) return id;
    if ((this.size + 1) * 2 * Slot.Ints > this.table.length) this.rehash(this.table.length * 2);
    this.insert(hash, check, (word.length << 16) | this.lastMark, id);
    return id;
  }

  private insert(hash: number, check: number, packed: number, id: number): void {
    const table = this.table;
    const mask = table.length - Slot.Ints;
    let i = (hash << 2) & mask;
    while (table[i + 3] !== 0) i = (i + Slot.Ints) & mask;
    table[i] = hash;
    table[i + 1] = check;
    table[i + 2] = packed;
    table[i + 3] = id + 1;
    this.size++;
    this.counting = this.size * 2 >= this.maxSize;
  }

  /**
   * Rebuilds the table with `capacity` ints. With `keepAbove`, keeps only the words found again
   * more than that many times, and renumbers them; else every id stays as it is.
   */
  private rehash(capacity: number, keepAbove?: number): void {
    const { table, entries, facts, factCount } = this;
    this.table = new Int32Array(capacity);
    this.size = 0;
    if (keepAbove !== undefined) {
      this.entries = [];
      this.facts = new Int32Array(facts.length);
    }
    for (let i = 0; i < table.length; i += Slot.Ints) {
      let id = table[i + 3]! - 1;
      if (id < 0) continue;
      if (keepAbove !== undefined) {
        if (hitsOf(table[i + 2]!) <= keepAbove) continue;
        const kept = this.entries.length;
        this.entries.push(entries[id]!);
        this.facts.set(facts.subarray(id * factCount, (id + 1) * factCount), kept * factCount);
        id = kept;
      }
      this.insert(table[i]!, table[i + 1]!, table[i + 2]!, id);
    }
  }
}

/** The hit count of a slot's third int. */
function hitsOf(packed: number): number {
  return (packed >> 4) & Slot.MaxHits;
}

