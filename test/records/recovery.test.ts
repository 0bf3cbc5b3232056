/**
 * Issue 10's failure cases, as a user meets them: real records are never lost to a quirk.
 * Damaged feeds yield every complete entry before the damage; a bad field costs only itself.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue, readRecords } from '../../src/index.js';
import { fixture } from './helpers.js';

const feed = fixture('arxiv-api.atom.xml');

describe('lossless records', () => {
  it.each([
    ['year = {in press}', '@article{k, title = {LoRA}, year = {in press}}', 'bibtex', 'year'],
    ['year: "n.d."', '{"id": "k", "title": "LoRA", "year": "n.d."}\n{"id": "j", "title": "DPO"}', 'jsonl', 'year'],
    ['an RFC 2822 date', '{"id": "k", "title": "LoRA", "date": "Thu, 17 Jun 2021 10:00:00 GMT"}\n{"id": "j", "title": "DPO"}', 'jsonl', 'date'],
    ['a malformed DOI', '{"id": "k", "title": "LoRA", "doi": "doi:not-a-doi"}\n{"id": "j", "title": "DPO"}', 'jsonl', 'doi'],
    ['a numeric url', '{"id": "k", "title": "LoRA", "url": 42}\n{"id": "j", "title": "DPO"}', 'jsonl', 'url'],
  ] as const)('%s keeps the record and leaves that field out with a located warning', (_case, text, format, field) => {
    const result = readRecords(text, { format, source: 'in' });
    expect(result.records[0]).toMatchObject({ id: 'k', title: 'LoRA' });
    expect(result.records[0]).not.toHaveProperty(field);
    expect(result.issues).toEqual([expect.objectContaining({ code: 'field/invalid', severity: 'warning', source: 'in', line: 1, recordId: 'k', field })]);
  });
});

describe('damaged Atom feeds', () => {
  it('a download cut off inside an end tag yields every complete entry before it, and says where the damage is', () => {
    const cut = feed.slice(0, feed.lastIndexOf('</summary>') + 8);
    const whole = readRecords(feed, { source: 'feed.xml' });
    const result = readRecords(cut, { source: 'feed.xml' });
    expect(result.records).toEqual(whole.records.slice(0, -1));
    expect(result.issues.map((i) => [i.code, i.severity])).toEqual([
      ['input/truncated', 'error'],
      ['input/truncated', 'error'],
    ]);
    expect(formatIssue(result.issues[1]!)).toMatch(/^feed\.xml:\d+:\d+: not well-formed XML: malformed end tag <\/summar>; every complete entry before this point was read/);
  });

  it('one unclosed <i> in a summary costs nothing: the entry is read, with a warning where the tag is closed for it', () => {
    const result = readRecords(feed.replace('</summary>', '<i>x</summary>'), { source: 'feed.xml' });
    expect(result.records.map((r) => r.id)).toEqual(readRecords(feed).records.map((r) => r.id));
    expect(result.issues.map((i) => [i.code, i.severity, i.message])).toEqual([['entry/syntax', 'warning', '<i> is not closed before </summary>; closed it there']]);
  });
});

describe('CSV quotes', () => {
  it('an unterminated quote costs only its row', () => {
    const result = readRecords('id,title\na,"never closed\nb,LoRA\n', { format: 'csv', source: 'u.csv' });
    expect(result.records.map((r) => r.id)).toEqual(['b']);
    expect(result.issues.map(formatIssue)).toEqual([`u.csv:2: unterminated quoted field (opened at line 2, column 3); expected a closing '"'`]);
  });

  it('a stray quote that swallows the next line names every line it took', () => {
    const result = readRecords('id,title,abstract\na,LoRA,"fine\nb,"QLoRA",quantized\nc,DPO,preferences\n', { format: 'csv', source: 'q.csv' });
    expect(result.records.map((r) => r.id)).toEqual(['c']);
    expect(result.issues.map(formatIssue)).toEqual([
      `q.csv:2: unexpected text 'QLoRA"' after a closing quote; quote the whole field (this row runs over lines 2-3; none of them is read)`,
    ]);
  });
});
