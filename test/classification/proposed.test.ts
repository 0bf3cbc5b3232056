/**
 * The names a paper gives its own contribution (NAMES.md `proposed`): one real-looking title and
 * abstract in, the exact list of proposed names out. Each block is one rule of
 * src/classification/proposed.ts.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { isFormula, longForm, sentenceStart } from '../../src/classification/proposed.js';

const proposed = (title: string, abstract: string) => (classify({ title, abstract }).proposed ?? []).map((p) => p.text);

describe('an acronym the contribution sentence defines', () => {
  it('after a colon: "a … method: Expansion (ACR)"', () => {
    expect(proposed('Diverse instruction selection', 'In this paper, we propose a simple, diversity-preserving instruction selection method: Cluster and Rank (CaR). CaR scores each pair.')).toEqual(['CaR']);
  });
  it('after a description: "by introducing …: ensembling … (ACR)"', () => {
    expect(
      proposed('Robust fine-tuning', 'We address this tension by introducing a simple method for improving robustness: averaging the weights of the zero-shot and fine-tuned models (WA-FT). WA-FT improves accuracy.'),
    ).toEqual(['WA-FT']);
  });
  it('an expansion with function words inside ("Group with Orthogonal Regularization") is one long form', () => {
    expect(proposed('Domain generalization', 'Specifically, we propose a Parameter-Efficient Group with Orthogonal regularization (PEGO) for vision transformers.')).toEqual(['PEGO']);
  });
  it('the acronym, not a capitalised word of its expansion ("Boundary Layer UpdatE (BLUE)")', () => {
    expect(proposed('Model editing', 'To address this, we propose the Boundary Layer UpdatE (BLUE) strategy to enhance locate-then-edit methods.')).toEqual(['BLUE']);
  });
  it('an abbreviation that is not all capitals, when its letters run through the expansion ("Core-tuning")', () => {
    expect(proposed('Contrastive models', 'We propose Contrast-regularized tuning (Core-tuning), a new approach for fine-tuning contrastive models.')).toEqual(['Core-tuning']);
  });
  it('a name followed by its spelled-out form keeps the name ("BOB (BeyondOBjects)")', () => {
    expect(proposed('Synthetic data', 'We propose a fine-tuning strategy BOB (BeyondOBjects) to mitigate these concerns.')).toEqual(['BOB']);
  });
  it('a CamelCase word ending the expansion is part of it, not a name ("Diffusion Negative-aware FineTuning (DiffusionNFT)")', () => {
    const sentence = 'We introduce Diffusion Negative-aware FineTuning (DiffusionNFT), a new online RL paradigm that optimizes diffusion models directly on the forward process via flow matching.';
    expect(proposed('Diffusion reinforcement', sentence)).toEqual(['DiffusionNFT']);
    expect(proposed('DiffusionNFT: Online Diffusion Reinforcement with Forward Process', sentence)).toEqual(['DiffusionNFT']);
    // After a colon, and before ", a new …" with no contribution verb: the same expansion.
    expect(proposed('Diffusion reinforcement', 'We propose a new online RL paradigm: Diffusion Negative-aware FineTuning (DiffusionNFT).')).toEqual(['DiffusionNFT']);
    expect(proposed('Diffusion reinforcement', 'Diffusion Negative-aware FineTuning (DiffusionNFT), a new online RL paradigm, optimizes diffusion models on the forward process.')).toEqual([]);
  });
  it('a framework for something: the acronym of what it is for names it', () => {
    expect(proposed('Domain adaptation', 'In this paper, we introduce a framework for gradual fine tuning (GFT) of machine learning models on multiple source domains.')).toEqual(['GFT']);
  });
  it('a parenthesis after a detour defines a part, not the method ("based on …", "of …")', () => {
    expect(proposed('Stability', 'We propose a general framework for increasing the local stability of Artificial Neural Nets (ANNs) using robust optimization.')).toEqual([]);
    expect(proposed('Adapters', 'We propose a novel fine-tuning framework based on cross-layer tensor ring decomposition (TRD) with shared adapters, called AdaRing.')).toEqual(['AdaRing']);
  });
});

describe('multi-word Title Case names', () => {
  it('after a contribution verb', () => {
    expect(proposed('Forgetting in language models', 'To test this hypothesis, we propose Conjugate Prompting to see if we can recover pretrained capabilities.')).toEqual(['Conjugate Prompting']);
    expect(proposed('A new corpus', 'We introduce Spoken DialogSum, the first corpus aligning raw conversational audio with summaries.')).toEqual(['Spoken DialogSum']);
    expect(proposed('A method', 'We propose our Learning without Forgetting method, which uses only new task data.')).toEqual(['Learning without Forgetting']);
  });
  it('after a naming word ("dubbed as")', () => {
    expect(proposed('Visual tokenizers', 'Among all, we find the lattice-based quantization method, which is dubbed as Spherical Leech Quantization, simplifies training.')).toEqual(['Spherical Leech Quantization']);
  });
  it('not a capitalised term followed by an ordinary noun ("Monte Carlo simulations")', () => {
    expect(proposed('Scattering in plasmas', 'We present Monte Carlo simulations of the scattering of photons in magnetised plasmas.')).toEqual([]);
  });
  it('not kinds of models ("Large Language Models")', () => {
    expect(proposed('Reasoning', 'We present Large Language Models that reason step by step.')).toEqual([]);
  });
});

describe('title heads', () => {
  it('a head that does not look coined is a name when the abstract reuses it', () => {
    expect(proposed('Adapters: A Unified Library for Modular Transfer Learning', 'We introduce Adapters, an open-source library for parameter-efficient transfer learning.')).toEqual(['Adapters']);
    expect(proposed('Segment Anything: A Foundation Model for Segmentation', 'We introduce the Segment Anything project: a new task, model, and dataset.')).toEqual(['Segment Anything']);
  });
  it('not when the abstract never calls anything by it', () => {
    expect(proposed('Masked Thought: Masking Reasoning Steps Helps', 'We randomly mask tokens of the reasoning chain during supervised fine-tuning.')).toEqual([]);
  });
  it('a title whose colon has nothing before it has no head (found by the fuzz suite: it used to loop forever)', () => {
    expect(proposed(' : leo fermentum', '')).toEqual([]);
    expect(proposed('  :parameter-efficient fine-tuning', 'parameter-efficient fine-tuning')).toEqual([]);
  });
  it('a head spelled out with an acronym in the abstract gives the acronym', () => {
    expect(proposed('Gradient Routing: Localising Knowledge in Networks', 'We propose Gradient Routing (GRT), which masks gradients by data source.')).toEqual(['GRT']);
  });
});

describe('names that are someone else\'s', () => {
  it('"a recently proposed method named X"', () => {
    expect(proposed('Prompt learning', 'A recently proposed method named Context Optimization (CoOp) learns prompt vectors. We propose Conditional Context Optimization (CoCoOp).')).toEqual(['CoCoOp']);
  });
  it('"the recently proposed X model"', () => {
    expect(proposed('Transfer with adapters', 'To demonstrate effectiveness, we transfer the recently proposed BERT Transformer model to 26 text classification tasks.')).toEqual([]);
  });
  it('"the so-called X"', () => {
    expect(proposed('Graphene ripples', 'This violates the so-called Mermin-Wagner theorem for two-dimensional crystals.')).toEqual([]);
  });
  it('prior work in the sentence before does not reach past its full stop, whatever space follows it', () => {
    for (const space of [' ', '\n', '\u00a0', '\u2009']) {
      expect(proposed('Prompt learning', `CoOp was recently proposed for prompt tuning.${space}We call our method PromptZap, a new approach.`)).toEqual(['PromptZap']);
    }
  });
});

describe('long forms (Schwartz and Hearst)', () => {
  it('find the words an acronym abbreviates', () => {
    expect(longForm('we propose Robustness Critical Fine-Tuning'.split(' '), 'RiFT')).toBe('robustness critical fine-tuning');
    expect(longForm('a new Half Fine-Tuning'.split(' '), 'HFT')).toBe('half fine-tuning');
  });
  it('digits are repetition, not letters to find: the shortest words S, F and T run through ("S3FT")', () => {
    expect(longForm('Selective Self-to-Supervised Fine-Tuning'.split(' '), 'S3FT')).toBe('self-to-supervised fine-tuning');
  });
  it('none when the letters do not run through the words', () => {
    expect(longForm('a simple method'.split(' '), 'XYZ')).toBeUndefined();
  });
});

describe('terms of the field are not the paper\'s names', () => {
  it('a standard acronym spelled out in the contribution sentence ("Long Short-Term Memory (LSTM)", "Monte Carlo Tree Search (MCTS)")', () => {
    expect(proposed('Satellite orbit prediction', 'In this paper, we propose an approach utilizing Long Short-Term Memory (LSTM) networks to predict satellite positions.')).toEqual([]);
    expect(proposed('Planning in continuous domains', 'We present an anytime approach employing the Monte Carlo Tree Search (MCTS) method in continuous domains.')).toEqual([]);
  });
  it('the coined name after a standard acronym is found instead ("Bayesian Optimization (BO) algorithm, EEIPU")', () => {
    expect(
      proposed('Memoization-aware Bayesian optimization', 'We propose a "memoization-aware" Bayesian Optimization (BO) algorithm, EEIPU, that works in tandem with a pipeline caching system.'),
    ).toEqual(['EEIPU']);
  });
  it('an adjective made of a term ("DRL-based", "BFS-style", "IoT-optimized") is no name', () => {
    expect(proposed('Subgraph retrieval', 'We transform the knowledge graph into a database of subgraph vectors and propose a BFS-style subgraph sampling strategy.')).toEqual([]);
    expect(proposed('Pipeline monitoring', 'We propose an IoT-optimized system that integrates edge computing with anomaly detection.')).toEqual([]);
  });
});

describe('someone else\'s thing in a contribution sentence is not the paper\'s name (2024 arXiv abstracts)', () => {
  it('a longer acronym built on the word before it is the name ("zero-trust RIC (ZT-RIC)", "deep nonparametric CITs (DNCITs)")', () => {
    expect(proposed('Zero-trust O-RAN', 'To address these concerns, this paper proposes a zero-trust RIC (ZT-RIC) framework that preserves data privacy across the RIC platform.')).toEqual(['ZT-RIC']);
    expect(proposed('Conditional independence testing', 'To overcome this, we introduce deep nonparametric CITs (DNCITs). The DNCITs combine embedding maps with nonparametric tests.')).toEqual(['DNCITs']);
  });
  it('a name given to what the paper employs, leverages or uses ("a … method called BYOL")', () => {
    expect(proposed('Knowledge graph completion', 'To bridge the gap, we employ a self-supervised representation learning method called BYOL to fine-tune PLMs with two different views.')).toEqual([]);
    expect(proposed('Treatment effects', 'Practitioners instead commonly use a technique termed "risk-based targeting" where the model is just used to stratify patients.')).toEqual([]);
    expect(proposed('Parameter sharing', 'Using LoRA as a base, we propose a method called ShareLoRA that ties adapters across layers.')).toEqual(['ShareLoRA']);
  });
  it('a title head that opens with a gerund is a phrase, and with a function word its coined word is the name', () => {
    expect(proposed('Strengthening DeFi Security: A Static Analysis Approach to Flash Loan Vulnerabilities', 'We present a static analysis of flash loans.')).toEqual([]);
    expect(proposed('Navigation with QPHIL: Quantizing Planner for Hierarchical Implicit Q-Learning', 'We study offline navigation.')).toEqual(['QPHIL']);
    expect(proposed('Scalable DP-SGD: Shuffling vs. Poisson Subsampling', 'We analyse privacy amplification.')).toEqual([]);
  });
  it('a title head with a verb is a slogan, not a name ("LESS is More: …"), while a coined head still is', () => {
    expect(proposed('LESS is More: Sparse Sensing for Structural Health Monitoring', 'We show that placing fewer accelerometers at optimized locations reduces cost without loss of accuracy.')).toEqual([]);
    expect(proposed('GORACS: Group-level Optimal Transport-guided Coreset Selection', 'We study coreset selection for recommendation.')).toEqual(['GORACS']);
  });
  it('after "the proposed", a name among its first words or in apposition, not the object of a later verb', () => {
    expect(proposed('Intrusion detection', 'Moreover, the proposed method leverages the TabNet architecture, which employs a sparse attention mechanism.')).toEqual([]);
    expect(proposed('Traffic labels', 'Next, the proposed spectral label generation methods, SSPE and COAP, are applied to transform the label sequence.')).toEqual(['SSPE']);
  });
  it('a modifier between "a novel" and a kind noun, or before a naming word, is not the name', () => {
    expect(proposed('Preference optimization', 'To address this issue, we introduce a novel PO framework based on mirror descent, which can recover existing methods.')).toEqual([]);
    expect(proposed('Renaissance: Investigating the Pretraining of Vision-Language Encoders', 'Additionally, we introduce a VL modeling platform called Renaissance that we use to run the experiments.')).toEqual(['Renaissance']);
    expect(proposed('PAC-Bayes', 'In this paper, we extend PAC-Bayesian theory to the multi-view setting, introducing novel PAC-Bayesian bounds.')).toEqual([]);
  });
});

describe('what a physics abstract observes or measures is not a coined name (arXiv 2007 physics)', () => {
  it('a chemical formula or an ion ("SiO", "CaII") in a contribution sentence', () => {
    expect(proposed('Masers in evolved stars', 'We present the results of SiO line observations of a sample of evolved stars.')).toEqual([]);
    expect(proposed('Circumstellar gas', 'We present CaII K and TiII optical spectra of the debris disk.')).toEqual([]);
  });
  it('a sky object\'s designation, in the title or after a standard acronym ("GRO J1655-40", "PSR J1357-6429")', () => {
    expect(proposed('GRO J1655-40: from ASCA and XMM-Newton observations', 'We analyse the X-ray spectra of GRO J1655-40 in outburst.')).toEqual([]);
    expect(proposed('A young pulsar', 'We present the first X-ray detection of the very young pulsar PSR J1357-6429.')).toEqual([]);
  });
  it('a coined name that happens to be spelled with element symbols stays a name ("FLaRe")', () => {
    expect(proposed('Language recognition', 'We have released our datasets as a benchmark called FLaRe (Formal Language Recognition), along with our code.')).toEqual(['FLaRe']);
  });
  it('isFormula: element symbols with counts, a pair of symbols, or an ion; not acronyms or coined names', () => {
    expect(['Cs2AgF4', 'SiO', 'SiC', 'TiSe', 'FeMn', 'CaII', 'NeV'].filter(isFormula)).toEqual(['Cs2AgF4', 'SiO', 'SiC', 'TiSe', 'FeMn', 'CaII', 'NeV']);
    expect(['FLaRe', 'BOB', 'CNN', 'LoRA', 'CoOp', 'NeRF', 'ReLU', 'GPT-4', 'S3FT'].filter(isFormula)).toEqual([]);
  });
});

describe('a contribution verb that presents findings, not a made thing (arXiv 2007 physics, 2024 ML)', () => {
  it('observations, data, a study or a review of something: what it names was there before', () => {
    expect(proposed('Debris disks', 'We present ACS/HST coronagraphic observations of HD 107146 at two wavelengths.')).toEqual([]);
    expect(proposed('Planets around M dwarfs', 'In this paper, we present the HARPS radial-velocity data and orbital solutions of two planets.')).toEqual([]);
    expect(proposed('Light scattering', 'We present a review of the discrete dipole approximation (DDA), which is a general method to simulate scattering.')).toEqual([]);
    expect(proposed('Clinical decisions', 'From clinical settings, we present a novel application of Inverse Reinforcement Learning (IRL) that identifies suboptimal actions.')).toEqual([]);
  });
  it('a findings word that modifies the made thing does not stop the name ("a threat detection framework, TabITD")', () => {
    expect(proposed('Insider threats', 'To address these challenges, this paper proposes a novel threat detection framework, TabITD. This framework integrates intrusion detection with tabular learning.')).toEqual(['TabITD']);
    expect(proposed('Spectral analysis', 'We introduce VErsatile SPectral Analysis (VESPA): a new method which aims to recover robust star formation histories.')).toEqual(['VESPA']);
  });
});

describe('after "of", the words say what the thing is of, not what it is called', () => {
  it('a version, expansion or model of something named before', () => {
    expect(proposed('Blackbox optimization', 'Second, we introduce immediate sampling, a new version of the Probability Collectives (PC) algorithm for blackbox optimization.')).toEqual([]);
    expect(proposed('Field emission', 'In this paper, we develop a model of randomly oriented CNTs in a thin film by coupling the field emission equations.')).toEqual([]);
    expect(proposed('Style transfer', 'We enable X-ray style transfer by introducing a trainable version of the Local Laplacian Filter (LLF).')).toEqual([]);
  });
  it('after a collective ("a family of", "a suite of") the name is the thing itself', () => {
    expect(proposed('Sparse fine-tuning', 'To this end, we propose a family of Structured Sparse Fine-Tuning (S2FT) methods for LLMs.')).toEqual(['S2FT']);
    expect(proposed('Language models', 'We introduce a family of open models, OLMoE, trained on five trillion tokens.')).toEqual(['OLMoE']);
  });
});

describe('"our method" followed by a verb is a clause, not an apposition', () => {
  it('"Our method uses Monte Carlo (MC) dropout": MC is what it uses', () => {
    expect(proposed('Lung registration', 'Our method uses Monte Carlo (MC) dropout to estimate spatial uncertainty.')).toEqual([]);
    expect(proposed('Sparse fine-tuning', 'These insights motivate our method: Low-rank Informed Sparse Fine-Tuning (LIFT).')).toEqual(['LIFT']);
  });
});

describe('a term between an indefinite article and a kind noun modifies it ("an amortized decision-aware BED framework")', () => {
  it('with modifiers before the term and ordinary nouns after it', () => {
    expect(proposed('Experimental design', 'In this paper, we present an amortized decision-aware BED framework that prioritizes downstream decisions.')).toEqual([]);
    expect(proposed('LoRa networks', 'We present a LoRa mesh protocol for agricultural sensors spread over 20 km.')).toEqual([]);
  });
  it('a name in apposition after the kind noun is still found', () => {
    expect(proposed('Federated learning', 'To address these challenges, we propose a Wasserstein fair federated learning framework, namely WassFFed, which reduces unfairness.')).toEqual(['WassFFed']);
  });
});

describe('a name spelled out after it ("short for")', () => {
  it('is a name in any case, with its expansion', () => {
    const result = classify({ title: 'Evaluation standards', abstract: 'We present olmes (short for Open Language Model Evaluation Standard), a documented and reproducible evaluation protocol.' });
    expect(result.proposed?.map((p) => [p.text, p.expansion])).toEqual([['olmes', 'Open Language Model Evaluation Standard']]);
  });
  it('not a word in brackets that says nothing of the kind', () => {
    expect(proposed('Evaluation standards', 'We present olmes (an evaluation standard) for reproducible comparisons.')).toEqual([]);
  });
});

describe('an earlier contribution, told in the past tense, is not the paper\'s name (2024 arXiv abstracts)', () => {
  it('a sentence that opens on earlier work ("Previously, the authors introduced Kernel Flows (KF)")', () => {
    const abstract = 'Kernel-based statistical methods are efficient, but their performance depends heavily on the selection of kernel parameters. Previously, the authors introduced Kernel Flows (KF) to learn kernel parameters for Kernel Partial Least-Squares (K-PLS) regression. KF is easy to implement and helps minimize overfitting.';
    expect(proposed('Kernel-based retrieval models for hyperspectral image data optimized with Kernel Flows', abstract)).toEqual([]);
  });
  it('a cited or named subject ("… (2008) presented …, called ION", "Bruckner, Ramacher and Striecks proposed")', () => {
    expect(proposed('Integration of overlapping networks', 'Danks et al. (2008) presented the first algorithm for enumerating the minimal equivalence class of ground-truth DAGs consistent with all input graphs, called ION.')).toEqual([]);
    expect(proposed('Hybrid key exchange', 'In PQCrypto 2023, Bruckner, Ramacher and Striecks proposed a novel hybrid AKE (HAKE) protocol, dubbed Muckle+, that is particularly useful in large quantum-safe networks.')).toEqual([]);
  });
  it('the paper\'s own past tense still names its contribution ("Methods: We developed …, named ETLD+ICV", "The proposed … (MPF) mission")', () => {
    expect(proposed('Motion tracking for MRI-guided radiotherapy', 'Methods: We developed a novel MRIgRT motion tracking method by integrating two primary methods: the ETLD framework and an improved Chan-Vese model (ICV), named ETLD+ICV.')).toContain('ETLD+ICV');
    expect(proposed('Microlensing planet searches', 'The proposed Microlensing Planet Finder (MPF) mission is an example of a space-based microlensing survey.')).toEqual(['MPF']);
    expect(proposed('Graph learning', 'In this paper, we introduced GraphX, a simple baseline for link prediction.')).toEqual(['GraphX']);
  });
});

describe('names as they are written', () => {
  it('a LaTeX square in a name reads as the superscript, the evidence keeps the title\'s characters ("S^{2}FT")', () => {
    const result = classify({ title: 'S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity', abstract: 'We present S^{2}FT, a family of structured sparse fine-tuning methods.' });
    expect(result.proposed?.map((p) => [p.text, p.evidence.text])).toEqual([['S²FT', 'S^{2}FT']]);
  });
  it('right after a naming word, a capital letter joined to a capitalised word is a name ("called O-Voxel")', () => {
    expect(proposed('Structured 3D latents', 'At its core is a new sparse voxel structure called O-Voxel, an omni-voxel representation that encodes geometry.')).toEqual(['O-Voxel']);
    expect(proposed('X-ray binaries', 'We present X-ray observations of the binary.')).toEqual([]);
  });
});

describe('one name per contribution', () => {
  it('an expansion named again later is its acronym, not a second name ("the proposed Knowledge-guided Context Optimization")', () => {
    expect(
      proposed(
        'Generalization of learnable prompts',
        'We introduce a novel Knowledge-guided Context Optimization (KgCoOp) to enhance generalization. Evaluation demonstrates that the proposed Knowledge-guided Context Optimization is an efficient method.',
      ),
    ).toEqual(['KgCoOp']);
    // Two names whose words differ stay two.
    expect(proposed('Unlearning', 'We introduce the Memorization Score (M-Score). We also propose Concept Forgetting, a novel method for erasing concepts.')).toContain('M-Score');
  });
});

describe('a token that says what kind of thing the contribution is', () => {
  it('someone else\'s model before "recipe" ("a minimalist R1-Zero recipe") is what the recipe follows', () => {
    expect(proposed('R1-Zero-like training', 'Leveraging these insights, we present a minimalist R1-Zero recipe that achieves 43.3% accuracy on AIME 2024.')).toEqual([]);
    // A name in apposition to the recipe is still the name.
    expect(proposed('Reasoning', 'We present SimpleRL, a minimalist recipe that achieves 43.3% accuracy on AIME 2024.')).toEqual(['SimpleRL']);
  });
});

describe('an acronym of a generic term', () => {
  it('defined in background from a lowercase term ("Instruction tuning (IT)") is not a name when the contribution uses it', () => {
    expect(proposed('Data selection', 'Instruction tuning (IT) is crucial to tailoring large language models. Furthermore, we introduce a curated IT dataset for tuning.')).toEqual([]);
    expect(proposed('Spectra', 'Earlier work measured the power spectral density (PSD) of the source. Here we present an improved X-ray PSD of the galaxy.')).toEqual([]);
  });
  it('the definition is found past many other brackets, and one after the contribution sentence does not count', () => {
    const brackets = Array.from({ length: 40 }, (_, i) => `(x${i})`).join(' ');
    expect(proposed('Data selection', `Scores ${brackets} vary. Instruction tuning (IT) is crucial to tailoring models. Furthermore, we introduce a curated IT dataset for tuning.`)).toEqual([]);
    expect(proposed('Data selection', `Scores ${brackets} vary. Furthermore, we introduce a curated IT dataset for tuning. Instruction tuning (IT) is crucial.`)).toEqual(['IT']);
    expect(proposed('Data selection', `Furthermore, we introduce a curated IT dataset for tuning. Instruction tuning (IT) is crucial.`)).toEqual(['IT']);
  });
  it('a capitalised expansion is a name ("Robustness Critical Fine-Tuning (RiFT)")', () => {
    expect(proposed('Robustness', 'Robustness Critical Fine-Tuning (RiFT) was sketched in a workshop. Here we present RiFT for vision models.')).toEqual(['RiFT']);
  });
  it('"The WMDP Benchmark" in the title and "WMDP" in the abstract are one name, the bare one', () => {
    expect(proposed('The WMDP Benchmark: Measuring Malicious Use', 'To fill these gaps, we release the Weapons of Mass Destruction Proxy (WMDP) benchmark, a dataset of questions.')).toEqual(['WMDP']);
    expect(proposed('UTMath: Math Evaluation with Unit Tests', 'This paper introduces the UTMath Benchmark, which robustly evaluates models.')).toEqual(['UTMath']);
    // A longer name that is not the bare one framed stays ("CalFUSE v3" next to "CalFUSE").
    expect(proposed('The WMDP Suite: Measuring Malicious Use', 'We release the WMDP-Bio split, a dataset of questions.')).toEqual(['The WMDP Suite', 'WMDP-Bio']);
  });
});

describe('an acronym that goes on past its bracket', () => {
  it('"Hierarchical Decomposition (HiDe-)Prompt" is HiDe-Prompt, as the abstract writes it later', () => {
    expect(
      proposed('Continual learning', 'We propose Hierarchical Decomposition (HiDe-)Prompt, an innovative approach. Experiments demonstrate the superior performance of HiDe-Prompt.'),
    ).toEqual(['HiDe-Prompt']);
  });
  it('a bracket closed on a letter is the acronym alone', () => {
    expect(proposed('Continual learning', 'We propose Hierarchical Decomposition (HiDe) Prompting, an innovative approach. HiDe works well.')).toEqual(['HiDe']);
  });
});

describe('the second of two names in one contribution sentence', () => {
  it('a bare name right after "(ACR) and" ("the Memorization Score (M-Score) and ConceptBench")', () => {
    expect(proposed('Concept forgetting', 'Alongside our method, we introduce the Memorization Score (M-Score) and ConceptBench to measure the capacity of models.')).toEqual(['M-Score', 'ConceptBench']);
    // A token that goes on into a noun phrase is what the first is used with.
    expect(proposed('Concept forgetting', 'Alongside our method, we introduce the Memorization Score (M-Score) and LLaMA-3 models fine-tuned for it.')).toEqual(['M-Score']);
  });
  it('a spelled-out name in parallel to the first ("X (A) to adapt … and Y (B) to achieve …")', () => {
    expect(
      proposed('Medical adapters', 'In Med-SA, we propose Space-Depth Transpose (SD-Trans) to adapt 2D SAM to 3D medical images and Hyper-Prompting Adapter (HyP-Adpt) to achieve prompt-conditioned adaptation.'),
    ).toEqual(['SD-Trans', 'HyP-Adpt']);
    // Not in parallel: a part of what the first name does.
    expect(proposed('Adapters', 'We propose Mixed Adapter Tuning (MAT) combining prefix tuning and Low-Rank Adaptation (LoRA) for efficiency.')).toEqual(['MAT']);
  });
});

describe('a name in apposition to what the paper makes', () => {
  it('after an indefinite kind noun, set off by commas ("a curated IT dataset, the Selective Alpaca, created …")', () => {
    expect(proposed('Data selection', 'Furthermore, we introduce a curated IT dataset, the Selective Alpaca, created by applying our method to the Alpaca-GPT4 dataset.')).toEqual(['Selective Alpaca']);
    expect(proposed('Conformal prediction', 'In this work we propose a new framework, Strategic Conformal Prediction, which is capable of robust uncertainty quantification.')).toEqual(['Strategic Conformal Prediction']);
    // After "the first", the token before the kind noun says what the benchmark measures.
    expect(proposed('Music editing', 'To address this gap, we introduce the first MCP evaluation benchmark, MuseCPBench, which covers four categories.')).toEqual(['MuseCPBench']);
    // Capitalised words that name a kind of model are no name.
    expect(proposed('Data selection', 'We introduce a dataset, Large Language Models, and more.')).toEqual([]);
  });
  it('a model the paper trains, named in apposition ("We trained a model, LLMergeJ, to resolve …")', () => {
    expect(proposed('Merge conflicts', 'We trained a model, LLMergeJ, to resolve merge conflicts in Java programs.')).toEqual(['LLMergeJ']);
    // Training a named model is using someone else's.
    expect(proposed('Merge conflicts', 'We trained a ResNet-50 model to resolve merge conflicts in Java programs.')).toEqual([]);
  });
  it('capitalised words in quotes before a kind noun ("a new “Automatic Behavior Optimization” paradigm")', () => {
    expect(proposed('Prompt optimization', 'Based on the observations, we introduce a new “Automatic Behavior Optimization” paradigm, which directly optimizes behavior.')).toEqual(['Automatic Behavior Optimization']);
    // Scare quotes around a common word.
    expect(proposed('Prompt optimization', 'Based on the observations, we introduce a new “thinking” paradigm, which directly optimizes behavior.')).toEqual([]);
  });
});

describe('a name written with LaTeX', () => {
  it('a Greek letter in LaTeX that opens a coined name ("called $\\Psi$PO")', () => {
    expect(proposed('Learning from preferences', 'In particular we derive a new general objective called $\\Psi$PO for learning from human preferences.')).toEqual(['$\\Psi$PO']);
    // A LaTeX letter alone, or before a lowercase word, is a symbol.
    expect(proposed('Learning from preferences', 'In particular we derive a new general objective called $\\Psi$ for learning from human preferences.')).toEqual([]);
    expect(proposed('Learning from preferences', 'We set a parameter called $\\beta$ mixing weight to one.')).toEqual([]);
  });
});

describe('a model named after the paper\'s own name', () => {
  it('a coined token before "model" that holds a proposed name or begins as it does ("AlpaCaR model", "QuRater model")', () => {
    expect(proposed('Data selection', 'We propose a selection method: Clustering and Ranking (CaR). CaR selected 1.96% of the data, yet the resulting AlpaCaR model surpassed Alpaca.')).toEqual(['CaR', 'AlpaCaR']);
    expect(proposed('QuRating: Selecting High-Quality Data', 'We introduce QuRating, a method for selecting data. We train a QuRater model to learn scalar ratings.')).toEqual(['QuRating', 'QuRater']);
    // A model sharing nothing with the paper's names is someone else's; a word of the name is not derived from it.
    expect(proposed('Data selection', 'We propose a selection method: Clustering and Ranking (CaR). CaR selected 1.96% of the data, yet the resulting LLaMA-7B model surpassed Alpaca.')).toEqual(['CaR']);
  });
});

describe('sentenceStart: where the sentence the names layer and the finder read starts', () => {
  const text = 'Adapters are cheap. Prior methods, e.g. LoRA and DoRA (Liu et al. 2024), update few weights.';
  it('starts after a full stop and its spaces, but not after an abbreviation', () => {
    expect(sentenceStart(text, text.indexOf('LoRA'))).toBe(text.indexOf('Prior'));
    expect(sentenceStart(text, text.indexOf('update'))).toBe(text.indexOf('Prior'));
    expect(sentenceStart(text, text.indexOf('cheap'))).toBe(0);
  });
  it('reads back no further than its reach', () => {
    expect(sentenceStart(text, text.indexOf('update'), 10)).toBe(text.indexOf('update') - 10);
  });
});
