/**
 * From one field's matches to weighed evidence: the collector cancels, locates and weighs matches
 * (closest cue, longest match per facet, `near` companions) and hands each survivor to the scorer
 * as tokens, located in the original text only when it becomes evidence; the dependency search finds companions
 * and context words only where and while they are needed. Each case is a sentence in and exact
 * evidence out, on the default taxonomy.
 */
import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../src/index.js';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import { Tokens, tokenise } from '../../src/text/tokenise.js';
import { normalise } from '../../src/text/normalise.js';
import { EvidenceCollector, matchEvidence, RecordEvidence, RoleLists, type FieldText } from '../../src/classification/evidence.js';
import { Dependencies, type ScannedField } from '../../src/classification/secondary.js';
import type { PatternMatch } from '../../src/matching/matcher.js';
import { CueMatches } from '../../src/matching/cue-matches.js';

const compiled = compileTaxonomy(defaultTaxonomy);

type Scanned = ScannedField & { text: FieldText; lists: RoleLists };

/** One abstract scanned, its matches sorted by role. */
function scanned(original: string): Scanned {
  const { text: clean, pieces } = normalise(original);
  const tokens = tokenise(clean, new Tokens(compiled.matcher.lookup));
  const lists = new RoleLists();
  const cues = new CueMatches();
  lists.take(compiled, compiled.matcher.scanWords(tokens, cues), cues, new RecordEvidence());
  return { text: { field: 'abstract', original, normalised: { text: clean, pieces }, tokens }, infos: tokens.ids, marks: tokens.marks, lists };
}

type Weighed = [node: string, rule: string, words: string, weight: number, cue: string | null];

/** What the collector hands the scorer for `sentence`: node, rule, the words matched, weight and cue. */
function weighed(field: Scanned): Weighed[] {
  const { tokens } = field.text;
  const out: Weighed[] = [];
  new EvidenceCollector(compiled).collect(field.text, field.lists, {
    addMatch: (_text, node, rule, first, last, weight, cue) => {
      out.push([compiled.nodes[node]!.node.id, compiled.rules[rule]!.rule.text, tokens.text.slice(tokens.starts[first], tokens.ends[last]), weight, cue < 0 ? null : compiled.cues[cue]!.id]);
    },
    addNameMatch: () => {
      throw new Error('no name-only match expected here');
    },
  });
  return out;
}

/** `weighed`, with the matches handed on as a name's mentions only (`addNameMatch`) apart. */
function weighedApart(field: Scanned): { family: Weighed[]; nameOnly: Weighed[] } {
  const { tokens } = field.text;
  const family: Weighed[] = [];
  const nameOnly: Weighed[] = [];
  const row = (node: number, rule: number, first: number, last: number, weight: number, cue: number): Weighed => [compiled.nodes[node]!.node.id, compiled.rules[rule]!.rule.text, tokens.text.slice(tokens.starts[first], tokens.ends[last]), weight, cue < 0 ? null : compiled.cues[cue]!.id];
  new EvidenceCollector(compiled).collect(field.text, field.lists, {
    addMatch: (_text, node, rule, first, last, weight, cue) => family.push(row(node, rule, first, last, weight, cue)),
    addNameMatch: (_text, node, rule, first, last, weight, cue) => nameOnly.push(row(node, rule, first, last, weight, cue)),
  });
  return { family, nameOnly };
}

/** The cue matches kept with a field's lists, as [cue group, words]. */
function cueWords(field: Scanned): Array<[string, string]> {
  const { tokens } = field.text;
  const { cues } = field.lists;
  return Array.from({ length: cues.count }, (_, i) => [compiled.cues[cues.groups[i]!]!.id, tokens.text.slice(tokens.starts[cues.firsts[i]!], tokens.ends[cues.lasts[i]!])]);
}

/** A list's matches as [role, node, words]. */
function described(field: Scanned, list: { items: readonly PatternMatch[]; size: number }): Array<[string, string, string]> {
  const { tokens } = field.text;
  return list.items.slice(0, list.size).map((m) => [m.pattern.role, compiled.nodes[m.pattern.owner]!.node.id, tokens.text.slice(tokens.starts[m.first], tokens.ends[m.last])]);
}

