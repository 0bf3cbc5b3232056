/**
 * The default taxonomy should recognise the method names practitioners use (HF peft, mergekit, TRL,
 * EasyEdit, OpenUnlearning, Avalanche, surveys; ../shared/reference/method-names.md) in their family
 * when a paper proposes them. Each name is put in a one-sentence proposal whose other words give
 * the context collision-prone names need ("LESS" needs data selection nearby); a name counts as
 * recognised when the family's tag has evidence on the name itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';

const path = new URL('../../../shared/reference/method-names.md', import.meta.url);

const FAMILIES: Record<string, { family: string; context: string }> = {
  a: { family: 'peft.lora', context: 'a low-rank adaptation variant for parameter-efficient fine-tuning of large language models' },
  b: { family: 'peft', context: 'a parameter-efficient fine-tuning method that adapts a frozen pre-trained model' },
  c: { family: 'sparse-ft', context: 'a sparse fine-tuning method that updates a subset of the parameters of a pre-trained model' },
  d: { family: 'weight-interpolation', context: 'a method for merging fine-tuned models and their task vectors' },
  e: { family: 'data-selection', context: 'a data selection method that finds influential training data for instruction tuning of language models' },
  f: { family: 'robustness', context: 'a fine-tuning method that improves out-of-distribution robustness under distribution shift' },
  g: { family: 'forgetting', context: 'a continual learning method that prevents catastrophic forgetting with episodic memory' },
  h: { family: 'alignment', context: 'a preference optimization method for aligning language models with human feedback and a reward model' },
  i: { family: 'editing', context: 'a knowledge editing method for language models that edits facts' },
  j: { family: 'editing', context: 'a machine unlearning method that makes language models forget a forget set' },
};

/**
 * Names of one family paragraph. Entries are separated by ";", several names in one entry by ","
 * (before any "—" expansion, whose own commas are not separators); sources in parentheses, paper
 * titles in quotes and code in backticks are dropped.
 */
function namesOf(paragraph: string): string[] {
  const body = paragraph
    .replace(/\[[^\]]*\]/g, '')
    .replace(/`[^`]*`/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/\([^()]*\)/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\bDr\. /g, 'Dr ');
  const names: string[] = [];
  for (const entry of body.split(/;|\. (?=[A-Z])/)) {
    const head = entry.split(/\s+—\s+/)[0]!;
    for (const item of head.split(',')) {
      for (const variant of item.split(' / ')) {
        const clean = variant.trim().replace(/\s*\.$/, '').replace(/^(also|and)\s+/i, '').trim();
        if (clean.length >= 2 && /^[A-Z(]|^[a-z]+[A-Z]/.test(clean) && !clean.includes(':') && !/^(Related|Also|Source|Names|See|DPO loss)\b/.test(clean)) names.push(clean);
      }
    }
  }
  return names;
}

function readNames(): Array<{ letter: string; name: string }> {
  const text = readFileSync(path, 'utf8');
  const out: Array<{ letter: string; name: string }> = [];
  for (const m of text.matchAll(/\*\*\(([a-j])\) [^*]+\*\*(?: \([A-Z]+\))?:([\s\S]*?)(?=\n\*\*\(|\n\*Rule-writing|$)/g)) {
    for (const name of namesOf(m[2]!)) out.push({ letter: m[1]!, name });
  }
  return out;
}

const OPENING = 'We propose ';

function recognised(letter: string, name: string): boolean {
  const { family, context } = FAMILIES[letter]!;
  const tags = classify({ title: '', abstract: `${OPENING}${name}, ${context}.` }).tags;
  const tag = tags.find((t) => (letter === 'b' ? t.id === 'peft' || t.id.startsWith('peft.') : t.id === family));
  // Evidence must lie on the name, not only on the family words of the sentence around it.
  const [from, to] = [OPENING.length, OPENING.length + name.length];
  return !!tag && tag.evidence.some((e) => e.field === 'abstract' && e.start < to && e.end > from);
}

describe.skipIf(!existsSync(path))('method names from ../shared/reference/method-names.md', () => {
  const names = existsSync(path) ? readNames() : [];

  it('reads the names of all ten families', () => {
    expect(names.length).toBeGreaterThan(220);
    expect(new Set(names.map((n) => n.letter)).size).toBe(10);
  });

  it('recognises at least 90% of them in their family when a paper proposes them', () => {
    const missed = names.filter((n) => !recognised(n.letter, n.name));
    const share = 1 - missed.length / names.length;
    if (share < 0.9 || process.env.FINETAX_SHOW_MISSED) console.log(`recognised ${(share * 100).toFixed(1)}%; missed:`, missed.map((m) => `${m.letter}:${m.name}`).join(' | '));
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});

if (!existsSync(path)) it.skip('method-name coverage skipped: ../shared/reference/method-names.md is not present', () => {});

describe('name collisions listed in the reference', () => {
  const tagsOf = (abstract: string) => classify({ title: '', abstract }).tags.map((t) => t.id);
  it('reads LESS, LIMA, WISE, GRACE, KTO, MoRA as methods only in their context', () => {
    expect(tagsOf('We propose LESS, which selects influential data for instruction tuning.')).toContain('data-selection');
    expect(tagsOf('MORE OR LESS: we study sorting networks.')).not.toContain('data-selection');
    expect(tagsOf('We propose WISE, a lifelong model editing method with a side memory that edits facts.')).toContain('editing');
    expect(tagsOf('WISE men from the east followed the star.')).not.toContain('editing');
    expect(tagsOf('We propose GRACE, which edits a language model with a codebook of edits.')).toContain('editing');
    const methodTags = (abstract: string) => classify({ title: '', abstract }).tags.filter((t) => t.facet === 'method');
    expect(methodTags('We thank GRACE and SAM for their help with the experiments on ImageNet.')).toEqual([]);
  });

  it('tags both DoRAs as LoRA variants and keeps DPO for alignment', () => {
    expect(tagsOf('We propose DoRA, weight-decomposed low-rank adaptation.')).toContain('peft.lora');
    expect(tagsOf('We propose DoRA, which allocates the rank dynamically for parameter-efficient fine-tuning.')).toContain('peft.lora');
    expect(tagsOf('We propose a DPO variant that learns from human preference pairs.')).toContain('alignment');
  });

  it('does not read "SFT" (supervised fine-tuning) as sparse fine-tuning', () => {
    expect(tagsOf('We improve SFT of large language models with better instruction data.')).not.toContain('sparse-ft');
  });
});
