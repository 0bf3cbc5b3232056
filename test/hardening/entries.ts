/**
 * Generated paper-list entries, format-neutral, for the reader fuzz tests. A *tracked* entry has
 * well-typed fields and a unique id (`ftx-track-N`), so the test can find what became of it; a
 * *hostile* entry has fields of any JSON type (or is not an object at all) and ids that can never
 * look tracked. Both may carry prototype-shaped keys.
 */
import fc from 'fast-check';
import { hostileText } from './arbitraries.js';

export const TRACKED = 'ftx-track-';
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

export interface Tracked {
  kind: 'tracked';
  id: string;
  title: string;
  abstract: string;
  authors: string[];
  year: number;
  /** Prototype-shaped keys with values that must not leak into the record. */
  extra: Array<[string, unknown]>;
}

export interface Hostile {
  kind: 'hostile';
  /** A JSON value: usually an object of field → anything, sometimes not an object. */
  value: unknown;
}

export type Entry = Tracked | Hostile;

/** Hostile strings, never mistaken for a tracked id. */
export const hostileString = hostileText(12).filter((s) => !s.includes(TRACKED));

/** Any JSON value, with hostile strings. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).filter((v) => !JSON.stringify(v).includes(TRACKED)) },
);

const extraKeys = fc.array(fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.constant({ title: 'polluted title', polluted: true })), { maxLength: 2 });

const tracked: fc.Arbitrary<Omit<Tracked, 'id'>> = fc.record({
  kind: fc.constant('tracked' as const),
  title: hostileString,
  abstract: hostileString,
  authors: fc.array(hostileString, { maxLength: 3 }),
  year: fc.integer({ min: 1000, max: 2999 }),
  extra: extraKeys,
});

const FIELDS = ['id', 'title', 'abstract', 'authors', 'year'] as const;

const hostile: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ fields: fc.dictionary(fc.constantFrom(...FIELDS, ...PROTO_KEYS), hostileJson, { maxKeys: 6 }) }).map(({ fields }) => ({ kind: 'hostile' as const, value: bag(Object.entries(fields)) })) },
  { weight: 1, arbitrary: fc.oneof(fc.constant(null), fc.integer(), hostileString, fc.array(hostileString, { maxLength: 2 })).map((value) => ({ kind: 'hostile' as const, value })) },
);

/** A list of entries; tracked ids are numbered in input order. */
export function entryList(maxLength = 15): fc.Arbitrary<Entry[]> {
  return fc
    .array(fc.oneof({ weight: 2, arbitrary: tracked as fc.Arbitrary<Omit<Tracked, 'id'> | Hostile> }, { weight: 1, arbitrary: hostile }), { maxLength })
    .map((list) => list.map((entry, i) => (entry.kind === 'tracked' ? { ...entry, id: `${TRACKED}${i}` } : entry)));
}

/**
 * An object without a prototype, so `__proto__` is an own key that JSON.stringify writes out
 * (on a plain object, assigning `__proto__` would set the prototype instead).
 */
export function bag(entries: Array<[string, unknown]>): Record<string, unknown> {
  const object = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of entries) object[key] = value;
  return object;
}

/** The text a reader should keep for a tracked field: whitespace collapsed, as documented. */
export function collapsed(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}
