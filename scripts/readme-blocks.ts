/**
 * Extracts fenced code blocks from Markdown, and the commands of shell blocks, so the README's
 * examples can be run by the test suite (test/hardening/readme.test.ts) as a reader would run them.
 *
 * Usage: tsx scripts/readme-blocks.ts [README.md]   (lists the blocks found, for debugging)
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CodeBlock {
  /** First word of the info string, lowercased (`ts`, `sh`, ...); '' when there is none. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence. */
  line: number;
}

export interface ShellCommand {
  command: string;
  /** 1-based line in the Markdown file where the command starts. */
  line: number;
  /** Exit status the README says to expect (`# exits 2`), else 0. */
  status: number;
}

/** Fenced blocks (``` or ~~~, up to 3 spaces of indentation; a longer fence may enclose a shorter one). */
export function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const lines = markdown.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^`\s]*)/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open as unknown as [string, string, string, string];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(lines[j]!)) break;
      body.push(lines[j]!.startsWith(indent) ? lines[j]!.slice(indent.length) : lines[j]!);
    }
    blocks.push({ lang: info.toLowerCase(), code: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}

/** Cuts a trailing `# comment` that is not inside quotes. */
function splitComment(line: string): [string, string] {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return [line.slice(0, i).trimEnd(), line.slice(i + 1).trim()];
  }
  return [line.trimEnd(), ''];
}

/** The commands of a shell block: continuations joined, `$ ` prompts and comments removed. */
export function shellCommands(block: CodeBlock): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const lines = block.code.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let text = lines[i]!;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    const [command, comment] = splitComment(text.replace(/^\s*\$\s+/, ''));
    if (command.trim() === '') continue;
    const status = /\bexits?(?: with(?: code| status)?)? (\d+)\b/.exec(comment)?.[1];
    commands.push({ command: command.trim(), line: block.line + 1 + start, status: status === undefined ? 0 : Number(status) });
  }
  return commands;
}

/** True when the command runs the `finetax` CLI (directly, via npx, or after a pipe or `&&`). */
export function runsFinetax(command: string): boolean {
  return /(^|[|;&(]\s*|\bnpx\s+)finetax\b/.test(command);
}

/** Installing or cloning: not something a test should do. */
export function isInstallCommand(command: string): boolean {
  return /\b(npm (install|i|ci|add)|yarn (add|install)|pnpm (add|install|i)|git clone)\b/.test(command);
}

/**
 * The arguments of a plain `finetax ARGS` command (optionally `> /dev/null`), which runs in-process
 * through the CLI's main: the same code as dist/cli.js, without a Node start per command (the built
 * bin is spawned by test/cli: help, jobs, hostile). Anything else (quotes, pipes, other
 * redirections, variables) is undefined: bash runs it against dist/cli.js in the sandbox. A
 * relative `-o FILE` / `--output FILE` is the sandbox's FILE, as it would be in the sandbox's shell.
 */
export function inProcessArgs(command: string, cwd: string): string[] | undefined {
  const match = /^finetax((?:\s+[\w./@:=,+-]+)*)(\s*>\s*\/dev\/null)?\s*$/.exec(command);
  if (!match) return undefined;
  const args = (match[1] ?? '').trim().split(/\s+/).filter((arg) => arg !== '');
  return args.map((arg, i) => (['-o', '--output'].includes(args[i - 1] ?? '') && !isAbsolute(arg) ? join(cwd, arg) : arg.replace(/^--output=(?!\/)/, `--output=${cwd}/`)));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? 'README.md';
  for (const block of codeBlocks(readFileSync(file, 'utf8'))) {
    console.log(`${file}:${block.line} ${block.lang || '(no language)'}`);
    if (block.lang === 'sh' || block.lang === 'bash' || block.lang === 'shell') {
      for (const c of shellCommands(block)) console.log(`  ${c.line}: ${c.command}${runsFinetax(c.command) ? '   [finetax]' : ''}${isInstallCommand(c.command) ? '   [install]' : ''}`);
    }
  }
}
