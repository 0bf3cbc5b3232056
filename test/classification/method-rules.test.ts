/**
 * Method-family rules as specifications: a sentence a paper could have written goes in, the exact
 * family tags come out, and the hard negative next to each rule keeps it from reaching further than
 * it should. Each block names the rule of taxonomy/fine-tuning.yaml it specifies.
 */
import { describe, expect, it } from 'vitest';
import { classify, createClassifier, defaultTaxonomy } from '../../src/index.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import { methodTags } from './facet-tags.js';

const classifier = createClassifier({ taxonomy: defaultTaxonomy });
const methods = methodTags(classifier);

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

describe('forgetting (support: 2): a side benefit claimed in one sentence is not the paper\'s topic', () => {
  it('does not tag forgetting when a method only claims once that it forgets less, and shows it as a mention under explain', () => {
    const abstract =
      'We propose a sparse fine-tuning method that updates only the parameters with the largest gradients. Our analysis demonstrates that the method mitigates catastrophic forgetting, as important pre-trained parameters remain unchanged.';
    expect(methods({ abstract })).toEqual(['peft', 'sparse-ft']);
    const result = classifier.classify({ abstract }, { explain: true });
    expect(result.mentions!.find((t) => t.id === 'forgetting')!.score).toBeGreaterThan(0.5);
  });

  it('tags forgetting framed as the problem and returned to, or named in the title', () => {
    const abstract =
      'Fine-tuning a language model on a new task causes catastrophic forgetting of what it learned before. We propose a regularizer that mitigates forgetting by anchoring the weights that matter for earlier tasks.';
    expect(methods({ abstract })).toEqual(['forgetting']);
    expect(methods({ title: 'Overcoming Catastrophic Forgetting in Neural Networks' })).toEqual(['forgetting']);
  });

  it('applies the same with names off, where the plain scorer decides', () => {
    const abstract = 'Our method prevents forgetting while simplifying optimization and improves reasoning accuracy on arithmetic tasks.';
    expect(classifier.classify({ abstract }, { names: false }).tags.filter((t) => t.facet === 'method')).toEqual([]);
    expect(methods({ abstract })).toEqual([]);
    expect(methods({ abstract: `${abstract} The pre-trained model shows less forgetting on five earlier tasks.` })).toEqual(['forgetting']);
  });
});

describe('support in a user taxonomy: a title mention or that many sentences', () => {
  const taxonomy = parseTaxonomy(`
name: demo
facets:
  method:
    label: Method
    nodes:
      - id: retention
        label: Retention
        support: 2
        phrases: [{ text: knowledge retention, weight: 2 }]
`);
  const demo = createClassifier({ taxonomy });
  const tagged = (record: { title?: string; abstract?: string }) => demo.classify(record).tags.map((t) => t.id);

  it('needs two abstract sentences, or one title mention', () => {
    expect(tagged({ abstract: 'Our method improves knowledge retention.' })).toEqual([]);
    expect(tagged({ abstract: 'Our method improves knowledge retention. Knowledge retention is measured on five tasks.' })).toEqual(['retention']);
    expect(tagged({ title: 'Knowledge Retention in Fine-Tuning' })).toEqual(['retention']);
  });
});

describe('context words: a rule never supplies its own context', () => {
  it('does not tag a parameter-efficient LoRa radio receiver as fine-tuning', () => {
    expect(methods({ abstract: 'LoRa networks connect low-power sensors; we propose a parameter-efficient receiver for decoding chirps.' })).toEqual([]);
  });

  it('still tags parameter-efficient tuning of a pre-trained model', () => {
    expect(methods({ abstract: 'We propose a parameter-efficient method that adapts a frozen pre-trained model to new tasks.' })).toEqual(['peft']);
  });
});

describe('named methods spelled as common words need their family nearby (method-names.md collisions)', () => {
  it('does not read a deferred poisoning attack as the Defer editing baseline', () => {
    const abstract = 'We introduce a more threatening type of poisoning attack called the Deferred Poisoning Attack, which makes the model sensitive to evasion attacks.';
    expect(methods({ title: 'Deferred Poisoning: Making the Model More Vulnerable', abstract })).toEqual([]);
  });

  it('still counts Defer where edits are made to a model', () => {
    const abstract = 'We propose a method for sequential model editing of language models and compare it with Defer on thousands of edits.';
    expect(methods({ abstract })).toEqual(['editing']);
  });
});

