import { describe, expect, it } from 'vitest';
import { defaultTaxonomy } from '../../src/index.js';
import { compileTaxonomy } from '../../src/taxonomy/compile.js';
import { AFTER, BEFORE, EITHER_SIDE, ruleFacts } from '../../src/classification/rule-facts.js';

const compiled = compileTaxonomy(defaultTaxonomy);

describe('ruleFacts', () => {
  it("holds each rule's weight, name, near window and side, text and kind by rule index", () => {
    const facts = ruleFacts(compiled);
    compiled.rules.forEach(({ rule }, i) => {
      expect([facts.weights[i], facts.names[i], facts.texts[i], facts.kinds[i]]).toEqual([rule.weight, rule.name, rule.text, rule.kind]);
      expect(facts.windows[i]).toBe(rule.window ?? 5);
      expect(facts.sides[i]).toBe(rule.side === 'before' ? BEFORE : rule.side === 'after' ? AFTER : EITHER_SIDE);
    });
    expect(facts.sides.some((side) => side !== EITHER_SIDE)).toBe(true);
    expect(facts.names.some((name) => name !== undefined)).toBe(true);
  });

  it('reports a fuzzy rule matched without edits as a phrase, and every other match by its kind', () => {
    const facts = ruleFacts(compiled);
    const fuzzy = facts.kinds.indexOf('fuzzy');
    const acronym = facts.kinds.indexOf('acronym');
    expect([facts.evidenceKind(fuzzy, 0), facts.evidenceKind(fuzzy, 1), facts.evidenceKind(acronym, 0)]).toEqual(['phrase', 'fuzzy', 'acronym']);
  });

  it('is made once per taxonomy', () => {
    const other = compileTaxonomy(defaultTaxonomy);
    const facts = ruleFacts(compiled);
    expect(ruleFacts(other)).not.toBe(facts);
    expect(ruleFacts(compiled)).toBe(facts);
    expect(ruleFacts(other)).toBe(ruleFacts(other));
  });
});
