/**
 * The unit of work of the classification pool, and how it is done (in a worker or inline). A job
 * is a record, or a raw JSON Lines line: parsing a line costs about a third of classifying it, so
 * with several workers the lines are parsed there too, leaving the main thread only to split lines
 * and write results.
 */
import type { Classifier } from '../classification/classifier.js';
import type { Classification, ClassifyOptions, PaperInput } from '../classification/types.js';
import { RecordError } from '../errors.js';
import { parseJsonLine, type PaperRecord, type ReadIssue } from '../records/index.js';
import type { Taxonomy } from '../taxonomy/types.js';

/** A JSON Lines line to parse (as `parseJsonLine` does) and classify. */
export interface LineJob {
  kind: 'line';
  text: string;
  line: number;
  /** File name for issues and `record.source`. */
  source: string;
}

export interface RecordJob {
  kind: 'record';
  record: PaperInput;
}

export type Job = LineJob | RecordJob;

/** Why one record could not be classified (a `RecordError`, as plain data that crosses threads). */
export interface RecordFailure {
  message: string;
  recordId?: string;
  field?: string;
}

/** What one job gave. A blank line gives `{}`. */
export interface Outcome {
  /** Line jobs: the record the line holds. */
  record?: PaperRecord;
  /** Line jobs: why the line is not a record. */
  issue?: ReadIssue;
  classification?: Classification;
  failure?: RecordFailure;
}

/** What a worker is started with. */
export interface WorkerInit {
  taxonomy: Taxonomy;
  options: ClassifyOptions;
}

/** Messages between the pool and a worker. */
export interface WorkerRequest {
  id: number;
  jobs: readonly Job[];
}
export type WorkerResponse = { id: number; outcomes: Outcome[]; error?: undefined } | { id: number; outcomes?: undefined; error: string };

/** Does a batch of jobs; a `RecordError` becomes that record's failure, anything else is a bug and throws. */
export function runJobs(classifier: Classifier, jobs: readonly Job[]): Outcome[] {
  return jobs.map((job): Outcome => {
    if (job.kind === 'record') return classifyOne(classifier, job.record);
    const { record, issue } = parseJsonLine(job.text, job.line, job.source);
    if (issue) return { issue };
    return record ? { record, ...classifyOne(classifier, record) } : {};
  });
}

function classifyOne(classifier: Classifier, record: PaperInput): Outcome {
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
export function recordJob(record: PaperInput): RecordJob {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return { kind: 'record', record };
  return { kind: 'record', record: { id: record.id, title: record.title, abstract: record.abstract } };
}
