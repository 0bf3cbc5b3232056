/**
 * Measures our BibTeX reader against a reference parser (`@retorquere/bibtex-parser`, the
 * parser behind Better BibTeX's imports) on a directory of real `.bib` files, such as that
 * parser's own test fixtures. The reference is not a dependency of this repository: install it
 * anywhere (`npm install @retorquere/bibtex-parser` in a scratch directory) and pass that
 * directory.
 *
 * Usage: tsx scripts/compare-bibtex.ts FIXTURES_DIR REFERENCE_DIR [--show N] [--rounds N] [--baseline DIR]
 *
 * Reports:
 * - files read;
 * - entries the reference finds vs entries our parser reads, and the reference's entries we
 *   lose (matched by citation key, in order);
 * - the share of titles we decode as the reference does, after taking away what only one side
 *   has by design: HTML markup and case protection (ours is plain text), a backslash the
 *   reference leaves on a command it does not know (we keep the name without it), the
 *   invisible line-break hints it writes for `\-` and `\slash` (soft hyphen, zero-width space:
 *   we drop them so words still match), math-italic letters (it writes `$\mu$` as 𝜇, we as μ),
 *   whitespace and Unicode composition. `--show N` prints N of the titles that differ;
 * - reader speed: our full reader (`readBibtex`: parse, decode, build records) vs the
 *   reference's `parse` over all files, best of `--rounds` runs each (default 3; 0 skips it),
 *   as a ratio. `--baseline DIR` also times the reader of another checkout of this repository
 *   (e.g. `git archive main src | tar -x -C DIR`) in the same run, so before/after ratios are
 *   measured under the same load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseBibtex } from '../src/records/bibtex-parse.js';
import { readBibtex } from '../src/records/bibtex.js';
import { latexToText } from '../src/records/latex.js';
import { collapseWhitespace } from '../src/records/text.js';

interface ReferenceEntry {
  key: string;
  fields: Record<string, unknown>;
}
interface ReferenceParser {
  parse(input: string, options?: Record<string, unknown>): { entries: ReferenceEntry[] };
}

/** Plain-text titles from the reference: no sentence casing, no case-protection markup. */
const REFERENCE_OPTIONS = { caseProtection: false, sentenceCase: false };
const BIB_FILE = /\.(?:bib|bibtex|biblatex)$/i;

interface Options {
  fixtures: string;
  reference: string;
  show: number;
  rounds: number;
  baseline?: string;
}

function parseArguments(argv: string[]): Options {
  const positional: string[] = [];
  const options: { show: number; rounds: number; baseline?: string } = { show: 0, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--show' || arg === '--rounds') options[arg === '--show' ? 'show' : 'rounds'] = Number(argv[++i]);
    else if (arg === '--baseline') options.baseline = resolve(argv[++i] ?? '.');
    else positional.push(arg);
  }
  const [fixtures, reference] = positional;
  if (!fixtures || !reference) {
    console.error('usage: tsx scripts/compare-bibtex.ts FIXTURES_DIR REFERENCE_DIR [--show N] [--rounds N]');
    process.exit(2);
  }
  return { fixtures: resolve(fixtures), reference: resolve(reference), ...options };
}

/** The reference package, from its own directory or from a project that has it installed. */
async function loadReference(location: string): Promise<ReferenceParser> {
  const require = createRequire(join(location, 'package.json'));
  let entry: string;
  try {
    entry = require.resolve('@retorquere/bibtex-parser');
  } catch {
    entry = require.resolve(location);
  }
  const esm = entry.replace(/[\\/]dist[\\/]cjs[\\/]/, '/dist/esm/');
  return (await import(pathToFileURL(esm).href)) as ReferenceParser;
}

function bibFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...bibFiles(path));
    else if (BIB_FILE.test(name)) found.push(path);
  }
  return found;
}

/** What neither side disagrees about in substance: markup, case protection, spacing, composition. */
function comparable(title: string, side: 'reference' | 'ours'): string {
  let text = title;
  if (side === 'reference') {
    text = text
      .replace(/<\/?(?:i|b|sup|sub|span|a|nc)(?:\s[^>]*)?>/g, '')
      .replace(/\\ /g, ' ')
      .replace(/\\([A-Za-z]+)/g, '$1')
      .replace(/[\u{1d400}-\u{1d7ff}]/gu, (c) => c.normalize('NFKC'));
  }
  return collapseWhitespace(text.replace(/[\u00ad\u200b]/g, '').normalize('NFC'));
}

interface FileReport {
  path: string;
  referenceEntries: number;
  ourEntries: number;
  lost: string[];
  titles: number;
  sameTitles: number;
  differences: { key: string; reference: string; ours: string }[];
  referenceFailed?: string;
}

