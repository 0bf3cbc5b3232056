/**
 * Type phrasings of papers from a realistic arXiv stream (LABELS.md): studies that say so without
 * "empirical study" (a title opening on "Investigating", "we explore whether", "our analysis
 * reveals"), reviews and chapters that survey a field, and evaluation protocols that are benchmarks.
 * Real sentences from arXiv abstracts in, the exact type and the evidence that decided it out.
 */
import { describe, expect, it } from 'vitest';
import { typeOf } from './facet-tags.js';

describe('studies in a stream of papers', () => {
  it('a title opening on "Investigating" frames the paper as a study', () => {
    expect(
      typeOf(
        'What Features in Prompts Jailbreak LLMs? Investigating the Mechanisms Behind Attacks',
        'While jailbreaks have been central to research on the safety and reliability of LLMs, the underlying mechanisms behind these attacks are not well understood. Specifically, we find that while probes can distinguish between successful and unsuccessful jailbreaking prompts with a high degree of accuracy, they often transfer poorly to held-out attack methods.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['Investigating', 'not well understood', 'we find that'] });
  });

  it('"by analyzing" in an abstract is how a method works, not a study verb in a title', () => {
    expect(
      typeOf(
        'Reconstruction of neuromorphic dynamics from a single scalar time series using variational autoencoder and neural network map',
        'This paper examines the reconstruction of a family of dynamical systems with neuromorphic behavior using a single scalar time series. It is shown that an appropriate reduced dimension can be determined by analyzing the autoencoder training process.',
      ).id,
    ).toBe('method');
  });

  it('an experiment set up "to test whether" a hypothesis holds is a study', () => {
    expect(
      typeOf(
        'Scaling Laws with Hidden Structure',
        'Inspired by results from nonparametric statistics, we hypothesize that this phenomenon can be partially explained in terms of decomposition of complex tasks into simpler subtasks. In this paper, we present a controlled experimental framework to test whether neural networks can indeed exploit such hidden factorial structures. We find that they do leverage these latent patterns to learn discrete distributions more efficiently.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['we hypothesize', 'to test whether', 'We find that'] });
  });

  it('"we explore the potential of" existing techniques and "our study" make a study', () => {
    expect(
      typeOf(
        'Ensemble Learning for Microbubble Localization in Super-Resolution Ultrasound',
        'In this paper, we explore the potential of ensemble learning techniques to enhance MB localization by increasing detection sensitivity and reducing false positives. Our study evaluates the effectiveness of ensemble methods on both in vivo and simulated outputs of a Deformable DEtection TRansformer (Deformable DETR) network. As a result of our study, we are able to demonstrate the advantages of these ensemble approaches.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['explore the potential of', 'Our study', 'our study'] });
  });

  it('"we compare" two existing approaches and "our findings indicate" make a study', () => {
    expect(
      typeOf(
        'Truth, beauty, and goodness in grand unification: a machine learning approach',
        'We investigate the flavour sector of the supersymmetric SU(5) Grand Unified Theory (GUT) model using machine learning techniques. We compare these two approaches by numerically optimising a loss function, defined as the ratio of determinants of mass matrices. Our findings indicate that the 24-Higgs approach achieves the observed fermion masses with smaller modifications to the original minimal SU(5) model.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['We investigate', 'We compare', 'Our findings indicate'] });
  });

  it('a title opening on "Uncovering" what models do, studied across existing models, is a study', () => {
    expect(
      typeOf(
        'Richer Output for Richer Countries: Uncovering Geographical Disparities in Generated Stories and Travel Recommendations',
        'In this work, we examine large language models for two common scenarios that require geographical knowledge: (a) travel recommendations and (b) geo-anchored story generation. Specifically, we study four popular language models, and across about $100$K travel requests, and $200$K story generations, we observe that travel recommendations corresponding to poorer countries are less unique with fewer location references.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['Uncovering', 'we examine', 'we study'] });
  });

  it('"a large-scale, systematic evaluation" of existing methods is a study', () => {
    expect(
      typeOf(
        'A Systematic Study of In-the-Wild Model Merging for Large Language Models',
        'To evaluate this setting, we present a large-scale, systematic evaluation of “in-the-wild” model merging of heterogeneous experts, that may have been trained on overlapping or conflicting objectives.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['Systematic Study', 'systematic evaluation', 'evaluation of'] });
  });

  it('new convergence results for an existing algorithm, "rigorously analyzed", are a theoretical study', () => {
    expect(
      typeOf(
        'Learning Mixtures of Experts with EM',
        'In this paper we focus on studying the efficiency of the Expectation Maximization (EM) algorithm for the training of MoE models. We first rigorously analyze EM for the cases of linear or logistic experts, where we show that EM is equivalent to Mirror Descent with unit step size and a Kullback-Leibler Divergence regularizer. This perspective allows us to derive new convergence results and identify conditions for local linear convergence based on the signal-to-noise ratio (SNR).',
      ),
    ).toEqual({ id: 'analysis', evidence: ['rigorously analyze', 'convergence results'] });
  });

  it('a replication study of what others conjectured is a study', () => {
    expect(
      typeOf(
        'R+R:Understanding Hyperparameter Effects in DP-SGD',
        'To shed more light on these influences, we conduct a replication study: We synthesize extant research on hyperparameter influences of DP-SGD into conjectures, conduct a dedicated factorial study to independently identify hyperparameter effects, and assess which conjectures can be replicated across multiple datasets.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['Understanding', 'replication study'] });
  });
});

describe('method papers in a stream of papers', () => {
  it('"a novel architecture" the paper introduces is its contribution', () => {
    expect(
      typeOf(
        'DuoLift-GAN:Reconstructing CT from Single-view and Biplanar X-Rays with Generative Adversarial Networks',
        'In this work, we introduce DuoLift Generative Adversarial Networks (DuoLift-GAN), a novel architecture with dual branches that independently elevate 2D images and their features into 3D representations.',
      ),
    ).toEqual({ id: 'method', evidence: ['we introduce', 'novel architecture'] });
  });

  it('"our key finding" about how a framework trains is a method paper\'s claim, not a study\'s', () => {
    expect(
      typeOf(
        'JanusFlow: Harmonizing Autoregression and Rectified Flow for Unified Multimodal Understanding and Generation',
        'We present JanusFlow, a powerful framework that unifies image understanding and generation in a single model. Our key finding demonstrates that rectified flow can be straightforwardly trained within the large language model framework, eliminating the need for complex architectural modifications. Extensive experiments show that JanusFlow achieves comparable or superior performance to specialized models in their respective domains, while significantly outperforming existing unified approaches across standard benchmarks.',
      ).id,
    ).toBe('method');
  });
});

describe('reviews, chapters and evaluation protocols', () => {
  it('"A Review" in a title, with a scoping review, is a survey even when it benchmarks', () => {
    expect(
      typeOf(
        'Generating Synthetic Electronic Health Record (EHR) Data: A Review with Benchmarking',
        'We conduct a scoping review of existing approaches for synthetic EHR data generation, and benchmark major methods with proposed open-source software to offer recommendations for practitioners.',
      ).id,
    ).toBe('survey');
  });

  it('a chapter that identifies scenarios and open challenges of a field is a survey', () => {
    expect(
      typeOf(
        'Tactical Edge IoT in Defense and National Security',
        'This chapter identifies scenarios in which Defense and National Security can leverage Commercial Off-The-Shelf (COTS) Edge IoT capabilities to deliver greater survivability to warfighters or first responders. In addition, it identifies the open challenges for a widespread adoption and provides research guidelines.',
      ),
    ).toEqual({ id: 'survey', evidence: ['This chapter', 'open challenges'] });
  });

  it('a standardized evaluation protocol, a "framework for evaluating", is a benchmark', () => {
    expect(
      typeOf(
        'FEET: A Framework for Evaluating Embedding Techniques',
        'In this study, we introduce FEET, a standardized protocol designed to guide the development and benchmarking of foundation models. While numerous benchmark datasets exist for evaluating these models, we propose a structured evaluation protocol across three distinct scenarios to gain a comprehensive understanding of their practical performance.',
      ).id,
    ).toBe('benchmark');
  });

  it('"a novel dataset" the paper creates to assess models is a benchmark', () => {
    expect(
      typeOf(
        'HarmLevelBench: Evaluating Harm-Level Compliance and the Impact of Quantization on Model Alignment',
        'Our contributions include the creation of a novel dataset designed to assess the harmfulness of model outputs across multiple harm levels, as well as a focus on fine-grained harm-level analysis. Using this framework, we provide a comprehensive benchmark of state-of-the-art jailbreaking attacks, specifically targeting the Vicuna 13B v1.5 model.',
      ).id,
    ).toBe('benchmark');
  });

  it('a book that presents a field to its readers is a survey', () => {
    expect(
      typeOf(
        'Did time begin? Will time end?',
        "My hope in writing this, my first popular book, is that it will engender reflection about time. This book's aim is to present some recently discovered scientific facts which can focus the reader's consideration of the two short questions in my title.",
      ),
    ).toEqual({ id: 'survey', evidence: ['This book'] });
  });

  it('"SoK" in a title is a systematization of knowledge: a survey', () => {
    expect(typeOf('SoK: Certified Robustness for Deep Neural Networks', '').id).toBe('survey');
  });

  it('a dataset the paper introduces and releases makes a dataset paper', () => {
    expect(
      typeOf(
        'BLIP3-KALE: Knowledge Augmented Large-Scale Dense Captions',
        'We introduce BLIP3-KALE, a dataset of 218 million image-text pairs that bridges the gap between descriptive synthetic captions and factual web-scale alt-text. We train vision-language models on KALE and demonstrate improvements on vision-language tasks. We release the KALE dataset at https://huggingface.co/datasets/Salesforce/blip3-kale',
      ),
    ).toEqual({ id: 'benchmark', evidence: ['We introduce BLIP3-KALE, a dataset', 'We release the KALE dataset'] });
  });

  it('a testbed a method is studied in is where it ran, not a benchmark the paper lays down', () => {
    expect(
      typeOf(
        'Explore the Reasoning Capability of LLMs in the Chess Testbed',
        'Based on the observation that expert chess players employ a dual approach combining long-term strategic play with short-term tactical play along with language explanation, we propose improving the reasoning capability of large language models in chess by integrating annotated strategy and tactic. We finetune the LLaMA-3-8B model and compare it against state-of-the-art commercial language models in the task of selecting better chess moves.',
      ),
    ).toEqual({ id: 'method', evidence: ['we propose'] });
  });

  it('a model tested "on a novel benchmark" is a method paper: the benchmark is where it was measured', () => {
    expect(
      typeOf(
        'NatureLM-audio: an Audio-Language Foundation Model for Bioacoustics',
        'In this work, we present NatureLM-audio, the first audio-language foundation model specifically designed for bioacoustics. Importantly, we test NatureLM-audio on a novel benchmark (BEANS-Zero) and it sets the new state of the art (SotA) on several bioacoustics tasks.',
      ),
    ).toEqual({ id: 'method', evidence: ['we present'] });
  });

  it('data-derived regions analysed "on a new dataset" are where a search strategy was applied, not a dataset paper', () => {
    expect(
      typeOf(
        'A strategy for a general search for new phenomena using data-derived signal regions and its application within the ATLAS experiment',
        'This paper describes a strategy for a general search used by the ATLAS Collaboration to find potential indications of new physics. The analysis of the data-derived signal regions on a new dataset allows a statistical interpretation without the large look-elsewhere effect. The sensitivity of the approach is discussed using Standard Model processes and benchmark signals of new physics.',
      ).id,
    ).toBe('method');
  });

  it('an observing survey of star clusters is a data set, not a review of a literature', () => {
    expect(
      typeOf(
        'CCD BV survey of 42 open clusters',
        'We present results of a photometric survey whose aim was to derive structural and astrophysical parameters for 42 open clusters. This study reports on the first determination of basic parameters for 11 out of 42 observed open clusters.',
      ).id,
    ).toBe('method');
  });

  it('a survey of recent findings of a field is a survey', () => {
    expect(
      typeOf(
        'Finding retrieval-induced forgetting in recognition tests: a case for baseline memory strength',
        'Here, a survey of accruing recent findings of RIF in recognition tests shows that the impairment of unpracticed material depends vitally on baseline memory strength.',
      ),
    ).toEqual({ id: 'survey', evidence: ['a survey'] });
  });

  it('"this survey presents the key findings of the field" is a survey whatever else it names', () => {
    expect(
      typeOf(
        'Distributionally Robust Optimization',
        'Distributionally robust optimization (DRO) studies decision problems under uncertainty where the probability distribution governing the uncertain problem parameters is itself uncertain. This survey presents the key findings of the field in a unified and self-contained manner.',
      ),
    ).toEqual({ id: 'survey', evidence: ['This survey'] });
  });

  it('"the paper presents a survey of" problems and techniques is a survey', () => {
    expect(
      typeOf(
        'Mathematics of thermoacoustic tomography',
        'The paper presents a survey of mathematical problems, techniques, and challenges arising in the Thermoacoustic and Photoacoustic Tomography.',
      ),
    ).toEqual({ id: 'survey', evidence: ['presents a survey'] });
  });

  it('a survey response is statistics data, not a survey paper', () => {
    expect(
      typeOf(
        'Differentially Private Finite Population Estimation via Survey Weight Regularization',
        'This is because weighted statistics from complex sample survey data can be more sensitive to individual survey response and weight values than unweighted statistics. We leverage this trade-off to develop a differentially private method for estimating finite population quantities.',
      ).id,
    ).toBe('method');
  });
});
