import { resized } from '../text/typed-arrays.js';

/**
 * The cue matches of one text as rows of ints. Most of a record's matches are cues ("we", "use",
 * "our"), and most of them are never read: a field's cues only matter once a match of a facet
 * that reads cues needs weighing (or the names layer looks for contribution cues). Rows cost a
 * few int stores where an object per cue cost an allocation, its garbage, and a turn of every
 * loop that sorts matches by role.
 */
export class CueMatches {
  /** Rows in use: the first `count` of each array. */
  count = 0;
  /** Each cue's group (its pattern's `owner`). */
  groups: Int32Array = new Int32Array(64);
  /** Each cue's tokens, `first..last` inclusive. */
  firsts: Int32Array = new Int32Array(64);
  lasts: Int32Array = new Int32Array(64);

  /** Forgets the rows, keeping their storage (a huge text's is let go). */
  clear(): void {
    if (this.count > 4096) this.resize(64);
    this.count = 0;
  }

  push(group: number, first: number, last: number): void {
    const row = this.count++;
    if (row === this.groups.length) this.resize(row * 2);
    this.groups[row] = group;
    this.firsts[row] = first;
    this.lasts[row] = last;
  }

  private resize(size: number): void {
    this.groups = resized(this.groups, size);
    this.firsts = resized(this.firsts, size);
    this.lasts = resized(this.lasts, size);
  }
}

/** Rows of nothing: what a list holds between texts. */
export const NO_CUES: Readonly<CueMatches> = new CueMatches();
