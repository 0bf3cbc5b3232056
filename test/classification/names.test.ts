import { describe, expect, it } from 'vitest';
import { classify, createClassifier, defaultTaxonomy, type PaperInput } from '../../src/index.js';
import { mentionRole } from '../../src/classification/roles.js';
import { findProposed, isNameLike } from '../../src/classification/proposed.js';

const names = (title: string, abstract: string) => (classify({ title, abstract }).names ?? []).map((n) => [n.label, n.role]);

describe('named methods and their roles', () => {
  it('a paper that proposes a LoRA variant and compares against LoRA', () => {
    const r = classify({
      title: 'DoRA: Weight-Decomposed Low-Rank Adaptation',
      abstract:
        'Among the widely used parameter-efficient fine-tuning (PEFT) methods, LoRA and its variants have gained considerable popularity. ' +
        'In this work, we introduce Weight-Decomposed Low-Rank Adaptation (DoRA). DoRA decomposes the pre-trained weight into magnitude and direction. ' +
        'DoRA consistently outperforms LoRA on fine-tuning LLaMA.',
    });
    const byLabel = new Map((r.names ?? []).map((n) => [n.label, n]));
    expect(byLabel.get('DoRA')?.role).toBe('proposes');
    expect(byLabel.get('DoRA')?.node).toBe('peft.lora');
    expect(byLabel.get('LoRA')?.role).toBe('compares');
    expect((r.proposed ?? []).map((p) => p.text)).toContain('DoRA');
  });

  it('a tool is `uses`, a baseline `compares`', () => {
    expect(names('Reward shaping for dialogue agents', 'We fine-tune the policy using PPO and find that our reward beats DPO on helpfulness with language models.')).toEqual(
      expect.arrayContaining([
        ['PPO', 'uses'],
        ['DPO', 'compares'],
      ]),
    );
  });

  it('LoRa radio, physics fine-tuning and gene editing give no names', () => {
    expect(names('Low-power LoRa networks', 'LoRa links connect sensors over long range radio in smart farms.')).toEqual([]);
    expect(names('Naturalness and the Higgs mass', 'The fine-tuning of the Higgs mass in supersymmetric models is quantified.')).toEqual([]);
    expect(names('Base editing in zebrafish', 'We use CRISPR base editors to introduce point mutations in zebrafish embryos.')).toEqual([]);
  });

  it('the paper a record links to is the origin of its names: they are proposed, whatever the abstract says', () => {
    const title = 'Editing Models with Task Arithmetic';
    const abstract =
      'A task vector specifies a direction in the weight space of a pre-trained model. We show that task vectors can be modified and combined together through arithmetic operations such as negation and addition. Task arithmetic improves performance on multiple tasks at once.';
    const roleOf = (metadata: PaperInput) => classify({ title, abstract, ...metadata }).names?.find((n) => n.id === 'task-arithmetic')?.role;
    // Without metadata, task vectors and task arithmetic across three sentences make the method the abstract's object.
    expect(roleOf({})).toBe('studies');
    expect(roleOf({ arxivId: 'arXiv:2212.04089v3' })).toBe('proposes');
    expect(roleOf({ url: 'https://arxiv.org/abs/2212.04089' })).toBe('proposes');
    expect(roleOf({ source: 'https://huggingface.co/papers/2212.04089' })).toBe('proposes');
    expect(roleOf({ source: 'ICLR 2023' })).toBe('studies');
    expect(roleOf({ url: 'https://huggingface.co/papers/2402.09353' })).toBe('studies');
    expect(classify({ title, abstract, arxivId: '2212.04089' }).proposed?.map((p) => p.text)).toEqual(['task arithmetic']);
  });

  it('of two names spelled alike (two DoRAs), the one that needs context is found only with it, and never hides the other', () => {
    expect(
      names(
        'GaLLoP: Gradient-based Sparse Learning on Low-Magnitude Parameters',
        'GaLLoP consistently improves or matches the performance obtained via the usage of other leading parameter-efficient fine-tuning techniques, including LoRA, DoRA, and SAFT.',
      ),
    ).toEqual([
      ['DoRA', 'compares'],
      ['LoRA', 'compares'],
    ]);
    expect(classify({ title: 'Dynamic rank allocation for adapters', abstract: 'Unlike DoRA, which prunes components by dynamic rank allocation, our method fixes the rank budget per layer.' }).names?.map((n) => n.id)).toEqual(['dora-dynamic']);
  });

  it('collision-prone acronyms need their context (LIMA the city, WISE the survey)', () => {
    expect(names('Air quality in LIMA', 'We measure particulate matter in LIMA during the winter season.')).toEqual([]);
    expect(names('The WISE all-sky survey', 'WISE mapped the sky at four infrared wavelengths.')).toEqual([]);
  });

  it('names can be turned off (same family tags, no names)', () => {
    const c = createClassifier({ taxonomy: defaultTaxonomy, names: false });
    const r = c.classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs', abstract: '' });
    expect(r.names).toBeUndefined();
    expect(r.tags.map((t) => t.id)).toContain('peft.lora');
  });
});

