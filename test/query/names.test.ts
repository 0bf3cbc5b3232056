import { describe, expect, it } from 'vitest';
import { tagCorpus, UnknownIdError } from '../../src/index.js';
import { parseTaxonomy } from '../../src/taxonomy/index.js';

const papers = [
  {
    id: 'dora',
    title: 'DoRA: Weight-Decomposed Low-Rank Adaptation',
    abstract: 'In this work, we introduce Weight-Decomposed Low-Rank Adaptation (DoRA). DoRA consistently outperforms LoRA when fine-tuning LLaMA.',
  },
  { id: 'tool', title: 'Instruction tuning for legal text', abstract: 'We fine-tune LLaMA with LoRA on court decisions and compare against prompt tuning.' },
  { id: 'rlhf', title: 'Aligning assistants', abstract: 'We propose GORACS, a novel reward model, and train the policy using PPO on human preference data for language models.' },
];

describe('name queries over a corpus', () => {
  const corpus = tagCorpus(papers);
  it('where({ name, role }) keeps the records with that name in that role', () => {
    expect(corpus.where({ name: 'lora' }).toArray().map((e) => e.record.id)).toEqual(['dora', 'tool']);
    expect(corpus.where({ name: 'lora', role: 'uses' }).toArray().map((e) => e.record.id)).toEqual(['tool']);
    expect(corpus.where({ role: 'proposes' }).toArray().map((e) => e.record.id)).toEqual(['dora']);
  });
  it('an unknown name or role fails loudly with a suggestion', () => {
    expect(() => corpus.where({ name: 'dorra' as 'dora' })).toThrow(UnknownIdError);
    expect(() => corpus.where({ name: 'dorra' as 'dora' })).toThrow("unknown name 'dorra'; did you mean 'dora'");
  });
  it('the leaderboard counts records per role; by role it ranks that role', () => {
    const lora = corpus.nameLeaderboard().find((r) => r.id === 'lora')!;
    expect(lora).toMatchObject({ label: 'LoRA', node: 'peft.lora', total: 2, roles: { compares: 1, uses: 1 } });
    expect(corpus.nameLeaderboard('uses').map((r) => r.id)).toEqual(['lora', 'ppo']);
  });
  it('proposed names say whether the taxonomy knows them', () => {
    expect(corpus.proposedNames().map((p) => [p.text, p.known, p.records])).toEqual([
      ['DoRA', true, ['dora']],
      ['GORACS', false, ['rlhf']],
    ]);
  });
  it('groups count records per group of names', () => {
    expect(corpus.nameGroups().get('decomposition')).toBe(1);
  });
  it('suggestNamesYaml writes the unknown names as an extends: default file that parses', async () => {
    const { suggestNamesYaml } = await import('../../src/query/names.js');
    const yaml = suggestNamesYaml(corpus.toArray().map((e) => e.classification), corpus.taxonomy.taxonomy);
    expect(yaml).toContain('  - id: goracs\n    label: "GORACS"\n    node: alignment\n');
    const extended = parseTaxonomy(yaml, { source: 'suggested.yaml' });
    expect(extended.names?.find((n) => n.id === 'goracs')?.node).toBe('alignment');
  });
});
