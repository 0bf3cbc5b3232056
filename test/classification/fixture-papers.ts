import { readFileSync } from 'node:fs';

/** The records of a JSON Lines file in test/fixtures/papers/, one paper a line, typed as the caller's fixture says. */
export function fixturePapers<T>(file: string): T[] {
  return readFileSync(new URL(`../fixtures/papers/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}

/** What every real-paper fixture line holds: where it was read, its text, and the method families a reader gives it. */
export interface FixturePaper {
  id: string;
  source: string;
  title: string;
  abstract: string;
  method: string[];
}

/** How a known miss reads: what finetax prints, then the cause to fix ("finetax: [peft, peft.lora]. QLoRA, named once …"). */
export const KNOWN_MISS = /^finetax: \[.*\]\. \S/;

/** The papers finetax gets right and those a `known_miss` says it still gets wrong, each in file order. */
export function byKnownMiss<T extends { known_miss?: string }>(papers: readonly T[]): { right: T[]; missed: T[] } {
  return { right: papers.filter((p) => p.known_miss === undefined), missed: papers.filter((p) => p.known_miss !== undefined) };
}
