/**
 * How the role of a named method is read from its sentence (NAMES.md): one abstract-like sentence
 * in, the exact role out. Each block is one rule of src/classification/roles.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { againstOthers, BEFORE, cueGroupsIn, cuesIn, fineTuningStudy, mayPropose, mentionRole } from '../../src/classification/roles.js';

/** The role of the name written as [[…]] in `sentence`. */
function roleIn(sentence: string, inTitle = false): string {
  const open = sentence.indexOf('[[');
  const close = sentence.indexOf(']]');
  return mentionRole({ before: sentence.slice(0, open), after: sentence.slice(close + 2), inTitle }).role;
}

/** Name → role, as the classifier reports them for a whole record. */
function roles(title: string, abstract: string): Record<string, string> {
  return Object.fromEntries((classify({ title, abstract }).names ?? []).map((n) => [n.label, n.role]));
}

describe('a list cue ("such as", "e.g.", "like", "including") passes the role to the cue that governs the list', () => {
  it('a comparison verb before the list makes the listed names baselines', () => {
    expect(roleIn('Our approach consistently outperforms strong parameter-efficient baselines like [[LoRA]] and prefix tuning.')).toBe('compares');
    expect(roleIn('It surpasses existing alignment objectives, including [[DPO]], on three benchmarks.')).toBe('compares');
  });
  it('a tool verb of the paper before the list makes them tools', () => {
    expect(roleIn('We then plug in off-the-shelf structured tuning methods, e.g., [[LoRA]], to update the selected blocks.')).toBe('uses');
    expect(roleIn('Next, our framework utilizes existing low-rank methods, e.g., [[LoRA]] [12], under the same budget.')).toBe('uses');
  });
  it('a study verb before the list makes them the objects of the paper', () => {
    expect(roleIn('The survey also examines preference-based approaches like [[PPO]] and DPO in detail.')).toBe('studies');
  });
  it('a list nobody governs is background', () => {
    expect(roleIn('Recently, methods like [[LoRA]] have been shown to match full fine-tuning.')).toBe('mentions');
    expect(roleIn('Fine-tuning (via methods such as instruction tuning or [[RLHF]]) is a crucial step for language models.')).toBe('mentions');
  });
  it('a tool list whose phrase leads into a clause with the paper as subject (its own name, or we) is the paper\'s tool (SPA, arXiv 2411.06722)', () => {
    const sentence = 'By leveraging signal provided by data attribution methods such as [[influence functions]], SPA partitions data into subsets, each targeting unique aspects of the data, and trains multiple model adaptations optimized for these subsets.';
    const open = sentence.indexOf('[[');
    const close = sentence.indexOf(']]');
    const context = { before: sentence.slice(0, open), after: sentence.slice(close + 2), inTitle: false };
    expect(mentionRole({ ...context, ownNames: ['SPA'] }).role).toBe('uses');
    expect(mentionRole(context).role).toBe('mentions');
    expect(roleIn(sentence.replace('SPA partitions', 'we partition'))).toBe('uses');
    // "our analysis" reports on what the phrase names; it does not act with it.
    expect(roleIn('By leveraging preference data with methods such as [[DPO]], our analysis shows that models become more verbose.')).toBe('mentions');
    const abstract =
      'In this work, we propose a novel framework, Synthesize-Partition-Adapt (SPA), that leverages the abundant synthetic data available in many domains to elicit diverse responses from foundation models. ' +
      sentence.replace(/\[\[|\]\]/g, '');
    expect(roles('Synthesize, Partition, then Adapt: Eliciting Diverse Samples from Foundation Models', abstract)).toEqual({ 'influence functions': 'uses' });
  });
  it('a passive study verb after the list makes them studied', () => {
    expect(roleIn('Parameter-efficient methods such as [[LoRA]] and adapters are analysed in depth.')).toBe('studies');
  });
  it('a list only a noun modifier governs ("existing", "traditional") is background, unless the clause compares', () => {
    expect(roleIn('Existing parameter-efficient approaches, such as [[LoRA]] and prefix tuning, reduce the number of trainable parameters.')).toBe('mentions');
    expect(roleIn('Traditional fine-tuning approaches, e.g., [[LoRA]], update only a small set of weights.')).toBe('mentions');
    expect(roleIn('Existing methods, such as [[LoRA]], perform worse than full fine-tuning on reasoning tasks.')).toBe('compares');
    expect(roleIn('Our method outperforms traditional fine-tuning methods like [[LoRA]] in maintaining the generalization ability.')).toBe('compares');
  });
  it('"e.g." followed by a comma is still a list cue', () => {
    expect(roleIn('Common PEFT techniques, e.g., [[LoRA]], keep the backbone frozen.')).toBe('mentions');
  });
});

describe('the paper\'s study verbs', () => {
  it('an adverb between "we" and the study verb keeps it a study ("we closely examine X")', () => {
    expect(roleIn('In this study, we closely examine [[WiSE-FT]], a popular weight space ensemble method that interpolates between a pre-trained and a fine-tuned model.')).toBe('studies');
    expect(roleIn('We carefully analyze [[LoRA]] across model scales.')).toBe('studies');
  });
});

describe('what the paper reveals or highlights about a method is its object', () => {
  it('"we show that X …", "we find that X …": the name is the subject of the paper\'s own finding', () => {
    expect(
      roleIn('Second, we show that [[LoRA]] models with intruder dimensions, despite achieving similar performance to full fine-tuning on the target task, become worse models of the pre-training distribution.'),
    ).toBe('studies');
    expect(roleIn('We find that [[ROME]] is effective on a standard zero-shot relation extraction (zsRE) model-editing task, comparable to existing methods.')).toBe('studies');
    // Others' finding is background.
    expect(roleIn('Recent studies have shown that [[LoRA]] behaves as an implicit regularizer (Biderman et al., 2024), helping mitigate catastrophic forgetting.')).toBe('mentions');
  });
  it('an enumerator between "we" and the study verb ("we (1) survey"), and "emphasizes the limitations of X"', () => {
    expect(roleIn('In this paper, we (1) survey open problems and fundamental limitations of [[RLHF]] and related methods.')).toBe('studies');
    expect(roleIn('Our work emphasizes the limitations of [[RLHF]] and highlights the importance of a multi-faceted approach to the development of safer AI systems.')).toBe('studies');
  });
  it('"we reveal that X …", "our analysis highlights … limitations of X"', () => {
    expect(roleIn('Leveraging a specialized LLM-as-Judge prompt, validated through human studies, we reveal that [[DPO]] and KTO excel in factual accuracy.')).toBe('studies');
    expect(roleIn('Our analysis also highlights other key limitations of [[ROME]] and MEMIT at scale.')).toBe('studies');
    expect(roleIn('Our analysis reveals that [[LoRA]] and FT exhibit markedly distinct patterns of updates, leading us to surmise that these variations mirror the learning capability of each method.')).toBe('studies');
  });
});

