import { describe, expect, it } from 'vitest';
import { Flag, isSpaceCode, tokenise } from '../../src/text/tokenise.js';

function describeTokens(text: string): string[] {
  const tokens = tokenise(text);
  const out: string[] = [];
  for (let k = 0; k < tokens.count; k++) {
    const flags = tokens.flags[k]!;
    const marks = [flags & Flag.SentenceStart ? 'S' : '', flags & Flag.Hyphen ? '-' : '', flags & Flag.Comma ? ',' : '', flags & Flag.Clause ? ';' : ''].join('');
    out.push(`${tokens.surface(k)}${marks ? `/${marks}` : ''}@${tokens.sentences[k]}`);
  }
  return out;
}

describe('tokenise', () => {
  it('keeps names with a trailing plus and splits hyphenated words with a hyphen mark', () => {
    expect(describeTokens('LoRA+ and fine-tuning')).toEqual(['LoRA+/S@0', 'and@0', 'fine@0', 'tuning/-@0']);
  });

  it('marks commas and clause punctuation so phrases cannot span them', () => {
    expect(describeTokens('adapters, prompts (PEFT); done')).toEqual(['adapters/S@0', 'prompts/,@0', 'PEFT/;@0', 'done/;@0']);
  });

  it('starts a sentence after a full stop followed by a capital, not after abbreviations', () => {
    expect(describeTokens('It works, e.g. LoRA. We propose QLoRA vs. DoRA.')).toEqual([
      'It/S@0', 'works@0', 'e/,@0', 'g@0', 'LoRA@0', 'We/S@1', 'propose@1', 'QLoRA@1', 'vs@1', 'DoRA@1',
    ]);
  });

  it('ends a sentence at "etc." before a capital (a list closing its sentence), not before a digit or a lowercase word', () => {
    // CipherChat (arXiv 2308.06463): "… and red teaming, etc. In this study, we discover …"
    expect(describeTokens('and red teaming, etc. In this study')).toEqual(['and/S@0', 'red@0', 'teaming@0', 'etc/,@0', 'In/S@1', 'this@1', 'study@1']);
    expect(describeTokens('LoRA, DoRA, etc. 3 more, etc. and others')).toEqual(['LoRA/S@0', 'DoRA/,@0', 'etc/,@0', '3@0', 'more@0', 'etc/,@0', 'and@0', 'others@0']);
  });

  it('drops possessive s and keeps decimals inside one sentence', () => {
    expect(describeTokens("the model's 2.7B weights")).toEqual(['the/S@0', 'model@0', '2@0', '7B@0', 'weights@0']);
  });

  it('handles non-ASCII letters as word characters', () => {
    expect(describeTokens('Schrödinger αβ')).toEqual(['Schrödinger/S@0', 'αβ@0']);
  });
});

describe('isSpaceCode', () => {
  it('agrees with /\\s/ on every UTF-16 code unit', () => {
    const differing: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differing.push(c);
    expect(differing).toEqual([]);
  });
});