describe('RoleLists', () => {
  it('keeps the positive matches and exclusions of a field apart from its cues, and notes a near rule', () => {
    const field = scanned('We use a weighted average of adapters.');
    expect(described(field, field.lists.positives)).toEqual([
      ['positive', 'weight-interpolation', 'weighted average'],
      ['positive', 'weight-interpolation', 'weighted average'],
      ['positive', 'weight-interpolation', 'average'],
      ['positive', 'peft.adapter', 'adapters'],
      ['positive', 'peft.adapter', 'adapters'],
    ]);
    expect(described(field, field.lists.excludes)).toEqual([['exclude', 'weight-interpolation', 'weighted average']]);
    // `average` is a near rule: its companions are looked for later, into `companions`.
    expect([field.lists.near, field.lists.companions.size]).toEqual([true, 0]);
    // The cues stay as the scan found them (rows, not matches), read only when a match needs weighing.
    // ("use" is four cue rules of the usage group.)
    expect(cueWords(field)).toEqual([
      ['self', 'We'],
      ['usage', 'use'],
      ['usage', 'use'],
      ['usage', 'use'],
      ['usage', 'use'],
    ]);
  });

  it('starts empty again for the next field, and lets the matches go on release', () => {
    const field = scanned('We propose LoRA for language models.');
    field.lists.take(compiled, [], new CueMatches(), new RecordEvidence());
    expect([field.lists.positives.size, field.lists.excludes.size, field.lists.near, field.lists.cues.count]).toEqual([0, 0, false, 0]);
    field.lists.take(compiled, [], scanned('We propose LoRA.').lists.cues, new RecordEvidence());
    field.lists.release();
    expect(field.lists.cues.count).toBe(0);
  });
});

describe('EvidenceCollector', () => {
  it('weighs each match by its rule and the closest cue whose window reaches it', () => {
    expect(weighed(scanned('We propose LoRA-Drop, which outperforms full fine-tuning and prefix tuning on language models.'))).toEqual([
      ['method', 'we propose', 'We propose', 0.7, null],
      ['peft.lora', 'LoRA', 'LoRA', 1.5, 'contribution'],
      ['method', 'outperforms', 'outperforms', 0.26, null],
      ['peft.prompt', 'prefix tuning', 'prefix tuning', 0.225, 'comparison'],
      ['language', 'language model', 'language models', 0.6, null],
    ]);
  });

  it('keeps the longest match of a facet and one rule per span, and stops a sentence-opening cue at its comma', () => {
    expect(weighed(scanned('Unlike adapters, we use low-rank adaptation of vision-language models.'))).toEqual([
      ['peft.adapter', 'adapter', 'adapters', 0.135, 'comparison'],
      ['peft.lora', 'low-rank adaptation', 'low-rank adaptation', 0.6, 'usage'],
      ['vision-language', 'vision-language model', 'vision-language models', 0.75, null],
    ]);
  });

  it('an exclusion of a family cancels a named method\'s own alias as family evidence only ("ip-adapter*" and IP-Adapter)', () => {
    const sentence = 'Experimental results demonstrate EasyRef surpasses both tuning-free methods like IP-Adapter and tuning-based methods like LoRA, achieving superior aesthetic quality.';
    expect(weighedApart(scanned(sentence))).toEqual({
      family: [['peft.lora', 'LoRA', 'LoRA', 0.18, 'comparison']],
      nameOnly: [['peft.adapter', 'IP-Adapter', 'IP-Adapter', 0.225, 'comparison']],
    });
    // An exclusion reaching outside the name still cancels it: "LoRa networks" is radio, not LoRA.
    expect(weighedApart(scanned('Low-power LoRa networks connect sensors over long range radio links.'))).toEqual({ family: [], nameOnly: [] });
  });

  it('counts a near rule only with its companion, and spans both', () => {
    const field = scanned('We fine-tune only a small fraction of the parameters of a frozen backbone.');
    const needs = new Dependencies(compiled);
    expect(needs.note(field.lists.positives)).toBe(true);
    expect(weighed(field)).toEqual([]);
    needs.addCompanions(field, field.lists);
    expect(weighed(field)).toEqual([
      ['peft', 'only', 'tune only', 0.7, 'self'],
      ['peft', 'parameters', 'small fraction of the parameters', 0.5, null],
      ['peft', 'frozen', 'frozen backbone', 0.3, null],
    ]);
  });

  it('locates the evidence of weighed matches in the original text, through LaTeX', () => {
    const original = 'Low-rank adaptation (LoRA) is cheap. We propose \\emph{LoRA}.';
    const field = scanned(original);
    const found: Array<[node: string, start: number, end: number, text: string, sentence: number, weight: number, cues: string[]]> = [];
    new EvidenceCollector(compiled).collect(field.text, field.lists, {
      addMatch: (text, node, rule, first, last, weight, cue, edits) => {
        const evidence = matchEvidence(compiled, text, node, rule, first, last, weight, cue, edits);
        found.push([evidence.node, evidence.start, evidence.end, evidence.text, text.tokens.sentences[first]!, evidence.weight, evidence.cues]);
      },
      addNameMatch: () => {
        throw new Error('no name-only match expected here');
      },
    });
    expect(found).toEqual([
      ['peft.lora', 0, 19, 'Low-rank adaptation', 0, 0.75, []],
      ['peft.lora', 21, 25, 'LoRA', 0, 0.6, []],
      ['method', 37, 47, 'We propose', 1, 0.7, []],
      ['peft.lora', 54, 58, 'LoRA', 1, 1.5, ['contribution']],
    ]);
    for (const [, start, end, text] of found) expect(original.slice(start, end)).toBe(text);
  });
});