describe('whose tool it is', () => {
  it('a tool of prior work is a point of comparison, not the paper\'s tool', () => {
    expect(roleIn('Existing methods align the model with these preferences, typically with [[RLHF]].')).toBe('compares');
  });
  it('the paper\'s own tool stays `uses`', () => {
    expect(roleIn('We align the model with these preferences using [[RLHF]].')).toBe('uses');
  });
  it('a component of the paper\'s pipeline is used ("X-based", "(X) modules")', () => {
    expect(roleIn('Our system combines a graph encoder with [[LoRA]]-based backbone adaptation and a ranking head.')).toBe('uses');
    expect(roleIn('We inject trainable Low-Rank Adaptation ([[LoRA]]) modules into every attention block.')).toBe('uses');
  });
});

describe('"the use of X": use as a noun is anyone\'s use', () => {
  it('is background, without the paper in the sentence', () => {
    expect(roleIn('Consequently, the use of [[LoRA]] in practice has generally been limited to very low ranks.')).toBe('mentions');
  });
  it('yields to the verb before it', () => {
    expect(roleIn('We study the use of [[reinforcement learning from human feedback]] to train a neural network to summarize text.')).toBe('studies');
  });
  it('with the paper in the sentence, it is the paper\'s use: "the use of X in our training process"', () => {
    // The main clause of a real sentence (a text-to-image paper's appendix, "Comparison with LoRA").
    expect(roleIn('The use of [[LoRA]] in our training process might obscure the enhancement of the final results.')).toBe('uses');
    expect(roleIn('The use of [[LoRA]] in practice might obscure the enhancement of the final results.')).toBe('mentions');
  });
  it('"our use of X" is the paper\'s', () => {
    expect(roleIn('An ablation study isolating our parameterization choices confirms that Full-Rank Multi-Layer Perceptrons severely overfit, justifying our use of [[LoRA]].')).toBe('uses');
  });
  it('the verb "use" stays a tool cue', () => {
    expect(roleIn('Our approach uses [[Group Relative Policy Optimization]] (GRPO), an online reinforcement learning method, to train a Large Language Model (LLM).')).toBe('uses');
  });
});

describe('"consistent with X", "at odds with X": an agreement, not a tool', () => {
  it('is not a tool cue', () => {
    expect(roleIn('Model comparisons are consistent with [[RLHF]] as the driver.')).toBe('mentions');
  });
});

describe('"used in X", "employed in X": X is where something else is used', () => {
  it('the cue before the participle decides', () => {
    expect(roleIn('Proximal Policy Optimization (PPO) is the RL algorithm most commonly used in [[RLHF]].')).toBe('mentions');
    expect(roleIn('This is a biased low-variance estimator commonly used in [[RLHF]]/GRPO to penalize policy drift.')).toBe('mentions');
  });
  it('"we used X" still makes X the tool', () => {
    expect(roleIn('We used [[PPO]] to fine-tune the model because it prevents catastrophically large policy updates.')).toBe('uses');
  });
});

describe('noun modifiers ("existing", "popular", "standard") yield to the verb before them', () => {
  it('a study verb wins over "standard"', () => {
    expect(roleIn('We investigate standard fine-tuning and [[LoRA]] fine-tuning for operator learning.')).toBe('studies');
  });
  it('alone, a modifier still marks prior work', () => {
    expect(roleIn('Existing [[LoRA]] variants ignore the geometry of the weights.')).toBe('compares');
  });
});

describe('comparisons', () => {
  it('a comparison that opens the sentence governs only its own phrase', () => {
    expect(roleIn('Compared to QLoRA, [[QPiSSA]] shows smaller quantisation errors at the start of training.')).toBe('mentions');
    expect(roleIn('Compared to [[QLoRA]], our variant shows smaller quantisation errors.')).toBe('compares');
    expect(roleIn('  Unlike adapters, [[LoRA]] adds no latency at inference.')).toBe('mentions');
    expect(roleIn('Beyond QLoRA, [[QPiSSA]] shows smaller quantisation errors.')).toBe('mentions');
    expect(roleIn('Apart from DoRA, it outperforms [[LoRA]].')).toBe('compares');
  });
  it('"different from" compares, and opening the sentence governs only its own phrase', () => {
    expect(roleIn('Different from [[LoRA]], our method allocates the rank to each layer.')).toBe('compares');
    expect(roleIn('Different from LoRA, [[DoRA]] decomposes the weight into magnitude and direction.')).toBe('mentions');
    expect(roleIn('Furthermore, different from some existing parameter-efficient fine-tuning methods (e.g., Adapter or [[VPT]]) that introduce extra parameters, SSF only adds learnable parameters during training.')).toBe('compares');
  });
  it('an equal comparison ("as fast as", "as effective as") compares; "as well as" only joins', () => {
    expect(roleIn('It converges twice as fast as LoRA and [[PiSSA]] on GLUE.')).toBe('compares');
    expect(roleIn('The method is as effective as [[DoRA]] at a third of the memory.')).toBe('compares');
    expect(roleIn('We evaluate full fine-tuning as well as [[LoRA]] on GLUE.')).toBe('studies');
  });
  it('a name followed by "baselines", "counterparts" or "is outperformed" is compared against', () => {
    expect(roleIn('The [[LoRA]] baselines trail on all tasks.')).toBe('compares');
    expect(roleIn('It reaches its [[LoRA]]  counterparts at a tenth of the memory.')).toBe('compares');
    expect(roleIn('On GLUE, [[LoRA]] is outperformed by our method.')).toBe('compares');
    expect(roleIn('Each [[LoRA]] alternative trails on GLUE.')).toBe('compares');
    expect(roleIn('On GLUE, [[LoRA]] is surpassed by our method.')).toBe('compares');
    expect(roleIn('On GLUE, [[LoRA]] is surpassing the rest.')).toBe('mentions');
  });
  it('a name followed by "is used" or "were applied" is a tool', () => {
    expect(roleIn('Finally, [[LoRA]] is used to adapt the model to each client.')).toBe('uses');
    expect(roleIn('Both [[LoRA]]\u00a0 were applied to the vision tower.')).toBe('uses');
  });
  it('"we compare with X", "we compare our method with X", "we compare it to X": X is the baseline, however "with" reads alone', () => {
    expect(roleIn('We compare with [[DoRA]] and SAFT on eight commonsense reasoning tasks.')).toBe('compares');
    expect(roleIn('We compare our method with [[LoRA]] under the same parameter budget.')).toBe('compares');
    expect(roleIn('We compare it to [[prefix tuning]] on table-to-text generation.')).toBe('compares');
    // The object of "compare" is what the paper studies; the names after "with" are its baselines.
    expect(roleIn('We compare [[LoRA]] with full fine-tuning across model scales.')).toBe('studies');
  });
  it('"improves upon X" compares; "we improve X" studies it', () => {
    expect(roleIn('Our method improves upon [[LoRA]] by 2.1 points on commonsense reasoning.')).toBe('compares');
    expect(roleIn('We improve upon [[DPO]] with a margin term in the loss.')).toBe('compares');
    expect(roleIn('We improve [[LoRA]] by initialising its matrices from the principal components.')).toBe('studies');
  });
  it('"similar to" and "a simplification of" compare', () => {
    expect(roleIn('Our method can be seen as a simplification of the recently proposed [[prefix tuning]] of earlier work.')).toBe('compares');
  });
});

