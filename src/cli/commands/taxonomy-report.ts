/** What `taxonomy lint`, `tree` and `test` print. */
import { createClassifier } from '../../classification/classifier.js';
import type { Facet, RuleKind, Taxonomy, TaxonomyNode } from '../../taxonomy/types.js';

/** Counts of a valid taxonomy. */
export function lintSummary(taxonomy: Taxonomy, shown: string): string {
  const kinds = new Map<RuleKind, number>();
  for (const rule of taxonomy.nodes.flatMap((n) => n.rules)) kinds.set(rule.kind, (kinds.get(rule.kind) ?? 0) + 1);
  const rules = [...kinds.values()].reduce((a, b) => a + b, 0);
  const perFacet = taxonomy.facets.map((f) => `${f.id} ${taxonomy.nodes.filter((n) => n.facet === f.id).length}`);
  const sum = (pick: (n: TaxonomyNode) => number) => taxonomy.nodes.reduce((total, n) => total + pick(n), 0);
  const cuePhrases = taxonomy.scoring.cues.reduce((total, c) => total + c.phrases.length, 0);
  return [
    `${shown}: valid`,
    `  taxonomy  ${taxonomy.name} ${taxonomy.version}`,
    `  facets    ${taxonomy.facets.length}; nodes ${taxonomy.nodes.length} (${perFacet.join(', ')})`,
    `  rules     ${rules} (${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(', ')})`,
    `  excludes  ${sum((n) => n.exclude.length)}`,
    `  cues      ${taxonomy.scoring.cues.length} groups, ${cuePhrases} phrases`,
    `  examples  ${sum((n) => n.examples.positive.length)} positive, ${sum((n) => n.examples.negative.length)} negative`,
    '',
  ].join('\n');
}

/** The facets and their node trees; box-drawing characters on a terminal, ASCII when piped. */
export function renderTree(taxonomy: Taxonomy, shown: string, unicode: boolean): string {
  const glyphs = unicode ? { mid: '├── ', last: '└── ', bar: '│   ', none: '    ' } : { mid: '|-- ', last: '`-- ', bar: '|   ', none: '    ' };
  const lines = [`${taxonomy.name} ${taxonomy.version}  (${shown})`];
  const walk = (nodes: readonly TaxonomyNode[], prefix: string) => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      const rules = `${node.rules.length} rule${node.rules.length === 1 ? '' : 's'}`;
      lines.push(`${prefix}${last ? glyphs.last : glyphs.mid}${node.id}  ${node.label}  (${rules})`);
      walk(childrenOf(taxonomy, node.facet, node.id), prefix + (last ? glyphs.none : glyphs.bar));
    });
  };
  for (const facet of taxonomy.facets) {
    lines.push('', `${facet.id}  ${facet.label}  (${facetKind(facet)})`);
    walk(childrenOf(taxonomy, facet.id, undefined), '');
  }
  return `${lines.join('\n')}\n`;
}

function facetKind(facet: Facet): string {
  if (facet.multiple) return 'multi-label';
  return facet.default ? `single-label, default ${facet.default}` : 'single-label';
}

function childrenOf(taxonomy: Taxonomy, facet: string, parent: string | undefined): TaxonomyNode[] {
  return taxonomy.nodes.filter((n) => n.facet === facet && n.parent === parent);
}

/**
 * Runs every node's examples as `test/taxonomy/examples.test.ts` does: text without final
 * punctuation is classified as a title, a sentence as an abstract; positives must get the
 * node's tag, negatives must not.
 */
export function runExamples(taxonomy: Taxonomy, verbose: boolean): { lines: string[]; failed: number } {
  const classifier = createClassifier({ taxonomy });
  const tagIds = (text: string) => {
    const record = /[.!?]$/.test(text.trim()) ? { title: '', abstract: text } : { title: text };
    return classifier.classify(record).tags.map((t) => t.id);
  };
  const lines: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const node of taxonomy.nodes) {
    const cases = [...node.examples.positive.map((text) => ({ text, positive: true })), ...node.examples.negative.map((text) => ({ text, positive: false }))];
    for (const { text, positive } of cases) {
      const ids = tagIds(text);
      const ok = ids.includes(node.id) === positive;
      if (ok) passed++;
      else failed++;
      if (ok && !verbose) continue;
      const got = ok ? '' : `  → got ${ids.length > 0 ? ids.join(', ') : 'no tags'}`;
      lines.push(`${ok ? 'pass' : 'FAIL'}  ${node.id}  ${positive ? 'positive' : 'negative'}: ${JSON.stringify(text)}${got}`);
    }
  }
  lines.push(`${passed + failed} examples: ${passed} passed, ${failed} failed`);
  return { lines, failed };
}
