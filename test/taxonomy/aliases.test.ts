/**
 * Aliases cannot make the taxonomy loader recurse, nest or expand without bound: what the data
 * would cost expanded is measured exactly and refused at the alias or list past the limit.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, withContext } from './rejected.js';

describe('aliases', () => {
  it('a list that contains itself is refused at the alias that closes the loop', () => {
    expect(issuesOf(withContext('*loop', '  loop: &loop [x, *loop]\n'))).toEqual([
      { source: 'my.yaml', line: 3, column: 19, path: 'definitions.loop[1]', message: 'refused: a recursive alias (a list or map that contains itself) cannot be expanded' },
    ]);
  });

  it('a node that contains itself through `children` is refused too (it used to overflow the stack)', () => {
    const yaml = 'facets:\n  method:\n    label: M\n    nodes:\n      - &n\n        id: a\n        label: A\n        phrases: [x]\n        children: [*n]\n';
    expect(issuesOf(yaml)).toEqual([
      { source: 'my.yaml', line: 9, column: 20, path: 'method.a.a', message: 'refused: a recursive alias (a list or map that contains itself) cannot be expanded' },
    ]);
  });

  it('a chain of 150 anchors each holding the one before is refused where it passes 100 levels', () => {
    const chain = ['  a0: &a0 [x]\n'];
    for (let i = 1; i < 150; i++) chain.push(`  a${i}: &a${i} [*a${i - 1}]\n`);
    expect(issuesOf(withContext('*a149', chain.join('')))).toEqual([
      { source: 'my.yaml', line: 101, column: 14, path: 'definitions.a98[0]', message: 'refused: nested more than 100 levels deep' },
    ]);
  });

  it('a wide nest (1,000 phrases, 20 aliases a level, 3 levels: 8 million phrases expanded) is refused at the first list past the budget', () => {
    const wide = [`  w0: &w0 [${Array.from({ length: 1000 }, (_, i) => `p${i}`).join(', ')}]\n`];
    for (let i = 1; i <= 3; i++) wide.push(`  w${i}: &w${i} [${Array(20).fill(`*w${i - 1}`).join(', ')}]\n`);
    expect(issuesOf(withContext('*w3', wide.join('')))).toEqual([
      { source: 'my.yaml', line: 6, column: 11, path: 'definitions.w3', message: 'refused: expands through aliases to more than 500000 values' },
    ]);
  });

  it('more than 5,000 aliases are refused at the first one past the limit', () => {
    const rules = Array.from({ length: 5001 }, (_, i) => `          - { text: term${i}, context: *ml }\n`);
    expect(issuesOf(withContext('[x]') + rules.join(''))).toEqual([
      { source: 'my.yaml', line: 5012, column: 40, path: '', message: 'refused: more than 5000 aliases' },
    ]);
  });

  it('YAML 1.1 merge keys, which copy what they merge, are plain unknown keys', () => {
    const yaml = `%YAML 1.1\n---\n${withContext('[x]').replace('        label: Unlearning', '        label: Unlearning\n        <<: { threshold: 0.3 }')}`;
    expect(issuesOf(yaml)).toEqual([expect.objectContaining({ line: 11, column: 9, path: 'method.unlearning', message: expect.stringMatching(/^unknown key "<<"/) })]);
  });
});