describe('the paper\'s own name', () => {
  it('"which we call X" and "(which we term X)" name the paper\'s method', () => {
    expect(roleIn('The resulting algorithm, which we call Direct Preference Optimization ([[DPO]]), is stable.')).toBe('proposes');
    expect(roleIn('Selectively tuning a subset of layers (which we term [[surgical fine-tuning]]) matches full fine-tuning.')).toBe('proposes');
  });
  it('a name that goes on into a longer one, spelt by a bracketed acronym, is built on, not proposed', () => {
    expect(roleIn('Based on this, we propose [[Orthogonal Low-rank Adaptation]] in Lie Groups (OLieRA), which introduces Lie group theory into LLM fine-tuning.')).toBe('studies');
    expect(roleIn('We propose [[Low-Rank Adaptation]] (LoRA), which freezes the pre-trained weights.')).toBe('proposes');
  });
  it('our "quoted name" is the paper\'s own', () => {
    expect(roleIn('We show that our "[[Fisher merging]]" technique improves over simple averaging.')).toBe('proposes');
  });
  it('a recently proposed method with a name is someone else\'s', () => {
    expect(roleIn('A recently proposed method named Context Optimization ([[CoOp]]) learns prompt vectors.')).not.toBe('proposes');
  });
});

describe('roles over a whole record', () => {
  it('an evaluation paper of a family studies the methods of that family it names, even in background sentences', () => {
    const r = roles(
      'A Black-Box Evaluation of Machine Unlearning Methods for Language Models',
      'RMU has been proposed as a method for LLM unlearning with strong results on unlearning benchmarks. We test whether its forgetting survives simple prompting.',
    );
    expect(r.RMU).toBe('studies');
  });
  it('an abstract whose contribution is a study of methods studies the named methods of its background', () => {
    const background = 'In natural language processing, parameter-efficient approaches like prompt-tuning and adapters have emerged as solid alternatives. ';
    expect(roles('Transfer learning of audio transformers', `${background}In this paper, we bridge this gap and present a detailed investigation of common parameter-efficient methods.`)).toMatchObject({ 'prompt tuning': 'studies' });
    expect(roles('Transfer learning of audio transformers', `${background}In this paper, we present a new adapter for audio transformers.`)).toMatchObject({ 'prompt tuning': 'mentions' });
  });
  it('a denied use ("baselines that do not use the image data … confirm X") does not make X a tool', () => {
    expect(roleIn('We find that simple sanity baselines that do not use the image data can perform surprisingly well and confirm [[LoRA]] as the best-performing method.')).toBe('mentions');
    expect(roleIn('We do not use the image data and fine-tune with [[LoRA]] only.')).toBe('uses');
    // Nor does a contribution cue before the denial reach the name.
    expect(roleIn('We introduce a new approach that does not use [[WiSE-FT]] at inference.')).toBe('mentions');
  });
  it('"a study on the robustness of various Fine-Tuning (FT) methods" is a study of methods too', () => {
    const abstract =
      'We conduct a study on the robustness of various Fine-Tuning (FT) methods across three medical datasets. We find that simple sanity baselines that do not use the image data can perform surprisingly well and confirm LoRA as the best-performing FT method on in-distribution data.';
    expect(roles('Robustness evaluation in medical VQA', abstract)).toMatchObject({ LoRA: 'studies' });
  });
  it('a method paper with the same background sentence only mentions it', () => {
    const r = roles(
      'Gradient Routing for Targeted Unlearning in Language Models',
      'RMU has been proposed as a method for LLM unlearning with strong results on unlearning benchmarks. We propose a routing scheme that localises the knowledge to remove.',
    );
    expect(r.RMU).toBe('mentions');
  });
  it('a name in three sentences is not the object when its clauses mostly compare against it', () => {
    const r = roles(
      'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      'Existing methods for gaining such steerability fine-tune the unsupervised LM to align with these preferences, often with reinforcement learning from human feedback (RLHF). ' +
        'However, RLHF is a complex and often unstable procedure. ' +
        'The resulting algorithm, which we call Direct Preference Optimization (DPO), is stable and lightweight. ' +
        "Notably, fine-tuning with DPO exceeds RLHF's ability to control sentiment of generations.",
    );
    expect(r.RLHF).toBe('compares');
    expect(r.DPO).toBe('proposes');
  });
  it('a comparison title ("X vs Y") makes the names it concerns studied', () => {
    const r = roles('LoRA vs Full Fine-tuning: Where Do the Solutions Differ?', 'Higher-rank, rank-stabilized LoRA models closely mirror full fine-tuning on held-out tasks.');
    expect(r.rsLoRA).toBe('studies');
  });
});

