/**
 * Makes the README's report screenshot: `npx tsx scripts/report-screenshot.ts`. Builds the report
 * of the bundled 60-record sample with the built CLI, opens it in headless Chromium (light scheme,
 * 1280 px wide) and writes the top of the page to docs/images/report-sample.png.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'finetax-screenshot-'));
try {
  const html = join(work, 'report.html');
  const run = spawnSync(process.execPath, ['dist/cli.js', 'report', 'examples/data/sample-papers.jsonl', '-o', html, '-q'], { cwd: root, stdio: 'inherit', env: { ...process.env, SOURCE_DATE_EPOCH: '1780000000' } });
  if (run.status !== 0) throw new Error('finetax report failed');
  const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 1080 },
    colorScheme: 'light',
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(pathToFileURL(html).href);
  await page.waitForSelector('html[data-ready="true"]');
  await page.screenshot({ path: join(root, 'docs/images/report-sample.png') });
  await browser.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
