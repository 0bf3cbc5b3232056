/** The numbers behind a report: facet counts, trends with undated records apart, pairs, names. */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/report/index.js';
import { whenOf } from '../../src/report/dates.js';
import type { ReportEntry } from '../../src/report/types.js';
import { datedFixture, entriesOf, readRecords, taxonomy, withoutNames } from './helpers.js';

const records = readRecords(datedFixture);
const entries = entriesOf(records);
const model = buildModel(entries, taxonomy);
const method = model.facets.find((f) => f.id === 'method')!;
const count = (id: string) => method.nodes.find((n) => n.id === id)!.count;

describe('report model', () => {
  it('counts papers per node, a subfamily paper counting for its family too', () => {
    expect(model.records).toBe(60);
    expect(method.nodes.map((n) => n.id)).toEqual(['peft', 'peft.lora', 'peft.adapter', 'peft.prompt', 'sparse-ft', 'weight-interpolation', 'data-selection', 'robustness', 'forgetting', 'alignment', 'editing']);
    expect(count('peft.lora')).toBe(1);
    expect(count('peft')).toBe(2);
    expect(count('robustness')).toBe(6);
    expect(method.nodes.find((n) => n.id === 'peft.lora')).toMatchObject({ depth: 1, family: 'peft' });
    const tagged = entries.filter((e) => e.classification.tags.some((t) => t.facet === 'method')).length;
    expect(method.tagged).toBe(tagged);
  });

  it('gives a monthly trend of the families and counts undated and year-only records apart', () => {
    const undated = records.filter((r) => r.date === undefined && r.year === undefined).length;
    const yearOnly = records.filter((r) => r.date === undefined && r.year !== undefined).length;
    expect(model.trend.unit).toBe('month');
    expect(model.trend.undated).toBe(undated);
    expect(model.trend.yearOnly).toBe(yearOnly);
    expect(model.trend.dated + model.trend.undated + model.trend.yearOnly).toBe(60);
    // Every family paper with a month is on the chart, once per family it has.
    const expected = entries.filter((e) => e.record.date !== undefined).reduce((n, e) => n + e.classification.tags.filter((t) => t.facet === 'method' && !t.id.includes('.')).length, 0);
    expect(model.trend.points.reduce((n, p) => n + p.count, 0)).toBe(expected);
    expect(model.trend.points.every((p) => /^\d{4}-\d{2}$/.test(p.period))).toBe(true);
  });

  it('falls back to years when the records give only years', () => {
    const yearly = buildModel(entriesOf(records.map(({ date: _date, ...r }) => ({ ...r, year: 2022 }))), taxonomy);
    expect(yearly.trend.unit).toBe('year');
    expect(new Set(yearly.trend.points.map((p) => p.period))).toEqual(new Set(['2022']));
    expect(yearly.trend.undated).toBe(0);
  });

  it('pairs method families, leaving out a family with its own subfamily', () => {
    // ml24-0030 is tagged sparse-ft and peft; QLoRA (2305.14314) peft and peft.lora, a family with its own subfamily.
    const pairs = model.cooccurrence.pairs.map((p) => `${p.a}+${p.b}:${p.count}`);
    expect(pairs.sort()).toEqual(['peft+sparse-ft:1']);
    expect(model.cooccurrence.ids).toContain('robustness');
  });

  it('has no name sections when results carry no names', () => {
    const bare = buildModel(withoutNames(entries), taxonomy);
    expect(bare.names).toBeUndefined();
    expect(bare.proposed).toBeUndefined();
  });

  it('counts named methods by role, once per paper, and proposed names, ignoring malformed items', () => {
    const evidence = [{ field: 'abstract' as const, start: 0, end: 4, text: 'LoRA', rule: 'LoRA', kind: 'acronym' as const, node: 'peft.lora', weight: 1, cues: [] }];
    const named: ReportEntry[] = entries.slice(0, 3).map((e, i) => ({
      record: e.record,
      classification: {
        ...e.classification,
        names: [
          { id: 'lora', label: 'LoRA', node: 'peft.lora', role: i === 0 ? 'proposes' : 'uses', score: 0.9, evidence },
          { id: 'lora', label: 'LoRA', node: 'peft.lora', role: 'uses', score: 0.5, evidence },
          { label: 'no id' },
        ],
        proposed: i === 0 ? [{ text: 'FooLoRA', expansion: 'Foo low-rank adaptation', node: 'peft.lora', evidence: evidence[0] }] : [],
      },
    }));
    const withNames = buildModel(named, taxonomy);
    expect(withNames.names).toEqual([
      { id: 'lora', label: 'LoRA', node: 'peft.lora', role: 'uses', papers: 3 },
      { id: 'lora', label: 'LoRA', node: 'peft.lora', role: 'proposes', papers: 1 },
    ]);
    expect(withNames.proposed).toEqual([{ text: 'FooLoRA', expansion: 'Foo low-rank adaptation', node: 'peft.lora', papers: 1 }]);
  });
});

describe('record dates', () => {
  const record = { id: 'x', title: '', abstract: '', source: 'test' };
  it('reads date, then year, then the month of a new-style arXiv id', () => {
    expect(whenOf({ ...record, date: '2024-03-15' })).toEqual({ year: 2024, month: 3 });
    expect(whenOf({ ...record, date: '2024' })).toEqual({ year: 2024 });
    expect(whenOf({ ...record, year: 2019 })).toEqual({ year: 2019 });
    expect(whenOf({ ...record, arxivId: '2106.09685' })).toEqual({ year: 2021, month: 6 });
    expect(whenOf({ ...record, arxivId: 'hep-th/9901001' })).toBeUndefined();
    expect(whenOf(record)).toBeUndefined();
  });
});
