/**
 * A hash table from word to per-word facts, probed with the hash the tokenizer already computed
 * and verified against the text in place, so the common case (a word seen before) allocates
 * nothing. Open addressing, linear probing, grows at half load, cleared when it gets too large
 * (hostile input full of unique words must not grow memory without bound).
 */

export interface Word {
  surface: string;
}

const INITIAL_CAPACITY = 1 << 14;

// A plain loop beats startsWith(word, position) on words this short.
function sameChars(word: string, text: string, start: number): boolean {
  for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

export class WordCache<T extends Word> {
  private hashes = new Int32Array(INITIAL_CAPACITY);
  private slots: Array<T | undefined> = new Array(INITIAL_CAPACITY);
  private size = 0;

  constructor(
    private readonly create: (surface: string) => T,
    private readonly maxSize = 200_000,
  ) {}

  get(text: string, start: number, end: number, hash: number): T {
    const mask = this.slots.length - 1;
    const length = end - start;
    let i = hash & mask;
    for (let entry = this.slots[i]; entry !== undefined; entry = this.slots[i]) {
      if (this.hashes[i] === hash && entry.surface.length === length && sameChars(entry.surface, text, start)) return entry;
      i = (i + 1) & mask;
    }
    const created = this.create(text.substring(start, end));
    if (this.size >= this.maxSize) this.clear();
    else if ((this.size + 1) * 2 > this.slots.length) this.grow();
    this.insert(hash, created);
    return created;
  }

  private insert(hash: number, entry: T): void {
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== undefined) i = (i + 1) & mask;
    this.slots[i] = entry;
    this.hashes[i] = hash;
    this.size++;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    this.size = 0;
    oldSlots.forEach((entry, i) => {
      if (entry !== undefined) this.insert(oldHashes[i]!, entry);
    });
  }

  private clear(): void {
    this.slots = new Array(INITIAL_CAPACITY);
    this.hashes = new Int32Array(INITIAL_CAPACITY);
    this.size = 0;
  }
}
