/** Report tests' inputs: real abstracts classified in process, as `finetax report` would. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../../src/classification/classifier.js';
import type { PaperRecord } from '../../src/records/index.js';
import type { ReportEntry } from '../../src/report/index.js';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';

/** The 60-record sample with dates, a few year-only and undated records, and DOI or URL links. */
export const datedFixture = fileURLToPath(new URL('../fixtures/report/dated-papers.jsonl', import.meta.url));

export function readRecords(path: string): PaperRecord[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => ({ source: 'jsonl', ...(JSON.parse(line) as Omit<PaperRecord, 'source'>) }));
}

// Classified as `finetax report` classifies: with named methods and their roles.
const classifier = createClassifier({ taxonomy: defaultTaxonomy });

/** The same results as saved before named methods existed: no `names`, no `proposed`. */
export function withoutNames(entries: readonly ReportEntry[]): ReportEntry[] {
  return entries.map(({ record, classification: { names: _names, proposed: _proposed, ...classification } }) => ({ record, classification }));
}

export function entriesOf(records: readonly PaperRecord[]): ReportEntry[] {
  return records.map((record) => ({ record, classification: classifier.classify(record) }));
}

export const taxonomy = defaultTaxonomy;
