/**
 * The pipeline shared by classify, filter and stats: inputs → batches → classifier (this thread
 * or workers) → tagged records in input order. Issues are reported on stderr in their place in
 * the input and counted; nothing is dropped without a line saying so.
 */
import type { Classification, ClassifyOptions } from '../classification/types.js';
import { recordJob, type Job, type Outcome, type RecordFailure } from '../node/jobs.js';
import { createBatchClassifier } from '../node/pool.js';
import { batches, mapInOrder } from '../node/stream.js';
import { formatIssue, type InputFormat, type PaperRecord } from '../records/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { Context } from './context.js';
import { readInputs, type InputItem } from './input.js';
import { Reporter } from './io.js';

export interface Tagged {
  record: PaperRecord;
  classification: Classification;
}

export interface Counts {
  /** Entries seen: tagged + rejected. */
  read: number;
  /** Records classified (whether or not they got a tag). */
  tagged: number;
  /** Entries that could not be read as a record, or not classified. */
  rejected: number;
  /** Tagged records with at least one tag of the taxonomy's first facet (method, by default). */
  withFirstFacet: number;
  /** Whole inputs that could not be read as their format. */
  unreadable: number;
}

export interface TaggingSetup {
  inputs: readonly string[];
  from: InputFormat | undefined;
  taxonomy: Taxonomy;
  options: ClassifyOptions;
  jobs: number;
  quiet: boolean;
}

/** Inputs past this many records show a progress line (on a terminal). */
const PROGRESS_AFTER = 5_000;

/** Tags every input record and hands each result to `consume`, in input order. */
export async function tagInputs(ctx: Context, setup: TaggingSetup, consume: (entry: Tagged) => Promise<void> | void): Promise<Counts> {
  const counts: Counts = { read: 0, tagged: 0, rejected: 0, withFirstFacet: 0, unreadable: 0 };
  const reporter = new Reporter(ctx.stderr, { quiet: setup.quiet, progressAfter: ctx.stderr.isTTY ? PROGRESS_AFTER : undefined });
  const classifier = createBatchClassifier({ taxonomy: setup.taxonomy, jobs: setup.jobs, options: setup.options });
  const firstFacet = setup.taxonomy.facets[0]?.id;
  const classifyBatch = async (batch: InputItem[]) => {
    const jobs = batch.flatMap((item): Job[] => (item.kind === 'line' ? [item] : item.kind === 'record' ? [recordJob(item.record)] : []));
    return { batch, outcomes: jobs.length > 0 ? await classifier.run(jobs) : [] };
  };
  try {
    const items = readInputs(setup.inputs, { from: setup.from, stdin: ctx.stdin });
    for await (const { batch, outcomes } of mapInOrder(batches(items, classifier.batchSize), classifyBatch, classifier.inFlight)) {
      let next = 0;
      for (const item of batch) {
        const outcome = item.kind === 'line' || item.kind === 'record' ? outcomes[next++] : undefined;
        const tagged = account(item, outcome ?? {}, counts, reporter);
        if (!tagged) continue;
        if (tagged.classification.tags.some((t) => t.facet === firstFacet)) counts.withFirstFacet++;
        reporter.progress(counts.read);
        await consume(tagged);
      }
    }
  } finally {
    reporter.done();
    await classifier.close();
  }
  return counts;
}

/** Counts one item and reports it when it is not a tagged record. */
function account(item: InputItem, outcome: Outcome, counts: Counts, reporter: Reporter): Tagged | undefined {
  if (item.kind === 'unreadable') {
    counts.unreadable++;
    reporter.line(item.message);
    return undefined;
  }
  const issue = item.kind === 'issue' ? item.issue : outcome.issue;
  const record = item.kind === 'record' ? item.record : outcome.record;
  if (!issue && !record) return undefined; // a blank line
  counts.read++;
  if (issue) {
    counts.rejected++;
    reporter.line(formatIssue(issue));
    return undefined;
  }
  if (!outcome.classification) {
    counts.rejected++;
    reporter.line(failureLine(item, outcome.failure ?? { message: 'not classified' }));
    return undefined;
  }
  counts.tagged++;
  return { record: record!, classification: outcome.classification };
}

/** A record that parsed but could not be classified, located like a read issue. */
function failureLine(item: InputItem, failure: RecordFailure): string {
  if (item.kind === 'line') return formatIssue({ source: item.source, line: item.line, message: failure.message });
  return item.kind === 'record' ? `${item.source}: ${failure.message}` : failure.message;
}

/** `6 read, 4 tagged, 2 rejected; 3 with a method tag`, plus any extra clauses. */
export function summaryLine(counts: Counts, taxonomy: Taxonomy, extra: readonly string[] = []): string {
  const facet = taxonomy.facets[0]?.id ?? 'facet';
  const parts = [`${counts.read} read, ${counts.tagged} tagged, ${counts.rejected} rejected`, `${counts.withFirstFacet} with a ${facet} tag`, ...extra];
  if (counts.unreadable > 0) parts.push(`${counts.unreadable} input${counts.unreadable === 1 ? '' : 's'} unreadable`);
  return parts.join('; ');
}

/** 1 when an input was unreadable, or a record was rejected under --strict. */
export function exitCodeOf(counts: Counts, strict: boolean): number {
  return counts.unreadable > 0 || (strict && counts.rejected > 0) ? 1 : 0;
}
