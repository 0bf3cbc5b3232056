/**
 * Data-selection and robustness rules for a realistic arXiv stream, as specifications: a title or a
 * sentence of the kind papers write goes in, the exact method families come out, and a hard negative
 * next to each rule keeps it from reaching further than it should. Each block names the rule of
 * taxonomy/fine-tuning.yaml (facet `method`) it specifies.
 */
import { describe, expect, it } from 'vitest';
import { createClassifier, defaultTaxonomy } from '../../src/index.js';
import { methodTags } from './facet-tags.js';

const classifier = createClassifier({ taxonomy: defaultTaxonomy });
const methods = methodTags(classifier);

describe('data-selection: re-weighting or up-weighting the training examples', () => {
  it('tags a paper that learns weights for its training examples', () => {
    expect(methods({ title: 'Learning to Reweight Examples for Robust Deep Learning' })).toEqual(['data-selection']);
    expect(methods({ abstract: 'We propose a sample reweighting scheme for training deep neural networks with noisy labels.' })).toEqual(['data-selection']);
  });

  it('tags group robustness reached by up-weighting the training examples, as both families', () => {
    const abstract =
      'Models trained with empirical risk minimization rely on spurious correlations and have poor worst-group accuracy. We propose a two-stage method that upweights the training examples misclassified by a first model, improving worst-group accuracy without group labels.';
    expect(methods({ abstract })).toEqual(['data-selection', 'robustness']);
  });

  it('does not tag a sampler that reweights the samples it draws, or physics that reweights events', () => {
    expect(methods({ abstract: 'We propose a sampler that reweights the samples of a diffusion model with importance weights to match a target density.' })).toEqual([]);
    expect(methods({ abstract: 'We reweight the simulated events to match the measured pileup distribution of the detector.' })).toEqual([]);
  });
});

describe('data-selection: pruning, discarding, prioritising or choosing training examples in plain words', () => {
  it('tags pruning the training set', () => {
    const abstract = 'We prune the training set by removing the easiest examples, identified early in training, and train deep neural networks on the rest at no loss of accuracy.';
    expect(methods({ abstract })).toEqual(['data-selection']);
  });

  it('tags discarding, prioritising or choosing training examples', () => {
    expect(methods({ abstract: 'Our method discards redundant training samples during the training of deep neural networks, halving the training time.' })).toEqual(['data-selection']);
    expect(methods({ abstract: 'We propose a batch sampler that prioritizes informative training examples in each mini-batch of a neural network.' })).toEqual(['data-selection']);
    expect(methods({ abstract: 'We propose a method to choose which training examples to keep based on their gradient norms early in neural network training.' })).toEqual(['data-selection']);
  });

  it('tags a method that finds the most valuable training samples of a language model', () => {
    const abstract = 'We propose a gradient-similarity score that identifies the most valuable training samples for instruction tuning of large language models.';
    expect(methods({ abstract })).toEqual(['data-selection']);
  });

  it('does not tag an applied paper that discards a few training samples as a preprocessing step', () => {
    const abstract =
      'We propose a convolutional neural network for bird song classification. We discard training samples shorter than one second. The model reaches 91% accuracy on recordings from five sites.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('does not tag discarding tokens, or a call for high-quality training data', () => {
    expect(methods({ abstract: 'We propose to discard redundant visual tokens in the vision transformer to speed up inference.' })).toEqual([]);
    expect(methods({ abstract: 'We propose a segmentation network for histology; deep neural networks need large amounts of high-quality training data.' })).toEqual([]);
  });
});

describe('robustness: dataset shift by its other names', () => {
  it('tags label shift, subpopulation shift and shortcut learning', () => {
    const abstract = 'We estimate how the label marginals differ between the training set and the test set and correct the classifier without test labels.';
    expect(methods({ title: 'Detecting and Correcting for Label Shift with Black Box Predictors', abstract })).toEqual(['robustness']);
    expect(methods({ title: 'BREEDS: Benchmarks for Subpopulation Shift' })).toEqual(['robustness']);
    expect(methods({ title: 'Shortcut Learning in Deep Neural Networks' })).toEqual(['robustness']);
  });

  it('tags invariant risk minimization, and learning domain-invariant features', () => {
    expect(methods({ title: 'Invariant Risk Minimization' })).toEqual(['robustness']);
    const abstract = 'We propose to learn domain-invariant representations for segmentation networks trained on scans of one hospital and applied to those of others.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });

  it('does not tag the words outside machine learning, or a domain gap named once in passing', () => {
    expect(methods({ abstract: 'We measure the label shift of the chromatographic peaks and the domain gap of the ferroelectric film.' })).toEqual([]);
    const abstract = 'We propose a prompt tuning method for frozen vision transformers; existing methods insert prompts at the same positions and neglect the domain gap.';
    expect(methods({ abstract })).toEqual(['peft', 'peft.prompt']);
  });
});

describe('robustness: distribution shift said the long way', () => {
  it('tags shifts or changes in the data distribution', () => {
    expect(methods({ abstract: 'We study shifts in the data distribution of deployed clinical neural networks and how to detect them from model outputs.' })).toEqual(['robustness']);
    expect(methods({ abstract: 'We investigate changes in the input distribution that degrade deep learning models after deployment.' })).toEqual(['robustness']);
  });

  it('does not tag a shift in some other distribution', () => {
    expect(methods({ abstract: 'We study the shift in the distribution of attention weights of language models during pre-training.' })).toEqual([]);
  });
});

describe('robustness: attacks and certified defences of a model\'s inputs', () => {
  it('tags adversarial patches, certified defences and certified training', () => {
    expect(methods({ title: 'Adversarial Patch' })).toEqual(['robustness']);
    expect(methods({ abstract: 'We propose a black-box attack with imperceptible perturbations that flip the predictions of deep neural networks.' })).toEqual(['robustness']);
    expect(methods({ abstract: 'We propose a certified defense for deep neural network image classifiers that bounds the worst-case loss under bounded input changes.' })).toEqual(['robustness']);
    expect(methods({ abstract: 'We propose a certified training method for neural networks that provably bounds the effect of input perturbations.' })).toEqual(['robustness']);
  });

  it('tags open-set recognition as out-of-distribution detection', () => {
    expect(methods({ abstract: 'We propose an open-set recognition method that lets a deep neural network classifier reject inputs from classes unseen in training.' })).toEqual(['robustness']);
  });

  it('does not tag a patch that is a piece of an image', () => {
    expect(methods({ abstract: 'We propose a masked autoencoder that reconstructs each image patch of a vision transformer.' })).toEqual([]);
  });
});

describe('alignment: fine-tuning on a reward or on preferences, of text and of text-to-image models', () => {
  it('tags reward fine-tuning of a text-to-image model and preference-based fine-tuning of a language model', () => {
    expect(methods({ abstract: 'We propose reward fine-tuning of text-to-image diffusion models with a learned aesthetic reward model.' })).toEqual(['alignment']);
    const abstract = 'We propose a preference-based fine-tuning method for large language models that learns from pairwise comparisons.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });

  it('does not tag a robot reward model learned with a video diffusion model', () => {
    expect(methods({ abstract: 'We propose a reward model for robot locomotion learned from videos with a video diffusion model.' })).toEqual([]);
  });
});
