/**
 * How the names layer collects and keeps mentions: as the record is read, with counts and the
 * first few mentions per name, so a term-dense record's result and memory do not grow with its
 * number of matches; and how a name's role re-weighs its mentions in the family scores.
 */
import { describe, expect, it } from 'vitest';
import { classify, type Classification } from '../../src/index.js';
import { denseText } from '../../scripts/dense-scaling.js';

const KB = 1024;

function evidenceCounts(result: Classification): number[] {
  return [...result.tags, ...(result.mentions ?? []), ...(result.names ?? [])].map((hit) => hit.evidence.length);
}

describe('a term-dense record', () => {
  const large = classify({ id: 'dense', title: 'LoRA adapters for model merging', abstract: denseText(256 * KB) }, { explain: true });
  const paragraph = 'We propose GORACS, which we fine-tune with LoRA and DoRA using PPO. GORACS outperforms QLoRA and DPO on instruction tuning. ';
  const repeated = (times: number) => classify({ id: 'repeated', title: 'GORACS: adapters for alignment', abstract: paragraph.repeat(times) }, { explain: true });
  const small = repeated(100);
  const longer = repeated(2000);

  it('keeps at most maxEvidence (16) spans per tag, mention and name', () => {
    expect(large.names?.length).toBeGreaterThan(100);
    expect(Math.max(...evidenceCounts(large))).toBe(16);
  });

  it('honours a smaller maxEvidence for names as for tags', () => {
    const capped = classify({ title: 'LoRA adapters', abstract: denseText(64 * KB) }, { explain: true, maxEvidence: 3 });
    expect(Math.max(...evidenceCounts(capped))).toBe(3);
  });

  it('gives a result that does not grow with its matches: 20x the text, the same names and evidence', () => {
    const shape = (r: Classification) => ({ names: r.names?.map((n) => [n.id, n.role, n.evidence.length]), tags: r.tags.map((t) => [t.id, t.evidence.length]), proposed: r.proposed?.map((p) => p.text) });
    expect(small.names?.length).toBeGreaterThanOrEqual(3);
    expect(small.names?.every((n) => n.evidence.length === 16)).toBe(true);
    expect(shape(longer)).toEqual(shape(small));
    expect(JSON.stringify(longer).length).toBe(JSON.stringify(small).length);
  });

  it('still counts every mention: more mentions never lower a name or a tag', () => {
    const scores = (r: Classification) => new Map([...(r.names ?? []), ...r.tags].map((hit) => [hit.id, hit.score]));
    const before = scores(repeated(3));
    for (const [id, score] of scores(longer)) if (before.has(id)) expect(score).toBeGreaterThanOrEqual(before.get(id)!);
  });
});

describe('roles re-weigh a name’s mentions in its family’s score', () => {
  const weightOf = (result: Classification, text: string) =>
    [...result.tags, ...(result.mentions ?? [])].flatMap((tag) => tag.evidence).find((e) => e.text === text)?.weight;

  it('a tool’s mentions keep 0.6 of their weight, a baseline’s 0.5 (names off: full weight)', () => {
    const tool = { title: 'Reward shaping for dialogue agents', abstract: 'We fine-tune the policy using PPO on dialogue data.' };
    const baseline = { title: 'A new preference objective', abstract: 'Our objective outperforms DPO on helpfulness benchmarks.' };
    for (const [record, text, factor] of [
      [tool, 'PPO', 0.6],
      [baseline, 'DPO', 0.5],
    ] as const) {
      const full = weightOf(classify(record, { explain: true, names: false }), text)!;
      expect(full).toBeGreaterThan(0);
      expect(weightOf(classify(record, { explain: true }), text)).toBe(Math.round(full * factor * 1000) / 1000);
    }
  });

  it('a sentence is scored by its strongest match after the factors: a studied name there outweighs the tool', () => {
    const record = {
      title: 'Why does DPO work?',
      abstract: 'We study DPO in depth. We fine-tune the policy using PPO and DPO together. DPO is analysed across three benchmarks.',
    };
    const names = new Map((classify(record).names ?? []).map((n) => [n.label, n.role]));
    expect(names.get('DPO')).toBe('studies');
    expect(names.get('PPO')).toBe('uses');
    const withNames = classify(record, { explain: true });
    const without = classify(record, { explain: true, names: false });
    const score = (r: Classification, id: string) => [...r.tags, ...(r.mentions ?? [])].find((t) => t.id === id)?.score ?? 0;
    // Every sentence holds a DPO mention at full weight, so the family loses nothing to PPO's factor.
    expect(score(withNames, 'alignment')).toBe(score(without, 'alignment'));
  });
});

describe('a record that mentions no named method', () => {
  it('has its families scored exactly as with names off, and still its proposed names', () => {
    const record = {
      title: 'Sparse updates for continual instruction tuning',
      abstract: 'We propose SPARTA, a parameter-efficient fine-tuning method that updates a sparse subset of weights. SPARTA reduces forgetting on continual instruction tuning benchmarks.',
    };
    const withNames = classify(record, { explain: true });
    const { names, proposed, ...families } = withNames;
    expect(names).toEqual([]);
    expect(proposed?.map((p) => p.text)).toEqual(['SPARTA']);
    expect(families.tags.length).toBeGreaterThan(0);
    expect(families).toEqual(classify(record, { explain: true, names: false }));
  });
});