describe('names written by what they work on, or a sibling of a known one', () => {
  it('"task vectors" in weight space name task arithmetic; the singular modifier ("task-vector density") and in-context task vectors do not', () => {
    const merging = 'We propose a novel merging method that removes noise from task vectors of fine-tuned models.';
    expect(names('Merging multimodal experts', merging)).toContainEqual(['task arithmetic', 'uses']);
    expect(names('Merging guard models', 'We introduce self-merging of fine-tuned models to assess the impact of reduced task-vector density.')).toEqual([]);
    expect(names('In-context learning creates task vectors', 'In-context learning compresses the demonstrations into task vectors, activations of the transformer.')).toEqual([]);
  });
  it('SimPO and bare TIES name methods only next to their family\'s words, not a simulator or ties between teams', () => {
    expect(names('A traffic simulator', 'Our SimPO simulator models traffic flow in dense urban networks. We calibrate SimPO on sensor data.')).toEqual([]);
    expect(names('League tables', 'We model TIES between teams in football leagues and propose a statistical model for draws.')).toEqual([]);
    expect(names('Length-normalised preference optimisation', 'SimPO aligns language models with human preference data without a reference model.')).toEqual([['SimPO', 'mentions']]);
    expect(names('Merging fine-tuned models', 'We merge fine-tuned models and compare against TIES on eight tasks.')).toContainEqual(['TIES-Merging', 'compares']);
  });
  it('an exclusion of the family keeps a name out of the family, not out of the names ("ip-adapter*", "weighted averaging")', () => {
    const r = classify({
      title: 'EasyRef: Omni-Generalized Group Image Reference for Diffusion Models via Multimodal LLM',
      abstract:
        'Although the tuning-based Low-Rank Adaptation (LoRA) can effectively extract consistent elements within multiple images through the training process, it necessitates specific finetuning for each distinct image group. ' +
        'This paper introduces EasyRef, a novel plug-and-play adaptation method that enables diffusion models to be conditioned on multiple reference images and the text prompt. ' +
        'Experimental results demonstrate EasyRef surpasses both tuning-free methods like IP-Adapter and tuning-based methods like LoRA, achieving superior aesthetic quality and robust zero-shot generalization across diverse domains.',
    });
    expect((r.names ?? []).map((n) => [n.label, n.role])).toEqual([
      ['LoRA', 'compares'],
      ['IP-Adapter', 'compares'],
    ]);
    expect(r.tags.map((t) => t.id)).toEqual(['generation', 'method']);
    // "weighted averaging" is excluded from weight interpolation; inside "Fisher-weighted averaging" it is part of the name.
    expect(names('Merging models', 'We merge fine-tuned models with Fisher-weighted averaging and compare it to simple weighted averaging of parameters.')).toEqual([['Fisher merging', 'uses']]);
  });
  it('N-LoRA is a named LoRA method of its own, not a mention of LoRA', () => {
    expect(names('Continual learning of LLMs', 'Methods such as O-LoRA and N-LoRA alleviate task interference by enforcing orthogonality.').map(([label]) => label).sort()).toEqual(['N-LoRA', 'O-LoRA']);
  });
  it('reward fine-tuning of diffusion models has named methods of its own: DiffusionNFT, FlowGRPO (arXiv 2509.16117), DDPO, Diffusion-DPO', () => {
    const abstract =
      'Online reinforcement learning (RL) has been central to post-training language models, but its extension to diffusion models remains challenging due to intractable likelihoods. ' +
      'Recent works discretize the reverse sampling process to enable GRPO-style training, yet they inherit fundamental drawbacks, including solver restrictions, forward-reverse inconsistency, and complicated integration with classifier-free guidance (CFG). ' +
      'We introduce Diffusion Negative-aware FineTuning (DiffusionNFT), a new online RL paradigm that optimizes diffusion models directly on the forward process via flow matching. ' +
      'DiffusionNFT is up to 25x more efficient than FlowGRPO in head-to-head comparisons, while being CFG-free.';
    expect(names('DiffusionNFT: Online Diffusion Reinforcement with Forward Process', abstract)).toEqual([
      ['DiffusionNFT', 'proposes'],
      ['GRPO', 'mentions'],
      ['Flow-GRPO', 'compares'],
    ]);
    // Diffusion-DPO is its own name, not a mention of DPO.
    expect(names('Aligning text-to-image models', 'We fine-tune Stable Diffusion with Diffusion-DPO and compare against DDPO on human preference benchmarks.')).toEqual([
      ['Diffusion-DPO', 'uses'],
      ['DDPO', 'compares'],
    ]);
  });
});

