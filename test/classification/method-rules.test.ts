/**
 * Method-family rules as specifications: a sentence a paper could have written goes in, the exact
 * family tags come out, and the hard negative next to each rule keeps it from reaching further than
 * it should. Each block names the rule of taxonomy/fine-tuning.yaml it specifies.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, defaultTaxonomy } from '../../src/index.js';

const classifier = createClassifier({ taxonomy: defaultTaxonomy });
const methods = (record: { title?: string; abstract?: string }) =>
  classifier
    .classify({ title: '', ...record })
    .tags.filter((t) => t.facet === 'method')
    .map((t) => t.id)
    .sort();

describe('peft: training a small subset of the parameters is the definition of parameter-efficient fine-tuning', () => {
  it('tags a sparse method that says it updates only a small subset of the parameters as peft too', () => {
    const abstract =
      'Sparse fine-tuning updates only a small subset of model parameters. Our method keeps memory on par with popular parameter-efficient fine-tuning methods while outperforming full fine-tuning.';
    expect(methods({ abstract })).toEqual(['peft', 'sparse-ft']);
  });

  it('leaves a physics fit of a few parameters alone', () => {
    const abstract =
      'In physics-informed fitting, only a small fraction of the parameters of the lattice model is fine-tuned. We propose a sparse update of the coupling constants.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('peft: "parameter-efficient methods" names the family', () => {
  it('tags a guide that explores parameter-efficient methods', () => {
    const abstract = 'Parameter-efficient methods are explored for balancing computational efficiency with performance when fine-tuning large language models.';
    expect(methods({ abstract })).toEqual(['peft']);
  });

  it('does not tag a paper that sets itself against them, or a network that is merely smaller', () => {
    expect(methods({ abstract: 'Unlike existing parameter-efficient methods, we fine-tune all weights of the language model.' })).toEqual([]);
    expect(methods({ abstract: 'Our network is more parameter-efficient than ResNet-50 on ImageNet classification.' })).toEqual([]);
  });
});

describe('peft.prompt: prompts described as learnable parameters are soft prompts', () => {
  it('tags prompts that are small learnable parameters', () => {
    const abstract = 'In our framework, prompts are small learnable parameters kept in a memory space and prepended to the input of a frozen vision transformer.';
    expect(methods({ abstract })).toEqual(['peft', 'peft.prompt']);
  });

  it('does not tag hand-written prompts', () => {
    const abstract = 'Hand-written prompts elicit chain-of-thought reasoning in large language models without changing their trainable parameters.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('peft.prompt: LLaMA-Adapter and adaption prompts are learned prompts, not inserted adapter modules', () => {
  it('tags LLaMA-Adapter as prompt tuning', () => {
    expect(methods({ title: 'LLaMA-Adapter: Efficient Fine-tuning of Language Models with Zero-init Attention' })).toEqual(['peft', 'peft.prompt']);
    expect(methods({ abstract: 'We introduce adaption prompts, learnable tokens prepended at the higher layers of a frozen language model.' })).toEqual(['peft', 'peft.prompt']);
  });

  it('still tags inserted bottleneck modules as adapters', () => {
    expect(methods({ abstract: 'We insert bottleneck adapter modules between the layers of a frozen transformer.' })).toEqual(['peft', 'peft.adapter']);
  });
});

describe('comparison cues: "rivaling X" compares with X', () => {
  it('does not tag the family a prompt method only rivals', () => {
    const abstract =
      'Within computer vision, adapter-based methods are often favored over prompt-based approaches. We propose a cross-attention prompt tuning method for frozen vision transformers, rivaling leading adapter-based methods in both accuracy and efficiency.';
    expect(methods({ abstract })).toEqual(['peft', 'peft.prompt']);
  });
});
