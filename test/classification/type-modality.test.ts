/**
 * Paper type and modality rules of the default taxonomy (LABELS.md): a real-looking title and
 * abstract in, the exact type or modality tags out.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';

const type = (title: string, abstract: string) => classify({ title, abstract }).tags.find((t) => t.facet === 'type')?.id;
const modality = (title: string, abstract: string) =>
  classify({ title, abstract })
    .tags.filter((t) => t.facet === 'modality')
    .map((t) => t.id)
    .sort();

describe('paper type', () => {
  it('a comparison word next to "we propose" does not make a method paper an analysis', () => {
    expect(
      type(
        'Visual Prompt Tuning for Vision Transformers',
        'We propose a simple prompt tuning method for vision transformers. Compared with full fine-tuning, our method trains less than 1% of the parameters and outperforms it on 20 of 24 tasks.',
      ),
    ).toBe('method');
  });
  it('a method applied to one domain "as a case study" stays a method paper', () => {
    expect(
      type(
        'A Text Classification Model with Adversarial Training: A Case Study on Fraud Reports',
        'We build a text classifier that combines a pre-trained language model with a recurrent network and reaches 93% accuracy on fraud reports.',
      ),
    ).toBe('method');
  });
  it('"assessing and mitigating" a problem with a new recipe is a method paper', () => {
    expect(
      type(
        'Assessing and Mitigating Knowledge Conflicts in Document Understanding',
        'We present a consistency fine-tuning recipe that reduces conflicts between what a document model reads and what it answers.',
      ),
    ).toBe('method');
  });
  it('a paper that calls itself "this overview" is a survey (Low-Rank Adaptation Redux, arXiv 2604.21905)', () => {
    expect(
      type(
        'Low-Rank Adaptation Redux for Large Models',
        'Low-rank adaptation (LoRA) has emerged as the de facto standard for parameter-efficient fine-tuning (PEFT) of foundation models, enabling the adaptation of billion-parameter networks with minimal computational and memory overhead. Despite its empirical success and rapid proliferation of variants, it remains elusive which architectural choices, optimization techniques, and deployment constraints should guide practical method selection. This overview revisits LoRA through the lens of signal processing (SP), bridging modern adapter designs with classical low-rank modeling tools and inverse problems, as well as highlighting how SP principles can inform principled advances of fine-tuning approaches. Rather than providing a comprehensive enumeration and empirical comparisons of LoRA variants, emphasis is placed on the technical mechanisms underpinning these approaches to justify their effectiveness.',
      ),
    ).toBe('survey');
  });
  it('questionnaire and sky surveys in the plural do not make a survey paper', () => {
    expect(
      type(
        'A Learning Tool for Cryptography Education',
        'We build an interactive tool for teaching hashing and encryption. Comprehension surveys indicated a high understanding of the concepts among students.',
      ),
    ).toBe('method');
  });
  it('a paper that surveys a field is a survey', () => {
    expect(type('Parameter-Efficient Fine-Tuning Methods', 'This paper surveys parameter-efficient fine-tuning methods for large language models and organises them into four groups.')).toBe('survey');
  });
  it('a coined "…Bench" name in the title and an evaluation benchmark make a benchmark paper', () => {
    expect(
      type(
        'EditBench: Evaluating Context Preservation in Music Editing',
        'Existing music editing methods are evaluated with inconsistent protocols. We introduce the first evaluation benchmark for context preservation, EditBench, covering four categories of musical facets.',
      ),
    ).toBe('benchmark');
  });
  it('a title that names the paper a benchmark, and "a benchmark of" in the abstract, make a benchmark paper', () => {
    expect(
      type(
        'RedCode: Risky Code Execution and Generation Benchmark for Code Agents',
        'We propose RedCode, a benchmark for risky code execution and generation: (1) RedCode-Exec provides challenging prompts that could lead to risky code execution. (2) RedCode-Gen provides 160 prompts with function signatures and docstrings as input to assess whether code agents will follow instructions to generate harmful code.',
      ),
    ).toBe('benchmark');
  });
  it('"benchmark" where results were measured leaves a method paper a method paper', () => {
    expect(type('Sparse Adapters for Vision Transformers', 'We propose sparse adapters and show that they outperform LoRA on the VTAB-1k benchmark.')).toBe('method');
  });
  it('"the first corpus" of its kind is a benchmark paper', () => {
    expect(type('A Conversational Corpus for Spoken Summaries', 'We introduce the first corpus aligning raw conversational audio with factual and emotional summaries, with 13,000 dialogues.')).toBe('benchmark');
  });
  it('"a guiding reference model" is not a guide (survey)', () => {
    expect(type('Preference Optimization Using a Guiding Reference Model', 'We propose a reference-guided preference optimization method that reweights samples with a guiding reference model.')).toBe('method');
  });
  it('"which we term X" names a method', () => {
    expect(type('Layer Selection for Distribution Shift', 'Selectively fine-tuning a subset of layers, which we term surgical fine-tuning, matches full fine-tuning. Our findings hold on seven datasets.')).toBe('method');
  });
  it('a survey is still a survey', () => {
    expect(type('Parameter-Efficient Fine-Tuning for Foundation Models: A Survey', 'This survey reviews parameter-efficient fine-tuning methods for foundation models.')).toBe('survey');
  });
});

describe('modality', () => {
  it('medical imaging is vision', () => {
    expect(modality('Brain Tumor Segmentation Pipeline', 'We segment brain tumors on multi-parametric magnetic resonance imaging with an ensemble of networks.')).toEqual(['vision']);
  });
  it('CT scans, chest X-rays and satellite imagery read by a model are vision; X-ray astronomy is not', () => {
    expect(modality('Coronary calcium scoring', 'We fine-tune a pretrained self-supervised model on 700 CT scans to segment coronary calcium and improve risk stratification.')).toEqual(['vision']);
    expect(modality('Report generation', 'A deep learning classifier is trained on 200,000 chest X-rays and their labels.')).toEqual(['vision']);
    expect(modality('Hard X-ray emission of GRS 1915+105', 'We present X-ray images and spectra of the microquasar obtained with Chandra and model the hard tail as Comptonization.')).toEqual([]);
  });
  it('video input read by a model is vision', () => {
    expect(modality('Human Motion from Monocular Video', 'We recover human motion and scene geometry from monocular video and point cloud reconstructions.')).toEqual(['vision']);
  });
  it('3D asset generation is generation', () => {
    expect(modality('Structured Latents for 3D Generation', 'We train flow matching models for 3D generation on diverse 3D assets.')).toEqual(['generation']);
  });
  it('instruction-following benchmarks name a language model', () => {
    expect(modality('Reference-Free Alignment', 'Our method improves the length-controlled win rate on AlpacaEval2 and MT-Bench.')).toEqual(['language']);
  });
  it('a convolutional network over prices or accident records is not vision', () => {
    expect(
      modality(
        'Accident Impact Prediction with a Hybrid Network',
        'The model combines Long Short-Term Memory and a Convolutional Neural Network (CNN): the CNN extracts patterns from the sparse accident records.',
      ),
    ).toEqual([]);
  });
  it('multimodal records and sensor streams are not vision-language', () => {
    expect(modality('Balancing Multimodal Fusion', 'We show that current balancing methods struggle to train multimodal models on fused sensor streams and health records.')).toEqual([]);
  });
  it('multimodal models over images and captions are vision-language', () => {
    expect(modality('Balancing Multimodal Fusion', 'We train multimodal models on images paired with their captions.')).toEqual(['vision-language']);
  });
  it('a convolutional network over images is vision', () => {
    expect(modality('Plant Disease Recognition', 'We train a convolutional neural network (CNN) on leaf images to recognise plant diseases.')).toEqual(['vision']);
  });
  it('GANs and diffusion models that synthesise tables, proteins or time series are not image generation', () => {
    expect(modality('Hierarchical Tabular GAN', 'We propose a conditional generative adversarial network (GAN) that synthesises multi-table patient records.')).toEqual([]);
    expect(modality('Flow Matching for Protein Design', 'We train a diffusion model with flow matching to generate protein backbones.')).toEqual([]);
  });
  it('a diffusion model that produces images is image generation', () => {
    expect(modality('Pixel-Space Diffusion', 'We train a diffusion model that produces photorealistic images at high resolution.')).toEqual(['generation']);
  });
  it('an image generation paper reads and writes images throughout: generation, not also vision', () => {
    expect(
      modality(
        'Edify Image: High-Quality Image Generation with Pixel Space Laplacian Diffusion Models',
        'We introduce Edify Image, a family of diffusion models capable of generating photorealistic image content with pixel-perfect accuracy. Edify Image utilizes cascaded pixel-space diffusion models trained using a novel Laplacian diffusion process, in which image signals at different frequency bands are attenuated at varying rates. Edify Image supports a wide range of applications, including text-to-image synthesis, 4K upsampling, ControlNets, 360 HDR panorama generation, and finetuning for image customization.',
      ),
    ).toEqual(['generation']);
  });
  it('a physics abstract about MRI hardware is not tagged by a passing word', () => {
    expect(modality('Gradient coils for low-field scanners', 'We design gradient coils with reduced eddy currents and measure their field homogeneity.')).toEqual([]);
  });
  it('hate speech, parts of speech and speech acts are written language, not audio', () => {
    expect(
      modality(
        '1-800-SHARED-TASKS @ NLU of Devanagari Script Languages: Detection of Language, Hate Speech, and Targets using LLMs',
        'This paper presents a detailed system description of our entry for the CHiPSAL 2025 shared task, focusing on language detection, hate speech identification, and target detection in Devanagari script languages. We experimented with a combination of large language models and their ensembles, including MuRIL, IndicBERT, and Gemma-2.',
      ),
    ).toEqual(['language']);
    expect(modality('Part-of-Speech Tagging for Low-Resource Languages', 'We tag parts of speech and classify speech acts in dialogue transcripts with a BiLSTM-CRF.')).not.toContain('audio');
  });
  it('an audio-language model reads audio through an LLM: audio, not also language (Qwen-Audio, arXiv 2311.07919)', () => {
    expect(
      modality(
        'Qwen-Audio: Advancing Universal Audio Understanding via Unified Large-Scale Audio-Language Models',
        'Recently, instruction-following audio-language models have received broad attention for audio interaction with humans. However, the absence of pre-trained audio models capable of handling diverse audio types and tasks has hindered progress in this field. Consequently, most existing works have only been able to support a limited range of interaction capabilities. In this paper, we develop the Qwen-Audio model and address this limitation by scaling up audio-language pre-training to cover over 30 tasks and various audio types, such as human speech, natural sounds, music, and songs, to facilitate universal audio understanding abilities.',
      ),
    ).toEqual(['audio']);
  });
  it('a language model paper that mentions speech in passing keeps language', () => {
    expect(
      modality(
        'Instruction Tuning of Large Language Models',
        'We instruction-tune LLaMA-2 on 50k dialogues and evaluate the tuned LLMs on MT-Bench. A short section discusses speech interfaces built on the tuned models.',
      ),
    ).toContain('language');
  });
  it('text and sentence embeddings are text models (E5, arXiv 2212.03533)', () => {
    expect(
      modality(
        'Text Embeddings by Weakly-Supervised Contrastive Pre-training',
        'This paper presents E5, a family of state-of-the-art text embeddings that transfer well to a wide range of tasks.',
      ),
    ).toEqual(['language']);
  });
  it('"natural language processing and computer vision" as the fields a technique came from is no modality of a graph paper (Graphormer, arXiv 2106.05234)', () => {
    expect(
      modality(
        'Do Transformers Really Perform Bad for Graph Representation?',
        'The Transformer architecture has become a dominant choice in many domains, such as natural language processing and computer vision. Yet, it has not achieved competitive performance on popular leaderboards of graph-level prediction compared to mainstream GNN variants. Therefore, it remains a mystery how Transformers could perform well for graph representation learning. In this paper, we solve this mystery by presenting Graphormer, which is built upon the standard Transformer architecture, and could attain excellent results on a broad range of graph representation learning tasks, especially on the recent OGB Large-Scale Challenge.',
      ),
    ).toEqual([]);
  });
  it('an optimizer evaluated on named language and vision benchmarks keeps both', () => {
    expect(
      modality(
        'A Faster Adaptive Optimizer',
        'Adaptive optimizers are used in computer vision and natural language processing alike. We evaluate ours by training ResNet-50 on ImageNet and fine-tuning BERT on GLUE.',
      ),
    ).toEqual(['language', 'vision']);
  });
  it('the text embedding a text-to-image model is conditioned on is part of generating: generation, not also language (Imagic, arXiv 2210.09276)', () => {
    expect(
      modality(
        'Imagic: Text-Based Real Image Editing with Diffusion Models',
        'Text-conditioned image editing has recently attracted considerable interest. However, most methods are currently either limited to specific editing types (e.g., object overlay, style transfer), or apply to synthetically generated images, or require multiple input images of a common object. In this paper we demonstrate, for the very first time, the ability to apply complex (e.g., non-rigid) text-guided semantic edits to a single real image. Our method, called Imagic, leverages a pre-trained text-to-image diffusion model for this task. It produces a text embedding that aligns with both the input image and the target text, while fine-tuning the diffusion model to capture the image-specific appearance.',
      ),
    ).toEqual(['generation']);
  });
  it('LLMs named as the news a time-series or theory paper starts from are not its modality', () => {
    expect(
      modality(
        'Fine-Tuning Time Series Foundation Models',
        'Inspired by recent advances in large language models, pretrained foundation models now forecast time series zero-shot. We study how fine-tuning them on a target dataset changes long-horizon accuracy.',
      ),
    ).toEqual([]);
    expect(
      modality(
        'A Foundation Model for Molecular Graphs',
        'Following the success of large language models, we pretrain a graph transformer on 30 molecular property datasets and fine-tune it on new assays.',
      ),
    ).toEqual([]);
  });
  it('a paper whose title names graphs, time series or linear regression needs two sentences of LLMs for language (taxonomy: language support topics)', () => {
    expect(
      modality(
        'Spatio-Temporal Graph Neural Networks for Traffic Speed Forecasting',
        'Attention, the engine of today\'s large language models, now reaches other data. We design a graph neural network that forecasts traffic speed from road sensors and beats recurrent baselines on two city datasets.',
      ),
    ).toEqual([]);
    expect(
      modality(
        'In-Context Learning of Linear Regression by Small Transformers',
        'We train transformers from scratch on random linear regression prompts. Unlike GPT-2, they are given no text. We characterise how their in-context error depends on depth and prompt length.',
      ),
    ).toEqual([]);
    expect(
      modality(
        'Prompting for Time Series Forecasting',
        'We cast each time series as a string of digits for a large language model. Prompted with a few past values, the LLM forecasts the next ones zero-shot on five benchmarks.',
      ),
    ).toEqual(['language']);
  });
  it('an LLM paper that opens with "the rise of LLMs" keeps language from its own models', () => {
    expect(
      modality(
        'Automated Code Review Comments',
        'The rise of LLMs has changed how software is written. We fine-tune Llama-2 on 40k code review comments and compare it with GPT-4.',
      ),
    ).toEqual(['language']);
  });
  it('detecting deepfake videos and face forgeries reads pictures: vision (arXiv 1811.00656, 1912.13458)', () => {
    expect(
      modality(
        'Exposing DeepFake Videos By Detecting Face Warping Artifacts',
        'In this work, we describe a new deep learning based method that can effectively distinguish AI-generated fake videos (referred to as DeepFake videos hereafter) from real videos.',
      ),
    ).toEqual(['vision']);
    expect(
      modality('Face X-ray for More General Face Forgery Detection', 'In this paper we propose a novel image representation called face X-ray for detecting forgery in face images.'),
    ).toEqual(['vision']);
  });
  it('detecting cloned voices is audio deepfake detection, not vision (arXiv 2203.16263)', () => {
    expect(
      modality(
        'Does Audio Deepfake Detection Generalize?',
        'Current text-to-speech algorithms produce realistic fakes of human voices, making deepfake detection a much-needed area of research. While researchers have presented various techniques for detecting audio spoofs, it is often unclear exactly why these architectures are successful.',
      ),
    ).toEqual(['audio']);
  });
  it('speech recognition is still audio', () => {
    expect(modality('Robust Speech Recognition', 'We fine-tune a speech recognition model on noisy recordings of spoken commands.')).toContain('audio');
  });
  it('a vision-language model reads images: vision-language, not also vision', () => {
    expect(
      modality(
        'ViP-LLaVA: Making Large Multimodal Models Understand Arbitrary Visual Prompts',
        'While existing large vision-language multimodal models focus on whole image understanding, there is a prominent gap in achieving region-specific comprehension. We introduce a novel multimodal model capable of decoding arbitrary visual prompts, such as a red bounding box or pointed arrow, overlaid on the RGB image. Our model achieves state-of-the-art performance on region-understanding tasks like Visual7W and PointQA.',
      ),
    ).toEqual(['vision-language']);
  });
  it('physics images its samples without a learning word: not vision', () => {
    expect(
      modality(
        'Imaging Magnetic Focusing of Coherent Electron Waves',
        'Imaging flow in open systems is made possible by a cooled scanning probe microscope. We image branched electron flow as well as the interference of electron waves.',
      ),
    ).toEqual([]);
  });
  it('MRI read by a model is vision; MRI spectra fitted without learning are not', () => {
    expect(modality('Brain Age', 'A deep learning model is trained on brain MRI scans of 10,000 healthy adults to predict their age.')).toEqual(['vision']);
    expect(
      modality(
        'Data-driven discovery of mechanical models from MRI spectral data',
        'We reconstruct displacement fields from undersampled MRI spectral data of a dynamic phantom and identify its dynamics with sparse regression.',
      ),
    ).toEqual([]);
  });
  it("astronomy's very-low-mass (VLM) binaries are not vision-language models", () => {
    expect(
      modality(
        'The LuckyCam Survey for Very Low Mass Binaries',
        'We present 13 new VLM binaries detected with the LuckyCam camera. The target sample was also selected to investigate X-ray activity among VLM binaries.',
      ),
    ).toEqual([]);
  });
  it('a multimodal LLM over text and time series is language, not vision-language', () => {
    expect(modality('Multi-Modal Forecaster', 'We propose a multimodal LLM that jointly forecasts textual data and time series of hospital patients.')).toEqual(['language']);
  });
  it('standard NLP tasks name text models', () => {
    expect(
      modality(
        'Gradual Fine-Tuning for Domain Adaptation',
        'Experiments on natural language inference and sentiment analysis benchmarks show that our training order improves target accuracy.',
      ),
    ).toEqual(['language']);
  });
  it('visual sentiment analysis reads pictures, not text', () => {
    expect(
      modality(
        'Enhancing Visual Sentiment Analysis',
        'Visual sentiment analysis predicts the emotion an image evokes. We train a convolutional network on the images of a new dataset.',
      ),
    ).toEqual(['vision']);
  });
  it('protein language models read amino acids, not text', () => {
    expect(modality('Stability Prediction', 'We fine-tune protein language models such as ESM-2 to predict the stability of protein variants from their sequences.')).toEqual([]);
  });
  it('image datasets, MNIST variants, DETR and event cameras are vision', () => {
    expect(
      modality(
        'Interaction Asymmetry',
        'We propose a Transformer-based VAE with a regularizer on its attention weights. On synthetic image datasets of objects, our model disentangles objects as well as object-centric models.',
      ),
    ).toEqual(['vision']);
    expect(modality('Open-Set Domain Generalization', 'We propose a unified framework for open-set domain generalization. Our method improves AUROC by 9% on ColoredMNIST.')).toEqual(['vision']);
    expect(
      modality('Ensemble Learning for Microbubble Localization', 'We evaluate ensemble methods on the outputs of a Deformable DEtection TRansformer (Deformable DETR) network.'),
    ).toEqual(['vision']);
    expect(
      modality('Flashy Backdoor', 'We present three backdoor attacks on spiking neural networks with triggers recorded by DVS cameras in real-world environments.'),
    ).toEqual(['vision']);
  });
  it('machine vision and website screenshots are vision', () => {
    expect(
      modality('Machine vision-aware quality metrics for compressed video', 'We measure how video compression affects detection and recognition by machine vision.'),
    ).toEqual(['vision']);
    expect(
      modality(
        'Detecting Deceptive Patterns',
        'Our machine learning detector analyses the visual appearance of websites. It processes website screenshots and extracts the text of interactable elements.',
      ),
    ).toEqual(['vision']);
  });
  it('speech in a linguistics paper is not audio; speech a network is trained on is', () => {
    expect(
      modality(
        'How language used in physics affects student learning',
        "We found that physicists' speech and writing about quantum mechanics encode analogical models through grammar and conceptual metaphor.",
      ),
    ).toEqual([]);
    expect(modality('Keyword Spotting', 'We train a neural network on recordings of speech to spot keywords on a microcontroller.')).toEqual(['audio']);
  });
  it('"multimodal data" of several imaging modalities leaves a segmentation paper vision', () => {
    expect(
      modality(
        'Video Segmentation of Boiling',
        'Traditional segmentation models struggle on multimodal data. We combine a U-Net CNN and the Segment Anything Model to segment high-speed video of boiling.',
      ),
    ).toEqual(['vision']);
  });
  it('"large language and vision models" are language and vision models', () => {
    expect(
      modality(
        'LEVI: Layer-wise Ensembles',
        'We ensemble a pre-trained model with a small task-specific model layer by layer. Experiments with large language and vision models show that it improves out-of-distribution generalization.',
      ),
    ).toEqual(['language', 'vision']);
  });
  it('remote sensing read by a trained model is vision; remote sensing of rain with a physical model is not', () => {
    expect(
      modality('CDXFormer: Boosting Remote Sensing Change Detection', 'We propose an xLSTM-based feature enhancement layer for change detection, trained on three public benchmarks.'),
    ).toEqual(['vision']);
    expect(
      modality('Rain Rates from Remote Sensing', 'We retrieve rain rates over the ocean from remote sensing of microwave emission with a radiative transfer model.'),
    ).toEqual([]);
  });
  it('video captioning is vision-language, as image captioning is', () => {
    expect(modality('Interpretable automatic video captioning', 'We describe videos in sentences with a model that attends to frames and to the soundtrack.')).toEqual([
      'vision-language',
    ]);
  });
  it('retrieval-augmented generation answers in text', () => {
    expect(
      modality(
        'Multi-Layered Embedding-Based Retrieval for Legal Texts',
        'Our method allows a retrieval-augmented generation system to answer questions about specific articles or entire chapters of the legal code.',
      ),
    ).toEqual(['language']);
  });
  it('large multimodal models (LMMs) that read images are vision-language', () => {
    expect(
      modality(
        'Hallucination in LMMs',
        'Large multimodal models (LMMs) describe objects that are not in the image; we reduce such hallucinations with a contrastive decoding step.',
      ),
    ).toEqual(['vision-language']);
  });
  it('one named NLP task is enough for language; a survey that is "the first summarization" of a field is not one', () => {
    expect(modality('Faithful Summaries', 'We reduce hallucinated facts in abstractive summarization with a reranking step.')).toEqual(['language']);
    expect(modality('Task-Oriented Agents', 'We build dialogue systems that book restaurants and keep track of what the user asked for.')).toEqual(['language']);
    expect(
      modality('A Survey of Gen-AI for User Safety', 'This work represents the first summarization of Gen-AI techniques for phishing and malware detection.'),
    ).toEqual([]);
  });
  it('text-to-3D, latent diffusion and ControlNet are image generation', () => {
    expect(modality('Score Distillation', 'We distil a text-to-3D model from a 2D diffusion prior.')).toEqual(['generation']);
    expect(
      modality('Controllable generation', 'We add spatial conditions to a pretrained latent diffusion model with ControlNet and generate images that follow edge maps.'),
    ).toEqual(['generation']);
  });
});

describe('problem statements are background for the families', () => {
  it('"full fine-tuning is prone to catastrophic forgetting" alone does not make a forgetting paper', () => {
    const tags = classify({
      title: 'Principal Weights for Reasoning-Focused Fine-Tuning',
      abstract:
        'However, full fine-tuning is computationally expensive and prone to overfitting and catastrophic forgetting. We propose a sparse fine-tuning method that updates only the top 5% principal weights.',
    }).tags.map((t) => t.id);
    expect(tags).not.toContain('forgetting');
    expect(tags).toContain('sparse-ft');
  });
  it('a paper that mitigates forgetting keeps the family', () => {
    const tags = classify({
      title: 'Mitigating Catastrophic Forgetting in Continual Instruction Tuning',
      abstract: 'Large language models suffer from catastrophic forgetting. We propose a replay method that mitigates forgetting during continual instruction tuning.',
    }).tags.map((t) => t.id);
    expect(tags).toContain('forgetting');
  });
});