describe('a name defined as the means of the paper\'s own act, then pitted against others\' methods, is its own', () => {
  // ROME (arXiv 2202.05262), its abstract abridged: no contribution verb names ROME, but the paper defines it and reports it against existing methods.
  const rome =
    'We analyze the storage and recall of factual associations in autoregressive transformer language models, finding evidence that these associations correspond to localized, directly-editable computations. ' +
    "We first develop a causal intervention for identifying neuron activations that are decisive in a model's factual predictions. " +
    'To test our hypothesis that these computations correspond to factual association recall, we modify feed-forward weights to update specific factual associations using Rank-One Model Editing (ROME). ' +
    'We find that ROME is effective on a standard zero-shot relation extraction (zsRE) model-editing task, comparable to existing methods.';
  it('"we modify … weights … using Rank-One Model Editing (ROME). We find that ROME is … comparable to existing methods"', () => {
    const result = classify({ title: 'Locating and Editing Factual Associations in GPT', abstract: rome });
    expect(result.names?.map((n) => [n.label, n.role])).toEqual([['ROME', 'proposes']]);
    expect(result.proposed?.map((p) => p.text)).toEqual(['ROME']);
  });
  it('defined as the means but never pitted against others, it is what the paper studies', () => {
    expect(roles('Locating and Editing Factual Associations in GPT', rome.replace(', comparable to existing methods', ''))).toEqual({ ROME: 'studies' });
  });
  it('a tool defined in the paper\'s own sentence, whose results are the paper\'s model\'s, stays a tool (a medical QA system, arXiv 2512.05863)', () => {
    const abstract =
      'In this paper, we present a retrieval-augmented generation (RAG) based medical QA system that combines domain-specific knowledge retrieval with open-source LLMs to answer medical questions. ' +
      'We fine-tune two state-of-the-art open LLMs (LLaMA 2 and Falcon) using Low-Rank Adaptation (LoRA) for efficient domain specialization. ' +
      "Our fine-tuned LLaMA 2 model achieves 71.8% accuracy on PubMedQA, substantially improving over the 55.4% zero-shot baseline, while maintaining transparency by providing source references.";
    expect(roles('Retrieval-augmented medical question answering with open LLMs', abstract)).toEqual({ LoRA: 'uses' });
  });
  it('against others\' methods only as its clause\'s subject: "X is comparable to existing methods", not "our X-tuned model is comparable …"', () => {
    const against = (before: string, after: string) => againstOthers({ before, after, inTitle: false });
    expect([
      against('We find that ', ' is effective on a standard zero-shot relation extraction (zsRE) model-editing task, comparable to existing methods.'),
      against('Experimental results show that ', ' outperforms existing state-of-the-art continual learning methods on multiple datasets.'),
      against('', ' and our model outperform existing methods.'),
      against('', ' is able to surpass GPT-4 on code.'),
      against('Our ', '-tuned model is comparable to existing methods on MedQA.'),
      against('The ', ' model is comparable to existing methods on MedQA.'),
      against('With ', ', the model is comparable to existing methods on MedQA.'),
    ]).toEqual([true, true, false, false, false, false, false]);
    const tool = 'We fine-tune LLaMA-7B using Low-Rank Adaptation (LoRA) on clinical notes. ';
    expect(roles('Clinical notes', `${tool}Our LoRA-tuned model is comparable to existing methods on MedQA.`)).toEqual({ LoRA: 'uses' });
  });
});

describe('a title mention that is part of the paper\'s own name, or the field its own method works in, gives no role', () => {
  it('"SaRA: … with Progressive Sparse Low-Rank Adaptation": the words SaRA abbreviates are its name, not LoRA (arXiv 2409.06633)', () => {
    const abstract =
      'Based on this observation, we propose a method termed SaRA that re-utilizes these temporarily ineffective parameters, equating to optimizing a sparse weight matrix to learn the task-specific knowledge. ' +
      "Our method enhances the generative capabilities of pre-trained models in downstream applications and outperforms traditional fine-tuning methods like LoRA in maintaining model's generalization ability.";
    expect(roles('SaRA: High-Efficient Diffusion Model Fine-tuning with Progressive Sparse Low-Rank Adaptation', abstract)).toEqual({ LoRA: 'compares' });
    // Without the paper's own name in the title, fine-tuning "with Low-Rank Adaptation" is its tool.
    expect(roles('High-Efficient Diffusion Model Fine-tuning with Low-Rank Adaptation', abstract)).toEqual({ LoRA: 'uses' });
  });
  it('the heading name is not part of the words it abbreviates: "PTR: Prompt Tuning with Rules …" names prompt tuning as the object (arXiv 2105.11259)', () => {
    expect(roles('PTR: Prompt Tuning with Rules for Text Classification', '')).toEqual({ 'prompt tuning': 'studies' });
  });
  it('"Visual-Language Prompt Tuning with Knowledge-guided Context Optimization": the title names the field KgCoOp works in (arXiv 2303.13283)', () => {
    const abstract =
      'Prompt tuning is an effective way to adapt the pretrained visual-language model (VLM) to the downstream task using task-related textual tokens. ' +
      'To tackle this issue, we introduce a novel Knowledge-guided Context Optimization (KgCoOp) to enhance the generalization ability of the learnable prompt for unseen classes. ' +
      'Extensive evaluation of several benchmarks demonstrates that the proposed Knowledge-guided Context Optimization is an efficient method for prompt tuning, i.e., achieves better performance with less training time.';
    expect(roles('Visual-Language Prompt Tuning with Knowledge-guided Context Optimization', abstract)).toMatchObject({ 'prompt tuning': 'mentions', KgCoOp: 'proposes' });
    // A title that is about prompt tuning, with no own method after "with", makes it the object.
    expect(roles('Visual-Language Prompt Tuning with Hand-crafted Prompts', abstract)).toMatchObject({ 'prompt tuning': 'studies' });
  });
  it('"the proposed X is an efficient method for Y": "proposed" describes the subject, not the name in the predicate', () => {
    expect(roleIn('Extensive evaluation of several benchmarks demonstrates that the proposed Knowledge-guided Context Optimization is an efficient method for [[prompt tuning]], i.e., achieves better performance with less training time.')).toBe('mentions');
    expect(roleIn('Experiments show that the proposed [[LoRA]] variant converges faster than full fine-tuning.')).toBe('studies');
    // What the proposed method is said to be, it is built on.
    expect(roleIn('The proposed method is a [[LoRA]] variant that shares matrices across layers.')).toBe('studies');
    expect(roleIn('The proposed method is orthogonal to [[LoRA]] and can be combined with it.')).toBe('mentions');
  });
});

describe('a name the paper builds its own on (NAMES.md: "improved or extended" is studies)', () => {
  it('the method a proposed name extends is studied, however its clauses use it (Step-DPO, arXiv 2406.18629)', () => {
    const abstract =
      'However, Direct Preference Optimization (DPO) has shown limited benefits for long-chain mathematical reasoning, as models employing DPO struggle to identify detailed errors in incorrect answers. ' +
      'We propose a simple, effective, and data-efficient method called Step-DPO, which treats individual reasoning steps as units for preference optimization rather than evaluating answers holistically.';
    expect(roles('Step-wise preference optimization for long-chain reasoning', abstract)).toMatchObject({ DPO: 'studies', 'Step-DPO': 'proposes' });
  });
  it('the named one is studied however it is written inside the new name: "rsLoRA", "Dr. GRPO"', () => {
    const lora =
      'A popular PEFT method is Low-Rank Adapters (LoRA), which adds trainable low-rank adapters to selected layers. Modifying LoRA with the appropriate scaling factor, which we call the rank-stabilized LoRA (rsLoRA) method, provides a compute/performance trade-off.';
    expect(roles('A rank stabilization scaling factor for fine-tuning with LoRA', lora)).toMatchObject({ LoRA: 'studies', rsLoRA: 'proposes' });
    const grpo =
      'Additionally, we identify an optimization bias in Group Relative Policy Optimization (GRPO), which artificially increases response length. To address this, we introduce Dr. GRPO, an unbiased optimization method that improves token efficiency.';
    expect(roles('Understanding R1-Zero-like training: a critical perspective', grpo)).toMatchObject({ GRPO: 'studies' });
  });
  it('a known name only inside a longer word is not built on ("CHROME" does not hold "ROME")', async () => {
    const { builtOn } = await import('../../src/classification/names.js');
    expect(['rsLoRA', 'Step-DPO', 'Dr. GRPO', 'KgCoOp', 'LoRA+'].map((own) => builtOn(own, own.includes('CoOp') ? 'CoOp' : own.includes('GRPO') ? 'GRPO' : own.includes('DPO') ? 'DPO' : 'LoRA'))).toEqual([true, true, true, true, true]);
    expect([builtOn('CHROME', 'ROME'), builtOn('CVPT', 'VPT'), builtOn('LoRA', 'LoRA'), builtOn('Lorax', 'LoRA')]).toEqual([false, false, false, false]);
  });
  it('"we propose LoRA-Drop": a name hyphenated into the paper\'s own is built on, not proposed', () => {
    expect(roleIn('We propose [[LoRA]]-Drop, which prunes redundant LoRA layers by their output norm.')).toBe('studies');
    expect(roles('Efficient adaptation', 'We propose LoRA-Drop, which prunes redundant LoRA layers by their output norm. LoRA-Drop keeps accuracy on GLUE.')).toMatchObject({ LoRA: 'studies' });
  });
  it('a title that is the name and nothing else is the name\'s paper, whatever verb introduces it', () => {
    const abstract =
      'In this work, we study Self-Rewarding Language Models, where the language model itself is used via LLM-as-a-Judge prompting to provide its own rewards during training.';
    expect(roles('Self-Rewarding Language Models', abstract)).toMatchObject({ 'Self-Rewarding Language Models': 'proposes' });
    expect(roles('Iterative reward modelling for language models', abstract)).toMatchObject({ 'Self-Rewarding Language Models': 'studies' });
  });
});

