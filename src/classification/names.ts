/**
 * Named methods in one record: which of the taxonomy's names occur (their rules are family rules
 * tagged with the name), the role each plays (roles.ts), the names the paper coins for itself
 * (proposed.ts), and how those roles sharpen the family evidence: a family the paper only uses
 * or compares against is not its family (LABELS.md).
 */
import type { PatternMatch } from '../matching/matcher.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { NamedMethod } from '../taxonomy/types.js';
import { round, type Candidate, type RecordEvidence } from './evidence.js';
import { findProposed } from './proposed.js';
import { isSpace, isStop, mentionRole, strongerRole, titleFramedRole } from './roles.js';
import { counts, SentenceWeights, sentenceCount, sentenceKey, squash, type NodeScore } from './scoring.js';
import { toEvidence } from './select.js';
import type { Field, NameHit, NameRole, ProposedName } from './types.js';

export interface RecordNames {
  names: NameHit[];
  proposed: ProposedName[];
}

/** Folded for comparison as NAMES.md scores: case, spaces, hyphens, dots and brackets ignored. */
export function foldName(text: string): string {
  return text.toLowerCase().replace(/[\s\-.()[\]{}_'"’]/g, '').replace(/\^\{?2\}?/g, '²');
}

const foldedLabels = new WeakMap<NamedMethod, string>();

/** A name's label, folded once per taxonomy rather than at every mention. */
function foldedLabel(name: NamedMethod): string {
  let folded = foldedLabels.get(name);
  if (folded === undefined) {
    folded = foldName(name.label);
    foldedLabels.set(name, folded);
  }
  return folded;
}

/** Weight kept by the mentions of a name the paper only uses, compares against or mentions. */
const TOOL_FACTOR: Record<NameRole, number> = { proposes: 1, studies: 1, uses: 0.6, compares: 0.5, mentions: 1 };

/**
 * Collects the named methods of one record from its candidates as they are found, in reading
 * order (set it as the record evidence's `sink`), and scores the family nodes at the end. Nothing
 * grows with the number of matches: a name keeps counts, its first `maxEvidence` mentions and its
 * spellings; a node keeps its first `keep` candidates and its sentences' weights as counts. Roles
 * are only known once the whole record is read, and they re-weigh the name's mentions in the family
 * scores, so a sentence holding a name's mention is counted by the weights it was seen with
 * (`RolePool`) and given its final weight at the end.
 */
export class NameCollector {
  private readonly byName = new Map<string, NameEntry>();
  private readonly entries: NameEntry[] = [];
  private readonly scorer: RoleWeightedScorer;
  private readonly proposed: ProposedName[];
  /** The folded spellings of the proposed names. */
  private readonly folded: Set<string>;
  /** Candidates at the same place (field and start) as the first one: rivals for the same words. */
  private readonly group: Candidate[] = [];
  /** The family nodes the title names (a study-framed title makes their background names studied). */
  private readonly titleFamilies = new Set<string>();

  constructor(
    private readonly compiled: CompiledTaxonomy,
    private readonly evidence: RecordEvidence,
    private readonly fields: NameFields,
    private readonly recordId: string,
    private readonly maxEvidence: number,
    keep: number,
  ) {
    this.proposed = proposedNames(fields);
    this.folded = new Set(this.proposed.map((p) => foldName(p.text)));
    this.scorer = new RoleWeightedScorer(compiled, evidence, keep);
  }

  /** Takes the record's candidates in reading order. */
  add(candidate: Candidate): void {
    if (candidate.field === 'title') this.titleFamilies.add(this.compiled.nodes[candidate.node]!.node.id);
    const group = this.group;
    if (group.length > 0 && (group[0]!.start !== candidate.start || group[0]!.field !== candidate.field)) this.flush();
    group.push(candidate);
  }

  /** The record's names and proposed names, and the family nodes' scores with roles applied. */
  finish(): RecordNames & { scores: Map<number, NodeScore> } {
    this.flush();
    const { compiled, proposed, fields } = this;
    for (const entry of this.entries) {
      if (entry.role !== 'proposes') entry.role = objectRole(entry.role, entry, originOf(entry.name, fields.texts, this.recordId));
      if (entry.role === 'mentions') entry.role = titleFramedRole(entry.role, fields.texts.title ?? '', () => this.titleFamilies.has(entry.name.node));
    }
    if (this.entries.length === 0) return { names: [], proposed, scores: this.scorer.scores([]) };
    // Spellings per name, folded once: each lookup below is then a set probe, not a scan of the mentions.
    const spellings = new Map<NameEntry, Set<string>>();
    const byFolded = new Map<string, NameEntry>();
    for (const entry of this.entries) {
      const folded = new Set([foldedLabel(entry.name), ...[...entry.spellings].map(foldName)]);
      spellings.set(entry, folded);
      for (const text of folded) if (!byFolded.has(text)) byFolded.set(text, entry);
    }
    for (const p of proposed) {
      const known = byFolded.get(foldName(p.text));
      if (known) p.node = known.name.node;
    }
    // A known name the paper introduces is also one of its proposed names (NAMES.md).
    const proposedKeys = new Set(proposed.map((p) => `${p.node}\u0000${foldName(p.text)}`));
    for (const entry of this.entries) {
      if (entry.role !== 'proposes' || [...spellings.get(entry)!].some((text) => proposedKeys.has(`${entry.name.node}\u0000${text}`))) continue;
      const first = entry.firstInTitle ?? entry.evidence[0]!;
      proposed.push({ text: entry.name.label, node: entry.name.node, evidence: { field: first.field, start: first.start, end: first.end, text: first.text } });
    }
    const decay = compiled.taxonomy.scoring.decay;
    const names: NameHit[] = this.entries.map((entry) => ({
      id: entry.name.id,
      label: entry.name.label,
      node: entry.name.node,
      role: entry.role,
      score: entry.weights.squash(decay),
      // The score counts every mention; the evidence shows the first few, as a tag's does.
      evidence: entry.evidence.map((c) => toEvidence(compiled, c)),
    }));
    names.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    // Sharpen the families: mentions of a tool or a baseline weigh less in their family's score.
    const scores = this.scorer.scores(this.entries.map((entry) => TOOL_FACTOR[entry.role]));
    return { names, proposed, scores };
  }

  /** Settles which of the candidates at one place are name mentions, then scores them all in order. */
  private flush(): void {
    const group = this.group;
    if (group.length === 0) return;
    if (group.length === 1) {
      const candidate = group[0]!;
      group.length = 0;
      this.scorer.add(candidate, this.compiled.rules[candidate.rule]!.rule.name === undefined ? -1 : this.mention(candidate));
      return;
    }
    const winners = sameSpanWinners(this.compiled, group);
    const mentionOf = new Map<Candidate, number>();
    for (const candidate of winners) mentionOf.set(candidate, this.mention(candidate));
    for (const candidate of group) this.scorer.add(candidate, mentionOf.get(candidate) ?? -1);
    group.length = 0;
  }

  /** Notes a mention of a name (read for its role while the name has few); its entry's index, or -1 when it is none. */
  private mention(candidate: Candidate): number {
    const { compiled } = this;
    const nameId = compiled.rules[candidate.rule]!.rule.name;
    if (nameId === undefined || !counts(compiled, this.evidence, candidate)) return -1;
    const name = compiled.names.get(nameId);
    if (!name) return -1;
    let entry = this.byName.get(nameId);
    // A role is settled by a name's first mentions; a run-on text repeating it thousands of times reads no further.
    // (Nor once it proposes: no mention can make a role stronger than that.)
    if (!entry || (entry.total < ROLE_MENTIONS && entry.role !== 'proposes')) {
      const text = this.fields.texts[candidate.field] ?? '';
      const { role } = mentionRole({ ...sentenceAround(text, candidate.start, candidate.end), inTitle: candidate.field === 'title' });
      const own = role === 'proposes' || (this.folded.size > 0 && (this.folded.has(foldName(candidate.text)) || this.folded.has(foldedLabel(name))));
      const mentionRoleOf: NameRole = own ? 'proposes' : role;
      if (entry) entry.role = strongerRole(entry.role, mentionRoleOf);
      else {
        entry = new NameEntry(name, this.entries.length, mentionRoleOf);
        this.byName.set(nameId, entry);
        this.entries.push(entry);
      }
    }
    entry.note(candidate, this.maxEvidence);
    return entry.index;
  }
}

/** The names the record coins for its own contribution, each once, title first. */
export function proposedNames(fields: NameFields): ProposedName[] {
  const { texts, cues } = fields;
  const cuesOf = (field: Field) => (cues === undefined ? undefined : (cues[field] ?? []));
  return uniqueProposed([...findProposed('title', texts.title ?? '', cuesOf('title'), texts.abstract), ...findProposed('abstract', texts.abstract ?? '', cuesOf('abstract'))]);
}

/** Whether a field's matches include one of a named method's rule: without one, the record mentions no name. */
export function hasNamedMatch(compiled: CompiledTaxonomy, matches: readonly PatternMatch[]): boolean {
  for (const m of matches) if (m.pattern.role === 'positive' && compiled.rules[m.pattern.rule]!.rule.name !== undefined) return true;
  return false;
}

export interface NameFields {
  texts: Partial<Record<Field, string>>;
  cues: Partial<Record<Field, Array<[number, number]>>> | undefined;
}

/** One name in one record: what its role and score need of its mentions, not the mentions themselves. */
class NameEntry {
  /** Mentions seen. */
  total = 0;
  /** Mentions with a comparison or tool cue. */
  cued = 0;
  /** The first `maxEvidence` mentions. */
  readonly evidence: Candidate[] = [];
  firstInTitle: Candidate | undefined;
  /** Sentences with a mention, up to the three that make a name an object of study. */
  readonly sentences = new Set<number>();
  /** Distinct spellings of its mentions (one string each, however often repeated). */
  readonly spellings = new Set<string>();
  /** Its mentions' weights, one per sentence, before roles re-weigh them. */
  readonly weights = new SentenceWeights();

  constructor(
    readonly name: NamedMethod,
    readonly index: number,
    public role: NameRole,
  ) {}

  note(candidate: Candidate, maxEvidence: number): void {
    this.total++;
    if (this.evidence.length < maxEvidence) this.evidence.push(candidate);
    if (this.firstInTitle === undefined && candidate.field === 'title') this.firstInTitle = candidate;
    const key = sentenceKey(candidate);
    if (this.sentences.size < 3) this.sentences.add(key);
    if (candidate.cues.some((c) => c === 'comparison' || c === 'trailing-comparison' || c === 'usage')) this.cued++;
    this.spellings.add(candidate.text);
    this.weights.add(key, candidate.weight);
  }
}

/**
 * Scores family nodes as `NodeScorer` does, except that a name's mentions take the weight its
 * role gives them (`TOOL_FACTOR`), known only at the end. Each node keeps its first `keep`
 * candidates, and its closed sentences as counts: by weight where no name's mention is stronger
 * than the other matches there, otherwise by signature (that weight, and each such name's
 * strongest mention), which the factors turn into a weight at the end.
 */
class RoleWeightedScorer {
  private readonly pools = new Map<number, RolePool>();
  /** Kept candidates that are a name's mention, with the name's index: re-weighed at the end. */
  private readonly keptMentions = new Map<Candidate, number>();

  constructor(
    private readonly compiled: CompiledTaxonomy,
    private readonly evidence: RecordEvidence,
    private readonly keep: number,
  ) {}

  /** `entry`: the index of the name the candidate is a mention of, or -1. */
  add(candidate: Candidate, entry: number): void {
    if (!counts(this.compiled, this.evidence, candidate)) return;
    const node = this.compiled.nodes[candidate.node]!;
    this.addTo(node.index, candidate, entry);
    for (const ancestor of node.ancestors) this.addTo(ancestor, candidate, entry);
  }

  /** Node scores once `factors` (per name index) are known; kept mentions take their re-weighed weight. */
  scores(factors: readonly number[]): Map<number, NodeScore> {
    for (const [candidate, entry] of this.keptMentions) {
      const factor = factors[entry]!;
      if (factor < 1) candidate.weight = round(candidate.weight * factor);
    }
    const scores = new Map<number, NodeScore>();
    const decay = this.compiled.taxonomy.scoring.decay;
    for (const [node, pool] of this.pools) {
      const weights = pool.weights(factors);
      scores.set(node, { score: squash(weights, decay), candidates: pool.kept, sentences: sentenceCount(weights), title: pool.title });
    }
    return scores;
  }

  private addTo(node: number, candidate: Candidate, entry: number): void {
    let pool = this.pools.get(node);
    if (!pool) {
      pool = new RolePool();
      this.pools.set(node, pool);
    }
    if (pool.kept.length < this.keep) {
      pool.kept.push(candidate);
      if (entry >= 0) this.keptMentions.set(candidate, entry);
    }
    pool.add(candidate, entry);
  }
}

/** A sentence's weight before roles: the strongest plain match, and the names whose mentions are stronger. */
interface Signature {
  plain: number;
  /** Name index, strongest mention weight; ascending by index. */
  names: Array<[number, number]>;
  count: number;
}

class RolePool {
  readonly kept: Candidate[] = [];
  title = false;
  private readonly byWeight = new Map<number, number>();
  /** Only made for a node with a name's mentions, as is `named`. */
  private bySignature: Map<string, Signature> | undefined;
  private open = false;
  private key = 0;
  private plain = 0;
  /** Names with a mention in the open sentence: name index, strongest weight. */
  private named: Array<[number, number]> | undefined;

  add(candidate: Candidate, entry: number): void {
    const key = sentenceKey(candidate);
    if (key < 0) this.title = true;
    if (!this.open || key !== this.key) {
      this.close();
      this.open = true;
      this.key = key;
      this.plain = 0;
    }
    if (entry < 0) {
      this.plain = Math.max(this.plain, candidate.weight);
      return;
    }
    this.named ??= [];
    const named = this.named;
    const seen = named.find((n) => n[0] === entry);
    if (seen) seen[1] = Math.max(seen[1], candidate.weight);
    else named.push([entry, candidate.weight]);
  }

  /** Weight → number of sentences with that weight, strongest first, with the names' factors applied. */
  weights(factors: readonly number[]): Array<[number, number]> {
    this.close();
    if (this.bySignature === undefined) return [...this.byWeight].sort((a, b) => b[0] - a[0]);
    const byWeight = new Map(this.byWeight);
    for (const { plain, names, count } of this.bySignature.values()) {
      let weight = plain;
      for (const [entry, strongest] of names) {
        const factor = factors[entry]!;
        weight = Math.max(weight, factor < 1 ? round(strongest * factor) : strongest);
      }
      byWeight.set(weight, (byWeight.get(weight) ?? 0) + count);
    }
    return [...byWeight].sort((a, b) => b[0] - a[0]);
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    const { plain, named } = this;
    // A name's factor only ever lowers its weight: mentions no stronger than the plain matches cannot matter.
    const names = named === undefined || named.length === 0 ? [] : named.filter((n) => n[1] > plain);
    if (named) named.length = 0;
    if (names.length === 0) {
      this.byWeight.set(plain, (this.byWeight.get(plain) ?? 0) + 1);
      return;
    }
    names.sort((a, b) => a[0] - b[0]);
    const key = `${plain}|${names.join('|')}`;
    this.bySignature ??= new Map();
    const bySignature = this.bySignature;
    const signature = bySignature.get(key);
    if (signature) signature.count++;
    else bySignature.set(key, { plain, names, count: 1 });
  }
}

/**
 * The record is the name's origin paper: its arXiv id is the name's, or its title opens with the
 * name ("LoRA: Low-Rank Adaptation of …", "Compacter: Efficient …").
 */
function originOf(name: NamedMethod, texts: Partial<Record<Field, string>>, recordId: string): boolean {
  if (name.arxiv !== undefined && recordId.includes(name.arxiv)) return true;
  const title = texts.title ?? '';
  const colon = title.indexOf(':');
  return colon > 0 && foldName(title.slice(0, colon)) === foldedLabel(name);
}

/**
 * A name discussed across the abstract is its object, not background: mentioned in three or more
 * sentences, mostly without a comparison or tool cue, it is studied.
 */
function objectRole(role: NameRole, mentions: { sentences: ReadonlySet<number>; cued: number; total: number }, origin: boolean): NameRole {
  if (origin) return 'proposes';
  if (role === 'studies') return role;
  return mentions.sentences.size >= 3 && mentions.cued * 2 < mentions.total ? 'studies' : role;
}

/** Where two names match the same words (two DoRAs), the one whose rule needed context is the specific one. `candidates` share field and start. */
function sameSpanWinners(compiled: CompiledTaxonomy, candidates: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const at = new Map<number, number>();
  for (const c of candidates) {
    const rule = compiled.rules[c.rule]!;
    if (rule.rule.name === undefined) continue;
    const rival = at.get(c.end);
    if (rival === undefined) at.set(c.end, out.push(c) - 1);
    else if (rule.contextGroup >= 0 && compiled.rules[out[rival]!.rule]!.contextGroup < 0) out[rival] = c;
  }
  return out;
}

/** Role cues are read this far around a name: a clause, never a whole run-on text (1 MB without a full stop). */
const ROLE_REACH = 300;
/** Mentions of one name whose role is read. */
const ROLE_MENTIONS = 32;

const ABBREVIATION = /\be\.g\.$|\bi\.e\.$|\bet al\.$|\bvs\.$/;

/** The sentence around `start..end`, split at the match (at most ROLE_REACH characters each side). */
function sentenceAround(text: string, start: number, end: number): { before: string; after: string } {
  let from = start;
  const floor = Math.max(0, start - ROLE_REACH);
  const ceiling = Math.min(text.length, end + ROLE_REACH);
  // Character codes, not a RegExp per character: this walks up to 600 characters per mention.
  while (from > floor && !(isStop(text.charCodeAt(from - 1)) && (from >= text.length || isSpace(text.charCodeAt(from))) && !ABBREVIATION.test(text.slice(Math.max(0, from - 6), from)))) from--;
  let to = end;
  while (to < ceiling && !isStop(text.charCodeAt(to))) to++;
  return { before: text.slice(from, start), after: text.slice(end, to) };
}

/** One entry per proposed name (its first place, title before abstract), with an expansion found at any of its places. */
function uniqueProposed(found: ProposedName[]): ProposedName[] {
  const byText = new Map<string, ProposedName>();
  for (const p of found) {
    const folded = foldName(p.text);
    const seen = byText.get(folded);
    if (!seen) byText.set(folded, p);
    else if (seen.expansion === undefined && p.expansion !== undefined) seen.expansion = p.expansion;
  }
  return [...byText.values()];
}
