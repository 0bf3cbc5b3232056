/**
 * The zod schema of a taxonomy YAML file: the single description of the format, from which the
 * TypeScript types, the validation messages and the JSON Schema for editors all come.
 */
import { z } from 'zod';

/** Node and facet ids: lowercase words joined by `-`/`_`, dotted for hierarchy (`peft.lora`). */
export const ID_PATTERN = /^[a-z0-9]+(?:[-_][a-z0-9]+)*(?:\.[a-z0-9]+(?:[-_][a-z0-9]+)*)*$/;

const id = z
  .string({ error: 'expected an id string' })
  .regex(ID_PATTERN, { error: 'expected an id of lowercase words joined by "-", dotted for hierarchy (e.g. peft.lora)' });

const text = z.string({ error: 'expected a string' }).trim().min(1, { error: 'expected a non-empty string' });

const stringList = z.array(text, { error: 'expected array of strings' });

/** A list of phrases whose items may be lists themselves: `[*ml, transfer learning]` joins an anchored list and more. */
export type PhraseList = Array<string | PhraseList>;

/**
 * How deep phrase lists nest: an anchor built from anchors built from anchors. A fixed depth, not a
 * recursive schema, so validation never recurses further than this however the YAML nests.
 */
export const MAX_PHRASE_LIST_DEPTH = 4;

type PhraseListSchema = z.ZodArray<z.ZodType<string | PhraseList>>;

/** Names the levels in the JSON Schema's `$defs`; private, so nothing lands in zod's global registry. */
const schemaMetadata = z.registry<{ id: string; description: string }>();

function nestedPhraseList(depth: number): PhraseListSchema {
  const id = depth === MAX_PHRASE_LIST_DEPTH ? 'phraseList' : `phraseListDepth${depth}`;
  const description = 'Phrases; an item may itself be a list (a YAML alias such as *ml), flattened in order without duplicates';
  const list = (item: z.ZodType<string | PhraseList>) => z.array(item, { error: 'expected array of phrases' }).register(schemaMetadata, { id, description });
  if (depth === 1) {
    return list(
      z
        .string({ error: (issue) => (Array.isArray(issue.input) ? `expected a phrase: lists nest at most ${MAX_PHRASE_LIST_DEPTH} deep` : 'expected a string') })
        .trim()
        .min(1, { error: 'expected a non-empty string' }),
    );
  }
  return list(z.union([text, nestedPhraseList(depth - 1)], { error: 'expected a phrase or a list of phrases' }));
}

/** Phrases matched in a record (`context`, `with`, `exclude`, `requires`, cue phrases), flattened by the loader. */
const phraseList = nestedPhraseList(MAX_PHRASE_LIST_DEPTH);

const ruleObject = z.strictObject({
  text,
  weight: z.number({ error: 'expected a number' }).gt(0).max(10, { error: 'expected a weight in (0, 10]' }).optional(),
  exact: z.boolean({ error: 'expected true or false' }).optional(),
  context: phraseList.optional(),
  titleWithoutContext: z.boolean({ error: 'expected true or false' }).optional(),
  note: z.string().optional(),
}).refine((rule) => !rule.titleWithoutContext || rule.context !== undefined, {
  error: '`titleWithoutContext` needs a `context` to waive',
  path: ['titleWithoutContext'],
});

const nearObject = z.strictObject({
  text,
  with: phraseList.min(1, { error: 'expected at least one companion phrase in `with`' }),
  window: z.number().int().min(1).max(20, { error: 'expected a window of 1 to 20 tokens' }).optional(),
  side: z.enum(['before', 'after', 'both'], { error: 'expected before, after or both' }).optional(),
  weight: z.number({ error: 'expected a number' }).gt(0).max(10, { error: 'expected a weight in (0, 10]' }).optional(),
  context: phraseList.optional(),
  note: z.string().optional(),
});

/** A rule: a bare string, or `{ text, weight?, context?, note? }`. */
const ruleItem = z.union([text, ruleObject], {
  error: 'expected a string or an object { text, weight?, context?, note? }',
});
const ruleList = z.array(ruleItem, { error: 'expected array of strings or { text, weight } objects' });

const examples = z.strictObject({
  positive: stringList.optional(),
  negative: stringList.optional(),
});

const threshold = z.number({ error: 'expected a number' }).min(0).max(1, { error: 'expected a number in [0, 1]' });

// Not `.int()`: its failure reads as a wrong type, and then a union cannot tell which form was meant.
const sentences = z.number({ error: 'expected a whole number of sentences' }).multipleOf(1, { error: 'expected a whole number of sentences' }).min(1).max(10);

/** `support` asked only of records whose title names one of `topics`: the subjects a passing mention of the node is usual in. */
const topicSupport = z.strictObject({
  sentences,
  topics: phraseList.min(1, { error: 'expected at least one phrase in `topics`' }),
});

export interface NodeSource {
  id: string;
  label?: string | undefined;
  description?: string | undefined;
  parent?: string | undefined;
  aliases?: string[] | undefined;
  phrases?: RuleSource[] | undefined;
  acronyms?: RuleSource[] | undefined;
  patterns?: RuleSource[] | undefined;
  fuzzy?: RuleSource[] | undefined;
  regex?: RuleSource[] | undefined;
  near?: NearSource[] | undefined;
  exclude?: PhraseList | undefined;
  yields?: string[] | undefined;
  threshold?: number | undefined;
  support?: number | { sentences: number; topics: PhraseList } | undefined;
  examples?: { positive?: string[] | undefined; negative?: string[] | undefined } | undefined;
  children?: NodeSource[] | undefined;
}

