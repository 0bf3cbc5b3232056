/**
 * `npm run bench:report`: `finetax report` at scale. The 673-record 2024 corpus (../shared) is
 * repeated 100 times with distinct ids (67,300 records); the built CLI makes the HTML report, and
 * headless Chromium opens it. Prints the build time beside `finetax classify` on the same input in
 * the same run (the ratio is what the report adds), the file size, and in the browser: first
 * contentful paint (headline and charts), the table ready to use, and the abstracts read.
 * `--copies N` changes the repetition. Needs ../shared and /usr/bin/chromium (or CHROMIUM_PATH).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpusPath = join(root, '../shared/corpus/arxiv-2024-ml.jsonl');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const copiesArg = process.argv.indexOf('--copies');
const copies = copiesArg > 0 ? Number(process.argv[copiesArg + 1]) : 100;

if (!existsSync(corpusPath)) {
  console.log(`bench:report skipped: ${corpusPath} is missing`);
  process.exit(0);
}

const work = mkdtempSync(join(tmpdir(), 'finetax-bench-report-'));
try {
  const lines = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim() !== '');
  const input = join(work, 'corpus.jsonl');
  const out: string[] = [];
  for (let copy = 0; copy < copies; copy++) {
    for (const line of lines) {
      const record = JSON.parse(line) as { id: string };
      out.push(JSON.stringify({ ...record, id: `${record.id}-${copy}` }));
    }
  }
  writeFileSync(input, `${out.join('\n')}\n`);
  const records = out.length;
  console.log(`input: ${records.toLocaleString('en')} records (${mb(statSync(input).size)}), load average ${loadavg()[0]!.toFixed(1)} on this machine`);

  const cli = join(root, 'dist/cli.js');
  const classify = timed(() => spawnSync(process.execPath, [cli, 'classify', input, '--format', 'jsonl', '--evidence', 'full', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] }));
  const html = join(work, 'report.html');
  const report = timed(() => spawnSync(process.execPath, [cli, 'report', input, '-o', html, '-q'], { stdio: ['ignore', 'inherit', 'inherit'] }));
  console.log(`classify --format jsonl --evidence full: ${seconds(classify)} (baseline)`);
  console.log(`report -o report.html: ${seconds(report)} (${(report / classify).toFixed(2)}x classify; goal <= 60 s)`);
  console.log(`report size: ${mb(statSync(html).size)}`);

  if (!existsSync(chromiumPath)) {
    console.log(`browser figures skipped: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);
  } else {
    const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(pathToFileURL(html).href, { waitUntil: 'commit', timeout: 300_000 });
    await page.waitForSelector('html[data-ready="true"]', { timeout: 300_000 });
    const marks = await page.evaluate(() => ({
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      table: performance.getEntriesByName('report-table')[0]?.startTime ?? Number.NaN,
      ready: performance.getEntriesByName('report-ready')[0]?.startTime ?? Number.NaN,
    }));
    // Responsiveness once loaded: a family filter over every record, then a text search.
    const filter = await page.evaluate(async () => {
      const select = document.querySelector('select[data-facet]') as HTMLSelectElement;
      const start = performance.now();
      select.selectedIndex = 1;
      select.dispatchEvent(new Event('change'));
      return performance.now() - start;
    });
    await browser.close();
    console.log(`Chromium: first contentful paint (headline, charts) ${ms(marks.paint)}; table usable ${ms(marks.table)}; abstracts read ${ms(marks.ready)}`);
    console.log(`Chromium: filtering ${records.toLocaleString('en')} records by a family takes ${ms(filter)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function timed(run: () => { status: number | null }): number {
  const start = performance.now();
  const result = run();
  if (result.status !== 0) throw new Error(`command failed with status ${result.status}`);
  return performance.now() - start;
}

function seconds(msValue: number): string {
  return `${(msValue / 1000).toFixed(1)} s`;
}

function ms(value: number): string {
  return value >= 1000 ? seconds(value) : `${Math.round(value)} ms`;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
