import { describe, expect, it } from 'vitest';
import { CueMatches } from '../../src/matching/cue-matches.js';

const rows = (cues: CueMatches) => Array.from({ length: cues.count }, (_, i) => [cues.groups[i], cues.firsts[i], cues.lasts[i]]);

describe('CueMatches', () => {
  it('keeps rows of group, first and last token in the order they came, past its first storage', () => {
    const cues = new CueMatches();
    for (let i = 0; i < 100; i++) cues.push(i % 3, i, i + 1);
    expect(cues.count).toBe(100);
    expect(rows(cues).slice(62, 66)).toEqual([
      [2, 62, 63],
      [0, 63, 64],
      [1, 64, 65],
      [2, 65, 66],
    ]);
  });

  it('starts empty again on clear, and lets a huge text’s storage go', () => {
    const cues = new CueMatches();
    for (let i = 0; i < 5000; i++) cues.push(0, i, i);
    cues.clear();
    expect([cues.count, cues.groups.length]).toEqual([0, 64]);
    cues.push(4, 2, 3);
    expect(rows(cues)).toEqual([[4, 2, 3]]);
  });
});