export type RuleSource = z.infer<typeof ruleItem>;
export type NearSource = z.infer<typeof nearObject>;

/** The rule kinds a node may list, keyed by their YAML field name. */
export const RULE_FIELDS = {
  phrases: 'phrase',
  acronyms: 'acronym',
  patterns: 'pattern',
  fuzzy: 'fuzzy',
  regex: 'regex',
} as const;

export const NodeSchema: z.ZodType<NodeSource> = z.lazy(() =>
  z.strictObject({
    id,
    label: text.optional(),
    description: z.string().optional(),
    parent: id.optional(),
    aliases: stringList.optional(),
    phrases: ruleList.optional(),
    acronyms: ruleList.optional(),
    patterns: ruleList.optional(),
    fuzzy: ruleList.optional(),
    regex: ruleList.optional(),
    near: z.array(nearObject, { error: 'expected array of { text, with, window? } objects' }).optional(),
    exclude: phraseList.optional(),
    yields: z.array(id, { error: 'expected array of node ids' }).optional(),
    threshold: threshold.optional(),
    support: z.union([sentences, topicSupport], { error: 'expected a whole number of sentences or { sentences, topics }' }).optional(),
    examples: examples.optional(),
    children: z.array(NodeSchema, { error: 'expected array of nodes' }).optional(),
  }),
);

const FacetSchema = z.strictObject({
  label: text,
  description: z.string().optional(),
  multiple: z.boolean({ error: 'expected true or false' }).optional(),
  default: id.optional(),
  threshold: threshold.optional(),
  cues: z.boolean({ error: 'expected true or false' }).optional(),
  requires: phraseList.optional(),
  nodes: z.array(NodeSchema, { error: 'expected array of nodes' }),
});

const CueSchema = z.strictObject({
  factor: z.number({ error: 'expected a number' }).gt(0).max(10),
  scope: z.enum(['sentence', 'before', 'after'], { error: 'expected sentence, before or after' }),
  window: z.number().int().min(1).max(30).optional(),
  phrases: phraseList,
});

const ScoringSchema = z.strictObject({
  threshold: threshold.optional(),
  fields: z
    .strictObject({
      title: z.number().min(0).max(10).optional(),
      abstract: z.number().min(0).max(10).optional(),
    })
    .optional(),
  decay: z.number().min(0).max(1).optional(),
  cues: z.record(id, CueSchema, { error: 'expected a map of cue groups' }).optional(),
});

/** Name ids: lowercase words joined by `-`/`_`/`.`, `+` allowed at the end of a word (`lora-plus`, `gs-lora`). */
export const NAME_ID_PATTERN = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

const nameId = z
  .string({ error: 'expected a name id string' })
  .regex(NAME_ID_PATTERN, { error: 'expected a name id of lowercase words joined by "-" (e.g. dora, ties-merging)' });

/**
 * A named method (DoRA, TIES-Merging, DPO): a member of one family node. Its rules are compiled
 * into that node's rules, so a name is evidence for its family and is found with the same matcher.
 * Without `acronyms`/`phrases`, the label is matched: case-sensitively when it has capitals
 * (`DoRA`), as a phrase otherwise (`model soups`); an `expansion` is matched as a phrase.
 */
const NameSchema = z.strictObject({
  id: nameId,
  label: text,
  node: id,
  expansion: text.optional(),
  description: z.string().optional(),
  aliases: stringList.optional(),
  acronyms: ruleList.optional(),
  phrases: ruleList.optional(),
  patterns: ruleList.optional(),
  /** Applied to every rule of the name that has none of its own: names that are English words or collide. */
  context: phraseList.optional(),
  /** Rule weight for rules that give none. */
  weight: z.number({ error: 'expected a number' }).gt(0).max(10, { error: 'expected a weight in (0, 10]' }).optional(),
  groups: z.array(id, { error: 'expected array of group ids' }).optional(),
  year: z.number({ error: 'expected a year' }).int().min(1950).max(2100, { error: 'expected a year between 1950 and 2100' }).optional(),
  arxiv: z
    .string({ error: 'expected an arXiv id string such as "2402.09353"' })
    .regex(/^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/, { error: 'expected an arXiv id such as "2402.09353"' })
    .optional(),
  note: z.string().optional(),
});

export type NameSource = z.infer<typeof NameSchema>;

/** The top level of a taxonomy YAML file. */
export const TaxonomySourceSchema = z.strictObject({
  $schema: z.string().optional(),
  extends: z.literal('default', { error: "expected 'default' (the only taxonomy a file can extend)" }).optional(),
  name: text.optional(),
  version: z.union([z.string(), z.number()]).optional(),
  description: z.string().optional(),
  /** Ignored by the loader: a place to define YAML anchors (`&ml [...]`) reused as `*ml`. */
  definitions: z.record(z.string(), z.unknown()).optional(),
  scoring: ScoringSchema.optional(),
  facets: z.record(id, FacetSchema, { error: 'expected a map of facets' }).optional(),
  /** Named methods of the families: what a paper proposes, studies, uses or compares against. */
  names: z.array(NameSchema, { error: 'expected array of named methods' }).optional(),
});

export type TaxonomySource = z.infer<typeof TaxonomySourceSchema>;
export type FacetSource = z.infer<typeof FacetSchema>;
export type CueSource = z.infer<typeof CueSchema>;

/** JSON Schema of the YAML format, for `# yaml-language-server: $schema=...` in editors. */
export function taxonomyJsonSchema(): unknown {
  return z.toJSONSchema(TaxonomySourceSchema, { unrepresentable: 'any', io: 'input', metadata: schemaMetadata });
}
