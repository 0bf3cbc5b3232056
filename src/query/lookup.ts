/**
 * Names → taxonomy ids: `resolve` for exact-ish names (a CLI flag, a user's "LoRA"), `suggest`
 * for misspellings ("lroa" → peft.lora) and for the "did you mean" of `UnknownIdError`.
 */
import Fuse from 'fuse.js';
import { editDistance } from '../text/edit-distance.js';
import type { RuleKind, TaxonomyNode } from '../taxonomy/types.js';
import type { Suggestion } from './types.js';

/** Rule kinds whose text is a name a person would type; globs and regexes are not. */
const NAME_RULE_KINDS: ReadonlySet<RuleKind> = new Set<RuleKind>(['phrase', 'acronym', 'fuzzy']);
/** Fuse's cut-off for candidates (0 exact … 1 anything); loose, because scores are re-ranked below. */
const CANDIDATE_THRESHOLD = 0.4;
/** Suggestions scoring lower than this are noise rather than a likely intended name. */
const MIN_SCORE = 0.4;

/**
 * The form names are compared in: case, hyphens, underscores and runs of spaces do not tell
 * names apart, so `Low-Rank  Adaptation` finds `low-rank adaptation`.
 */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s_\u2010-\u2015-]+/g, ' ').trim();
}

/** 1 for equal keys, falling with Damerau–Levenshtein distance (a swapped pair of letters is one edit). */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

interface NodeNames {
  node: TaxonomyNode;
  order: number;
  id: string;
  label: string;
  aliases: string[];
  keys: string[];
}

/** Name lookups over one taxonomy's nodes. Built lazily by `TaxonomyIndex`: only CLIs and errors need it. */
export class NameLookup {
  readonly #byName = new Map<string, TaxonomyNode[]>();
  readonly #names: NodeNames[];
  readonly #fuse: Fuse<NodeNames>;

  constructor(nodes: readonly TaxonomyNode[]) {
    // Passes run from strongest to weakest kind of name, so an id outranks another node's alias,
    // an alias a label, and a label a rule phrase.
    const passes: Array<(node: TaxonomyNode) => readonly string[]> = [
      (node) => [node.id],
      (node) => node.aliases,
      (node) => [node.label],
      (node) => node.rules.filter((rule) => NAME_RULE_KINDS.has(rule.kind)).map((rule) => rule.text),
    ];
    for (const names of passes) for (const node of nodes) for (const name of names(node)) this.#add(nameKey(name), node);
    this.#names = nodes.map((node, order) => ({
      node,
      order,
      id: node.id,
      label: node.label,
      aliases: node.aliases,
      keys: [node.id, node.label, ...node.aliases].map(nameKey),
    }));
    this.#fuse = new Fuse(this.#names, {
      keys: [
        { name: 'id', weight: 2 },
        { name: 'aliases', weight: 1.5 },
        { name: 'label', weight: 1 },
      ],
      ignoreLocation: true,
      includeScore: true,
      threshold: CANDIDATE_THRESHOLD,
    });
  }

  /** The node named exactly (up to case, hyphens and spaces) `text`, optionally only in `facet`. */
  resolve(text: string, facet?: string): TaxonomyNode | undefined {
    return this.#byName.get(nameKey(text))?.find((node) => facet === undefined || node.facet === facet);
  }

  /**
   * Nodes whose id, label or alias is close to `text`, best first. Fuse finds candidates inside
   * long labels; edit distance ranks near-misses of short ids, which Bitap scores poorly
   * (`lroa` is two substitutions from `lora` for Bitap, one transposition for Damerau).
   */
  suggest(text: string, facet: string | undefined, limit: number): Suggestion[] {
    const query = nameKey(text);
    if (query === '') return [];
    const scores = new Map<NodeNames, number>();
    for (const result of this.#fuse.search(query)) scores.set(result.item, 1 - (result.score ?? 1));
    for (const names of this.#names) {
      const closest = Math.max(...names.keys.map((key) => similarity(query, key)));
      scores.set(names, Math.max(scores.get(names) ?? 0, closest));
    }
    return [...scores]
      .filter(([names, score]) => score >= MIN_SCORE && (facet === undefined || names.node.facet === facet))
      .sort(([a, x], [b, y]) => y - x || a.order - b.order)
      .slice(0, limit)
      .map(([names, score]) => ({ id: names.id, label: names.label, score: Math.round(score * 1000) / 1000 }));
  }

  #add(key: string, node: TaxonomyNode): void {
    const nodes = this.#byName.get(key);
    if (!nodes) this.#byName.set(key, [node]);
    else if (!nodes.includes(node)) nodes.push(node);
  }
}
