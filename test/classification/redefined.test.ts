/**
 * A named method's acronym that the record spells out as something else is not that method:
 * papers spell out their acronyms where they first use them, which settles most collisions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { spelledOut } from '../../src/classification/redefined.js';

const tagsOf = (title: string, abstract: string) => classify({ title, abstract }).tags.map((t) => t.id);
const namesOf = (title: string, abstract: string) => (classify({ title, abstract }).names ?? []).map((n) => `${n.id}:${n.role}`);

describe('acronyms a record spells out as something else', () => {
  it('a Data Protection Officer (DPO) is not Direct Preference Optimization', () => {
    const title = 'Data Protection Officers under the GDPR: An Empirical Study';
    const abstract =
      'The GDPR requires many organisations to appoint a Data Protection Officer (DPO). We survey 300 DPOs about their independence, resources and reporting lines, and find that half report conflicts of interest.';
    expect(tagsOf(title, abstract)).toEqual(['analysis']);
    expect(namesOf(title, abstract)).toEqual([]);
  });

  it('Reinforced Fine-Tuning (ReFT) is not Representation Fine-Tuning, a PEFT method', () => {
    const title = 'ReFT: Reasoning with Reinforced Fine-Tuning';
    const abstract =
      'We propose Reinforced Fine-Tuning (ReFT) to enhance the reasoning of large language models. ReFT first warms up the model with supervised fine-tuning and then uses online reinforcement learning with PPO to sample reasoning paths. ReFT outperforms SFT on GSM8K, MathQA and SVAMP.';
    expect(tagsOf(title, abstract)).not.toContain('peft');
    expect(namesOf(title, abstract)).toEqual(['ppo:uses']);
  });

  it('two methods named DoRA: each record credits the one it spells out', () => {
    const dynamic =
      'Fine-tuning large-scale pre-trained models is resource-intensive. We introduce Dynamic Low-Rank Adaptation (DoRA), which decomposes high-rank LoRA layers into structured single-rank components and prunes them dynamically under a parameter budget.';
    expect(namesOf('DoRA: Enhancing Parameter-Efficient Fine-Tuning with Dynamic Rank Distribution', dynamic)).toContain('dora-dynamic:proposes');
    expect(namesOf('DoRA: Enhancing Parameter-Efficient Fine-Tuning with Dynamic Rank Distribution', dynamic)).not.toContain('dora:proposes');
    const decomposed =
      'We introduce Weight-Decomposed Low-Rank Adaptation (DoRA), which decomposes the pre-trained weight into magnitude and direction for fine-tuning, using LoRA for directional updates.';
    expect(namesOf('DoRA: Weight-Decomposed Low-Rank Adaptation', decomposed)).toContain('dora:proposes');
  });

  it('another spelling of the same expansion is still the method', () => {
    const abstract = 'Direct Preference Optimisation (DPO) exploits verbosity. We add a length penalty to the DPO objective and show that the tuned models produce shorter answers.';
    expect(tagsOf('Length-Controlled Direct Preference Optimisation', abstract)).toContain('alignment');
    expect(namesOf('Length-Controlled Direct Preference Optimisation', abstract)).toEqual(['dpo:studies']);
  });
});

describe('spelledOut', () => {
  it('reads the words before "(ACR)" and inside "ACR (…)"', () => {
    expect(spelledOut('appoint a Data Protection Officer (DPO) for', 'DPO')).toEqual(['data protection officer']);
    expect(spelledOut('each DPO (Data Protection Officer) reports', 'DPO')).toEqual(['data protection officer']);
  });

  it('a longer name built on the acronym does not spell it out', () => {
    expect(spelledOut('we first propose Group Sparse LoRA (GS-LoRA). Specifically', 'LoRA')).toEqual([]);
    expect(spelledOut('we fine-tune with LoRA (rank 8) and', 'LoRA')).toEqual([]);
  });

  it('on any text: each form is two words or more, from the text (spaces joined), without the acronym', () => {
    const pieces = ['Data', 'data', 'Protection', 'Officer', 'DPO', 'a', '(', ')', '(DPO)', 'DPO (', ' ', '  ', '-', 'Direct', 'Preference', 'Optimization', ',', '.'];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        for (const form of spelledOut(t, 'DPO')) {
          expect(form.trim()).toMatch(/[\s-]/);
          expect(form).not.toContain('dpo');
          expect(t.toLowerCase().replace(/\s+/g, ' ')).toContain(form);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
