/**
 * IdTable is the duplicate-id memory of a stream: it must answer exactly as the
 * `Map<string, number>` it replaces, for any ids, in any order, across its growth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../src/records/id-table.js';

/** Ids as inputs have them, and the edges: empty, one character, non-Latin-1, astral, very long. */
const id = fc.oneof(
  fc.constantFrom('', 'a', 'ab', 'ba', '2401.01234', '2401.01234#2', 'arxiv:2401.01234', 'x'.repeat(5000), 'x'.repeat(4097), 'ÿ', 'Ā', '𝔸', 'é#2'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }),
);
const op = fc.tuple(fc.constantFrom('set', 'get', 'has'), id, fc.oneof(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom(2 ** 31, 2 ** 40 + 3)));

describe('IdTable', () => {
  it('keeps the first line of each id and finds it again, as a Map does', () => {
    const table = new IdTable();
    table.set('2401.01234', 3).set('2401.01234#2', 9);
    expect(table.get('2401.01234')).toBe(3);
    expect(table.get('2401.01234#2')).toBe(9);
    expect(table.has('2401.0123')).toBe(false);
    expect(table.get('2401.01234#3')).toBeUndefined();
    expect(table.size).toBe(2);
  });

  it('answers every get, has and set as a Map<string, number> does', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const table = new IdTable();
        const map = new Map<string, number>();
        for (const [kind, key, line] of ops) {
          if (kind === 'set') {
            table.set(key, line);
            map.set(key, line);
          } else if (kind === 'get') expect(table.get(key)).toBe(map.get(key));
          else expect(table.has(key)).toBe(map.has(key));
        }
        expect(table.size).toBe(map.size);
        for (const [key, line] of map) expect(table.get(key)).toBe(line);
      }),
      { numRuns: 500 },
    );
  });

  it('grows past its first tables and arena without losing an id', () => {
    const table = new IdTable();
    for (let i = 0; i < 50_000; i++) table.set(`${i % 7 === 0 ? 'ĳ' : 'id'}-${i}-${'z'.repeat(i % 40)}`, i + 1);
    expect(table.size).toBe(50_000);
    for (let i = 0; i < 50_000; i += 997) expect(table.get(`${i % 7 === 0 ? 'ĳ' : 'id'}-${i}-${'z'.repeat(i % 40)}`)).toBe(i + 1);
    expect(table.has('id-50000-')).toBe(false);
  });
});
