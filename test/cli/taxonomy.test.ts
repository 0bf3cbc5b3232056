/** `finetax taxonomy lint|tree|test|types|schema`. */
import { describe, expect, it } from 'vitest';
import { cliFixture, finetax, lines } from './helpers.js';
import { runCli } from './in-process.js';

describe('taxonomy', () => {
  it('lint: the bundled default is valid and summarised', async () => {
    const run = await runCli(['taxonomy', 'lint']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toBe('taxonomy/fine-tuning.yaml: valid');
    expect(run.stdout).toMatch(/facets {4}3; nodes \d+ \(method \d+, type 4, modality \d+\)/);
  });

  it('lint: finds the bundled default from the package, not the working directory', async () => {
    // Spawned: the lookup from the built bundle's own location is under test, so the working directory must differ.
    const run = finetax(['taxonomy', 'lint'], { cwd: '/' });
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toMatch(/\/taxonomy\/fine-tuning\.yaml: valid$/);
  });

  it('lint: every problem located as FILE:LINE:COL path: message, exit 1', async () => {
    const run = await runCli(['taxonomy', 'lint', cliFixture('broken.yaml')]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual([
      "test/fixtures/cli/broken.yaml:8:9 method.peft: unknown key 'labl'; did you mean 'label'?",
      'test/fixtures/cli/broken.yaml:13:19 method.peft.lora.acronyms: expected array of strings or { text, weight } objects',
    ]);
    expect(lines(run.stderr)).toEqual(['2 problems in test/fixtures/cli/broken.yaml']);
  });

  it('tree: facets and nodes with rule counts', async () => {
    const out = lines((await runCli(['taxonomy', 'tree'])).stdout);
    expect(out).toContain('method  Method family  (multi-label)');
    expect(out.find((l) => l.includes('peft.lora'))).toMatch(/^\| {3}\|-- peft\.lora {2}.+ {2}\(\d+ rules\)$/);
  });

  it('test: the default taxonomy passes its own examples', async () => {
    const run = await runCli(['taxonomy', 'test']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).at(-1)).toMatch(/^(\d+) examples: \1 passed, 0 failed$/);
  });

  it('test: a failing example is listed and fails the run', async () => {
    const run = await runCli(['taxonomy', 'test', cliFixture('failing-examples.yaml')]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toContain('FAIL  distillation  positive: "A Study of Teacher-Student Training"  → got analysis');
    expect(lines(run.stdout).at(-1)).toMatch(/ 1 failed$/);
  });

  it('types: a TypeScript module of the ids and the typed taxonomy', async () => {
    const run = await runCli(['taxonomy', 'types', cliFixture('extension.yaml'), '--name', 'families']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("import type { TypedTaxonomy } from 'finetax';");
    expect(run.stdout).toMatch(/export const METHOD_IDS = \[.*"quantization".*\] as const;/);
    expect(run.stdout).toContain('export const families: TypedTaxonomy<FamiliesFacetIds> = {');
  });

  it('schema: the JSON Schema of the YAML format', async () => {
    const schema = JSON.parse((await runCli(['taxonomy', 'schema'])).stdout) as { $schema: string; properties: Record<string, unknown> };
    expect(schema.$schema).toContain('json-schema.org');
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['extends', 'facets', 'scoring']));
  });

  it('usage errors', async () => {
    expect((await runCli(['taxonomy'])).code).toBe(2);
    expect((await runCli(['taxonomy', 'lnt'])).stderr).toContain("unknown action 'lnt'");
    expect((await runCli(['taxonomy', 'lint', 'missing.yaml'])).code).toBe(2);
    expect((await runCli(['taxonomy', 'types', '--name', 'not-an-identifier'])).code).toBe(2);
  });
});
