/**
 * Classifying many records, with a choice of what a bad record does: stop the batch (`throw`), or
 * be left out (`skip`) or reported (`collect`) while every other record is classified, in order.
 */
import { RecordError } from '../errors.js';
import type { ClassifyFailure, OnError, PaperInput } from './types.js';

/** Results in input order, and the failures when the policy is not `throw`. */
export function classifyAll<T>(
  records: Iterable<PaperInput>,
  onError: OnError,
  classify: (record: PaperInput) => T,
): { results: T[]; failures: ClassifyFailure[] } {
  const results: T[] = [];
  const failures: ClassifyFailure[] = [];
  let index = 0;
  for (const record of records) {
    if (onError === 'throw') results.push(classify(record));
    else {
      try {
        results.push(classify(record));
      } catch (error) {
        failures.push(failureOf(index, record, error));
      }
    }
    index++;
  }
  return { results, failures };
}

function failureOf(index: number, record: PaperInput, error: unknown): ClassifyFailure {
  const message = error instanceof Error ? error.message : String(error);
  const failure: ClassifyFailure = { index, code: error instanceof RecordError ? 'record/invalid' : 'record/failed', severity: 'error', message };
  const recordId = error instanceof RecordError && error.recordId !== undefined ? error.recordId : ownId(record);
  if (recordId !== undefined) failure.recordId = recordId;
  if (error instanceof RecordError && error.field !== undefined) failure.field = error.field;
  return failure;
}

/** The record's own id, when it is a usable string or number. */
function ownId(record: unknown): string | undefined {
  if (record === null || typeof record !== 'object') return undefined;
  const { id } = record as { id?: unknown };
  if (typeof id === 'string' && id !== '') return id;
  return typeof id === 'number' && Number.isFinite(id) ? String(id) : undefined;
}