describe('an abbreviation the abstract defines for a name stands for it from there on', () => {
  it('"Prompt tuning (PT)" then "PT …" in three more sentences: prompt tuning is the object (DePT, arXiv 2309.05173)', () => {
    const abstract =
      'Prompt tuning (PT), where a small amount of trainable soft prompt vectors is affixed to the input of language models, has shown promising results for parameter-efficient fine-tuning. ' +
      'PT stands out from other PEFT approaches because it maintains competitive performance with fewer trainable parameters. ' +
      'However, PT introduces additional soft prompt tokens, leading to longer input sequences. ' +
      'To address this issue, we propose Decomposed Prompt Tuning (DePT), which decomposes the soft prompt into a shorter soft prompt and a pair of low-rank matrices. ' +
      'This allows DePT to save over 20% memory compared to vanilla PT.';
    expect(roles('Decomposed prompt tuning for parameter-efficient fine-tuning', abstract)).toMatchObject({ 'prompt tuning': 'studies' });
    // Defined once and never used again, the name stays background.
    expect(roles('Decomposed prompt tuning for parameter-efficient fine-tuning', abstract.replace(/\bPT\b(?! \()/g, 'it'))).toMatchObject({ 'prompt tuning': 'mentions' });
  });
  it('"gradient ascent (GA)" then "slower than GA": the comparison is with gradient ascent (NPO, arXiv 2404.05868)', () => {
    const abstract =
      'Several practical methods have recently been proposed for LLM unlearning, mostly based on gradient ascent (GA) on the loss of undesirable data. ' +
      'In this paper, we propose Negative Preference Optimization (NPO), a simple alignment-inspired method that could efficiently unlearn a target dataset. ' +
      'We theoretically show that the progression toward catastrophic collapse by minimizing the NPO loss is exponentially slower than GA.';
    expect(roles('Negative preference optimization for unlearning', abstract)).toMatchObject({ 'gradient ascent': 'compares' });
  });
  it('a bracket that does not spell the name\'s initials is another name\'s ("Decomposed Prompt Tuning (DePT)")', () => {
    const abstract = 'We propose Decomposed Prompt Tuning (DePT), which decomposes the soft prompt. DePT uses two learning rates. DePT is fast. DePT saves memory.';
    expect(roles('Decomposed prompt tuning', abstract)['prompt tuning']).not.toBe('studies');
  });
});

describe('the new method\'s own act on a name, and a shortcoming named after background', () => {
  it('"we propose a novel method that removes noise from X": X is the material the method uses', () => {
    expect(roleIn('Furthermore, we propose a novel method that removes noise from [[task vectors]] and robustly optimizes the merged vector.')).toBe('uses');
    expect(roleIn('We propose a new training scheme which applies [[LoRA]] to every layer.')).toBe('uses');
  });
  it('a relative clause that studies or compares keeps its cue; a contribution with no such clause is still a study', () => {
    expect(roleIn('We propose a method that improves [[LoRA]] on long contexts.')).toBe('studies');
    expect(roleIn('We propose a method that outperforms [[LoRA]] on long contexts.')).toBe('compares');
    expect(roleIn('We propose a new benchmark that measures how [[DPO]] over-optimises.')).toBe('studies');
    expect(roleIn('In this work, we investigate [[DPO]] on reasoning tasks.')).toBe('studies');
  });
  it('"methods such as X and Y alleviate …, but they overlook …": the named background is the point of comparison', () => {
    const sentence =
      'Parameter regularization methods such as O-LoRA and [[N-LoRA]] alleviate task interference by enforcing low-rank subspace orthogonality, but they overlook the fact that conventional additive fine-tuning disrupts the intrinsic geometric structure of LLM parameters.';
    expect(roleIn(sentence)).toBe('compares');
    expect(roleIn('Parameter regularization methods such as O-LoRA and [[N-LoRA]] alleviate task interference by enforcing orthogonality.')).toBe('mentions');
    // The paper's own tool stays its tool, whatever its shortcoming.
    expect(roleIn('We fine-tune with [[LoRA]], but it struggles with long inputs.')).toBe('uses');
  });
  it('a single method whose problem the sentence states is the object the paper sets out to fix', () => {
    expect(roleIn('Aligning large language models with human preferences through reinforcement learning ([[RLHF]]) can lead to reward hacking.')).toBe('studies');
    expect(roleIn('Low-rank adapation ([[LoRA]]) is a popular method that reduces the number of trainable parameters, but still faces acute storage challenges.')).toBe('studies');
    expect(roleIn('However, Direct Preference Optimization ([[DPO]]) has shown limited benefits for long-chain mathematical reasoning.')).toBe('studies');
    // Not the paper's own tool, nor examples of a list.
    expect(roleIn('We fine-tune with [[LoRA]], which can lead to forgetting.')).toBe('uses');
    expect(roleIn('Methods such as [[LoRA]] and adapters can lead to forgetting.')).toBe('mentions');
  });
});

describe('a title that opens with a name, over an abstract introducing a new method it does not name', () => {
  const abstract = 'Techniques like adapters and sparse fine-tuning have been developed. In this work, we introduce a new fine-tuning method with both these desirable properties.';
  it('proposes the name: it is the title\'s name for the new method (Composable Sparse Fine-Tuning, arXiv 2110.07560)', () => {
    expect(roles('Composable Sparse Fine-Tuning for Cross-Lingual Transfer', abstract)).toMatchObject({ 'Composable Sparse Fine-Tuning': 'proposes' });
  });
  it('not where the abstract names its method, nor where it introduces none', () => {
    expect(roles('LoRA for Cross-Lingual Transfer', 'We introduce a new fine-tuning method called XLT that adapts LoRA modules across languages.').LoRA).not.toBe('proposes');
    expect(roles('LoRA for Cross-Lingual Transfer', 'We fine-tune multilingual models with LoRA and report results on twelve languages.').LoRA).not.toBe('proposes');
    // An abstract that goes on about the name works in its family.
    expect(roles('Prompt Tuning for Graph Neural Networks', 'Prompt tuning adapts frozen models with soft prompts. We introduce a new approach that learns graph prompts.')['prompt tuning']).not.toBe('proposes');
  });
});

describe('study cues: modifying a method, and a flaw identified in it', () => {
  it('"Modifying X with …" studies X', () => {
    expect(roleIn('Modifying [[LoRA]] with the appropriate scaling factor provides a compute/performance trade-off.')).toBe('studies');
  });
  it('"we identify a bias in X" studies X, however it is later named', () => {
    expect(roleIn('Additionally, we identify an optimization bias in Group Relative Policy Optimization ([[GRPO]]), which artificially increases response length.')).toBe('studies');
    expect(roleIn('We identify two failure modes of [[DPO]] on long reasoning chains.')).toBe('studies');
  });
});

describe('the paper\'s contribution in apposition, and its own training run', () => {
  it('"Our key innovation, the X (ABBR) metric": the name is the paper\'s own', () => {
    expect(roleIn('Our key innovation, the Instruction-Following Difficulty ([[IFD]]) metric, emerges as a pivotal metric to identify discrepancies.')).toBe('proposes');
    expect(roleIn('Our main contribution, [[SalUn]], narrows the gap with exact unlearning.')).toBe('proposes');
    expect(roleIn('Unlike our key innovation, the [[IFD]] baseline needs a reference model.')).not.toBe('proposes');
  });
  it('"we show that during Iterative X training": the paper trains with X', () => {
    expect(roleIn('We show that during Iterative [[DPO]] training that not only does instruction following ability improve.')).toBe('uses');
    // Without the paper as subject, a training run is background.
    expect(roleIn('Reward hacking appears during [[RLHF]] training of large models.')).toBe('mentions');
  });
});

describe('the last item of a serial list ("A, B, and C") is read in the list\'s clause', () => {
  it('", and" before the last item does not end the clause that governs the list', () => {
    expect(roleIn('Across multiple models, tasks, and low-rank settings, IFCLoRA consistently outperforms LoRA, AdaLoRA, and [[EVA]] under matched training configurations.')).toBe('compares');
    expect(
      roleIn('We propose a three-stage evaluation focusing on knowledge recovery, complementarity, and emergence, and assess three merging methods (Task Arithmetic, TIES, and [[DARE]]-TIES) on a comprehensive financial benchmark curated from 18 tasks across 8 established datasets.'),
    ).toBe('studies');
  });
  it('a list item may carry a bracket ("Adapters (Section 6.1), and")', () => {
    expect(
      roleIn('MAM method outperforms BitFit and PromptTuning by a large margin and consistently outperforms LoRa (Section 10.2), Adapters (Section 6.1), and [[Prefix Tuning]] (Section 7.2) with 200 soft prompt length at 7% extra parameters.'),
    ).toBe('compares');
  });
  it('a list that no cue governs stays background', () => {
    expect(roleIn('What an LLM truly optimizes after pre-training, fine-tuning, and [[RLHF]] remains implicit and opaque.')).toBe('mentions');
  });
  it('"X is then applied": an adverb between the passive and its tool verb', () => {
    expect(roleIn('[[DPO]] is then applied to guide diffusion models toward generating clinically accurate medical images.')).toBe('uses');
    expect(roleIn('[[DPO]] is widely used for aligning language models.')).toBe('mentions');
  });
});

describe('brackets', () => {
  it('a cue inside a bracket closed before the name is the bracket\'s own ("(e.g., …), lightweight X fine-tuning")', () => {
    expect(
      roleIn('While pretrained MLLMs often misread domains and axis ranges (e.g., Granite 3.3-2B reaches only 0.29 domain F1), lightweight [[QLoRA]] fine-tuning on our annotated graphs raises its domain F1 to 0.84.'),
    ).toBe('uses');
    // A cue before the closed bracket still reaches past it.
    expect(roleIn('Furthermore, LoTA-QAF outperforms LoRA (GPTQ+LoRA in Table 1) and [[QA-LoRA]].')).toBe('compares');
    // A bracket still open at the name holds it: its cue governs.
    expect(roleIn('Furthermore, different from some existing parameter-efficient fine-tuning methods (e.g., Adapter or [[VPT]]) that introduce extra parameters, SSF only adds learnable parameters during training.')).toBe('compares');
  });
});

describe('the means of the paper\'s own fine-tuning', () => {
  /** The role of the name in [[…]], with the record-level answer to "does the paper fine-tune itself, proposing nothing?". */
  function meansRole(sentence: string, ownFineTuning: boolean): string {
    const open = sentence.indexOf('[[');
    const close = sentence.indexOf(']]');
    return mentionRole({ before: sentence.slice(0, open), after: sentence.slice(close + 2), inTitle: false, ownFineTuning: () => ownFineTuning }).role;
  }
  it('"we perform X fine-tuning": the paper trains with X', () => {
    expect(roleIn('We perform [[LoRA]] fine-tuning (Hu et al., 2021) on all model blocks in all experiments due to the limited computational resources.')).toBe('uses');
    expect(roleIn('For OpenVLA, we perform [[LoRA]] fine-tuning on 4 A800 GPUs, using a total batch size of 16.')).toBe('uses');
  });
  it('"X fine-tuning on our data": the paper\'s own training run, named by its means', () => {
    expect(roleIn('Lightweight [[QLoRA]] fine-tuning on our annotated graphs raises its domain F1 to 0.84.')).toBe('uses');
    // Someone's X fine-tuning, not the paper's, is background.
    expect(roleIn('Lightweight [[QLoRA]] fine-tuning on consumer hardware raises accuracy.')).toBe('mentions');
  });
  it('"our X-trained models", "our X-tuned model": the paper\'s own model, made with X', () => {
    expect(roleIn('However, we note that our [[DPO]]-trained models appear dramatically less verbose than other open-weight models, which future work will investigate.')).toBe('uses');
    expect(roleIn('Our [[LoRA]] fine-tuned 1.5B model achieved efficiency improvements of 33% faster generation time and 55% fewer tokens.')).toBe('uses');
    expect(roleIn('Your [[LoRA]] fine-tuned model performs well on your test set but catastrophically forgets general capabilities.')).toBe('mentions');
    // Someone else's model made with X is background.
    expect(roleIn('If you have noticed your [[DPO]]-trained model suddenly producing 3x longer outputs, this is the fix.')).toBe('mentions');
  });
  it('"fine-tuned (X)": the bracket after a training verb names its means', () => {
    expect(roleIn('Fine-tuned ([[QLoRA]]) language model that generates structured short-form video narratives from a single prompt, paired with an automated rendering pipeline.')).toBe('uses');
  });
  it('"X fine-tuning was performed", "X-based fine-tuning was used": the training run named by X is the paper\'s', () => {
    expect(roleIn('The [[LoRA]] fine-tuning was performed on an A100 GPU with 80GB of VRAM, and took approximately 10 minutes.')).toBe('uses');
  });
  it('"we perform SFT …, followed by X": a step of the paper\'s own pipeline', () => {
    expect(
      roleIn('Starting from Qwen2.5-7B-Instruct, we perform SFT on 1,000 randomly sampled successful trajectories, followed by [[DPO]] using eight new rollouts per task and another 4,298 scored pairs.'),
    ).toBe('uses');
    // Someone else's pipeline.
    expect(roleIn('Its model card says that post-training was supervised fine-tuning followed by [[DPO]] on UltraFeedback.')).toBe('mentions');
  });
  it('"X allows us to fine-tune", "X provides a method for our fine-tuning": the means of the paper\'s fine-tuning', () => {
    const sentence = 'QLoRA allows us to fine-tune a large model on consumer hardware (or Google Colab) without catastrophic forgetting.';
    expect(meansRole(sentence.replace('QLoRA', '[[QLoRA]]'), false)).toBe('uses');
    // Fine-tuning in general, in a paper that does not fine-tune itself: background.
    expect(meansRole('[[QLoRA]] enables fine-tuning 65B parameter models on a single 48 GB GPU.', false)).toBe('mentions');
    // A background cue before the name keeps it background, whatever the paper does.
    expect(meansRole('Recently, [[QLoRA]] enables fine-tuning 65B parameter models on a single 48 GB GPU.', true)).toBe('mentions');
  });
  it('in a study of its own fine-tuning that proposes nothing, a name offered as the means of fine-tuning is its tool', () => {
    const sentence = 'The [[QLoRA]] algorithm provides an efficient method for local intra-institutional fine-tuning of LLMs with limited computational resources.';
    expect(meansRole(sentence, true)).toBe('uses');
    expect(meansRole(sentence, false)).toBe('mentions');
  });
  it('fineTuningStudy: the paper fine-tunes models itself and proposes no method', () => {
    const study = 'This study investigates local fine-tuning of large language models (LLMs), specifically LLaMA models, for physician letter generation.';
    expect(fineTuningStudy('Automated physician letter generation', study, false)).toBe(true);
    expect(fineTuningStudy('Fine-Tuning a Local LLaMA-3 Large Language Model for Automated Privacy-Preserving Physician Letter Generation', '', false)).toBe(true);
    expect(fineTuningStudy('Automated physician letter generation', `We propose a new method for clinical summaries. ${study}`, false)).toBe(false);
    expect(fineTuningStudy('Automated physician letter generation', study, true)).toBe(false);
    expect(fineTuningStudy('Automated physician letter generation', `${study} Our method enhances the generative capabilities of pre-trained models in downstream applications.`, false)).toBe(false);
    expect(fineTuningStudy('Automated physician letter generation', 'Physician letters take time to write.', false)).toBe(false);
  });
  it('over a whole record: the applied study\'s QLoRA is its tool', () => {
    const abstract =
      'This study investigates local fine-tuning of large language models (LLMs), specifically LLaMA models, for physician letter generation in a privacy-preserving manner within the field of radiation oncology. ' +
      'The QLoRA algorithm provides an efficient method for local intra-institutional fine-tuning of LLMs with limited computational resources (i.e., a single 48 GB GPU workstation within the hospital).';
    expect(roles('Fine-Tuning a Local LLaMA-3 Large Language Model for Automated Privacy-Preserving Physician Letter Generation in Radiation Oncology', abstract)).toEqual({ QLoRA: 'uses' });
  });
});

describe('what the paper leaves to later (the taxonomy\'s future-work cues)', () => {
  const opening = 'We benchmark open chat models on ten tasks. ';
  it('a study cue after a future-work cue in the clause names background', () => {
    expect(roles('Benchmarking open chat models', `${opening}Our results suggest that the community may focus more on exploring RLHF.`)).toEqual({ RLHF: 'mentions' });
    expect(roles('Benchmarking open chat models', `${opening}Open questions for analyzing RLHF are listed.`)).toEqual({ RLHF: 'mentions' });
  });
  it('the paper\'s own study verb, with no future-work cue, is a study', () => {
    expect(roles('Benchmarking open chat models', `${opening}We find that the community is exploring RLHF.`)).toEqual({ RLHF: 'studies' });
  });
  it('mentionRole reads the cue spans it is given, within the clause before the name', () => {
    const before = 'the community may focus more on exploring ';
    const cue: [number, number] = [before.indexOf('may'), before.indexOf(' exploring')];
    expect(mentionRole({ before, after: '.', inTitle: false, futureWork: [cue] }).role).toBe('mentions');
    expect(mentionRole({ before, after: '.', inTitle: false }).role).toBe('studies');
    // A cue in an earlier clause does not reach the name.
    const later = 'future work aside; we are exploring ';
    expect(mentionRole({ before: later, after: '.', inTitle: false, futureWork: [[0, 11]] }).role).toBe('studies');
  });
});

describe('prior work as the subject of a tool cue', () => {
  it('"methods have recently been proposed …, mostly based on X": X is what the paper compares with', () => {
    expect(roleIn('Several practical methods have recently been proposed for LLM unlearning, mostly based on [[gradient ascent]] on the loss.')).toBe('compares');
    expect(roleIn('We fine-tune the model based on [[gradient ascent]] on the loss.')).toBe('uses');
  });
});

describe('mayPropose: the cheap test that lets a name skip reading mentions that cannot propose it', () => {
  it('is true wherever mentionRole proposes', () => {
    // Words of the proposing patterns and their neighbours, in any order, with quotes, brackets and spaces.
    const words = ['we', 'We', 'this', 'paper', 'work', 'our', 'Our', 'first', 'propose', 'proposes', 'present', 'introduce', 'call', 'term', 'dub', 'termed', 'dubbed', 'called', 'named', 'namely', 'coined', 'as', 'a', 'an', 'the', 'new', 'novel', 'simple', 'method', 'approach', 'technique', 'framework', 'new', 'an', 'names', 'presents', 'dubs', ',', '"', '“', '(', 'Low-Rank', 'Adaptation', 'of', 'existing', 'based', 'use', 'than', 'e.g.', ';', 'LoRA', 'called:', 'named.'];
    const separator = fc.constantFrom(' ', '', '  ', '\u00a0');
    const before = fc.array(fc.tuple(fc.constantFrom(...words), separator), { maxLength: 10 }).map((parts) => parts.map(([word, space]) => word + space).join(''));
    fc.assert(
      fc.property(before, fc.constantFrom('', ' adapters', ' baselines', ', which'), (text, after) => {
        if (mentionRole({ before: text, after, inTitle: false }).role === 'proposes') expect(mayPropose(text, text.length)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
  it('is false for a mention after a tool, comparison or plain word, or an article no naming verb governs', () => {
    expect(mayPropose('We fine-tune with LoRA', 'We fine-tune with '.length)).toBe(false);
    expect(mayPropose('It outperforms LoRA', 'It outperforms '.length)).toBe(false);
    expect(mayPropose('Adapters and LoRA', 'Adapters and '.length)).toBe(false);
    expect(mayPropose('We fine-tune the LoRA', 'We fine-tune the '.length)).toBe(false);
    expect(mayPropose('such as LoRA', 'such as '.length)).toBe(false);
  });
  it('is true after a naming verb, its fillers, a quote or an opening bracket', () => {
    expect(mayPropose('We propose LoRA', 'We propose '.length)).toBe(true);
    expect(mayPropose('We propose a novel method , LoRA', 'We propose a novel method , '.length)).toBe(true);
    expect(mayPropose('our "LoRA', 'our "'.length)).toBe(true);
    expect(mayPropose('a method we call “LoRA', 'a method we call “'.length)).toBe(true);
    expect(mayPropose('Low-Rank Adaptation (LoRA', 'Low-Rank Adaptation ('.length)).toBe(true);
  });
});

describe('mayPropose reads the text in place as lowercase', () => {
  /** The reading it replaces: the 120 characters before the mention, lowercased, then the same walk back. */
  function lowercasedTail(text: string, start: number): boolean {
    let end = start;
    const last = text.charCodeAt(end - 1);
    if (last === 40) return true;
    const quoted = last === 34 || last === 0x201c;
    if (quoted) end--;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    const from = Math.max(0, end - 120);
    const tail = text.slice(from, end).toLowerCase();
    if (quoted && tail.endsWith('our')) return true;
    const ends = ['propose', 'proposes', 'present', 'presents', 'introduce', 'introduces', 'develop', 'develops', 'call', 'calls', 'term', 'terms', 'name', 'names', 'dub', 'dubs', 'termed', 'dubbed', 'called', 'named', 'namely', 'coined'];
    const fillers = new Set(['as', 'our', 'a', 'an', 'the', 'new', 'novel', 'simple', 'method', 'approach', 'technique', 'framework', ',', '"', '“']);
    let at = tail.length;
    for (;;) {
      if (ends.some((word) => tail.endsWith(word, at))) return true;
      let piece = at;
      while (piece > 0 && !/\s/.test(tail[piece - 1]!)) piece--;
      if (piece === 0 || !fillers.has(tail.slice(piece, at))) return from > 0 && piece === 0;
      at = piece;
      while (at > 0 && /\s/.test(tail[at - 1]!)) at--;
      if (at === 0) return from > 0;
    }
  }
  it('answers as lowercasing the text before the mention would, upper case, İ and the Kelvin sign included', () => {
    const words = ['We', 'PROPOSE', 'Proposes', 'preSent', 'Call', 'TERMED', 'Namely', 'coined', 'rename', 'dub', 'As', 'OUR', 'A', 'The', 'Novel', 'FRAMEWORK', 'frame\u212Aork', 'İntroduce', 'İ', 'method', 'use', 'LoRA', ',', '"', '“', '(', 'x'.repeat(40)];
    const separator = fc.constantFrom(' ', '', '  ', '\u00a0', '\n');
    const text = fc.array(fc.tuple(fc.constantFrom(...words), separator), { maxLength: 30 }).map((parts) => parts.map(([word, space]) => word + space).join(''));
    fc.assert(
      fc.property(text, fc.nat(), (before, cut) => {
        const start = before.length === 0 ? 0 : cut % (before.length + 1);
        expect(mayPropose(before, start)).toBe(lowercasedTail(before, start));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('cueGroupsIn: the cue groups worth searching a window for', () => {
  /** A pattern's cues without its word boundaries and look-arounds: strings fast-check can generate. */
  const loose = (source: string) => source.replace(/\\b/g, '').replace(/\(\?<?!(?:[^()]|\([^()]*\))*\)/g, '');
  const cue = fc.oneof(...BEFORE.map(([, pattern]) => fc.stringMatching(new RegExp(`^(?:${loose(pattern.source)})$`))));
  const other = fc.constantFrom('LoRA', 'adapters', 'of', 'x', 'pre_trained', 'use2', 'non-existing', 'e.g.,', '(', ';', '—', 'Ünlike', 'With', 'usee', 'outperform', 'i', 'recently', 'been', 'é');
  const separator = fc.constantFrom(' ', ' ', '', ', ', '-', '.', ' (', '; ', '_');
  const window = fc.array(fc.tuple(fc.oneof(cue, other), separator), { maxLength: 13 }).map((parts) => parts.map(([word, space]) => word + space).join(''));
  it('includes every group with a cue in the window', () => {
    fc.assert(
      fc.property(window, (text) => {
        const groups = cueGroupsIn(text);
        BEFORE.forEach(([, pattern], group) => {
          pattern.lastIndex = 0;
          if (pattern.test(text)) expect(groups & (1 << group)).not.toBe(0);
        });
      }),
      { numRuns: 20000 },
    );
  });
  it('finds the cues a scan of each pattern from the start finds, trying patterns only at those words', () => {
    fc.assert(
      fc.property(window, (text) => {
        const scanned: Array<[number, number, string]> = [];
        BEFORE.forEach(([, pattern], group) => {
          pattern.lastIndex = 0;
          for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) scanned.push([group, m.index, m[0]]);
        });
        expect(cuesIn(text)).toEqual(scanned);
      }),
      { numRuns: 20000 },
    );
  });
  it('leaves out the groups none of whose first words is there', () => {
    expect(cueGroupsIn('of the low-rank')).toBe(1 << 1);
    expect(cueGroupsIn('fine-tuned with')).toBe(1 << 2);
    expect(cueGroupsIn('it outperforms strong')).toBe(1 << 3);
    expect(cueGroupsIn('adapters and')).toBe(0);
  });
  it('takes a word only whole, or a prefix cue only at the start of a word', () => {
    expect(cueGroupsIn('user them sota_like')).toBe(0);
    expect(cueGroupsIn('usage, exceeding')).toBe(1 << 3);
    expect(cueGroupsIn('surpass')).toBe(1 << 3);
    expect(cueGroupsIn('nonsurpassed such')).toBe(1 << 5);
    expect(cueGroupsIn('we')).toBe((1 << 0) | (1 << 1));
  });
});