describe('"against" is a comparison only after a comparing verb (the comparison cue group)', () => {
  const cuesOf = (abstract: string, text: string) =>
    classify({ title: 'Preference alignment of language models', abstract }).tags.flatMap((t) => t.evidence).filter((e) => e.text === text).map((e) => e.cues ?? []);
  it('a policy optimised against the reward model with PPO is not compared with either', () => {
    const abstract = 'A reward model trained on human preference data scores refusals, and we optimize the policy against the reward model with PPO.';
    expect(cuesOf(abstract, 'PPO').flat()).not.toContain('comparison');
    expect(cuesOf(abstract, 'reward model').flat()).not.toContain('comparison');
  });
  it('"our method against X" and "against strong baselines such as X" still compare', () => {
    const abstract = 'We align the language model with human preferences and benchmark our method against PPO and DPO on dialogue, and against strong baselines such as KTO.';
    expect(cuesOf(abstract, 'PPO').flat()).toContain('comparison');
    expect(cuesOf(abstract, 'KTO').flat()).toContain('comparison');
  });
});

describe('names in a long record', () => {
  const abstract = `We fine-tune with LoRA. ${'LoRA keeps the backbone frozen. '.repeat(200)}`;

  it('show their first 16 mentions as evidence (maxEvidence), while every mention counts', () => {
    const [lora] = classify({ title: 'A study', abstract }).names ?? [];
    expect(lora?.label).toBe('LoRA');
    expect(lora?.evidence).toHaveLength(16);
    expect(lora?.evidence.map((e) => e.start)).toEqual([...(lora?.evidence.map((e) => e.start) ?? [])].sort((a, b) => a - b));
    expect(classify({ title: 'A study', abstract }, { maxEvidence: 2 }).names?.[0]?.evidence).toHaveLength(2);
  });

  it('list a proposed name once, however often the paper repeats it', () => {
    const r = classify({ title: 'FRUGAL: Memory-Efficient Fine-Tuning', abstract: 'We propose FRUGAL, a memory-efficient fine-tuning method. FRUGAL updates a subset of weights.' });
    expect(r.proposed?.map((p) => p.text)).toEqual(['FRUGAL']);
  });
});

