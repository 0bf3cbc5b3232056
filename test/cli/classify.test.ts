/** `finetax classify` on real-format fixtures: order, counts, issues, formats and exit codes. */
import { describe, expect, it } from 'vitest';
import { ANSI, jsonLines, lines, readText, recordsFixture, samplePath } from './helpers.js';
import { runCli } from './in-process.js';

const papers = recordsFixture('papers.jsonl');
const papersIssues = [
  `${papers}:4:97: not valid JSON: unterminated string`,
  `${papers}:6:31: record 2109.01903: title: expected a string, got the number 2021; left out of the record`,
  `${papers}:7: record empty-1: expected a title or an abstract, found neither`,
];

const run = await runCli(['classify', papers]);

describe('classify JSON Lines', () => {

  it('writes one line per record, in input order, keeping a record whose only fault is one field, and exits 0', async () => {
    expect(run.code).toBe(0);
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['2203.05482', '2305.18290', '1902', '2109.01903']);
  });

  it('reports each bad line as FILE:LINE: reason, then the summary', async () => {
    expect(lines(run.stderr)).toEqual([...papersIssues, '6 read, 4 tagged, 2 rejected; 3 with a method tag; 1 warning']);
  });

  it('gives every tag its facet, id, label, score and located evidence', async () => {
    const [soups] = jsonLines(run.stdout);
    const method = soups!.tags.find((t) => t.facet === 'method')!;
    expect(method).toMatchObject({ id: 'weight-interpolation', label: expect.any(String), score: expect.any(Number) });
    const evidence = method.evidence![0]!;
    expect(Object.keys(evidence)).toEqual(expect.arrayContaining(['field', 'start', 'end', 'text', 'rule', 'kind']));
    expect(soups!.title).toBeTypeOf('string');
    expect((soups!.title as string).slice(evidence.start as number, evidence.end as number)).toBe(evidence.text);
  });

  it('exits 1 under --strict, still writing every good record', async () => {
    const strict = await runCli(['classify', papers, '--strict']);
    expect(strict.code).toBe(1);
    expect(jsonLines(strict.stdout)).toHaveLength(3);
  });

  it('reads stdin, as `-` or with no file at all, with <stdin> in messages', async () => {
    const input = readText(papers);
    for (const args of [['classify', '-'], ['classify']]) {
      const run = await runCli(args, { input });
      expect(run.code).toBe(0);
      expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['2203.05482', '2305.18290', '1902', '2109.01903']);
      expect(lines(run.stderr)[0]).toBe('<stdin>:4:97: not valid JSON: unterminated string');
    }
  });

  it('tags the obvious cases', async () => {
    const input = `${JSON.stringify({ id: 'q', title: 'QLoRA: Efficient Finetuning of Quantized LLMs' })}\n${JSON.stringify({ id: 'd', title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model' })}\n`;
    const [qlora, dpo] = jsonLines((await runCli(['classify', '-'], { input })).stdout);
    expect(qlora!.tags.map((t) => t.id)).toEqual(expect.arrayContaining(['peft.lora', 'peft', 'language']));
    expect(dpo!.tags.map((t) => t.id)).toContain('alignment');
  });

  it('keeps order and count on the bundled sample', async () => {
    const run = await runCli(['classify', samplePath, '--evidence', 'none']);
    const expected = readText(samplePath).trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(expected);
    expect(lines(run.stderr).at(-1)).toMatch(/^60 read, 60 tagged, 0 rejected; \d+ with a method tag$/);
  });
});

describe('classify other formats', () => {
  // Every fixture, through the library and the CLI alike: see same-as-library.test.ts.

  it('--from overrides detection (CSV on stdin)', async () => {
    const run = await runCli(['classify', '--from', 'csv', '--evidence', 'none'], { input: readText(recordsFixture('papers.csv')) });
    expect(jsonLines(run.stdout).map((r) => r.id)).toEqual(['2109.01903', '2203.05482', '2402.09353']);
    expect(lines(run.stderr)).toEqual(['<stdin>:5: expected 6 fields as in the header, got 4', '4 read, 3 tagged, 1 rejected; 3 with a method tag']);
  });

  it('an input that is not its format at all is located and fails with exit 1', async () => {
    const run = await runCli(['classify', '--from', 'json', '-'], { input: '{"title": "broken' });
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toMatch(/^<stdin>:1:\d+: /);
    expect(lines(run.stderr).at(-1)).toBe('0 read, 0 tagged, 0 rejected; 0 with a method tag; 1 input unreadable');
  });
});

