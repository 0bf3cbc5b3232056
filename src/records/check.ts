/**
 * The field checks of `PaperRecordSchema` without zod: reading records is part of the core entry,
 * which must stay light (importing zod costs ~150 ms of CPU, three times the whole core entry).
 * `test/records/check.test.ts` holds the two to the same verdicts.
 */

/** `yyyy-mm-dd`, `yyyy-mm` or `yyyy`, months and days in range. */
export const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/;

type Check = (value: unknown) => string | undefined;

const nonEmpty: Check = (value) => (typeof value === 'string' && value.length > 0 ? undefined : 'expected a non-empty string');
const anyText: Check = (value) => (typeof value === 'string' ? undefined : 'expected a string');
const nonEmptyList: Check = (value) =>
  Array.isArray(value) && value.every((item) => nonEmpty(item) === undefined) ? undefined : 'expected a list of non-empty strings';
const year: Check = (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 2999 ? undefined : 'expected a whole year from 1000 to 2999';
const date: Check = (value) => (typeof value === 'string' && ISO_DATE.test(value) ? undefined : 'expected yyyy-mm-dd, yyyy-mm or yyyy');

const REQUIRED: Readonly<Record<string, Check>> = { id: nonEmpty, title: anyText, abstract: anyText, source: nonEmpty };
const OPTIONAL: Readonly<Record<string, Check>> = {
  authors: nonEmptyList,
  year,
  date,
  venue: nonEmpty,
  url: nonEmpty,
  doi: nonEmpty,
  arxivId: nonEmpty,
  categories: nonEmptyList,
};

/** The first field of `record` that `PaperRecordSchema` would refuse, with why; undefined when it would accept it. */
export function firstInvalidField(record: object): { field: string; message: string } | undefined {
  const fields = record as Record<string, unknown>;
  for (const [field, check] of Object.entries(REQUIRED)) {
    const message = check(fields[field]);
    if (message !== undefined) return { field, message };
  }
  for (const [field, value] of Object.entries(fields)) {
    if (field in REQUIRED) continue;
    const check = OPTIONAL[field];
    if (check === undefined) return { field, message: 'not a field of a paper record' };
    // `exactOptional`: a present key must hold a valid value; `undefined` is not absence.
    const message = check(value);
    if (message !== undefined) return { field, message };
  }
  return undefined;
}
