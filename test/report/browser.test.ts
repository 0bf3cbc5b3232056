/**
 * The HTML report in a real browser: Debian's headless Chromium, driven by playwright-core. One
 * browser for the file. Without chromium the tests are skipped with a message saying how to get it
 * (CI installs it: see .ci/run). The screenshot goes to test-artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finetax, root } from '../cli/helpers.js';
import { datedFixture, entriesOf, readRecords } from './helpers.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
if (!available) console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` (Debian) or set CHROMIUM_PATH.`);

/** Flags for a quiet, offline, throwaway browser. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!available)('HTML report in Chromium', () => {
  const work = mkdtempSync(join(tmpdir(), 'finetax-report-'));
  const report = join(work, 'report.html');
  const artifacts = join(root, 'test-artifacts');
  const entries = entriesOf(readRecords(datedFixture));
  let browser: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const requests: string[] = [];

  beforeAll(async () => {
    const run = finetax(['report', datedFixture, '-o', report, '--title', 'Browser test report']);
    expect(run.code, run.stderr).toBe(0);
    // A persistent context on a fresh profile directory: nothing from another run leaks in.
    browser = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM, args: FLAGS, viewport: { width: 1280, height: 900 } });
    page = browser.pages()[0] ?? (await browser.newPage());
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      if (request.url() !== pathToFileURL(report).href) requests.push(request.url());
    });
    await page.goto(pathToFileURL(report).href);
    await page.waitForSelector('html[data-ready="true"]');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('loads without console errors and without a single request', () => {
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('shows the charts as SVG with their bars, cells and lines', async () => {
    for (const id of ['chart-method', 'chart-type', 'chart-modality']) expect(await page.locator(`#${id} svg rect`).count()).toBeGreaterThan(3);
    expect(await page.locator('#chart-trend svg rect').count()).toBeGreaterThan(3);
    expect(await page.locator('#chart-cooccurrence svg rect').count()).toBeGreaterThan(0);
  });

  it('lists every paper, 50 to a page', async () => {
    expect(await page.locator('#paper-status').textContent()).toBe('Papers 1–50 of 60');
    expect(await page.locator('#paper-rows tr').count()).toBe(50);
  });

  it('filtering by a family shows exactly the papers carrying that family', async () => {
    const expected = entries.filter((e) => e.classification.tags.some((t) => t.id === 'robustness')).map((e) => e.record.id);
    await page.selectOption('#filter-method', { label: 'Robustness and out-of-distribution generalization (6)' });
    const shown = await page.locator('#paper-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(shown.sort()).toEqual(expected.sort());
    expect(expected).toHaveLength(6);
  });

  it('a family includes its subfamilies: PEFT shows the LoRA paper', async () => {
    await page.selectOption('#filter-method', { label: '\u2003LoRA and low-rank adaptation (1)' });
    expect(await page.locator('#paper-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(['2305.14314']);
    await page.selectOption('#filter-method', { label: 'Parameter-efficient fine-tuning (2)' });
    const peft = await page.locator('#paper-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    expect(peft.sort()).toEqual(['2305.14314', 'ml24-0030']);
  });

  it('opens a row with the keyboard and shows the evidence highlighted, with scores and reasons', async () => {
    await page.locator('#paper-rows tr').first().focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('#paper-detail');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(true);
    expect(await dialog.locator('#detail-title').textContent()).toContain('QLoRA: Efficient Finetuning');
    const marks = await dialog.locator('.abstract mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['lora']));
    const tags = dialog.locator('table.tags tbody tr');
    expect(await tags.count()).toBeGreaterThanOrEqual(3);
    expect(await tags.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/LoRA and low-rank adaptation.*0\.\d{3}.*“?LoRA/)]));
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'report-detail.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('searches title and abstract text and sorts by date, newest first', async () => {
    await page.selectOption('#filter-method', '-1');
    await page.fill('#paper-search', 'adversarial');
    await expect.poll(() => page.locator('#paper-status').textContent()).toMatch(/of \d+ \(of 60\)$/);
    const ids = await page.locator('#paper-rows tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')));
    const matching = entries.filter((e) => `${e.record.title} ${e.record.abstract}`.toLowerCase().includes('adversarial')).map((e) => e.record.id);
    expect(ids.sort()).toEqual(matching.sort());
    await page.fill('#paper-search', '');
    await page.selectOption('#paper-sort', 'date');
    await expect.poll(() => page.locator('#paper-status').textContent()).toBe('Papers 1–50 of 60');
    const dates = await page.locator('#paper-rows td.date').allTextContents();
    const dated = dates.filter((d) => d !== '—');
    expect(dated).toEqual([...dated].sort().reverse());
  });

  it('writes a full-page screenshot as a test artefact', async () => {
    mkdirSync(artifacts, { recursive: true });
    const path = join(artifacts, 'report.png');
    await page.screenshot({ path, fullPage: true });
    expect(existsSync(path)).toBe(true);
  });
});
