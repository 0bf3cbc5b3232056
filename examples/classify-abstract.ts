/**
 * Classify one abstract and print every tag with the words that earned it.
 * Run: npx tsx examples/classify-abstract.ts   (after `npm run build`)
 */
import { classify } from 'finetax';

const paper = {
  id: '2106.09685',
  title: 'LoRA: Low-Rank Adaptation of Large Language Models',
  abstract:
    'An important paradigm of natural language processing consists of large-scale pre-training on general domain data and ' +
    'adaptation to particular tasks or domains. As we pre-train larger models, full fine-tuning, which retrains all model ' +
    'parameters, becomes less feasible. We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights ' +
    'and injects trainable rank decomposition matrices into each layer of the Transformer architecture, greatly reducing the ' +
    'number of trainable parameters for downstream tasks.',
};

const result = classify(paper);
for (const tag of result.tags) {
  const words = tag.evidence.map((e) => `"${e.text}" (${e.field}, ${e.kind}${e.cues.length ? `, ${e.cues.join('+')}` : ''})`);
  console.log(`${tag.facet.padEnd(8)} ${tag.id.padEnd(12)} ${tag.score.toFixed(2)}  ${words.slice(0, 4).join(', ')}`);
}
