import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstInvalidField } from '../../src/records/check.js';
import { PaperRecordSchema, type PaperRecord } from '../../src/records/schema.js';

const valid: PaperRecord = { id: '2106.09685', title: 'LoRA', abstract: 'Low-rank adaptation.', source: 'jsonl' };

/** Values that are sometimes right for a field and often wrong in the ways real files are. */
const anyValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', '2021', '2021-06', '2021-06-17', '2021-13-01', '17/06/2021', 'in press'),
  fc.integer({ min: 0, max: 4000 }),
  fc.double(),
  fc.array(fc.oneof(fc.string(), fc.constant(''), fc.integer()), { maxLength: 3 }),
  fc.constantFrom(undefined, null, true),
);

const FIELDS = ['id', 'title', 'abstract', 'source', 'authors', 'year', 'date', 'venue', 'url', 'doi', 'arxivId', 'categories', 'upvotes'];

describe('the record field checks without zod', () => {
  it('accept a plain record and name the field of a bad one', () => {
    expect(firstInvalidField(valid)).toBeUndefined();
    expect(firstInvalidField({ ...valid, date: '17/06/2021' })).toEqual({ field: 'date', message: 'expected yyyy-mm-dd, yyyy-mm or yyyy' });
    expect(firstInvalidField({ ...valid, upvotes: 3 } as PaperRecord)).toEqual({ field: 'upvotes', message: 'not a field of a paper record' });
  });

  it('give the verdict PaperRecordSchema gives, for any mix of fields', () => {
    const record = fc.dictionary(fc.constantFrom(...FIELDS), anyValue).map((fields) => ({ ...valid, ...fields }) as PaperRecord);
    fc.assert(
      fc.property(record, (r) => {
        expect(firstInvalidField(r) === undefined).toBe(PaperRecordSchema.safeParse(r).success);
      }),
      { numRuns: 2000 },
    );
  });
});
