/**
 * Named methods in one record: which of the taxonomy's names occur (their rules are family rules
 * tagged with the name), the role each plays (roles.ts), the names the paper coins for itself
 * (proposed.ts), and how those roles sharpen the family evidence: a family the paper only uses
 * or compares against is not its family (LABELS.md).
 */
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { NamedMethod } from '../taxonomy/types.js';
import { round, type Candidate, type RecordEvidence } from './evidence.js';
import { findProposed } from './proposed.js';
import { mentionRole, strongerRole, titleFramedRole } from './roles.js';
import { DEFAULT_MAX_EVIDENCE, toEvidence } from './select.js';
import type { Field, NameHit, NameRole, ProposedName } from './types.js';


export interface RecordNames {
  names: NameHit[];
  proposed: ProposedName[];
}

/** Folded for comparison as NAMES.md scores: case, spaces, hyphens, dots and brackets ignored. */
export function foldName(text: string): string {
  return text.toLowerCase().replace(/[\s\-.()[\]{}_'"’]/g, '').replace(/\^\{?2\}?/g, '²');
}

/** Weight kept by the mentions of a name the paper only uses, compares against or mentions. */
const TOOL_FACTOR: Record<NameRole, number> = { proposes: 1, studies: 1, uses: 0.6, compares: 0.5, mentions: 1 };

export function findNames(
  compiled: CompiledTaxonomy,
  evidence: RecordEvidence,
  fields: { texts: Partial<Record<Field, string>>; cues: Partial<Record<Field, Array<[number, number]>>> | undefined },
  recordId: string,
  counts: (c: Candidate) => boolean,
  maxEvidence = DEFAULT_MAX_EVIDENCE,
): RecordNames {
  const { texts, cues } = fields;
  const cuesOf = (field: Field) => (cues === undefined ? undefined : (cues[field] ?? []));
  const proposed = uniqueProposed([...findProposed('title', texts.title ?? '', cuesOf('title'), texts.abstract), ...findProposed('abstract', texts.abstract ?? '', cuesOf('abstract'))]);
  const byName = new Map<string, NameEntry>();
  const folded = new Set(proposed.map((p) => foldName(p.text)));
  for (const candidate of sameSpanWinners(compiled, evidence.candidates)) {
    const nameId = compiled.rules[candidate.rule]!.rule.name;
    if (nameId === undefined || !counts(candidate)) continue;
    const name = compiled.names.get(nameId);
    if (!name) continue;
    const text = texts[candidate.field] ?? '';
    const entrySoFar = byName.get(nameId);
    // A role is settled by a name's first mentions; a run-on text repeating it thousands of times reads no further.
    if (entrySoFar && entrySoFar.mentions.length >= ROLE_MENTIONS) {
      entrySoFar.mentions.push(candidate);
      continue;
    }
    const { role } = mentionRole({ ...sentenceAround(text, candidate.start, candidate.end), inTitle: candidate.field === 'title' });
    const own = folded.has(foldName(candidate.text)) || folded.has(foldName(name.label)) || role === 'proposes';
    const mentionRoleOf: NameRole = own ? 'proposes' : role;
    const entry = byName.get(nameId);
    if (entry) {
      entry.mentions.push(candidate);
      entry.role = strongerRole(entry.role, mentionRoleOf);
    } else byName.set(nameId, { name, mentions: [candidate], role: mentionRoleOf });
  }
  // The families the title names, found once and only when a background name could be studied instead.
  let titleFamilies: Set<string> | undefined;
  const inTitle = (node: string) => {
    titleFamilies ??= new Set(evidence.candidates.filter((c) => c.field === 'title').map((c) => compiled.nodes[c.node]!.node.id));
    return titleFamilies.has(node);
  };
  for (const entry of byName.values()) {
    if (entry.role !== 'proposes') entry.role = objectRole(entry.role, entry.mentions, originOf(entry.name, texts, recordId));
    if (entry.role === 'mentions') entry.role = titleFramedRole(entry.role, texts.title ?? '', () => inTitle(entry.name.node));
  }
  // Spellings per name, folded once: each lookup below is then a set probe, not a scan of the mentions.
  const spellings = new Map<NameEntry, Set<string>>();
  const byFolded = new Map<string, NameEntry>();
  for (const entry of byName.values()) {
    const folded = new Set([foldName(entry.name.label), ...entry.mentions.map((m) => foldName(m.text))]);
    spellings.set(entry, folded);
    for (const text of folded) if (!byFolded.has(text)) byFolded.set(text, entry);
  }
  for (const p of proposed) {
    const known = byFolded.get(foldName(p.text));
    if (known) p.node = known.name.node;
  }
  // A known name the paper introduces is also one of its proposed names (NAMES.md).
  const proposedKeys = new Set(proposed.map((p) => `${p.node}\u0000${foldName(p.text)}`));
  for (const entry of byName.values()) {
    if (entry.role !== 'proposes' || [...spellings.get(entry)!].some((text) => proposedKeys.has(`${entry.name.node}\u0000${text}`))) continue;
    const first = entry.mentions.find((m) => m.field === 'title') ?? entry.mentions[0]!;
    proposed.push({ text: entry.name.label, node: entry.name.node, evidence: { field: first.field, start: first.start, end: first.end, text: first.text } });
  }
  const decay = compiled.taxonomy.scoring.decay;
  const names: NameHit[] = [...byName.values()].map(({ name, mentions, role }) => ({
    id: name.id,
    label: name.label,
    node: name.node,
    role,
    score: score(mentions, decay),
    // The score counts every mention; the evidence shows the first few, as a tag's does.
    evidence: mentions.slice(0, maxEvidence).map((c) => toEvidence(compiled, c)),
  }));
  names.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  // Sharpen the families: mentions of a tool or a baseline weigh less in their family's score.
  for (const [, entry] of byName) {
    const factor = TOOL_FACTOR[entry.role];
    if (factor < 1) for (const m of entry.mentions) m.weight = round(m.weight * factor);
  }
  return { names, proposed };
}

interface NameEntry {
  name: NamedMethod;
  mentions: Candidate[];
  role: NameRole;
}

/**
 * The record is the name's origin paper: its arXiv id is the name's, or its title opens with the
 * name ("LoRA: Low-Rank Adaptation of …", "Compacter: Efficient …").
 */
function originOf(name: NamedMethod, texts: Partial<Record<Field, string>>, recordId: string): boolean {
  if (name.arxiv !== undefined && recordId.includes(name.arxiv)) return true;
  const title = texts.title ?? '';
  const colon = title.indexOf(':');
  return colon > 0 && foldName(title.slice(0, colon)) === foldName(name.label);
}

/**
 * A name discussed across the abstract is its object, not background: mentioned in three or more
 * sentences, mostly without a comparison or tool cue, it is studied.
 */
function objectRole(role: NameRole, mentions: readonly Candidate[], origin: boolean): NameRole {
  if (origin) return 'proposes';
  if (role === 'studies') return role;
  const sentences = new Set(mentions.map((m) => `${m.field}:${m.sentence}`));
  const cued = mentions.filter((m) => m.cues.some((c) => c === 'comparison' || c === 'trailing-comparison' || c === 'usage')).length;
  return sentences.size >= 3 && cued * 2 < mentions.length ? 'studies' : role;
}

/** Where two names match the same words (two DoRAs), the one whose rule needed context is the specific one. */
function sameSpanWinners(compiled: CompiledTaxonomy, candidates: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const at = new Map<string, number>();
  for (const c of candidates) {
    const rule = compiled.rules[c.rule]!;
    if (rule.rule.name === undefined) continue;
    const key = `${c.field}:${c.start}:${c.end}`;
    const rival = at.get(key);
    if (rival === undefined) at.set(key, out.push(c) - 1);
    else if (rule.contextGroup >= 0 && compiled.rules[out[rival]!.rule]!.contextGroup < 0) out[rival] = c;
  }
  return out;
}

function score(mentions: readonly Candidate[], decay: number): number {
  const perSentence = new Map<string, number>();
  for (const m of mentions) {
    const key = `${m.field}:${m.sentence}`;
    perSentence.set(key, Math.max(perSentence.get(key) ?? 0, m.weight));
  }
  let sum = 0;
  let factor = 1;
  for (const w of [...perSentence.values()].sort((a, b) => b - a)) {
    sum += w * factor;
    factor *= decay;
  }
  return round(1 - Math.exp(-sum));
}

/** Role cues are read this far around a name: a clause, never a whole run-on text (1 MB without a full stop). */
const ROLE_REACH = 300;
/** Mentions of one name whose role is read. */
const ROLE_MENTIONS = 32;

/** The sentence around `start..end`, split at the match (at most ROLE_REACH characters each side). */
function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = start;
  const floor = Math.max(0, start - ROLE_REACH);
  const ceiling = Math.min(text.length, end + ROLE_REACH);
  while (from > floor && !(/[.!?]/.test(text[from - 1]!) && /\s/.test(text[from] ?? ' ') && !/\be\.g\.$|\bi\.e\.$|\bet al\.$|\bvs\.$/.test(text.slice(Math.max(0, from - 6), from)))) from--;
  let to = end;
  while (to < ceiling && !(/[.!?]/.test(text[to]!) && /\s|$/.test(text[to + 1] ?? ''))) to++;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/** One entry per proposed name (its first place, title before abstract), with an expansion found at any of its places. */
function uniqueProposed(found: ProposedName[]): ProposedName[] {
  const byText = new Map<string, ProposedName>();
  for (const p of found) {
    const seen = byText.get(foldName(p.text));
    if (!seen) byText.set(foldName(p.text), p);
    else if (seen.expansion === undefined && p.expansion !== undefined) seen.expansion = p.expansion;
  }
  return [...byText.values()];
}
