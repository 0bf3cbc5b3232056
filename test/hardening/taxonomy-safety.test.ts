/**
 * A taxonomy file is untrusted input too: rules that could hang the matcher, YAML that expands
 * exponentially and keys that reach object prototypes are refused at load with their location;
 * rules that pass the checks keep matching linear in the size of the text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClassifier, TaxonomyError, type Classification, type Taxonomy } from '../../src/index.js';
import { parseTaxonomy } from '../../src/taxonomy/parse.js';
import { bigText } from './arbitraries.js';
import { inWorker } from './guard.js';
import { expectSound } from './invariants.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/hardening/${name}`, import.meta.url), 'utf8');

/** A one-node taxonomy whose node `rx` has `rules` (a YAML flow mapping body) on line 7. */
const withRules = (rules: string) => `name: demo\nfacets:\n  method:\n    label: Method\n    nodes:\n      - id: rx\n        ${rules}\n        label: Regex node\n`;

function refusal(yaml: string): TaxonomyError {
  try {
    parseTaxonomy(yaml, { source: 'rules.yaml' });
  } catch (error) {
    if (error instanceof TaxonomyError) return error;
    throw error;
  }
  throw new Error('expected the taxonomy to be refused');
}

/**
 * Regexes that backtrack catastrophically on JavaScript's engine, each with a word it matches and
 * a hostile word it does not (the kind that takes a backtracking engine seconds to minutes).
 */
const CATASTROPHIC: Array<[regex: string, hit: string, hostile: string]> = [
  ['(a?){25}a{25}', 'a'.repeat(30), `${'a'.repeat(40)}b`],
  ['(a+)+$', 'aaaa', `${'a'.repeat(40)}b`],
  ['(x|x)*y', 'xxy', 'x'.repeat(40)],
  ['(.*a){20}', 'a'.repeat(20), `${'a'.repeat(40)}b`],
  ['(a*)*b', 'aab', 'a'.repeat(40)],
  ['([a-z]+)*1', 'abc1', 'a'.repeat(40)],
  ['(a|aa)+$', 'aaa', `${'a'.repeat(40)}b`],
  ['(\\d+x?)+y', '12y', '1'.repeat(40)],
  ['(?:a+){2,}b', 'aab', 'a'.repeat(40)],
  ['[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*[a-z]*1', 'abc1', 'a'.repeat(40)],
];

describe('regex rules that backtrack catastrophically on a backtracking engine', () => {
  it.each(CATASTROPHIC.map(([regex]) => regex))('%s is accepted: it runs on the linear-time engine', (regex) => {
    expect(parseTaxonomy(withRules(`regex: [${JSON.stringify(regex)}]`)).nodes[0]!.rules[0]).toMatchObject({ kind: 'regex', text: regex });
  });

  // The issue's case: a 25-word record of such words (20 distinct, up to 60 letters) took a
  // backtracking engine seconds to minutes per word, and the good record before it never came out.
  // A hard guard, not a speed claim.
  it('tags the words each one matches, not the hostile ones, and every record comes out in order (hard 20 s guard in a worker)', async () => {
    const outcomes = await inWorker<Array<Array<[string, string[]]>>>(
      `const { parseTaxonomy } = await dist('taxonomy.js');
       const { createClassifier } = await dist('index.js');
       return data.cases.map(([regex, hit, hostile]) => {
         const taxonomy = parseTaxonomy(data.yaml.replace('REGEX', JSON.stringify(regex)));
         const records = [
           { id: 'good', title: 'LoRA adapters' },
           { id: 'hostile', title: Array.from({ length: 25 }, (_, i) => hostile[0].repeat(i % 20) + hostile).join(' ') },
           { id: 'hit', title: 'a ' + hit },
         ];
         return createClassifier({ taxonomy }).classifyMany(records).map((r) => [r.id, r.tags.map((t) => t.id)]);
       });`,
      { cases: CATASTROPHIC, yaml: `${withRules('regex: [REGEX]')}      - id: lora\n        acronyms: [LoRA]\n        label: LoRA\n` },
      20_000,
    );
    expect(outcomes).toEqual(CATASTROPHIC.map(() => [['good', ['lora']], ['hostile', []], ['hit', ['rx']]]));
  }, 30_000);

  it('refuses what the linear-time engine cannot run (backreferences, lookarounds), located at the rule', () => {
    for (const regex of ['(a+)\\1', '(?<n>a)\\k<n>']) {
      expect(refusal(withRules(`regex: [${JSON.stringify(regex)}]`)).message).toMatch(/^rules\.yaml:7:17 method\.rx\.regex\[0\]: backreferences are not allowed/);
    }
    for (const regex of ['(?=lora)lora', '(?<!q)lora', '(?!x)lora']) {
      expect(refusal(withRules(`regex: [${JSON.stringify(regex)}]`)).message).toMatch(/^rules\.yaml:7:17 method\.rx\.regex\[0\]: lookarounds are not allowed/);
    }
    // Valid JavaScript, but a Unicode property spelling RE2 does not know.
    expect(refusal(withRules('regex: ["\\\\p{Script=Greek}+"]')).issues[0]).toMatchObject({
      line: 7,
      column: 17,
      path: 'method.rx.regex[0]',
      message: expect.stringMatching(/^expected a regex the linear-time engine \(RE2 syntax\) accepts: invalid character class range/),
    });
  });

  // Globs are matched by a wildcard matcher (one backtrack point), not compiled to `.*` regexes,
  // so any number of stars is accepted and stays fast.
  it('matches a glob with many stars such as *a*a*a*a*a*a*a*a*b on 64-letter words without hanging (hard 10 s guard)', async () => {
    const yaml = withRules('patterns: ["*a*a*a*a*a*a*a*a*b"]');
    const tags = await inWorker<string[]>(
      `const { parseTaxonomy } = await dist('taxonomy.js');
       const { createClassifier } = await dist('index.js');
       const classifier = createClassifier({ taxonomy: parseTaxonomy(data.yaml) });
       return [classifier.classify({ title: data.miss }), classifier.classify({ title: data.hit })].map((r) => r.tags.some((t) => t.id === 'rx') ? 'tagged' : 'not');`,
      { yaml, miss: Array.from({ length: 200 }, (_, i) => 'a'.repeat(60) + String.fromCharCode(99 + (i % 20))).join(' '), hit: 'aaaaaaaaab' },
      10_000,
    );
    expect(tags).toEqual(['not', 'tagged']);
  });
});

