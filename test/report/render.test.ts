/** The HTML page as text (self-contained, safely embedded data, charts) and the Markdown digest. */
import { describe, expect, it } from 'vitest';
import { jsonParts, linkOf } from '../../src/report/data.js';
import { renderReport } from '../../src/report/index.js';
import { escapeMarkdown, slug } from '../../src/report/markdown.js';
import { datedFixture, entriesOf, readRecords, taxonomy, withoutNames } from './helpers.js';

const records = readRecords(datedFixture);
const entries = entriesOf(records);
const source = { inputs: ['dated-papers.jsonl'], rejected: 0 };

/** The JSON of the page's `data-part` elements called `name`, joined and parsed as the page does. */
function partsOf(html: string, name: string): unknown {
  const pattern = new RegExp(`<script type="application/json" data-part="${name}">([^]*?)</script>`, 'g');
  return JSON.parse([...html.matchAll(pattern)].map((m) => m[1]).join(''));
}

const html = await renderReport(entries, taxonomy, source, 'html');
const markdown = await renderReport(entries, taxonomy, source, 'markdown');

describe('HTML report', () => {

  it('is one file that asks for nothing: no external script, style, font, image or frame', () => {
    expect(html).not.toMatch(/<(script|img|iframe|link)[^>]+\b(src|href)=/i);
    expect(html).not.toMatch(/url\(|@import|@font-face/i);
    expect(html).toContain("default-src 'none'");
  });

  it('draws the charts as SVG when it is built', () => {
    for (const id of ['chart-method', 'chart-type', 'chart-modality', 'chart-trend', 'chart-cooccurrence']) {
      expect(html).toMatch(new RegExp(`<figure class="chart" id="${id}">(?:(?!</figure>).)*<svg`, 's'));
    }
    expect(html).toContain('Robustness and out-of-distribution generalization');
  });

  it('says how many records have no date, beside the trend', () => {
    expect(html).toMatch(/\d+ dated records, per month · 6 without a date · 6 with only a year/);
  });

  it('embeds every paper, with the abstracts apart, and the evidence offsets into the text', () => {
    const data = partsOf(html, 'report-data') as { papers: Array<[string, string, string, string, string, unknown[], Array<[number, number, number]>]> };
    const abstracts = partsOf(html, 'report-abstracts') as string[];
    expect(data.papers.map((p) => p[0])).toEqual(records.map((r) => r.id));
    expect(abstracts).toEqual(records.map((r) => r.abstract));
    const lora = data.papers.find((p) => p[0] === '2305.14314')!;
    const spans = lora[6].map(([field, start, end]) => (field === 0 ? lora[1] : abstracts[data.papers.indexOf(lora)]!).slice(start, end));
    expect(spans).toContain('LoRA');
  });

  it('keeps text that could close the script element or break a script inside the JSON', async () => {
    const hostile = { ...records[0]!, id: 'hostile', title: 'Ends </script><script>alert(1)</script> here \u2028 and <!-- there' };
    const page = await renderReport(entriesOf([hostile]), taxonomy, source, 'html');
    const data = partsOf(page, 'report-data') as { papers: Array<[string, string]> };
    expect(data.papers[0]![1]).toBe(hostile.title);
    expect(page).not.toContain('</script><script>alert');
    expect(page).not.toContain('\u2028');
  });

  it('cuts the data into parts of about a megabyte, never inside a surrogate pair', () => {
    const text = `${'a'.repeat((1 << 20) - 2)}😀${'b'.repeat(10)}`;
    const html = jsonParts('x', [text]);
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(partsOf(html, 'x')).toEqual([text]);
  });

  it('has a name leaderboard only when results carry names', async () => {
    expect(await renderReport(withoutNames(entries), taxonomy, source, 'html')).not.toContain('Named methods by role');
    expect(html).toContain('Named methods by role');
    const evidence = [{ field: 'title' as const, start: 0, end: 3, text: 'x', rule: 'x', kind: 'phrase' as const, node: 'peft.lora', weight: 1, cues: [] }];
    const named = entries.map((e) => ({ ...e, classification: { ...e.classification, names: [{ id: 'lora', label: 'LoRA', role: 'uses', score: 1, evidence }], proposed: [] } }));
    const page = await renderReport(named, taxonomy, source, 'html');
    expect(page).toMatch(/<figure class="chart" id="chart-names">(?:(?!<\/figure>).)*<svg/s);
    expect(page).toContain('No paper proposes a new name.');
  });
});

describe('Markdown digest', () => {
  it('has a section per family and subfamily with papers, and a contents list linking them', () => {
    expect(markdown).toContain('## Parameter-efficient fine-tuning');
    expect(markdown).toContain('### LoRA and low-rank adaptation');
    expect(markdown).toContain('- [Robustness and out-of-distribution generalization](#robustness-and-out-of-distribution-generalization) (6)');
    expect(markdown).not.toContain('## Adapters');
  });

  it('lists a paper under its deepest tag, with its date and strongest phrase', () => {
    const lora = markdown.split('### LoRA and low-rank adaptation')[1]!.split('\n#')[0]!;
    expect(lora.trim()).toBe('- [QLoRA: Efficient Finetuning of Quantized LLMs](https://doi.org/10.48550/arXiv.2305.14314) — 2023-05-23 — “QLoRA”');
    const peft = markdown.split('## Parameter-efficient fine-tuning')[1]!.split('### LoRA')[0]!;
    expect(peft).not.toContain('QLoRA');
  });

  it('links titles to the DOI or URL, strongest tags first', () => {
    const robustness = markdown.split('## Robustness and out-of-distribution generalization')[1]!.split('\n## ')[0]!;
    const lines = robustness.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.some((l) => /^- \[[^\]]+\]\(https:\/\/doi\.org\/10\.1000\/sample\.\d+\) — /.test(l))).toBe(true);
    expect(lines.some((l) => /^- \[[^\]]+\]\(https:\/\/example\.org\/papers\/ml24-\d+\) — /.test(l))).toBe(true);
  });

  it('counts the records it leaves out', () => {
    expect(markdown).toMatch(/49 of 60 records have no method tag and are not listed\./);
  });
});

describe('digest helpers', () => {
  it('links arXiv first, then DOI, then http(s) URLs only', () => {
    const base = { id: 'x', title: '', abstract: '', source: 't' };
    expect(linkOf({ ...base, arxivId: '2106.09685', doi: '10.1/x' })).toBe('https://arxiv.org/abs/2106.09685');
    expect(linkOf({ ...base, doi: '10.1/x' })).toBe('https://doi.org/10.1/x');
    expect(linkOf({ ...base, url: 'javascript:alert(1)' })).toBe('');
  });

  it('escapes Markdown syntax in titles and makes GitHub anchors', () => {
    expect(escapeMarkdown('[x]_*y*_ <b>')).toBe('\\[x\\]\\_\\*y\\*\\_ \\<b\\>');
    expect(slug('Robustness and out-of-distribution generalization')).toBe('robustness-and-out-of-distribution-generalization');
    expect(slug('Vision-language')).toBe('vision-language');
  });
});