function compareFile(path: string, text: string, reference: ReferenceParser): FileReport {
  const ours = parseBibtex(text).filter((entry) => !entry.problem);
  const report: FileReport = { path, referenceEntries: 0, ourEntries: ours.length, lost: [], titles: 0, sameTitles: 0, differences: [] };
  let theirs: ReferenceEntry[];
  try {
    theirs = reference.parse(text, REFERENCE_OPTIONS).entries;
  } catch (error) {
    report.referenceFailed = error instanceof Error ? error.message : String(error);
    return report;
  }
  report.referenceEntries = theirs.length;
  const unused = new Map<string, typeof ours>();
  for (const entry of ours) unused.set(entry.key, [...(unused.get(entry.key) ?? []), entry]);
  for (const entry of theirs) {
    const key = entry.key.replace(/^"(.*)"$/, '$1');
    const match = unused.get(key)?.shift();
    if (!match) {
      report.lost.push(entry.key);
      continue;
    }
    const theirTitle = entry.fields.title;
    const ourTitle = match.fields.get('title');
    if (typeof theirTitle !== 'string' || ourTitle === undefined) continue;
    report.titles++;
    const a = comparable(theirTitle, 'reference');
    const b = comparable(latexToText(ourTitle), 'ours');
    if (a === b) report.sameTitles++;
    else report.differences.push({ key: entry.key, reference: a, ours: b });
  }
  return report;
}

/** Best CPU time of each reader over all texts, in milliseconds, with rounds interleaving the readers. */
function bestTimes(rounds: number, readers: Record<string, (text: string) => unknown>, texts: string[]): Record<string, number> {
  const best: Record<string, number> = {};
  for (let i = 0; i < rounds; i++) {
    for (const [name, read] of Object.entries(readers)) {
      // CPU time, not wall time: on a shared machine, waiting for a core is not the reader's cost.
      const start = process.cpuUsage();
      for (const text of texts) read(text);
      const used = process.cpuUsage(start);
      best[name] = Math.min(best[name] ?? Number.POSITIVE_INFINITY, (used.user + used.system) / 1000);
    }
  }
  return best;
}

/**
 * What the full reader makes of the entries: records, and issues grouped by kind. Entries with
 * neither title nor abstract cannot be tagged, so they are issues by design.
 */
function reportRecords(texts: string[]): void {
  let records = 0;
  const kinds = new Map<string, number>();
  for (const text of texts) {
    const result = readBibtex(text);
    records += result.records.length;
    for (const issue of result.issues) {
      const kind = issue.message.replace(/'[^']*'/g, "'…'").replace(/\d+/g, 'N');
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
  }
  const issues = [...kinds].sort((a, b) => b[1] - a[1]);
  console.log(`records from our full reader: ${records}; issues: ${issues.reduce((n, [, count]) => n + count, 0)}`);
  for (const [kind, count] of issues.slice(0, 8)) console.log(`  ${count} × ${kind}`);
}

const percent = (part: number, whole: number): string => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(2)}%`);

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const reference = await loadReference(options.reference);
  const files = bibFiles(options.fixtures).map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const reports = files.map((file) => compareFile(relative(options.fixtures, file.path), file.text, reference));
  const sum = (pick: (r: FileReport) => number) => reports.reduce((total, r) => total + pick(r), 0);

  const failedReference = reports.filter((r) => r.referenceFailed);
  const lossy = reports.filter((r) => r.lost.length > 0);
  const titles = sum((r) => r.titles);
  const same = sum((r) => r.sameTitles);
  console.log(`files read: ${files.length} (${failedReference.length} the reference could not parse)`);
  console.log(`entries: reference ${sum((r) => r.referenceEntries)}, ours ${sum((r) => r.ourEntries)}`);
  console.log(`entries the reference finds that we lose: ${sum((r) => r.lost.length)} in ${lossy.length} files`);
  for (const r of lossy.slice(0, 20)) console.log(`  ${r.path}: ${r.lost.slice(0, 5).join(', ')}${r.lost.length > 5 ? ', …' : ''}`);
  console.log(`titles decoded as the reference does: ${same}/${titles} (${percent(same, titles)})`);
  reportRecords(files.map((f) => f.text));
  const differences = reports.flatMap((r) => r.differences.map((d) => ({ path: r.path, ...d })));
  for (const d of differences.slice(0, options.show)) {
    console.log(`  ${d.path} [${d.key}]\n    reference: ${d.reference}\n    ours:      ${d.ours}`);
  }

  if (options.rounds < 1) return;
  const texts = files.map((f) => f.text);
  const readers: Record<string, (text: string) => unknown> = { ours: readBibtex };
  if (options.baseline) {
    const baseline = (await import(pathToFileURL(join(options.baseline, 'src/records/bibtex.ts')).href)) as { readBibtex: typeof readBibtex };
    readers.baseline = baseline.readBibtex;
  }
  readers.reference = (text) => {
    try {
      return reference.parse(text, REFERENCE_OPTIONS);
    } catch {
      return undefined; // Counted above; a failing file still costs its time.
    }
  };
  // Rounds interleave the readers, so a burst of load elsewhere on the machine hits all of them.
  const best = bestTimes(options.rounds, readers, texts);
  const ours = best.ours ?? Number.NaN;
  const referenceMs = best.reference ?? Number.NaN;
  console.log(`speed (CPU time): ours ${ours.toFixed(0)} ms, reference ${referenceMs.toFixed(0)} ms, ratio ${(referenceMs / ours).toFixed(1)}x (best of ${options.rounds})`);
  const baselineMs = best.baseline;
  if (baselineMs !== undefined) {
    console.log(`baseline ${options.baseline}: ${baselineMs.toFixed(0)} ms, ratio ${(referenceMs / baselineMs).toFixed(1)}x; ours takes ${(ours / baselineMs).toFixed(2)}x its time`);
  }
}

await main();