describe('role of one mention (unit)', () => {
  const role = (before: string, after = '', inTitle = false) => mentionRole({ before, after, inTitle }).role;
  it('reads the nearest cue before the name', () => {
    expect(role('Our method outperforms ')).toBe('compares');
    expect(role('We fine-tune the model with ')).toBe('uses');
    expect(role('PEFT methods such as ')).toBe('mentions');
    expect(role('In this paper, we propose ')).toBe('proposes');
    expect(role('We propose a ', ' variant that adapts the rank')).toBe('studies');
    expect(role('We study why ')).toBe('studies');
    expect(role('Compared with ', ', our method is faster')).toBe('compares');
  });
  it('a trailing "baselines" is a comparison; a title mention is the object', () => {
    expect(role('We include ', ' baselines')).toBe('compares');
    expect(role('', ' vs full fine-tuning', true)).toBe('studies');
  });
});

describe('proposed names (unit)', () => {
  it('finds coined names after contribution and naming cues, with their expansion', () => {
    const found = findProposed('abstract', 'This paper proposes Robustness Critical Fine-Tuning (RiFT), a novel approach. We propose a method termed SaRA that reuses parameters.');
    expect(found.map((p) => [p.text, p.expansion])).toEqual([
      ['RiFT', 'Robustness Critical Fine-Tuning'],
      ['SaRA', undefined],
    ]);
    expect(found[0]!.evidence).toEqual({ field: 'abstract', start: 53, end: 57, text: 'RiFT' });
  });
  it('a title that opens with a coined name proposes it', () => {
    expect(findProposed('title', 'GORACS: Group-level Optimal Transport-guided Coreset Selection').map((p) => p.text)).toEqual(['GORACS']);
    expect(findProposed('title', 'In Search of the Successful Interpolation: On Sharpness')).toEqual([]);
  });
  it('common acronyms and Title-Case words are not names', () => {
    expect(['LLM', 'Fine-Tuning', 'Parameter-Efficient', 'GPT-4'].map(isNameLike)).toEqual([false, false, false, false]);
    expect(['RiFT', 'GORACS', 'S3FT', 'GS-LoRA++'].map(isNameLike)).toEqual([true, true, true, true]);
  });
  it('a model built on another is not proposed', () => {
    expect(findProposed('abstract', 'We propose a simple recipe built on LLaMA-2 and CLIP.').map((p) => p.text)).toEqual([]);
  });
});

describe('names shared with other fields need their family nearby (name-level context)', () => {
  it('SPoT is Soft Prompt Transfer only next to prompts, not the Teramo Stellar Populations Tools (arXiv 0704.1004)', () => {
    expect(
      names(
        'Simulating CCD images of elliptical galaxies',
        'We introduce a procedure developed by the ``Teramo Stellar Populations Tools\'\' group (Teramo-SPoT), specifically optimized to obtain realistic simulations of CCD images of elliptical galaxies.',
      ),
    ).toEqual([]);
    expect(names('SPoT: Better Frozen Model Adaptation through Soft Prompt Transfer', '')).toEqual([['SPoT', 'proposes']]);
  });

  it('MAD-X is the adapter framework only next to adapters or cross-lingual transfer, not CERN\'s accelerator code (A MAD-X Primer, CERN CDS 744163)', () => {
    expect(
      names(
        'A MAD-X Primer',
        'The purpose of this note is to serve as an introduction to MAD-X for the novice user. It describes the basic building elements and the most important commands to define a machine and perform the most important calculations.',
      ),
    ).toEqual([]);
    expect(names('MAD-X: An Adapter-Based Framework for Multi-Task Cross-Lingual Transfer', '')).toEqual([['MAD-X', 'proposes']]);
  });

  it('SLERP merges weights only where something is merged, not rotations in graphics', () => {
    expect(names('Quaternion keyframe animation', 'We interpolate camera orientations between keyframes with SLERP on unit quaternions.')).toEqual([]);
    expect(names('Merging chat models', 'We merge the fine-tuned checkpoints with SLERP and compare against task arithmetic.')).toEqual(
      expect.arrayContaining([['SLERP', 'uses']]),
    );
  });
});
