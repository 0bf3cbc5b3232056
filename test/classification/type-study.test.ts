/**
 * Study, method, benchmark and survey phrasings of the `type` facet (LABELS.md): real sentences
 * from arXiv abstracts in, the exact type and the evidence that decided it out. A study asks a
 * question of something that exists; a method paper that also analyses stays a method paper.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { typeOf } from './facet-tags.js';

/** The evidence for `analysis`, whether it became the tag or stayed a mention under the threshold. */
function studyEvidence(title: string, abstract: string): string[] {
  const result = classify({ title, abstract }, { explain: true });
  const study = [...result.tags, ...(result.mentions ?? [])].find((t) => t.facet === 'type' && t.id === 'analysis');
  return study?.evidence.map((e) => e.text) ?? [];
}

describe('study papers are analysis', () => {
  it('"we investigate whether" a cause explains what is observed is a study', () => {
    expect(
      typeOf(
        'On the Origin of Asymmetries in Bilateral Supernova Remnants',
        'We investigate whether the morphology of bilateral supernova remnants observed in the radio band is determined mainly either by a non-uniform interstellar medium or by a non-uniform ambient magnetic field. We find that asymmetric remnants are produced if the line-of-sight is not aligned with the gradient of ambient plasma density.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['We investigate', 'investigate whether', 'We find that'] });
  });

  it('"this work investigates" the reproducibility of a paper is a study', () => {
    expect(
      typeOf(
        "'Explaining RL Decisions with Trajectories': A Reproducibility Study",
        "This work investigates the reproducibility of the paper 'Explaining RL decisions with trajectories'. In addition to reproducing the original claims, we investigate whether the trajectory attributions are stable across random seeds.",
      ),
    ).toEqual({ id: 'analysis', evidence: ['Reproducibility Study', 'work investigates', 'we investigate', 'investigate whether'] });
  });

  it('a meta-analysis that examines the effect of a design choice is a study', () => {
    expect(
      typeOf(
        'Investigating the Pretraining of Vision-Language Encoders',
        'In this paper we seek to answer several questions related to the pretraining of vision-language encoders through meta-analysis. In our second set of experiments we examine the effect of basing a VL transformer on a vision model versus a text model.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['Investigating', 'meta-analysis', 'we examine', 'the effect of'] });
  });

  it('a title that sheds light on problems of a field, answering its own question, is a study', () => {
    expect(
      typeOf(
        'Shedding Light on Problems with Hyperbolic Graph Learning',
        'This observation gives rise to a simple question: how can this be? We answer this question by taking a careful look at the field of hyperbolic graph representation learning as it stands today.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['Shedding Light', 'answer this question'] });
  });

  it('"this study examines" and "our findings suggest" make a study', () => {
    expect(
      typeOf(
        'Multi-Task Bayesian Optimization for Pulmonary Nodule Classifiers',
        'This study examines the feasibility of employing multi-task Bayesian optimization to accelerate the hyperparameters search for classifying benign and malignant pulmonary nodules. Our findings suggest that multi-task Bayesian optimization significantly accelerates the search for hyperparameters in comparison to a single-task approach.',
      ),
    ).toEqual({ id: 'analysis', evidence: ['study examines', 'Our findings suggest'] });
  });

  it('"study how to" asks for a method, not a question of what exists', () => {
    const [title, abstract] = ['CP Violation in the Froggatt-Nielsen Mechanism', 'We study how to incorporate CP violation in the Froggatt--Nielsen (FN) mechanism.'];
    expect(typeOf(title, abstract).id).toBe('method');
    expect(studyEvidence(title, abstract)).toEqual(['We study']);
  });

  it('prior work that analysed something is background, not the paper\'s study', () => {
    const title = 'A Structured Decision Support Framework for Ranking Privacy-Preserving ML Techniques';
    const abstract = 'Based on prior work analysing User Acceptance Criteria (UAC), we translate these criteria into differentiating characteristics for various PPML techniques.';
    expect(typeOf(title, abstract).id).toBe('method');
    expect(studyEvidence(title, abstract)).toEqual([]);
  });
});

describe('method papers that also analyse stay method papers', () => {
  it('"we propose a new algorithm" and "our algorithm" outweigh "we study" and "we prove"', () => {
    expect(
      typeOf(
        'Robust Offline Reinforcement Learning for Non-Markovian Decision Processes',
        'In this paper, we study the learning problem of robust offline non-Markovian RL. We propose a new algorithm, featuring a novel dataset distillation and a lower confidence bound design for robust values. We prove that our algorithm can find an optimal robust policy using polynomially many offline samples.',
      ).id,
    ).toBe('method');
  });

  it('"this paper proposes" a method is a method paper', () => {
    expect(
      typeOf(
        'Detecting AutoEncoder is Enough to Catch LDM Generated Images',
        'This paper proposes a novel method for detecting images generated by Latent Diffusion Models (LDM) by identifying artifacts introduced by their autoencoders.',
      ),
    ).toEqual({ id: 'method', evidence: ['paper proposes', 'proposes a novel', 'novel method'] });
  });

  it('"we explore ... and propose a novel" method outweighs a later "analyze whether"', () => {
    expect(
      typeOf(
        'Adapting LLMs for Minimal-edit Grammatical Error Correction',
        'To improve their effectiveness in the minimal-edit approach, we explore the error rate adaptation topic and propose a novel training schedule method. Our experiments set a new state-of-the-art result for a single-model system on the BEA-test set. Our experiments analyze whether training on detokenized datasets impacts the results.',
      ),
    ).toEqual({ id: 'method', evidence: ['propose a novel'] });
  });

  it('"a method named X" names the paper\'s method', () => {
    expect(
      typeOf(
        'ADOPT: Modified Adam Can Converge with Any beta2 with the Optimal Rate',
        'In this paper, we propose a new adaptive gradient method named ADOPT, which achieves the optimal convergence rate with any choice of beta2.',
      ),
    ).toEqual({ id: 'method', evidence: ['we propose', 'method named'] });
  });

  it('"an in-depth analysis" of its own method leaves a method paper a method paper', () => {
    expect(
      typeOf(
        'Composable Sparse Fine-Tuning for Cross-Lingual Transfer',
        'We introduce a new fine-tuning method with both these desirable properties. We also provide an in-depth analysis of the learned masks. Our method outperforms adapters in zero-shot cross-lingual transfer.',
      ).id,
    ).toBe('method');
  });
});

describe('benchmark and survey framings', () => {
  it('a benchmark the paper introduces is a benchmark paper', () => {
    expect(
      typeOf(
        'LongSafetyBench: Long-Context LLMs Struggle with Safety Issues',
        'In response, we introduce LongSafetyBench, the first benchmark designed to objectively and comprehensively evaluate the safety of long-context models.',
      ),
    ).toEqual({ id: 'benchmark', evidence: ['LongSafetyBench', 'we introduce LongSafetyBench, the first benchmark'] });
  });

  it('"extensive benchmarking" of a new model is where it was measured: a method paper', () => {
    expect(
      typeOf(
        'FM-TS: Flow Matching for Time Series Generation',
        'To address these limitations, we introduce FM-TS, a rectified Flow Matching-based framework for Time Series generation. Extensive benchmarking across both settings demonstrates that FM-TS consistently delivers superior performance.',
      ).id,
    ).toBe('method');
  });

  it('a title that lays out a field\'s open problems is a survey', () => {
    expect(
      typeOf(
        'Large Language Model Supply Chain: Open Problems From the Security Perspective',
        'In this work, we take the first step to discuss the potential security risks in each component of the LLM supply chain. We summarize 12 security-related risks and provide promising guidance to help build safer LLM systems.',
      ),
    ).toEqual({ id: 'survey', evidence: ['Open Problems', 'We summarize'] });
  });

  it('survey weights and a named social survey are statistics, not a survey paper', () => {
    expect(
      typeOf(
        'Differentially Private Finite Population Estimation via Survey Weight Regularization',
        'We leverage this trade-off to develop a differentially private method for estimating finite population quantities. To validate it, we ran the method on data from the European Social Survey.',
      ).id,
    ).toBe('method');
  });
});
