/**
 * Nested phrase lists: YAML cannot join anchored lists, so a phrase list (`context`, `with`,
 * `exclude`, `requires`, cue phrases) may hold lists, which the loader flattens in order without
 * duplicates. Mistakes inside them are located at the phrase itself. (Alias limits: aliases.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../src/taxonomy/generated/default.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import { issuesOf, withContext } from './rejected.js';

const contextOf = (yaml: string) => parseTaxonomy(yaml, { source: 'my.yaml' }).nodes[0]!.rules[1]!.context;

describe('nested phrase lists', () => {
  it('an anchored list joined with more phrases is flattened in order, each phrase once', () => {
    expect(contextOf(withContext('[*ml, trained, deep learning, [labels, trained]]'))).toEqual(['neural network', 'deep learning', 'trained', 'labels']);
  });

  it('a block list starting with `- *ml` extends it, as the default taxonomy\'s `learning` extends `ml`', () => {
    const yaml = withContext('*learning', '  learning: &learning\n    - *ml\n    - transfer learning\n    - labels\n');
    expect(contextOf(yaml)).toEqual(['neural network', 'deep learning', 'transfer learning', 'labels']);
  });

  it('every phrase-list field takes nested lists: near `with` and `context`, `exclude`, facet `requires`, cue phrases, a name\'s `context`', () => {
    const yaml = `
definitions:
  ml: &ml [neural network, deep learning]
scoring:
  cues:
    contribution: { factor: 2, scope: before, phrases: [[we propose, we introduce], we present] }
facets:
  method:
    label: Method
    requires: [*ml, language model]
    nodes:
      - id: unlearning
        label: Unlearning
        phrases: [machine unlearning]
        near: [{ text: forget, with: [[data, samples], *ml], context: [*ml, unlearning] }]
        exclude: [[forgetting curve], *ml]
names:
  - id: scrub
    label: SCRUB
    node: unlearning
    context: [*ml, [unlearning, forgetting]]
`;
    const taxonomy = parseTaxonomy(yaml, { source: 'my.yaml' });
    const node = taxonomy.nodes[0]!;
    expect(node.rules.find((r) => r.kind === 'near')).toMatchObject({
      with: ['data', 'samples', 'neural network', 'deep learning'],
      context: ['neural network', 'deep learning', 'unlearning'],
    });
    expect(node.exclude).toEqual(['forgetting curve', 'neural network', 'deep learning']);
    expect(taxonomy.facets[0]!.requires).toEqual(['neural network', 'deep learning', 'language model']);
    expect(taxonomy.scoring.cues.find((c) => c.id === 'contribution')!.phrases).toEqual(['we propose', 'we introduce', 'we present']);
    expect(node.rules.find((r) => r.name === 'scrub')!.context).toEqual(['neural network', 'deep learning', 'unlearning', 'forgetting']);
  });

  it('lists nest up to 4 deep; a fifth level is refused at the list that goes too deep', () => {
    expect(contextOf(withContext('[[[[x]]]]'))).toEqual(['x']);
    expect(issuesOf(withContext('[[[[[x]]]]]'))).toEqual([
      { source: 'my.yaml', line: 11, column: 43, path: 'method.unlearning.phrases[1].context[0][0][0][0]', message: 'expected a phrase: lists nest at most 4 deep' },
    ]);
  });

  it('a user taxonomy extending the default uses nested lists of its own anchors', () => {
    const taxonomy = parseTaxonomy(
      `
extends: default
definitions:
  experts: &experts [mixture of experts, MoE]
facets:
  method:
    label: Method family
    nodes:
      - id: peft.lora
        phrases: [{ text: expert-routed low-rank update, context: [*experts, [router, gating]] }]
        exclude: [[expert parallelism], *experts]
`,
      { source: 'ext.yaml' },
    );
    const lora = taxonomy.nodes.find((n) => n.id === 'peft.lora')!;
    const base = defaultTaxonomy.nodes.find((n) => n.id === 'peft.lora')!;
    expect(lora.rules.at(-1)).toEqual({
      kind: 'phrase',
      text: 'expert-routed low-rank update',
      weight: 1,
      context: ['mixture of experts', 'MoE', 'router', 'gating'],
    });
    expect(lora.exclude).toEqual([...base.exclude, 'expert parallelism', 'mixture of experts', 'MoE']);
  });
});

describe('a mistake inside a nested list is located at the phrase itself', () => {
  it.each([
    ['a number', '[*ml, [trained, 5]]', 'expected a phrase or a list of phrases'],
    ['an empty string', '[*ml, [trained, ""]]', 'expected a non-empty string'],
    ['a phrase without words', '[*ml, [trained, "--"]]', "expected a phrase with at least one word or number, got '--'"],
  ])('%s: line, column and path down to the inner index', (_what, context, message) => {
    expect(issuesOf(withContext(context))).toEqual([
      { source: 'my.yaml', line: 11, column: 55, path: 'method.unlearning.phrases[1].context[1][1]', message },
    ]);
  });

  it('a bad phrase in an anchored list is reported once, at the line of the anchored list, under its first use', () => {
    const yaml = `${withContext('[*ml, trained]').replace('deep learning]', 'deep learning, "--"]')}          - { text: removal, context: *ml }\n`;
    expect(issuesOf(yaml)).toEqual([
      { source: 'my.yaml', line: 2, column: 43, path: 'method.unlearning.phrases[1].context[0][2]', message: "expected a phrase with at least one word or number, got '--'" },
    ]);
  });

  it('`with: [[]]` leaves no companion once flattened and is refused at `with`', () => {
    const yaml = withContext('[x]').replace('        phrases:', '        near: [{ text: erase, with: [[]] }]\n        phrases:');
    expect(issuesOf(yaml)).toEqual([
      { source: 'my.yaml', line: 9, column: 37, path: 'method.unlearning.near[0].with', message: 'expected at least one companion phrase in `with`' },
    ]);
  });
});

describe('an anchored list reused many times', () => {
  // yaml's heuristic charged each `*learning` with every `*ml` before it: 100 × 300 looked like a bomb.
  it('is no bomb: a list used 300 times, and a list built on it used 100 times, are accepted', () => {
    const rules = [
      ...Array.from({ length: 300 }, (_, i) => `          - { text: term${i}, context: *ml }\n`),
      ...Array.from({ length: 100 }, (_, i) => `          - { text: word${i}, context: *learning }\n`),
    ];
    const yaml = withContext('*learning', '  learning: &learning [*ml, labels]\n') + rules.join('');
    const rulesOut = parseTaxonomy(yaml, { source: 'my.yaml' }).nodes[0]!.rules;
    expect(rulesOut).toHaveLength(402);
    expect(rulesOut.at(-1)!.context).toEqual(['neural network', 'deep learning', 'labels']);
  });
});
