/** Test helpers for the record readers. */
import { readFileSync } from 'node:fs';
import { formatIssue, type ReadResult } from '../../src/records/index.js';

/** The text of a fixture in `test/fixtures/records/`. */
export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/records/${name}`, import.meta.url), 'utf8');
}

/** Issues as the CLI prints them, which is what a user sees. */
export function issueLines(result: ReadResult): string[] {
  return result.issues.map(formatIssue);
}

/** Ids in output order. */
export function ids(result: ReadResult): string[] {
  return result.records.map((r) => r.id);
}
