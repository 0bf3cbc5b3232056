/**
 * The ids of one input and the line of each one's record: what the duplicate-id check remembers
 * of a stream while every record itself is let go. A `Map<string, number>` held about 190 bytes
 * per record (the key string, the entry and the table's slack), so a stream of a million records
 * grew by ~190 MB and every full GC marked all of it; here the ids' characters sit in one byte
 * array and everything else in typed arrays (20 bytes of entry, 8–16 of table, one byte per
 * character of an id whose characters all fit in a byte, else two), which the GC never walks.
 */
import { resized, type NumberArray } from '../text/typed-arrays.js';

/** What the duplicate-id check needs of the ids it has seen (a `Map<string, number>` will do). */
export interface IdLines {
  get(id: string): number | undefined;
  has(id: string): boolean;
  set(id: string, line: number): unknown;
}

/** Set in an entry's length when its characters are stored as two bytes each. */
const WIDE = 0x8000_0000;
/** The length of an entry kept in `long` (no packed id is both wide and empty). */
const LONG = WIDE;
/** Ids longer than this many characters are kept as strings (a hostile 1 MB id does not grow the arena). */
const LONGEST_PACKED = 4096;

/** An open-addressing hash table (linear probing) from id to line over typed arrays. */
export class IdTable implements IdLines {
  /** Entry index + 1 per slot (0: empty); its length is a power of two, at least twice the entries. */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(512);
  private starts = new Uint32Array(512);
  private lengths = new Uint32Array(512);
  /** Float64: a line number of a stream is not bounded by 2^31. */
  private lines = new Float64Array(512);
  private chars = new Uint8Array(8192);
  private used = 0;
  /** Ids too long to pack, by entry index. */
  private readonly long = new Map<number, string>();
  /**
   * Mixed into every hash: ids come from the input, and a file of ids crafted to share a fixed
   * hash's slot would make every probe walk all of them (the output never depends on it).
   */
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;
  /** Ids held. */
  size = 0;

  get(id: string): number | undefined {
    const entry = this.slots[this.probe(id, hashOf(id, this.seed))]! - 1;
    return entry < 0 ? undefined : this.lines[entry];
  }

  has(id: string): boolean {
    return this.slots[this.probe(id, hashOf(id, this.seed))] !== 0;
  }

  /** Adds `id` with `line`, or gives an id already held that line (as `Map.set` does). */
  set(id: string, line: number): this {
    const hash = hashOf(id, this.seed);
    let slot = this.probe(id, hash);
    const found = this.slots[slot]! - 1;
    if (found >= 0) {
      this.lines[found] = line;
      return this;
    }
    if ((this.size + 1) * 2 > this.slots.length) {
      this.rehash(this.slots.length * 2);
      slot = this.slotFor(hash);
    }
    if (this.size === this.hashes.length) this.growEntries();
    const entry = this.size++;
    this.hashes[entry] = hash;
    this.lines[entry] = line;
    this.store(entry, id);
    this.slots[slot] = entry + 1;
    return this;
  }

  /** The slot holding `id`, or the empty slot where its probe path ends (where it would go). */
  private probe(id: string, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0 || (this.hashes[entry] === hash && this.holds(entry, id))) return slot;
    }
  }

  /** The first empty slot on `hash`'s probe path. */
  private slotFor(hash: number): number {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  private holds(entry: number, id: string): boolean {
    const length = this.lengths[entry]!;
    if (length === LONG) return this.long.get(entry) === id;
    const wide = (length & WIDE) !== 0;
    if ((length & ~WIDE) >>> 0 !== id.length) return false;
    const { chars } = this;
    let at = this.starts[entry]!;
    if (!wide) {
      for (let i = 0; i < id.length; i++) if (chars[at++] !== id.charCodeAt(i)) return false;
      return true;
    }
    for (let i = 0; i < id.length; i++, at += 2) if ((chars[at]! | (chars[at + 1]! << 8)) !== id.charCodeAt(i)) return false;
    return true;
  }

  private store(entry: number, id: string): void {
    if (id.length > LONGEST_PACKED) {
      this.lengths[entry] = LONG;
      this.long.set(entry, id);
      return;
    }
    let wide = false;
    for (let i = 0; i < id.length && !wide; i++) wide = id.charCodeAt(i) > 0xff;
    const bytes = wide ? id.length * 2 : id.length;
    if (this.used + bytes > this.chars.length) this.chars = grown(this.chars, this.used + bytes);
    const { chars } = this;
    let at = this.used;
    this.starts[entry] = at;
    this.lengths[entry] = wide ? (id.length | WIDE) >>> 0 : id.length;
    for (let i = 0; i < id.length; i++) {
      const code = id.charCodeAt(i);
      chars[at++] = code;
      if (wide) chars[at++] = code >> 8;
    }
    this.used = at;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let entry = 0; entry < this.size; entry++) this.slots[this.slotFor(this.hashes[entry]!)] = entry + 1;
  }

  private growEntries(): void {
    const size = this.hashes.length * 2;
    this.hashes = grown(this.hashes, size);
    this.starts = grown(this.starts, size);
    this.lengths = grown(this.lengths, size);
    this.lines = grown(this.lines, size);
  }
}

/** A copy of `array` with room for at least `size` elements (doubling, so growth stays linear). */
function grown<T extends NumberArray>(array: T, size: number): T {
  let length = array.length * 2;
  while (length < size) length *= 2;
  return resized(array, length);
}

/** FNV-1a over the id's UTF-16 code units from a seeded basis, then murmur3's finaliser, so that the low bits (the slot) depend on every unit. */
function hashOf(id: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