describe('classify options', () => {
  it('--facet keeps only those facets, and an unknown facet is a usage error with a suggestion', async () => {
    const tags = jsonLines((await runCli(['classify', papers, '--facet', 'method'])).stdout).flatMap((r) => r.tags);
    expect(new Set(tags.map((t) => t.facet))).toEqual(new Set(['method']));
    const bad = await runCli(['classify', papers, '--facet', 'methd']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown facet 'methd'; did you mean 'method'?");
  });

  it('--min-score drops weaker tags', async () => {
    const tags = jsonLines((await runCli(['classify', samplePath, '--min-score', '0.9', '--facet', 'method,modality'])).stdout).flatMap((r) => r.tags);
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((t) => t.score >= 0.9)).toBe(true);
  });

  it('--evidence none|short|full', async () => {
    const tagsOf = async (level: string) => jsonLines((await runCli(['classify', papers, '--evidence', level])).stdout)[0]!.tags;
    expect((await tagsOf('none')).every((t) => !('evidence' in t))).toBe(true);
    expect(Object.keys((await tagsOf('short'))[0]!.evidence![0]!)).toEqual(['field', 'start', 'end', 'text']);
    expect(Object.keys((await tagsOf('full'))[0]!.evidence![0]!)).toEqual(['field', 'start', 'end', 'text', 'rule', 'kind', 'node', 'weight', 'cues']);
  });

  it('--format csv: one row per record, facet columns with ;-joined ids, quoted titles', async () => {
    const run = await runCli(['classify', papers, '--format', 'csv']);
    const rows = run.stdout.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe('id,title,method,type,modality,scores');
    expect(rows).toHaveLength(5);
    expect(rows[1]).toMatch(/^2203\.05482,Model soups: averaging weights of multiple fine-tuned models improves accuracy without increasing inference time,weight-interpolation,method,,/);
    expect(rows[3]).toMatch(/^1902,Parameter-Efficient Transfer Learning for NLP,peft,method,language,peft=[\d.]+;method=[\d.]+;language=[\d.]+$/);
    const input = `${JSON.stringify({ id: 'c', title: 'LoRA, "quoted", and more' })}\n`;
    expect((await runCli(['classify', '--format', 'csv'], { input })).stdout.split('\r\n')[1]).toMatch(/^c,"LoRA, ""quoted"", and more",/);
  });

  it('--format json: one array with the JSON Lines objects', async () => {
    const json = JSON.parse((await runCli(['classify', papers, '--format', 'json'])).stdout) as unknown[];
    expect(json).toEqual(jsonLines((await runCli(['classify', papers])).stdout));
  });

  it('--format table: a header, one row per record in order, no colour when piped or with NO_COLOR', async () => {
    const run = await runCli(['classify', papers, '--format', 'table']);
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^ID\s+TITLE\s+METHOD\s+TYPE\s+MODALITY$/);
    expect(out.filter((l) => /^\S/.test(l)).slice(2).map((l) => l.split(/\s+/)[0])).toEqual(['2203.05482', '2305.18290', '1902', '2109.01903']);
    expect(out.every((l) => l.length <= 120)).toBe(true);
    expect(run.stdout).not.toMatch(ANSI);
    expect((await runCli(['classify', papers, '--format', 'table'])).stdout).toBe(run.stdout);
    expect((await runCli(['classify', papers, '--format', 'table'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).toMatch(ANSI);
    expect((await runCli(['classify', papers, '--format', 'table'], { env: { NO_COLOR: '1' } })).stdout).toBe(run.stdout);
  });

  it('--taxonomy with `extends: default` adds a family', async () => {
    const input = `${JSON.stringify({ id: 'q', title: 'Quantization-Aware Fine-Tuning of Large Language Models' })}\n`;
    const extended = jsonLines((await runCli(['classify', '--taxonomy', 'test/fixtures/cli/extension.yaml'], { input })).stdout)[0]!;
    expect(extended.tags.map((t) => t.id)).toContain('quantization');
    expect(jsonLines((await runCli(['classify'], { input })).stdout)[0]!.tags.map((t) => t.id)).not.toContain('quantization');
  });

  it('an invalid --taxonomy fails with located errors (exit 1); a missing one is a usage error (exit 2)', async () => {
    const broken = await runCli(['classify', papers, '--taxonomy', 'test/fixtures/cli/broken.yaml']);
    expect(broken.code).toBe(1);
    expect(lines(broken.stderr)[0]).toBe("test/fixtures/cli/broken.yaml:8:9 method.peft: unknown key 'labl'; did you mean 'label'?");
    const missing = await runCli(['classify', papers, '--taxonomy', 'nope.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--taxonomy: cannot read 'nope.yaml': no such file");
  });
});

describe('usage errors (exit 2)', () => {
  it.each([
    [['classify', '--fromat', 'csv'], "finetax: unknown option '--fromat'; did you mean '--format'?"],
    [['clasify'], "finetax: unknown command 'clasify'; did you mean 'classify'?"],
    [['classify', 'nope.jsonl'], "finetax: cannot read 'nope.jsonl': no such file"],
    [['classify', papers, '--format', 'xml'], 'finetax: --format: expected one of table, jsonl, json, csv'],
    [['classify', papers, '--jobs', '0'], 'finetax: --jobs: expected a whole number from 1 to 256'],
    [['classify', papers, '--from', 'yaml'], 'finetax: --from: expected one of jsonl, json, csv'],
  ])('%j', async (args, message) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)[0]).toContain(message);
  });
});
