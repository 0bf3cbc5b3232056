/**
 * The unit of work of the library's classification pool (`classifyStream`), and how it is done
 * (in a worker or inline): a record in, its classification or the reason it has none out.
 */
import type { Classifier } from '../classification/classifier.js';
import type { Classification, PaperInput } from '../classification/types.js';
import { RecordError } from '../errors.js';

/** A record to classify, with only the fields the classifier reads (see `recordJob`). */
export type Job = PaperInput;

/** Why one record could not be classified (a `RecordError`, as plain data that crosses threads). */
export interface RecordFailure {
  message: string;
  recordId?: string;
  field?: string;
}

/** What one job gave. */
export interface Outcome {
  classification?: Classification;
  failure?: RecordFailure;
}

/** Does a batch of jobs; a `RecordError` becomes that record's failure, anything else is a bug and throws. */
export function runJobs(classifier: Classifier, jobs: readonly Job[]): Outcome[] {
  return jobs.map((record) => classifyOne(classifier, record));
}

/** Classifies one record; a `RecordError` is returned as its failure, anything else is a bug and throws. */
export function classifyOne(classifier: Classifier, record: PaperInput): Outcome {
  try {
    return { classification: classifier.classify(record) };
  } catch (error) {
    if (!(error instanceof RecordError)) throw error;
    const failure: RecordFailure = { message: error.message };
    if (error.recordId !== undefined) failure.recordId = error.recordId;
    if (error.field !== undefined) failure.field = error.field;
    return { failure };
  }
}

/** The job to send for a record: only the fields the classifier reads, so less to copy and nothing uncloneable. */
export function recordJob(record: PaperInput): Job {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return record;
  // The metadata the names layer reads for the paper's arXiv id too; one shape for every job.
  return { id: record.id, title: record.title, abstract: record.abstract, arxivId: record.arxivId, url: record.url, source: record.source };
}
