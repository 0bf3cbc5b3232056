/**
 * Console transcripts in Markdown (```console blocks: `$ command` lines, each followed by what it
 * prints), read so a test can run the commands and hold the output shown to what they print
 * (test/hardening/docs-transcripts.test.ts). Long output may be shown as an excerpt: a line holding
 * only `…` stands for lines left out.
 *
 * Usage: tsx scripts/transcripts.ts [docs/cli.md]   (lists the commands of every transcript)
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type CodeBlock, codeBlocks } from './readme-blocks.js';

/** A line holding only this stands for zero or more lines of output left out of a transcript. */
export const OMITTED = '…';

export interface TranscriptStep {
  /** The command after its `$ ` prompt. */
  command: string;
  /** 1-based line of the command in the Markdown file. */
  line: number;
  /** The lines shown under the command, up to the next prompt; trailing blank lines dropped. */
  shown: string[];
}

/** The commands of a console block with the output shown under each. Lines before the first prompt belong to no command. */
export function transcriptSteps(block: CodeBlock): TranscriptStep[] {
  const steps: TranscriptStep[] = [];
  block.code.split('\n').forEach((text, i) => {
    if (text.startsWith('$ ')) steps.push({ command: text.slice(2).trim(), line: block.line + 1 + i, shown: [] });
    else steps.at(-1)?.shown.push(text);
  });
  for (const step of steps) while (step.shown.at(-1)?.trim() === '') step.shown.pop();
  return steps;
}

/**
 * True when the printed lines are the shown lines, each `…` line standing for any run of zero or
 * more printed lines. Every other shown line must equal a printed line exactly, in order, with
 * nothing printed before the first or after the last unless a `…` is there to cover it.
 */
export function matchesExcerpt(shown: readonly string[], printed: readonly string[]): boolean {
  // reachable[j]: the shown lines so far can account for exactly the first j printed lines.
  let reachable = printed.map(() => false).concat(false);
  reachable[0] = true;
  for (const line of shown) {
    const next = reachable.map(() => false);
    for (let j = 0; j <= printed.length; j++) {
      if (line === OMITTED) next[j] = reachable[j]! || (j > 0 && next[j - 1]!);
      else next[j] = j > 0 && reachable[j - 1]! && printed[j - 1] === line;
    }
    reachable = next;
  }
  return reachable[printed.length]!;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? 'docs/cli.md';
  for (const block of codeBlocks(readFileSync(file, 'utf8')).filter((b) => b.lang === 'console')) {
    for (const step of transcriptSteps(block)) console.log(`${file}:${step.line} $ ${step.command}  (${step.shown.length} lines shown)`);
  }
}
