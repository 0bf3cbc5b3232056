/**
 * `finetax/node`: the parts that need Node.js (files, streams, worker threads).
 */
export { loadTaxonomy } from './taxonomy.js';
export { classifyStream, readLines, type ClassifyStreamOptions, type StreamEntry } from './stream.js';
export type { RecordFailure } from './jobs.js';
export { readRecordsFile, streamRecords, type RecordSource } from './read.js';
