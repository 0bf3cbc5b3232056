/**
 * Classifying many records, with a choice of what a bad record does: stop the batch (`throw`), or
 * be left out (`skip`) or reported (`collect`) while every other record is classified, in order.
 *
 * Records are classified in two phases, a chunk of records at a time: the first classifies each
 * record and may leave a part of its result to the second, which completes the chunk's results
 * one after another. A step done for many records in a row finds its code and data still in the
 * caches, where done between two records' classifications it found them evicted (see
 * `TwoPhases`). Results and failures come out exactly as classifying record by record gives them.
 */
import { RecordError } from '../errors.js';
import type { ClassifyFailure, OnError, PaperInput } from './types.js';

/** A way of classifying records whose results may be completed later, a chunk at a time. */
export interface TwoPhases<T> {
  /** Phase one: the record's result, maybe still incomplete. */
  first(record: PaperInput): T;
  /** Whether the results left incomplete so far are enough to complete now (bounded memory). */
  due(): boolean;
  /**
   * Phase two: completes, in order, every result phase one left incomplete since the last call;
   * `failed` gets each result that could not be completed, with the error.
   */
  complete(failed: (result: T, error: unknown) => void): void;
}

/** One record's outcome: its result, or why it has none. */
export interface Outcome<T> {
  /** Position of the record in the input, from 0. */
  index: number;
  record: PaperInput;
  /** Undefined when `failed`. */
  result: T | undefined;
  failed: boolean;
  error: unknown;
}

/** Records of a chunk at most, whatever phase one left: a chunk's records are held until it is done. */
const MAX_CHUNK = 256;

/**
 * Hands every record's outcome to `each`, in input order. `stop`: a failure ends the run (the
 * records after it are not read), as classifying one record at a time and throwing would.
 */
export function classifyEach<T>(records: Iterable<PaperInput>, phases: TwoPhases<T>, stop: boolean, each: (outcome: Outcome<T>) => void): void {
  const chunk: Array<Outcome<T>> = [];
  const done = () => {
    phases.complete((result, error) => {
      const outcome = chunk.find((o) => o.result === result)!;
      outcome.failed = true;
      outcome.error = error;
      outcome.result = undefined;
    });
    // Emptied first: `each` may throw, and the chunk must not be handed out twice.
    const outcomes = chunk.splice(0);
    for (const outcome of outcomes) each(outcome);
  };
  let index = 0;
  try {
    for (const record of records) {
      const outcome: Outcome<T> = { index: index++, record, result: undefined, failed: false, error: undefined };
      try {
        outcome.result = phases.first(record);
      } catch (error) {
        outcome.failed = true;
        outcome.error = error;
      }
      chunk.push(outcome);
      if ((outcome.failed && stop) || chunk.length >= MAX_CHUNK || phases.due()) done();
      if (outcome.failed && stop) return;
    }
  } catch (error) {
    // The input itself failed (its iterator threw), or `each` did: the records before it are
    // still done first, as one at a time they were done before it was read.
    if (chunk.length > 0) done();
    throw error;
  }
  done();
}

/** Results in input order, and the failures when the policy is not `throw`. */
export function classifyAll<T>(records: Iterable<PaperInput>, onError: OnError, phases: TwoPhases<T>): { results: T[]; failures: ClassifyFailure[] } {
  const results: T[] = [];
  const failures: ClassifyFailure[] = [];
  classifyEach(records, phases, onError === 'throw', ({ index, record, result, failed, error }) => {
    if (!failed) results.push(result as T);
    else if (onError === 'throw') throw error;
    else failures.push(failureOf(index, record, error));
  });
  return { results, failures };
}

/** Phases for a classification done whole in phase one. */
export function onePhase<T>(classify: (record: PaperInput) => T): TwoPhases<T> {
  return { first: classify, due: () => true, complete: () => {} };
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