describe('safe regex rules', () => {
  const classifier = createClassifier({ taxonomy: parseTaxonomy(withRules('regex: ["[Ll]o[Rr][Aa]"]')) });
  const tagged = (title: string) => classifier.classify({ title }).tags.find((t) => t.id === 'rx');

  it.each(['LoRA', 'lora', 'LoRa', 'loRA'])('tag the whole token %s', (word) => {
    expect(tagged(`Training with ${word} adapters`)?.evidence[0]).toMatchObject({ text: word, kind: 'regex', rule: '[Ll]o[Rr][Aa]' });
  });

  it.each(['color', 'LoRAs2', 'LORA', 'Lo RA'])('do not tag %s (the regex must match a whole token)', (word) => {
    expect(tagged(`Training with ${word} adapters`)).toBeUndefined();
  });
});

describe('YAML alias bombs', () => {
  it('the billion-laughs fixture is refused quickly (hard 5 s guard in a worker), with a location', async () => {
    const outcome = await inWorker<{ name: string; issues: Array<{ line: number; column: number; message: string }> } | 'accepted'>(
      `const { parseTaxonomy } = await dist('taxonomy.js');
       try { parseTaxonomy(data.yaml, { source: 'billion-laughs.yaml' }); return 'accepted'; }
       catch (error) { return { name: error.name, issues: error.issues }; }`,
      { yaml: fixture('billion-laughs.yaml') },
      5_000,
    );
    expect(outcome).not.toBe('accepted');
    if (outcome === 'accepted') return;
    expect(outcome.name).toBe('TaxonomyError');
    expect(outcome.issues[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number), message: expect.stringMatching(/^refused: .*alias/i) });
    expect(outcome.issues[0]!.line).toBeGreaterThanOrEqual(1);
  });
});

/** Every place a key can go, marked `#slot`; the test puts one key at one slot. */
const SLOTS = `name: demo
#root
scoring:
  #scoring
  fields:
    #fields
    title: 1
  cues:
    #cues
    contribution:
      #cue
      factor: 2
      scope: before
      phrases: [we propose]
definitions:
  #definitions
  words: [a]
facets:
  #facets
  method:
    #facet
    label: Method
    nodes:
      - id: peft
        #node
        label: PEFT
        phrases:
          - text: parameter-efficient
            #rule
        near:
          - text: adapters
            with: [bottleneck]
            #near
        examples:
          #examples
          positive: [parameter-efficient]
`;

/** SLOTS with `key: value` at `slot`; returns the text and the (1-based) line of the key. */
function withKey(slot: string, key: string): { yaml: string; line: number } {
  const lines = SLOTS.split('\n');
  const index = lines.findIndex((l) => l.trim() === `#${slot}`);
  lines[index] = lines[index]!.replace(`#${slot}`, `${key}: { polluted: true }`);
  return { yaml: lines.join('\n'), line: index + 1 };
}

const ALL_SLOTS = ['root', 'scoring', 'fields', 'cues', 'cue', 'definitions', 'facets', 'facet', 'node', 'rule', 'near', 'examples'];

