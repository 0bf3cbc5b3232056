/**
 * A small hand-tagged corpus for exact-result tests of filters and summaries: the tags are
 * written here, not computed, so taxonomy tuning cannot change what these tests expect.
 */
import { readFileSync } from 'node:fs';
import {
  Corpus,
  defaultTaxonomy,
  type Classification,
  type DefaultTaxonomyFacetIds,
  type FacetQuery,
  type PaperInput,
  type Tag,
} from '../../src/index.js';

type M = DefaultTaxonomyFacetIds;

/** A record as the sample file and the hand-tagged corpus have them. */
export type Paper = { id: string; title: string; abstract: string };

/** A tag with a score and no evidence (evidence is not what queries read). */
export function tag<F extends keyof M & string>(facet: F, id: M[F], score: number): Tag<M> {
  // Tag<M> is a union over facets; this builds the member for F.
  return { facet, id, label: id, score, evidence: [] } as Tag<M>;
}

/** One hand-tagged paper: the record and its tags. */
interface Tagged {
  paper: Paper;
  tags: Array<Tag<M>>;
}

const TAGGED: Tagged[] = [
  {
    paper: {
      id: 'lora-vit',
      title: 'Low-Rank Adaptation of Vision Transformers for Few-Shot Image Classification',
      abstract: 'We fine-tune only low-rank update matrices of a pre-trained ViT and match full fine-tuning on image classification benchmarks.',
    },
    tags: [tag('method', 'peft.lora', 0.9), tag('method', 'peft', 0.9), tag('modality', 'vision', 0.8), tag('type', 'method', 0.6)],
  },
  {
    paper: {
      id: 'qlora',
      title: 'QLoRA: Efficient Finetuning of Quantized LLMs',
      abstract: 'We present QLoRA, an efficient finetuning approach that backpropagates through a frozen, 4-bit quantized language model into Low Rank Adapters.',
    },
    tags: [tag('method', 'peft.lora', 0.95), tag('method', 'peft', 0.95), tag('modality', 'language', 0.9), tag('type', 'method', 0.7)],
  },
  {
    paper: {
      id: 'robust-clip',
      title: 'Robust Fine-Tuning of CLIP with LoRA under Distribution Shift',
      abstract: 'We study how low-rank adaptation of vision-language models affects out-of-distribution accuracy on ImageNet variants.',
    },
    tags: [
      tag('method', 'robustness', 0.85),
      tag('method', 'peft.lora', 0.7),
      tag('method', 'peft', 0.7),
      tag('modality', 'vision-language', 0.8),
      tag('type', 'method', 0.5),
    ],
  },
  {
    paper: {
      id: 'dpo',
      title: 'Direct Preference Optimization: Your Language Model is Secretly a Reward Model',
      abstract: 'We introduce DPO, which fits a language model to human preferences with a simple classification loss instead of reinforcement learning from human feedback.',
    },
    tags: [tag('method', 'alignment', 0.98), tag('modality', 'language', 0.9), tag('type', 'method', 0.6)],
  },
  {
    paper: {
      id: 'data-survey',
      title: 'A Survey on Data Selection for Language Models',
      abstract: 'This survey reviews methods that select pretraining, instruction-tuning and preference data for large language models.',
    },
    tags: [tag('method', 'data-selection', 0.9), tag('modality', 'language', 0.9), tag('type', 'survey', 0.9)],
  },
  {
    paper: {
      id: 'merging-survey',
      title: 'Model Merging in LLMs, MLLMs, and Beyond: A Survey',
      abstract: 'We survey model merging methods, from weight averaging and task arithmetic to merging multimodal large language models.',
    },
    tags: [
      tag('method', 'weight-interpolation', 0.95),
      tag('modality', 'language', 0.8),
      tag('modality', 'vision-language', 0.6),
      tag('type', 'survey', 0.95),
    ],
  },
  {
    // Tagged elsewhere, without the implied parent `peft`: queries must still find it under `peft`.
    paper: {
      id: 'vpt',
      title: 'Visual Prompt Tuning',
      abstract: 'We introduce learnable prompt tokens in the input space of a frozen vision transformer, training less than 1% of its parameters.',
    },
    tags: [tag('method', 'peft.prompt', 0.9), tag('modality', 'vision', 0.9), tag('type', 'method', 0.6)],
  },
  {
    paper: {
      id: 'adapters-vs-lora',
      title: 'Adapters or LoRA? Comparing Parameter-Efficient Fine-Tuning for Machine Translation',
      abstract: 'An empirical study of bottleneck adapters and low-rank adaptation for multilingual machine translation.',
    },
    tags: [
      tag('method', 'peft.adapter', 0.8),
      tag('method', 'peft', 0.8),
      tag('method', 'peft.lora', 0.75),
      tag('modality', 'language', 0.9),
      tag('type', 'analysis', 0.7),
    ],
  },
  {
    paper: {
      id: 'quantum',
      title: 'Traceable random numbers from a nonlocal quantum advantage',
      abstract: 'We certify randomness from a loophole-free Bell test and make every step of its generation traceable.',
    },
    tags: [tag('type', 'method', 0)],
  },
];

/** The hand-tagged papers, in corpus order. */
export const PAPERS: readonly Paper[] = TAGGED.map((t) => t.paper);

/** Their classifications, in the same order. */
export const CLASSIFICATIONS: ReadonlyArray<Classification<M>> = TAGGED.map((t) => ({ id: t.paper.id, tags: t.tags }));

/** A fresh corpus over the hand-tagged papers. */
export function handTagged(): Corpus<M, Paper> {
  return Corpus.from(CLASSIFICATIONS, { taxonomy: defaultTaxonomy, records: PAPERS });
}

/** Record ids in corpus order: what most assertions compare. */
export function ids(entries: Iterable<{ record: PaperInput }>): unknown[] {
  return Array.from(entries, (entry) => entry.record.id);
}

/** A query as it arrives from JavaScript or a CLI flag: unchecked by the compiler. */
export function untyped(query: Record<string, unknown>): FacetQuery<M> {
  return query as FacetQuery<M>;
}

/** The 60 real arXiv records bundled with the examples. */
export function samplePapers(): Paper[] {
  const text = readFileSync(new URL('../../examples/data/sample-papers.jsonl', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Paper);
}
