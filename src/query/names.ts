/**
 * Named-method queries over classified records: filter by name and role, a leaderboard of names
 * per role, the names a corpus proposes (the ones the taxonomy does not know are what
 * `finetax taxonomy suggest` turns into YAML), and counts per group of names.
 */
import type { NameHit, NameRole, ProposedName } from '../classification/types.js';
import { UnknownIdError } from '../errors.js';
import { editDistance } from '../text/edit-distance.js';
import type { DefaultTaxonomyFacetIds, NameId } from '../taxonomy/generated/default.js';
import type { FacetIds } from '../classification/types.js';
import type { NamedMethod, Taxonomy } from '../taxonomy/types.js';

export const NAME_ROLES: readonly NameRole[] = ['proposes', 'studies', 'uses', 'compares', 'mentions'];

/** Name ids of a taxonomy: the default's generated `NameId` union, `string` for other taxonomies. */
export type NameIdOf<M extends FacetIds> = [M] extends [DefaultTaxonomyFacetIds] ? NameId : string;

/**
 * The name part of a `where` query: records that mention one of `name` (in one of `role`, when
 * given); `role` alone keeps records with any name in that role.
 */
export interface NameQuery<N extends string = string> {
  readonly name?: N | readonly N[];
  readonly role?: NameRole | readonly NameRole[];
}

interface HasNames {
  readonly id: string;
  readonly names?: readonly NameHit[];
  readonly proposed?: readonly ProposedName[];
}

/** One row of `nameLeaderboard`. */
export interface NameCount<N extends string = string> {
  id: N;
  label: string;
  node: string;
  /** Records mentioning it, in any role. */
  total: number;
  /** Records per role (each record gives a name one role). */
  roles: Record<NameRole, number>;
}

/** One row of `proposedNames`. */
export interface ProposedCount {
  text: string;
  expansion?: string;
  /** The family node of the known name it is; absent for names the taxonomy does not know. */
  node?: string;
  /** Whether the taxonomy knows it (as a name label or spelling). */
  known: boolean;
  count: number;
  /** Ids of the records proposing it, in corpus order. */
  records: string[];
  /** The evidence of its first occurrence. */
  evidence: ProposedName['evidence'];
}

const list = <T>(value: T | readonly T[] | undefined): readonly T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? (value as readonly T[]) : [value as T]);

/**
 * A test for `where({ name, role })`, checked against the taxonomy once.
 * @throws {UnknownIdError} for an unknown name id or role.
 */
export function nameTest(taxonomy: Taxonomy, query: NameQuery): ((c: HasNames) => boolean) | undefined {
  const names = list(query.name);
  const roles = list(query.role);
  if (names === undefined && roles === undefined) return undefined;
  const known = new Set((taxonomy.names ?? []).map((n) => n.id));
  for (const id of names ?? []) if (!known.has(id)) throw new UnknownIdError(id, closest(id, [...known]), 'name');
  for (const role of roles ?? []) if (!NAME_ROLES.includes(role)) throw new UnknownIdError(role, closest(role, NAME_ROLES), 'role');
  return (c) => (c.names ?? []).some((n) => (names === undefined || names.includes(n.id)) && (roles === undefined || roles.includes(n.role)));
}

/** Names by number of records, most first, with counts per role; `role` ranks by that role's count. */
export function nameLeaderboard(classifications: Iterable<HasNames>, role?: NameRole): NameCount[] {
  const rows = new Map<string, NameCount>();
  for (const c of classifications) {
    for (const n of c.names ?? []) {
      let row = rows.get(n.id);
      if (!row) {
        row = { id: n.id, label: n.label, node: n.node, total: 0, roles: { proposes: 0, studies: 0, uses: 0, compares: 0, mentions: 0 } };
        rows.set(n.id, row);
      }
      row.total++;
      row.roles[n.role]++;
    }
  }
  const key = (r: NameCount) => (role === undefined ? r.total : r.roles[role]);
  return [...rows.values()].filter((r) => key(r) > 0).sort((a, b) => key(b) - key(a) || b.total - a.total || a.id.localeCompare(b.id));
}