describe('keys that could reach a prototype', () => {
  it('the template itself is a valid taxonomy (so each refusal below is due to the key alone)', () => {
    expect(parseTaxonomy(SLOTS).nodes.map((n) => n.id)).toEqual(['peft']);
  });

  const cases = ALL_SLOTS.flatMap((slot) => ['__proto__', 'constructor', 'prototype', '"__proto__"'].map((key) => [key, slot] as const));
  it.each(cases)('%s under %s is refused at its line and pollutes nothing', (key, slot) => {
    const { yaml, line } = withKey(slot, key);
    const error = refusal(yaml);
    const bare = key.replaceAll('"', '');
    expect(error.issues).toContainEqual(expect.objectContaining({ line, message: `key '${bare}' is not allowed` }));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a __proto__ key brought in by a YAML 1.1 merge key is refused too', () => {
    const yaml = `%YAML 1.1\n---\n${SLOTS.replace('#node', '<<: { __proto__: { polluted: true } }')}`;
    expect(refusal(yaml).message).toMatch(/key '__proto__' is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('unknown keys', () => {
  // Map-valued places whose keys are ids (facets, cues) or free-form (definitions) cannot have unknown keys.
  const strict = ALL_SLOTS.filter((s) => !['facets', 'cues', 'definitions'].includes(s));
  it.each(strict)('an unknown key under %s is an error naming the key at its line', (slot) => {
    const { yaml, line } = withKey(slot, 'colour');
    const error = refusal(yaml);
    expect(error.issues).toEqual([expect.objectContaining({ line, message: "unknown key 'colour'" })]);
    expect(error.message).toMatch(new RegExp(`^rules\\.yaml:${line}:\\d+[ :].*unknown key 'colour'$`));
  });

  it('a misspelt key gets a suggestion', () => {
    const { yaml } = withKey('node', 'labl');
    expect(refusal(yaml).issues[0]!.message).toBe("unknown key 'labl'; did you mean 'label'?");
  });
});

describe('matching stays linear with glob and regex rules (hard 20 s guard in a worker)', () => {
  const yaml = fixture('linear-rules.yaml');
  const taxonomy: Taxonomy = parseTaxonomy(yaml, { source: 'linear-rules.yaml' });
  const words = Array.from({ length: 300 }, (_, i) => `${(i * 7919).toString(36)}${'xyzab'.slice(0, i % 5)} `);
  const texts: Record<string, string> = {
    '100 KB of a single run of a': 'a'.repeat(100_000),
    '100 KB of 64-letter words of a (the longest token rules run on)': bigText(100_000, [`${'a'.repeat(63)}b `, `${'a'.repeat(64)} `]),
    '100 KB of random words with LoRA names among them': bigText(100_000, [...words, 'LoRA ', 'QLoRA ', 'lora ', 'AdaMerging ', 'Lo-RA2 ', 'aab ', 'end. ']),
  };

  it.each(Object.entries(texts))('%s: completes, and the result is sound', async (_name, abstract) => {
    const record = { title: 'Hostile input', abstract };
    const result = await inWorker<Classification>(
      `const { parseTaxonomy } = await dist('taxonomy.js');
       const { createClassifier } = await dist('index.js');
       return createClassifier({ taxonomy: parseTaxonomy(data.yaml) }).classify(data.record);`,
      { yaml, record },
      20_000,
    );
    expectSound(record, result, taxonomy);
    expect(result).toEqual(createClassifier({ taxonomy }).classify(record));
  }, 30_000);

  it('the random-words text really exercises the rules (globs and regexes tag it)', () => {
    const record = { abstract: texts['100 KB of random words with LoRA names among them']! };
    const tags = createClassifier({ taxonomy }).classify(record).tags.map((t) => t.id);
    expect(tags).toEqual(expect.arrayContaining(['lora', 'merging', 'lora-any-case']));
  });
});

describe('a regex rule in a taxonomy that never went through parseTaxonomy (a generated module)', () => {
  it('runs when finetax/taxonomy is loaded, and is refused with its node named when only the core entry is (it does not load re2js)', async () => {
    const taxonomy = parseTaxonomy(withRules('regex: ["(a?){25}a{25}"]'), { source: 'rules.yaml' });
    const outcome = await inWorker<string>(
      `const { createClassifier } = await dist('index.js');
       try { createClassifier({ taxonomy: data.taxonomy }); return 'compiled'; }
       catch (error) { return error.name + ': ' + error.message; }`,
      { taxonomy },
      10_000,
    );
    expect(outcome).toMatch(/^TaxonomyError: taxonomy 'demo' method\.rx\.regex: regex '\(a\?\)\{25\}a\{25\}': .*linear-time engine \(re2js\).*finetax\/taxonomy/);
    const loaded = await inWorker<string[]>(
      `await dist('taxonomy.js');
       const { createClassifier } = await dist('index.js');
       return createClassifier({ taxonomy: data.taxonomy }).classify({ title: 'a'.repeat(30) }).tags.map((t) => t.id);`,
      { taxonomy },
      10_000,
    );
    expect(loaded).toEqual(['rx']);
  });
});