describe('alignment: preference phrases count next to preference training, not next to any language model', () => {
  it('does not tag a user study on which outputs users prefer, replicated with an LLM', () => {
    const abstract =
      'We conduct a user study on whether users prefer a chart or a table. We investigate to what degree an LLM can replicate human preferences with and without user preference data.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('tags fine-tuning a language model on human preference data', () => {
    const abstract = 'We collect human preference data and fine-tune a language model to align it with human preferences, outperforming supervised fine-tuning.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });
});

describe('compatibility cue: a family the contribution merely works alongside is not its method', () => {
  it('does not tag a memory-efficient optimizer that can be combined with low-rank adaptation', () => {
    const abstract =
      'We propose a memory-efficient optimizer that updates all parameters with full-rank steps. Our framework can be combined with low-rank adaptation methods such as LoRA.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('does not tag an optimizer that is orthogonal to low-rank adaptation', () => {
    const abstract = 'We propose an optimizer whose memory savings are orthogonal to low-rank adaptation of language models.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('still tags a method that adapts a model with low-rank updates itself', () => {
    const abstract = 'We propose a low-rank adaptation method that learns low-rank updates of the attention weights of a frozen language model.';
    expect(methods({ abstract })).toEqual(['peft', 'peft.lora']);
  });
});

describe('editing: "model editing" and "unlearning" are ML terms only in ML text', () => {
  it('does not tag editing road network models, or people unlearning associations in a memory experiment', () => {
    expect(methods({ title: 'Model Editing of Road Networks', abstract: 'We edit road network models in a GIS tool to plan routes.' })).toEqual([]);
    expect(methods({ title: 'Unlearning in Human Memory', abstract: 'We study how participants unlearn associations in a memory task.' })).toEqual([]);
  });

  it('still tags unlearning in a language model', () => {
    expect(methods({ title: 'Unlearning Copyrighted Text', abstract: 'We propose an unlearning method that removes copyrighted passages from a language model.' })).toEqual(['editing']);
  });
});

describe('a context that titles do without', () => {
  it('"data selection" in a physics abstract is not the family; in a title it is', () => {
    const physics =
      'We revisit the fine-tuning problem of the electroweak scale in supersymmetric models. We find that natural supersymmetry with light stops requires fine-tuning at the percent level, and data selection of LHC searches constrains the parameter space.';
    expect(classify({ title: 'Naturalness and the Fine-Tuning of the Higgs Mass', abstract: physics }).tags.map((t) => t.id)).not.toContain('data-selection');
    expect(classify({ title: 'Diversify and Conquer: Diversity-Centric Data Selection with Iterative Refinement' }).tags.map((t) => t.id)).toContain('data-selection');
    const ml = 'We study data selection for instruction tuning of large language models and select 5% of the training data by gradient similarity.';
    expect(classify({ title: 'Selecting Influential Examples', abstract: ml }).tags.map((t) => t.id)).toContain('data-selection');
  });
});

describe('framing cues ("this work", "our framework") frame the paper, not every family in the sentence', () => {
  it('leaves a family mentioned once in passing in a framed sentence untagged', () => {
    const abstract =
      'In contrast, this work provides a fine-grained mathematical analysis to show how transformers leverage the multi-concept semantics of words to enable powerful ICL and excellent out-of-distribution ICL abilities.';
    expect(methods({ abstract })).toEqual([]);
    const factTest =
      'Notably, we prove that our framework also ensures strong Type II error control under mild conditions and can be extended to maintain its effectiveness when covariate shifts exist.';
    expect(methods({ abstract: factTest })).toEqual([]);
  });

  it('still tags the family when the framed sentence is about it and it recurs', () => {
    const abstract =
      'This work studies out-of-distribution detection for image classifiers. We show that energy scores separate out-of-distribution inputs better than softmax confidence.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });
});

describe('peft.prompt: a visual prompt counts only when it is learned (taxonomy: learnable / learned / trainable visual prompt)', () => {
  it('does not tag visual prompts a user draws on the image (ViP-LLaVA, arXiv 2312.00784)', () => {
    const title = 'ViP-LLaVA: Making Large Multimodal Models Understand Arbitrary Visual Prompts';
    const abstract =
      'While existing large vision-language multimodal models focus on whole image understanding, there is a prominent gap in achieving region-specific comprehension. Current approaches that use textual coordinates or spatial encodings often fail to provide a user-friendly interface for visual prompting. To address this challenge, we introduce a novel multimodal model capable of decoding arbitrary (free-form) visual prompts. This allows users to intuitively mark images and interact with the model using natural cues like a “red bounding box” or “pointed arrow”. Our simple design directly overlays visual markers onto the RGB image, eliminating the need for complex region encodings, yet achieves state-of-the-art performance on region-understanding tasks like Visual7W, PointQA, and Visual Commonsense Reasoning benchmark. Furthermore, we present ViP-Bench, a comprehensive benchmark to assess the capability of models in understanding visual prompts across multiple dimensions, enabling future research in this domain. Code, data, and model are publicly available.';
    expect(methods({ title, abstract })).toEqual([]);
  });

  it('does not tag points, boxes and shapes given to an MLLM as visual prompts (Draw-and-Understand, arXiv 2403.20271)', () => {
    const title = 'Draw-and-Understand: Leveraging Visual Prompts to Enable MLLMs to Comprehend What You Want';
    const abstract =
      'In this framework, we propose a general architecture adaptable to different pre-trained MLLMs, enabling it to recognize various types of visual prompts (such as points, bounding boxes, and free-form shapes) alongside language understanding.';
    expect(methods({ title, abstract })).toEqual([]);
  });

  it('does not tag an image-guided "visual prompt" of an editing method (arXiv 2308.15854)', () => {
    const title = 'Textual and Visual Prompt Fusion for Image Editing via Step-Wise Alignment';
    const abstract =
      'The use of denoising diffusion models is becoming increasingly popular in the field of image editing. However, current approaches often rely on either image-guided methods, which provide a visual reference but lack control over semantic consistency, or text-guided methods, which ensure alignment with the text guidance but compromise visual quality. To resolve this issue, we propose a framework that integrates a fusion of generated visual references and text guidance into the semantic latent space of a frozen pre-trained diffusion model. Using only a tiny neural network, our framework provides control over diverse content and attributes, driven intuitively by the text prompt. Compared to state-of-the-art methods, the framework generates images of higher quality while providing realistic editing effects across various benchmark datasets.';
    expect(methods({ title, abstract })).toEqual([]);
  });

  it('still tags learnable visual prompts and visual prompt tuning', () => {
    const abstract =
      'We prepend learnable visual prompts to the input of a frozen vision transformer and train only them on the downstream task, a small fraction of the parameters of full fine-tuning.';
    expect(methods({ abstract })).toEqual(['peft', 'peft.prompt']);
    expect(methods({ title: 'Visual Prompt Tuning' })).toEqual(['peft', 'peft.prompt']);
  });
});

describe('data-selection: selecting "examples" is the family only for training examples (in-context demonstrations are not training data)', () => {
  it('does not tag choosing the in-context examples of a segmentation model (arXiv 2407.10233)', () => {
    const title = 'Rethinking and Improving Visual Prompt Selection for In-Context Learning Segmentation';
    const abstract =
      'However, existing works mostly ignore the value of visual prompts or simply apply similarity sorting to select contextual examples. In this paper, we focus on rethinking and improving the example selection strategy. Extensive experiments show that our method is an effective strategy for selecting examples and enhancing segmentation performance.';
    expect(methods({ title, abstract })).toEqual([]);
  });

  it('still tags selecting training examples for fine-tuning', () => {
    const abstract =
      'We propose a training example selection method for instruction tuning: it scores every candidate and selects training examples whose gradients match the target task, so that fine-tuning on 5% of the data matches the full set.';
    expect(methods({ abstract })).toEqual(['data-selection']);
  });
});

describe('weight-interpolation: "task vectors" are weight differences only next to weights, fine-tuning or merging (taxonomy: weight-space context)', () => {
  it('does not tag the task vectors in-context learning computes from its demonstrations (Hendel et al., arXiv 2310.15916)', () => {
    const title = 'In-Context Learning Creates Task Vectors';
    const abstract =
      'In-context learning (ICL) in Large Language Models (LLMs) has emerged as a powerful new learning paradigm. However, its underlying mechanism is still not well understood. In particular, it is challenging to map it to the “standard” machine learning framework, where one uses a training set S to find a best-fitting function f(x) in some hypothesis class. Here we make progress on this problem by showing that the functions learned by ICL often have a very simple structure: they correspond to the transformer LLM whose only inputs are the query x and a single “task vector” calculated from the training set. Thus, ICL can be seen as compressing S into a single task vector θ(S) and then using this task vector to modulate the transformer to produce the output. We support the above claim via comprehensive experiments across a range of models and tasks.';
    expect(methods({ title, abstract })).toEqual([]);
  });

  it('still tags task vectors built from fine-tuned weights', () => {
    const abstract =
      'A task vector specifies a direction in the weight space of a pre-trained model, obtained by subtracting the pre-trained weights from the weights of the same model after fine-tuning on a task. We show that task vectors can be negated and added to steer the behaviour of the model.';
    expect(methods({ abstract })).toEqual(['weight-interpolation']);
  });
});

describe('alignment: "safety alignment" names a goal many papers share; alone it is not preference or reward training (weight 0.5)', () => {
  it('does not tag alignment for a safety classifier built into decoding (arXiv 2502.02153)', () => {
    const title = 'Safety Alignment Can Be Not Superficial With Explicit Safety Signals';
    const abstract =
      'Recent studies on the safety alignment of large language models (LLMs) have revealed that existing approaches often operate superficially, leaving models vulnerable to various adversarial attacks. Despite their significance, these studies generally fail to offer actionable solutions beyond data augmentation for achieving more robust safety mechanisms. This paper identifies a fundamental cause of this superficiality: existing alignment approaches often presume that models can implicitly learn a safety-related reasoning task during the alignment process, enabling them to refuse harmful requests. However, the learned safety signals are often diluted by other competing objectives, leading models to struggle with drawing a firm safety-conscious decision boundary when confronted with adversarial attacks. Based on this observation, by explicitly introducing a safety-related binary classification task and integrating its signals with our attention and decoding strategies, we eliminate this ambiguity and allow models to respond more responsibly to malicious queries. We emphasize that, with less than 0.2x overhead cost, our approach enables LLMs to assess the safety of both the query and the previously generated tokens at each necessary generating step. Extensive experiments demonstrate that our method significantly improves the resilience of LLMs against various adversarial attacks, offering a promising pathway toward more robust generative AI systems.';
    expect(methods({ title, abstract })).not.toContain('alignment');
  });

  it('still tags safety alignment trained with human feedback and a reward model', () => {
    const abstract =
      'We improve the safety alignment of language models with reinforcement learning from human feedback. A reward model trained on human preference data scores refusals, and the policy is optimised against it with PPO.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });
});

describe('alignment: "preference learning" is the family only next to the training it feeds (taxonomy: preference-training context)', () => {
  it('does not tag preference learning with Gaussian processes (arXiv 2403.11782; PASCAL eprint 8441)', () => {
    expect(methods({ title: 'A tutorial on learning from preferences and choices with Gaussian Processes', abstract: 'Preference modelling lies at the intersection of economics, decision theory, machine learning and statistics. By understanding individuals’ preferences and how they make choices, we can build products that closely match their expectations, paving the way for more efficient and personalised applications across a wide range of domains. The objective of this tutorial is to present a cohesive and comprehensive framework for preference learning with Gaussian Processes (GPs), demonstrating how to seamlessly incorporate rationality principles (from economics and decision theory) into the learning process. By suitably tailoring the likelihood function, this framework enables the construction of preference learning models that encompass random utility models, limits of discernment, and scenarios with multiple conflicting utilities for both object- and label-preference. This tutorial starts by reviewing the mathematical concept of preference, its properties and the representation via utility functions. We then organise preferential data into three types: object preferences, label preferences and choice data. We present five GP-models for object preferences showing in which situations each one is better adapted. For label preferences we present two models based on different noise assumptions. Finally for choice data we present a model for rational choice functions and one for pseudo-rational choice functions. The last part of the tutorial presents four applications of GP-based preference learning. This tutorial builds upon established research while simultaneously introducing some novel GP-based models to address specific gaps in the existing literature.' })).toEqual([]);
    expect(methods({ title: 'A Gaussian Process Classification Approach to Binary Preference Learning', abstract: 'In this paper I present the problem of learning from pairwise preference judgements as a special case of binary classification. I discuss why kernel classifiers using traditional kernels based on the distance between items cannot be used to address the problem effectively: the preference prediction problem has inherent symmetry properties that these kernels cannot model. I will review a hierarchical Bayesian model for preference learning that by construction respects these symmetry properties and show its equivalence to probit Gaussian process (GP) classification. Motivated by this model I define the preference judgement kernel and show that it is capable of modelling the symmetry of preference judgement.' })).toEqual([]);
  });

  it('still tags preference learning that fine-tunes a language model', () => {
    const abstract =
      'We study preference learning for language models. Fine-tuning on pairwise human preferences with a reward model improves helpfulness, and preference learning with our objective is more stable than PPO.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });
});

describe('forgetting: "lifelong learning" is the family only in machine-learning text (taxonomy: ml context)', () => {
  it('does not tag lifelong learning in adult education (JETIR2410590)', () => {
    expect(methods({ abstract: 'Lifelong learning has emerged as a vital component in modern education systems, particularly within the realm of adult education. As economies and societies undergo rapid technological and cultural changes, the need for adults to continuously update their skills, knowledge, and competencies has become more pressing. This paper examines the concept of lifelong learning, exploring its role in facilitating personal development, professional advancement, and societal growth. The theoretical underpinnings of lifelong learning, including human capital theory, transformative learning, and self-directed learning, are discussed to provide a foundation for understanding how adult learners engage with education across the lifespan.' })).toEqual([]);
  });

  it('still tags lifelong learning of neural networks', () => {
    const abstract =
      'Lifelong learning requires neural networks to learn a sequence of tasks without forgetting earlier ones. We propose a replay method for lifelong learning of pretrained language models.';
    expect(methods({ abstract })).toEqual(['forgetting']);
  });
});

describe('weight-interpolation: "model merging" is the family only in machine-learning text (taxonomy: ml context)', () => {
  it('does not tag merging software models (A Manifesto for Model Merging, Brunet et al.)', () => {
    expect(methods({ title: 'A Manifesto for Model Merging', abstract: 'If a modeling task is distributed, it will frequently be necessary to merge models developed by different team members. Existing approaches to model merging make assumptions about the types of model to be merged, and the nature of the relationship between them. This makes it hard to compare approaches. In this paper, we present a manifesto for research on model merging. We propose a framework for comparing different approaches to merging, by treating merge as an algebraic operator over models and model relationships. We specify the algebraic properties of an idealized merge operator, as well as related operators such as match, diff, split, and slice. We then show how our framework can be used to compare existing approaches by applying it to two of our own research projects on model merging. We show how this analysis permits a detailed comparison of approaches, reveals the key features of each, and identifies weaknesses that require further research. Most importantly, the framework emphasizes the need to make explicit all assumptions about the relationships between models, and indeed to treat model relationships as first class objects.' })).toEqual([]);
  });

  it('still tags merging fine-tuned language models', () => {
    expect(methods({ title: 'Model merging for large language models', abstract: 'Model merging combines fine-tuned language models into one without training.' })).toEqual([
      'weight-interpolation',
    ]);
  });

  it('a merging method that names its rivals (TIES-Merging, task arithmetic) is machine-learning text too', () => {
    const abstract =
      'Model merging combines task-specific models into one. TIES-Merging and DARE reduce interference by pruning small updates, but both ignore the direction of updates across tasks. We propose DirMerge, which aligns update directions before merging. DirMerge outperforms TIES-Merging, DARE and Task Arithmetic on eight vision tasks.';
    expect(methods({ title: 'Merging task-specific adapters without interference', abstract })).toEqual(['weight-interpolation']);
  });
});

describe('editing: "the right to be forgotten" is machine unlearning only in machine-learning text (taxonomy: ml context)', () => {
  it('does not tag a law article on the right to be forgotten after Google Spain (SSRN 2669081)', () => {
    expect(methods({ title: 'In the Aftermath of Google Spain: How the ‘Right to Be Forgotten’ is Being Shaped in Spain by Courts and the Data Protection Authority', abstract: 'This article examines how the so-called ‘right to be forgotten’ is being applied in Spain after the CJEU landmark ruling in the Google Spain case. As of July 2015, a rich body of case law is already available, with more than 200 decisions issued by the Data Protection Authority in cases lodged after Google Spain, and over 70 court rulings handed down by the Audiencia Nacional and other courts. That case law illustrates how the scope and limits of this right are being defined in practice; how the different groups of cases are being dealt with; and how courts and the Data Protection Authority — sometimes with conflicting approaches — are facing the problem of finding an appropriate balance in the difficult cases.' })).toEqual([]);
  });

  it('still tags unlearning a trained model to honour the right to be forgotten', () => {
    const abstract =
      'The right to be forgotten requires removing a user\'s data from trained machine learning models. We propose a machine unlearning method that forgets the data without retraining the neural network.';
    expect(methods({ abstract })).toEqual(['editing']);
  });
});

describe('alignment: reward models and reward modeling are the family where they train language models on feedback (taxonomy: reward-training context)', () => {
  it('does not tag a reward model for robot imitation learning (SARM, arXiv 2509.25358)', () => {
    expect(methods({ title: 'SARM: Stage-Aware Reward Modeling for Long Horizon Robot Manipulation', abstract: 'Large-scale robot learning has recently shown promise for enabling robots to perform complex tasks by integrating perception, control, and language understanding. Yet, it struggles with long-horizon, contact-rich manipulation such as deformable object handling, where demonstration quality is inconsistent. Reward modeling offers a natural solution: by providing grounded progress signals, it transforms noisy demonstrations into stable supervision that generalizes across diverse trajectories. We introduce a stage-aware, video-based reward modeling framework that jointly predicts high-level task stages and fine-grained progress. Reward labels are automatically derived from natural language subtask annotations, ensuring consistent progress estimation across variable-length demonstrations. This design overcomes frame-index labeling, which fails in variable-duration tasks like folding a T-shirt. Our reward model demonstrates robustness to variability, generalization to out-of-distribution settings, and strong utility for policy training. Building on it, we propose Reward-Aligned Behavior Cloning (RA-BC), which filters high-quality data and reweights samples by reward. Experiments show the reward model alone outperforms baselines on validation and real robot rollouts. Integrated into RA-BC, our approach achieves 83\\% success on folding T-shirts from the flattened state and 67\\% from the crumpled state -- far surpassing vanilla behavior cloning, which attains only 8\\% and 0\\% success. Overall, our results highlight reward modeling as a key enabler for scalable, annotation-efficient, and robust imitation learning in long-horizon manipulation.' })).not.toContain('alignment');
  });

  it('still tags reward modeling from human feedback for language models', () => {
    const abstract =
      'Reward modeling is central to RLHF. We train a reward model on human preference data and fine-tune the language model against it with PPO.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });
});

describe('robustness: the acronym OOD is out-of-distribution only in machine-learning text (taxonomy: ml context)', () => {
  it('does not tag object-oriented design (OOD); text of a public software-design guide (search index file 58897973333)', () => {
    const abstract =
      'Object-Oriented Design (OOD) is the process of planning how to structure your software using classes, objects, and their relationships before you write any code. OOD answers the question: "Which classes do I need, what should each class be responsible for, and how should they interact?" It is a design activity — done on paper or in a diagram — before touching the keyboard.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('still tags OOD detection for neural networks', () => {
    const abstract =
      'Neural networks are overconfident on OOD inputs. We propose an OOD detection score for pretrained classifiers that separates OOD samples from in-distribution data.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });
});

describe('the ml context: "neural" alone is neuroscience as often as machine learning (neural replay, neural circuits)', () => {
  it('does not tag forgetting in a review of sleep and memory (PubMed 28278432)', () => {
    expect(methods({ title: 'Sculpting memory during sleep: concurrent consolidation and forgetting', abstract: 'There is compelling evidence that sleep actively supports the formation of long-lasting memory representations. Experimental cuing of memories proved that neural replay of representations during sleep plays a causal role for this consolidation, which has also been shown to promote neocortical synaptic plasticity and spine formation. Concurrently, sleep has been proposed to facilitate forgetting through processes of synaptic renormalisation. This view received indirect support by findings in humans of sleep enhancing TMS-evoked plasticity and capabilities for encoding new information. First direct behavioural evidence of sleep inducing forgetting has only recently emerged after encoding large amounts of stimuli in adults. We propose forgetting complements sleep-dependent consolidation and facilitates gist abstraction especially at high memory loads, when reactivation-based consolidation reaches capacity limits.' })).toEqual([]);
  });

  it('still tags forgetting in neural networks', () => {
    const abstract =
      'Neural networks forget earlier tasks when trained on new ones. We propose a replay method that reduces forgetting in deep neural networks trained on a sequence of tasks.';
    expect(methods({ abstract })).toEqual(['forgetting']);
  });
});

describe('weight-interpolation: "weight interpolation" is not inflected (taxonomy: exact)', () => {
  it('does not tag inverse distance weighting interpolation of station data', () => {
    const abstract =
      'Weather station networks are sparse in mountainous regions. We compare cubic spline, kriging and inverse distance weighting interpolation of daily temperature from 140 stations in the Alps and evaluate them by leave-one-out cross-validation.';
    expect(methods({ title: 'Cubic Spline Interpolation of Sparse Weather Station Data', abstract })).toEqual([]);
  });

  it('still tags weight interpolation between fine-tuned models', () => {
    const abstract =
      'Fine-tuning CLIP degrades robustness under distribution shift. We study weight interpolation between the zero-shot and fine-tuned models and propose a per-layer mixing coefficient.';
    expect(methods({ abstract })).toEqual(['weight-interpolation']);
  });
});

describe('forgetting: what an edit or unlearning forgets on purpose and preserves is its locality (taxonomy: excludes "learning to forget", "preserved knowledge")', () => {
  it('tags an unlearning title that learns to forget as editing only', () => {
    const abstract =
      'We propose a method to remove unwanted concepts from text-to-image diffusion models. It makes the model forget specific identities and objects within 30 seconds while machine unlearning leaves the other concepts intact.';
    expect(methods({ title: 'Learning to Forget in Text-to-Image Diffusion Models', abstract })).toEqual(['editing']);
  });

  it('tags a knowledge editing method that keeps the preserved knowledge as editing only', () => {
    const abstract =
      'Model editing methods update targeted knowledge, but this perturbation inevitably disrupts the originally preserved knowledge within LLMs. We introduce a projection of the perturbation onto the null space of the preserved knowledge, so the output about the preserved knowledge stays unchanged in sequential editing.';
    expect(methods({ title: 'Null-Space Constrained Knowledge Editing for Language Models', abstract })).toEqual(['editing']);
  });

  it('still tags forgetting in a continual learning paper that mentions unlearning in passing', () => {
    const abstract =
      'Continual learning of language models suffers from catastrophic forgetting of earlier tasks. We propose a replay method that mitigates forgetting, unlike machine unlearning which removes knowledge on purpose.';
    expect(methods({ title: 'Mitigating Catastrophic Forgetting in Continual Instruction Tuning', abstract })).toEqual(['forgetting']);
  });

  it('tags both families in a study of the catastrophic forgetting that sequential editing causes (arXiv 2401.07453)', () => {
    const abstract =
      'We evaluate the current model editing methods at scale, focusing on two state of the art methods: ROME and MEMIT. We find that as the model is edited sequentially with multiple facts, it continually forgets previously edited facts and the ability to perform downstream tasks. This forgetting happens in two phases -- an initial gradual but progressive forgetting phase followed by abrupt or catastrophic forgetting phase.';
    expect(methods({ title: 'Model Editing at Scale leads to Gradual and Catastrophic Forgetting', abstract })).toEqual(['editing', 'forgetting']);
  });
});

describe('robustness: "perturbations" are the family only next to attacks, noise or shifts (taxonomy: context)', () => {
  it('does not read the weight perturbation of an edit as robustness', () => {
    const abstract =
      'Locate-then-edit methods introduce a perturbation to the parameters of a language model. We constrain the perturbation of knowledge editing so that the other facts are kept.';
    expect(methods({ abstract })).toEqual(['editing']);
  });

  it('still counts perturbations of inputs under attack', () => {
    const abstract = 'Deep neural networks misclassify inputs under small perturbations. We propose a defense that improves adversarial robustness of image classifiers against such perturbations.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });
});

describe('robustness: what data or a result is, or a quality listed with factuality, is not the paper\'s topic (taxonomy: exclude)', () => {
  it('does not tag a reasoning recipe whose result is out-of-distribution generalization', () => {
    const abstract =
      'With merely 817 curated training samples, our model achieves 57.1% accuracy on AIME. It demonstrates exceptional out-of-distribution generalization, achieving 40.5% absolute improvement across 10 diverse benchmarks.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('does not tag a preference method that explains why data of an out-of-distribution nature trains worse, or improves robustness and factuality', () => {
    const abstract =
      'We aim to enhance the robustness and factuality of LLMs by learning from human feedback. We propose step-wise preference optimization. We also observe that self-generated data is more effective than data written by humans, due to the latter\'s out-of-distribution nature.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });

  it('still tags a paper about out-of-distribution generalization', () => {
    const abstract =
      'Fine-tuned models lose accuracy under distribution shift. We propose a fine-tuning method that improves out-of-distribution generalization of pretrained vision models on five distribution shift benchmarks.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });
});

describe('sparse-ft yields to weight-interpolation: the masks of a merging method sparsify task vectors (taxonomy: yields)', () => {
  it('tags a merging method with sparse masks as weight-interpolation only', () => {
    const abstract =
      'We introduce a simple method for multi-task model merging: it subtracts the pre-trained weights from each fine-tuned model and keeps the task vectors under sparse masks before merging them into one multi-task model.';
    expect(methods({ title: 'Scaling Multi-Task Model Merging with Sparse Masks', abstract })).toEqual(['weight-interpolation']);
  });

  it('still tags a sparse fine-tuning method whose models are later merged', () => {
    const abstract =
      'We propose a sparse fine-tuning method that updates only a small subset of parameters of the pretrained model. The sparse updates also make the fine-tuned models easy to merge.';
    expect(methods({ title: 'Sparse Fine-Tuning of Language Models', abstract })).toContain('sparse-ft');
  });
});

describe('peft: "efficient fine-tuning" without "parameter-" needs more than one abstract mention', () => {
  it('does not tag an efficient fine-tuning method that averages fine-tuned models', () => {
    const abstract =
      'This paper introduces an efficient fine-tuning method for large pre-trained models. We introduce a layer-wise weight averaging technique that approximates a center-close weight using only two fine-tuned models.';
    expect(methods({ abstract })).toEqual(['weight-interpolation']);
  });

  it('still tags an efficient fine-tuning method that trains few parameters', () => {
    const abstract =
      'We propose an efficient fine-tuning method for large language models. Only a small fraction of the parameters are trained while the pretrained model stays frozen.';
    expect(methods({ abstract })).toEqual(['peft']);
  });
});

describe('recall phrasings: merging named by what is merged, continual policy learning, RL for language models, fine-tuning to prefer', () => {
  it('tags "LLM Merging" as weight-interpolation', () => {
    expect(methods({ title: 'Training-free LLM Merging for Multi-task Learning' })).toEqual(['weight-interpolation']);
  });

  it('tags continual imitation learning as forgetting', () => {
    expect(methods({ title: 'SPECI: Skill Prompts based Hierarchical Continual Imitation Learning for Robot Manipulation' })).toEqual(['forgetting']);
  });

  it('tags reinforcement learning for an LLM agent as alignment, not an LLM that serves RL', () => {
    expect(methods({ title: 'Encouraging Good Processes Without the Need for Good Answers: Reinforcement Learning for LLM Agent Planning' })).toEqual(['alignment']);
    expect(methods({ title: 'Reinforcement Learning with LLM-generated Rewards for Robot Locomotion' })).toEqual([]);
    expect(methods({ title: 'Large Language Models for Reinforcement Learning: A Survey' })).toEqual([]);
  });

  it('tags a method that fine-tunes LLMs to prefer some reasoning paths as alignment', () => {
    const abstract =
      'Confidence-based self-training fine-tunes LLMs to prefer reasoning paths with high-confidence answers. We then propose a new self-training method, CORE-PO, that fine-tunes LLMs to prefer high-confidence reasoning paths through policy optimization.';
    expect(methods({ abstract })).toEqual(['alignment']);
  });

  it('does not read readers or users who prefer something as preference fine-tuning', () => {
    const abstract = 'In a user study, annotators prefer the summaries of our large language model trained on news articles to those of the baseline.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('forgetting: the passive "forgetting … can be alleviated" is the near rule too (window 6, after)', () => {
  it('tags a prompt method whose key insight is alleviating the forgetting of general knowledge', () => {
    const abstract =
      'The specific textual knowledge generalizes worse to unseen classes because it forgets the essential general textual knowledge of the pretrained model. The key insight of our method is that the forgetting about essential knowledge can be alleviated by reducing the discrepancy between the learnable prompt and the hand-crafted prompt.';
    expect(methods({ abstract })).toContain('forgetting');
  });

  it('does not tag forgetting that a paper only says is reduced in one sentence', () => {
    const abstract = 'We propose a retrieval method for question answering with language models; as a side benefit, forgetting of earlier facts is reduced as well.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('sparse-ft: optimizing a few parameters in a named part of the network (near "optimize")', () => {
  it('tags a customization method that only optimizes a few parameters in the conditioning mechanism as sparse-ft and peft', () => {
    const abstract =
      'We propose Custom Diffusion, an efficient method for augmenting existing text-to-image models. We find that only optimizing a few parameters in the text-to-image conditioning mechanism is sufficiently powerful to represent new concepts while enabling fast tuning. Our fine-tuned model composes multiple new concepts.';
    expect(methods({ abstract })).toEqual(['peft', 'sparse-ft']);
  });

  it('does not tag an optimizer of a physical model with a few parameters', () => {
    const abstract = 'We optimize a few parameters in the lattice Hamiltonian to fit the measured spectra of the crystal.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('data-selection: the passive "a subset of data samples selected", "this subset is selected" (near "selected", before)', () => {
  it('tags training on a subset of data samples selected by importance', () => {
    const abstract =
      'We present a data-efficient approach to accelerate training of deep learning models using a subset of data samples selected during the warm-up stages of training. This subset is selected based on an importance criterion measured over the entire dataset.';
    expect(methods({ abstract })).toEqual(['data-selection']);
  });

  it('does not tag a subset of layers selected for fine-tuning as data selection', () => {
    const abstract = 'We fine-tune a pretrained transformer in which a subset of layers is selected by their gradient norm; the other layers stay frozen.';
    expect(methods({ abstract })).not.toContain('data-selection');
  });
});

describe('peft.lora yields to sparse-ft: LoRA is the foil of sparse methods (taxonomy: yields)', () => {
  it('tags a sparse update with a low-rank constraint, set against LoRA, as sparse-ft and peft, not LoRA', () => {
    const abstract =
      'We first investigate the importance of parameters in pre-trained diffusion models and find that the smallest 10% of parameters do not contribute. We propose a method that re-utilizes these ineffective parameters, equating to optimizing a sparse weight matrix, with a nuclear-norm-based low-rank sparse training scheme for parameter-efficient fine-tuning. Our sparse fine-tuning outperforms traditional fine-tuning methods like LoRA.';
    expect(methods({ title: 'High-Efficient Diffusion Model Fine-tuning with Progressive Sparse Low-Rank Adaptation', abstract })).toEqual(['peft', 'sparse-ft']);
  });

  it('still tags a LoRA method that also sparsifies its update as LoRA', () => {
    const abstract =
      'We propose a LoRA variant that prunes the low-rank update of LoRA modules with a sparse mask. Our LoRA method keeps the rank adaptive and outperforms AdaLoRA on GLUE.';
    expect(methods({ title: 'Sparse LoRA: Adaptive Rank Allocation for Low-Rank Adaptation', abstract })).toContain('peft.lora');
  });
});

describe('peft: a stated property and a text\'s "prompt vector" are not the family (taxonomy: exclude, context)', () => {
  it('does not tag a prompt-aware visual encoder that is parameter-efficient and feeds a prompt vector to its MLP', () => {
    const abstract =
      'Existing MLLMs convert visual features into visual tokens via an adapter. We utilize the frozen LLM in the MLLM to vectorize the input prompt. We then feed this prompt vector into our trained Multi-Layer Perceptron to align it with the visual input criteria. Our framework is parameter-efficient and can apply to various MLLMs.';
    expect(methods({ abstract })).toEqual([]);
  });

  it('still tags learnable soft prompt vectors', () => {
    const abstract = 'Prompt tuning affixes a small amount of trainable soft prompt vectors to the input of a frozen language model. We propose to decompose the prompt vectors into a shorter prompt and low-rank matrices.';
    expect(methods({ abstract })).toContain('peft.prompt');
  });
});

describe('weight-interpolation: "merging techniques / strategies / algorithms" next to weights or fine-tuned models', () => {
  it('tags training-free merging techniques that consolidate fine-tuned models', () => {
    const abstract =
      'Fine-tuned LLMs specialise in different tasks. To address this issue, we explore training-free merging techniques to consolidate these fine-tuned models into one. Our merging strategies outperform existing merging techniques.';
    expect(methods({ abstract })).toEqual(['weight-interpolation']);
  });

  it('does not tag token merging techniques of a vision transformer', () => {
    const abstract = 'Token merging techniques reduce the cost of vision transformers by combining similar tokens at inference time, with no fine-tuning of the weights.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('alignment: RL post-training counts when it is the paper\'s own fine-tuning, not when reasoning models are said to be trained with it (taxonomy: near "reinforcement learning" with SFT, "via reinforcement learning" with LLM words)', () => {
  it('tags a method that fine-tunes language models with RL from verifiable rewards after SFT', () => {
    const abstract =
      'We fine-tune language models with reinforcement learning from verifiable rewards after a short SFT warm-up. We propose a curriculum over problem difficulty and show that it doubles sample efficiency on math benchmarks.';
    expect(methods({ title: 'Scaling Verifiable Rewards for Reasoning', abstract })).toEqual(['alignment']);
  });

  it('leaves a benchmark whose background says reasoning models are trained with SFT and RL untagged', () => {
    const abstract =
      'Recent reasoning models are trained with supervised fine-tuning (SFT) followed by reinforcement learning. We introduce a benchmark of 500 olympiad geometry problems and evaluate 20 open and proprietary models. We find that even the strongest models fail on problems that require auxiliary constructions.';
    expect(methods({ title: 'A Benchmark of Olympiad Geometry for Language Models', abstract })).toEqual([]);
  });

  it('leaves a study whose first sentence mentions LLMs trained via reinforcement learning untagged', () => {
    const abstract =
      'Large language models trained via reinforcement learning have shown strong reasoning abilities. In this paper we study how tokenization affects multi-digit arithmetic. We show that right-to-left digit grouping improves accuracy by 12 points across five model families.';
    expect(methods({ title: 'Tokenization Shapes Arithmetic in Language Models', abstract })).toEqual([]);
  });
});

describe('data-selection: collider "data selection cuts" select recorded events, not training data (taxonomy: exclude "data selection cut*")', () => {
  it('leaves a collider analysis tool alone, title and abstract', () => {
    const record = {
      title: 'CutLHCO: A Consumer-Level Tool for Implementing Generic Collider Data Selection Cuts in the Search for New Physics',
      abstract:
        'A new computer program named CutLHCO is introduced, whose function is the implementation of generic data selection cuts on collider event specification files in the standardized . lhco format.',
    };
    expect(methods(record)).toEqual([]);
  });

  it('still tags data selection for fine-tuning in a title', () => {
    expect(methods({ title: 'Take the Essence and Discard the Dross: A Rethinking on Data Selection for Fine-Tuning Large Language Models' })).toEqual(['data-selection']);
  });
});

describe('forgetting: unlearning\'s "forget data" is what is removed on purpose, not catastrophic forgetting (taxonomy: exclude "forget data", "forget dataset")', () => {
  it('tags an unlearning method built on the forget data as editing only', () => {
    const abstract =
      'LLM unlearning has emerged as a promising approach, aiming to enable models to forget hazardous/undesired knowledge at low cost while preserving as much model utility as possible. Among existing techniques, the most straightforward method is performing Gradient Ascent (GA) w.r.t. the forget data, thereby forcing the model to unlearn the forget dataset. However, GA suffers from severe instability, as it drives updates in a divergent direction, often resulting in drastically degraded model utility. To address this issue, we propose Smoothed Gradient Ascent (SGA). SGA combines the forget data with multiple constructed normal data through a tunable smoothing rate. Intuitively, this extends GA from learning solely on the forget data to jointly learning across both forget and normal data, enabling more stable unlearning while better preserving model utility. Theoretically, we provide the theoretical guidance on the selection of the optimal smoothing rate. Empirically, we evaluate SGA on three benchmarks: TOFU, Harry Potter, and MUSE-NEWS. Experimental results demonstrate that SGA consistently outperforms the original Gradient Ascent (GA) method across all metrics and achieves top-2 performance among all baseline methods on several key metrics.';
    expect(methods({ title: 'Label Smoothing Improves Gradient Ascent in LLM Unlearning', abstract })).toEqual(['editing']);
  });

  it('still tags forgetting the paper mitigates', () => {
    const abstract =
      'Large language models suffer from catastrophic forgetting during continual instruction tuning. We propose a replay method that mitigates forgetting of old tasks.';
    expect(methods({ abstract })).toEqual(['forgetting']);
  });
});

describe('robustness: "distributionally robust" names distribution-shift robustness as squarely as "adversarially robust" (weight 1.5)', () => {
  it('tags distributionally robust learning the paper studies', () => {
    const abstract =
      'Distributionally robust offline reinforcement learning (RL) aims to find a policy that performs the best under the worst environment within an uncertainty set using an offline dataset collected from a nominal model. In this paper, we study the learning problem of robust offline non-Markovian RL.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });

  it('does not tag it named once as prior work in a fairness paper', () => {
    const abstract =
      'Existing approaches such as distributionally robust optimization were proposed for worst-case clients. We propose a federated learning objective with relative fairness across clients.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('robustness: "adversarial samples" are adversarial examples under their other common name', () => {
  it('tags a generator of adversarial samples that stress-tests a planner', () => {
    const abstract =
      'Planning needs to be robust to the long-tail of errors incurred by a noisy perception system. We draw adversarial samples from a perception error model to stress-test the planner. The adversarial samples increase its collision rate by up to 85%.';
    expect(methods({ abstract })).toEqual(['robustness']);
  });

  it('needs more than one sentence (support: 2): a survey listing them among threats is not about them', () => {
    const abstract =
      'This paper reviews security threats of smart grids. Accordingly, adversarial samples and false data injection on electricity reading sensors can fool AI-powered control functions.';
    expect(methods({ abstract })).toEqual([]);
  });
});

describe('clause-turn cue: "while" or "whereas" opens a clause the cue before it does not govern (cues: clause-turn)', () => {
  it('counts forgetting mitigated in the clause after a comparison with full fine-tuning', () => {
    const abstract =
      'Here, we evaluate Low-Rank Adaptation (LoRA) as a parameter-efficient alternative to full fine-tuning for organic reaction prediction. Effective specialisation requires learning new reaction knowledge while preserving general chemical understanding across related tasks. LoRA achieves accuracy comparable to full fine-tuning while effectively mitigating catastrophic forgetting and better preserving multi-task performance.';
    expect(methods({ abstract })).toEqual(['forgetting', 'peft', 'peft.lora']);
  });

  it('leaves a comparison inside the new clause a comparison', () => {
    const abstract =
      'We propose a sparse fine-tuning method that updates only a small subset of the weights of a frozen language model. It is comparable to full fine-tuning while outperforming LoRA on GLUE.';
    expect(methods({ abstract })).toEqual(['sparse-ft']);
  });
});

describe('weight-interpolation: "model merging" needs words of learned models and their weights nearby, not any ML word (taxonomy: context learned-models)', () => {
  it('leaves a model-driven engineering merge tool alone, though it benchmarks itself', () => {
    const record = {
      title: 'Automated Model Merge by Design Space Exploration',
      abstract:
        'Industrial applications of model-driven engineering to develop large and complex systems resulted in an increasing demand for collaboration features. In the paper, we present a novel search-based automated model merge approach where rule-based design space exploration is used to search the space of solution candidates that represent conflict-free merged models. Furthermore, we propose to adopt a generic synthetic benchmark to carry out an initial scalability assessment for model merge with large models and large change sets.',
    };
    expect(methods(record)).toEqual([]);
  });

  it('still tags merging fine-tuned language models', () => {
    const abstract =
      'Model merging combines multiple fine-tuned checkpoints into a single model without additional training. We evaluate six merging methods across four open-weight LLMs and sixteen benchmarks.';
    expect(methods({ abstract })).toEqual(['weight-interpolation']);
  });
});