/** Proposed names across records, most frequent first; `known` says whether the taxonomy has them. */
export function proposedNames(classifications: Iterable<HasNames>, taxonomy: Taxonomy): ProposedCount[] {
  const spellings = knownSpellings(taxonomy);
  const rows = new Map<string, ProposedCount>();
  for (const c of classifications) {
    for (const p of c.proposed ?? []) {
      const key = fold(p.text);
      let row = rows.get(key);
      if (!row) {
        const node = p.node ?? spellings.get(key);
        row = { text: p.text, known: spellings.has(key), count: 0, records: [], evidence: p.evidence };
        if (node !== undefined) row.node = node;
        if (p.expansion !== undefined) row.expansion = p.expansion;
        rows.set(key, row);
      }
      if (row.records.includes(c.id)) continue;
      row.count++;
      row.records.push(c.id);
    }
  }
  return [...rows.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

/** Records per group of names (`quantised`, `rank-allocation`, …): a record counts once per group. */
export function nameGroups(classifications: Iterable<HasNames>, taxonomy: Taxonomy, role?: NameRole): Map<string, number> {
  const groupsOf = new Map((taxonomy.names ?? []).map((n) => [n.id, n.groups]));
  const counts = new Map<string, number>();
  for (const c of classifications) {
    const seen = new Set<string>();
    for (const n of c.names ?? []) if (role === undefined || n.role === role) for (const g of groupsOf.get(n.id) ?? []) seen.add(g);
    for (const g of seen) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return new Map([...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

/** Every spelling of every name (id, label, aliases, expansion, rule texts), folded → its family node. */
export function knownSpellings(taxonomy: Taxonomy): Map<string, string> {
  const out = new Map<string, string>();
  const names: readonly NamedMethod[] = taxonomy.names ?? [];
  for (const n of names) for (const s of [n.id, n.label, ...n.aliases, ...(n.expansion ? [n.expansion] : [])]) out.set(fold(s), n.node);
  for (const node of taxonomy.nodes) for (const rule of node.rules) if (rule.name !== undefined && rule.kind !== 'pattern') out.set(fold(rule.text), node.id);
  return out;
}

function fold(text: string): string {
  return text.toLowerCase().replace(/[\s\-.()[\]{}_'"’]/g, '');
}

function closest(id: string, candidates: readonly string[]): string[] {
  return candidates.filter((c) => editDistance(c, id) <= Math.max(1, Math.floor(id.length / 3))).slice(0, 3);
}

/** Options of `suggestNamesYaml`. */
export interface SuggestNamesOptions {
  /** Keep names proposed by at least this many records. @default 1 */
  minCount?: number;
  /** Example record ids listed per name. @default 3 */
  examples?: number;
}

/**
 * The proposed names the taxonomy does not know, as an `extends: default` YAML file that
 * `taxonomy lint` accepts: one entry per name with its expansion, a family guessed from the
 * record's method tags, and counts and example record ids as comments, ready for review.
 * Names whose family cannot be guessed (the records have no method tag) are listed as comments.
 */
export function suggestNamesYaml(
  classifications: Iterable<HasNames & { readonly tags: ReadonlyArray<{ facet: string; id: string; score: number }> }>,
  taxonomy: Taxonomy,
  options: SuggestNamesOptions = {},
): string {
  const list = [...classifications];
  const familyOf = new Map(list.map((c) => [c.id, bestFamily(c.tags)]));
  const taken = new Set((taxonomy.names ?? []).map((n) => n.id));
  const rows = proposedNames(list, taxonomy).filter((r) => !r.known && r.count >= (options.minCount ?? 1));
  const lines = ['# Names proposed in the corpus that the taxonomy does not know. Review, then keep, edit or delete each.', 'extends: default', 'names:'];
  const orphans: string[] = [];
  let written = 0;
  for (const row of rows) {
    const votes = new Map<string, number>();
    for (const id of row.records) {
      const node = familyOf.get(id);
      if (node) votes.set(node, (votes.get(node) ?? 0) + 1);
    }
    const node = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    const examples = row.records.slice(0, options.examples ?? 3).join(', ');
    const note = `proposed by ${row.count} record${row.count === 1 ? '' : 's'}: ${examples}`;
    if (node === undefined) {
      orphans.push(`#   ${row.text}${row.expansion ? ` (${row.expansion})` : ''}: ${note}`);
      continue;
    }
    const id = uniqueId(row.text, taken);
    taken.add(id);
    lines.push(`  # ${note}`, `  - id: ${id}`, `    label: ${JSON.stringify(row.text)}`, `    node: ${node}`);
    if (row.expansion) lines.push(`    expansion: ${JSON.stringify(row.expansion)}`);
    written++;
  }
  if (written === 0) lines[lines.length - 1] = 'names: []';
  if (orphans.length > 0) lines.push('', '# Proposed by records without a method family (not fine-tuning names, or a family to add by hand):', ...orphans);
  return `${lines.join('\n')}\n`;
}

function bestFamily(tags: ReadonlyArray<{ facet: string; id: string; score: number }>): string | undefined {
  // The most specific method tag (peft.lora over peft), then the highest score.
  const methods = tags.filter((t) => t.facet === 'method');
  return methods.sort((a, b) => b.id.split('.').length - a.id.split('.').length || b.score - a.score)[0]?.id;
}

function uniqueId(text: string, taken: ReadonlySet<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/²/g, '2')
      .replace(/³/g, '3')
      .replace(/\+/g, '-plus')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'name';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