describe('Dependencies', () => {
  it('finds a needed context word anywhere in the record, once asked', () => {
    const field = scanned('We fine-tune only a small fraction of the parameters of a frozen pre-trained model.');
    const needs = new Dependencies(compiled);
    needs.note(field.lists.positives);
    expect(needs.pending).toBe(true);
    const evidence = new RecordEvidence();
    needs.defer([field], evidence);
    const group = compiled.rules.find((r) => r.rule.text === 'parameters' && r.near)!.contextGroup;
    expect(evidence.hasContext(group)).toBe(true);
    // A group no match of the record needs is never looked for.
    const unneeded = compiled.rules.find((r) => r.contextGroup >= 0 && r.contextGroup !== group)!.contextGroup;
    expect(evidence.hasContext(unneeded)).toBe(false);
  });

  it('answers no for a needed context the record lacks, having searched it all', () => {
    const field = scanned('Only a few of the parameters change.');
    const needs = new Dependencies(compiled);
    needs.note(field.lists.positives);
    const evidence = new RecordEvidence();
    needs.defer([field], evidence);
    const group = compiled.rules.find((r) => r.rule.text === 'parameters' && r.near)!.contextGroup;
    expect(evidence.hasContext(group)).toBe(false);
    expect(needs.seek(group, -1)).toBe(false);
  });

  it('adds no companion on the wrong side of a near match or beyond its window', () => {
    const field = scanned('The parameters of a small fraction of the model stay frozen.');
    const needs = new Dependencies(compiled);
    needs.note(field.lists.positives);
    needs.addCompanions(field, field.lists);
    expect(field.lists.companions.size).toBe(0);
    expect(weighed(field)).toEqual([]);
  });

  it('forgets the previous record on clear', () => {
    const needs = new Dependencies(compiled);
    needs.note(scanned('We tune only the frozen backbone.').lists.positives);
    expect(needs.near).toBe(true);
    needs.clear();
    expect([needs.near, needs.pending]).toEqual([false, false]);
    expect(needs.note(scanned('Superconducting qubits.').lists.positives)).toBe(false);
  });
});
