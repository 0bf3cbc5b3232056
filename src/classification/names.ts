/**
 * Named methods in one record: which of the taxonomy's names occur (their rules are family rules
 * tagged with the name), the role each plays (roles.ts), the names the paper coins for itself
 * (proposed.ts), and how those roles sharpen the family evidence: a family the paper only uses
 * or compares against is not its family (LABELS.md).
 */
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { NamedMethod } from '../taxonomy/types.js';
import { round, spanOf, type Candidate, type FieldText, type MatchSink, type RecordEvidence } from './evidence.js';
import { findProposed, isCapital, isDigit, isLowerCode, longForm, modelNames, sentenceBreak, sentenceStart, wordsOf } from './proposed.js';
import { abstractFramedRole, againstOthers, expansionStart, fineTuningStudy, isStop, mayPropose, mentionRole, ownMeansDefinition, strongerRole, titleFramedRole, type RoleContext } from './roles.js';
import { countsRule, MatchRows, PooledScorer, SentenceWeights, sentenceKey, type NodePool, type NodeScore } from './scoring.js';
import { ruleFacts } from './rule-facts.js';
import { toEvidence } from './select.js';
import { arxivIdInLink, normaliseArxivId } from '../records/text.js';
import { isAsciiWordCode, isSpaceCode } from '../text/tokenise.js';
import type { Field, NameHit, NameRole, PaperInput, ProposedName } from './types.js';

export interface RecordNames {
  names: NameHit[];
  proposed: ProposedName[];
}

/** Folded for comparison as NAMES.md scores: case, spaces, hyphens, dots and brackets ignored. */
export function foldName(text: string): string {
  // Lowercasing makes none of the characters taken out: a plain name ("LoRA", "S3FT") only needs it.
  if (isPlainName(text)) return text.toLowerCase();
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

/** The cues of a mention without any (shared: nothing writes to a mention's cue list). */
const NO_CUES: string[] = [];

/**
 * Collects the named methods of one record from its weighed matches as they are found, in reading
 * order (hand it to the evidence collector as its `MatchSink`), and scores the family nodes at the
 * end. Only a name's mentions become `Candidate` objects; every other match is a few numbers in
 * the scorer, as on the names-off path. Nothing grows with the number of matches: a name keeps
 * counts, its first `maxEvidence` mentions and its spellings; a node keeps its first `keep`
 * matches and its sentences' weights as counts. Roles are only known once the whole record is
 * read, and they re-weigh the name's mentions in the family scores, so a sentence holding a name's
 * mention is counted by the weights it was seen with (`RolePool`) and given its final weight at
 * the end. One collector serves a classifier's records one after another (`start` begins one).
 */
export class NameCollector implements MatchSink {
  private readonly entries: NameEntry[] = [];
  /** The index in `entries` of each name slot's entry (-1: none yet); reset through `entries`. */
  private readonly slotEntries: Int32Array;
  private readonly scorer: RoleScorer;
  private readonly group: PlaceGroup = new PlaceGroup();
  private proposed: ProposedName[] = [];
  /** The proposed names' folded spellings, by index, and as a set. */
  private proposedFolded: string[] = [];
  private readonly folded = new Set<string>();
  /** The family nodes the title names, flagged by index, and which (a study-framed title makes their background names studied). */
  private readonly titleFlags: Uint8Array;
  private readonly titleNodes: number[] = [];
  private evidence: RecordEvidence | undefined;
  private fields: NameFields = { texts: { title: undefined, abstract: undefined }, cues: undefined, futureWork: undefined };
  private recordId = '';
  private record: PaperInput = {};
  /** The arXiv ids of the record's metadata, read when a name's origin is first asked. */
  private arxivIds: string[] | undefined;
  /** Whether the record is a study of its own fine-tuning (roles.ts `fineTuningStudy`), read when a role first asks. */
  private fineTuning: boolean | undefined;
  /** The proposed names as written, made when a role is first read. */
  private proposedTexts: string[] | undefined;
  private readonly ownFineTuning = (): boolean =>
    (this.fineTuning ??= fineTuningStudy(this.fields.texts.title ?? '', this.fields.texts.abstract ?? '', this.proposed.length > 0));
  private maxEvidence = 0;
  /** The named method of each rule (by index; a flat read, not the rule objects' many shapes). */
  private readonly ruleNames: ReadonlyArray<string | undefined>;
  /**
   * Each rule's name slot (-1: it names no known method), and each slot's method: a mention then
   * finds its name and entry by index, not by hashing the name's id in two maps.
   */
  private readonly ruleSlots: Int32Array;
  private readonly slotNames: NamedMethod[] = [];
  /** The factor of each entry's role (by entry index), reused from record to record. */
  private readonly factors: number[] = [];

  constructor(private readonly compiled: CompiledTaxonomy) {
    this.scorer = new RoleScorer(compiled);
    this.ruleNames = ruleFacts(compiled).names;
    const slots = new Map<NamedMethod, number>();
    this.ruleSlots = Int32Array.from(this.ruleNames, (id) => {
      const name = id === undefined ? undefined : compiled.names.get(id);
      if (name === undefined) return -1;
      let slot = slots.get(name);
      if (slot === undefined) {
        slot = this.slotNames.push(name) - 1;
        slots.set(name, slot);
      }
      return slot;
    });
    this.slotEntries = new Int32Array(this.slotNames.length).fill(-1);
    this.titleFlags = new Uint8Array(compiled.nodes.length);
  }

  /** Begins a record: `evidence` must already know the record's context groups and gates (or how to find them). */
  start(evidence: RecordEvidence, fields: NameFields, recordId: string, record: PaperInput, maxEvidence: number, keep: number): void {
    this.evidence = evidence;
    this.fields = fields;
    this.recordId = recordId;
    this.record = record;
    this.arxivIds = undefined;
    this.fineTuning = undefined;
    this.proposedTexts = undefined;
    this.maxEvidence = maxEvidence;
    for (const entry of this.entries) this.slotEntries[entry.slot] = -1;
    this.entries.length = 0;
    for (const node of this.titleNodes) this.titleFlags[node] = 0;
    this.titleNodes.length = 0;
    this.group.reset();
    this.proposed = proposedNames(fields);
    // Clearing a set allocates its table anew: most records propose nothing, and it is empty already.
    if (this.folded.size > 0) this.folded.clear();
    this.proposedFolded = this.proposed.map((p) => foldName(p.text));
    for (const text of this.proposedFolded) this.folded.add(text);
    this.scorer.start(evidence, keep);
  }

  /** Takes the record's weighed matches in reading order. */
  addMatch(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number): void {
    this.take(text, node, rule, first, last, weight, cue, edits, false);
  }

  /** Takes a name's match that its family's exclusion cancels ("IP-Adapter"), in reading order: a mention of the name, not family evidence. */
  addNameMatch(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number): void {
    this.take(text, node, rule, first, last, weight, cue, edits, true);
  }

  private take(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number, nameOnly: boolean): void {
    // A name kept out of its family does not make the title name the family ("Evaluating IP-Adapter" is no study of adapters).
    if (!nameOnly && text.field === 'title' && this.titleFlags[node] === 0) {
      this.titleFlags[node] = 1;
      this.titleNodes.push(node);
    }
    const group = this.group;
    // Plain text (no pieces) needs no mapping back, nor the pair `spanOf` returns.
    const start = text.normalised.pieces ? spanOf(text, first, last)[0] : text.tokens.starts[first]!;
    if (group.size > 0 && (group.start !== start || group.text(0).field !== text.field)) this.flush();
    group.push(text, start, node, rule, first, last, weight, cue, edits, nameOnly);
  }

  /** The record's names and proposed names, and the family nodes' scores with roles applied (valid until the next `start`). */
  finish(): RecordNames & { scores: RoleScorer } {
    this.flush();
    const { compiled, proposed, fields } = this;
    // The abstract's framing is one answer per record, not per name: asked at most once (a search of
    // the whole abstract for each name made a long record's cost grow with its length squared).
    let framed: NameRole | undefined;
    for (const entry of this.entries) {
      entry.role = this.settledRole(entry);
      if (entry.role === 'mentions') entry.role = titleFramedRole(entry.role, fields.texts.title ?? '', () => this.titleNames(entry.name.node));
      if (entry.role === 'mentions') entry.role = framed ??= abstractFramedRole('mentions', fields.texts.abstract ?? '');
    }
    if (this.entries.length === 0) return { names: [], proposed, scores: this.scorer.scores([]) };
    extendedNames(this.entries, proposed);
    // Without proposed names there is nothing to match the names' spellings against.
    const folded = proposed.length > 0 ? this.matchProposed(proposed) : undefined;
    if (this.entries.some(proposes)) addKnownProposed(this.entries, proposed, folded);
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
    if (names.length > 1) names.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    // Sharpen the families: mentions of a tool or a baseline weigh less in their family's score.
    const { factors } = this;
    factors.length = 0;
    for (const entry of this.entries) factors.push(TOOL_FACTOR[entry.role]);
    return { names, proposed, scores: this.scorer.scores(factors) };
  }

  /** Whether a title match is of the family node `id`. */
  private titleNames(id: string): boolean {
    const node = this.compiled.nodeIndex.get(id);
    return node !== undefined && this.titleFlags[node] === 1;
  }

  /** Gives each proposed name the family of the known name it spells, if any; the proposed names' folded spellings (by index). */
  private matchProposed(proposed: readonly ProposedName[]): string[] {
    // Spellings per name, folded once: each lookup below is then a map probe, not a scan of the mentions.
    const byFolded = new Map<string, NameEntry>();
    for (const entry of this.entries) for (const text of entry.foldedSpellings()) if (!byFolded.has(text)) byFolded.set(text, entry);
    const folded = this.proposedFolded;
    for (let i = 0; i < proposed.length; i++) {
      const known = byFolded.get(folded[i]!);
      if (known) proposed[i]!.node = known.name.node;
    }
    return folded;
  }

  /** Settles which of the matches at one place are name mentions, then scores them all in order. */
  private flush(): void {
    const group = this.group;
    const size = group.size;
    if (size === 0) return;
    const { compiled, scorer } = this;
    // Every match is tagged -1 (no name) when it is added.
    if (size === 1) {
      if (this.ruleNames[group.rule(0)] !== undefined) group.setTag(0, this.mention(group.candidate(compiled, 0)));
    } else {
      const counts = (i: number) => countsRule(compiled, this.evidence!, group.rule(i), group.text(i).field);
      for (const i of sameSpanWinners(compiled, this.ruleNames, group, counts)) group.setTag(i, this.mention(group.candidate(compiled, i)));
    }
    for (let i = 0; i < size; i++) if (!group.nameOnly(i)) scorer.add(group, i);
    group.reset();
  }

  /** Notes a mention of a name (kept to be read for its role while the name has few); its entry's index, or -1 when it is none. */
  private mention(candidate: Candidate): number {
    const slot = this.ruleSlots[candidate.rule]!;
    if (slot < 0 || !countsRule(this.compiled, this.evidence!, candidate.rule, candidate.field)) return -1;
    const { folded } = this;
    let index = this.slotEntries[slot]!;
    if (index < 0) {
      const name = this.slotNames[slot]!;
      index = this.entries.push(new NameEntry(name, this.entries.length, slot, folded.size > 0 && folded.has(foldedLabel(name)))) - 1;
      this.slotEntries[slot] = index;
    }
    const entry = this.entries[index]!;
    // A role is settled by a name's first mentions; a run-on text repeating it thousands of times reads no further.
    // (Nor once it is the paper's own: no mention can make a role stronger than that.)
    // A title mention that is part of the paper's own name, or what that name does, is not read (nor counted as a sentence about the name).
    const read = candidate.field !== 'title' || this.proposed.length === 0 || !ownNamePart(this.fields.texts.title ?? '', candidate, this.proposed);
    if (entry.total < ROLE_MENTIONS && !entry.own) {
      if (entry.ownLabel || (folded.size > 0 && folded.has(foldName(candidate.text)))) entry.own = true;
      else if (read) entry.toRead.push(candidate);
    }
    entry.note(candidate, this.maxEvidence, read);
    return entry.index;
  }

  /**
   * A name's role: the strongest of its read mentions' roles, unless the record is its origin
   * (`objectRole`). Mentions are read once the record is known, and only as far as the answer
   * needs: the ones that may propose it first, then, for a name that is not the object of the
   * paper, the others until one makes it studied (no later one could make it stronger).
   */
  private settledRole(entry: NameEntry): NameRole {
    if (entry.own || originOf(entry.name, this.fields.texts, this.recordId, () => (this.arxivIds ??= paperArxivIds(this.record)))) return 'proposes';
    if (this.proposed.length === 0 && entry.toRead.every(inTitle) && titledUnnamedMethod(entry.name, this.fields.texts)) return 'proposes';
    const role = this.readRoles(entry);
    // A paper that names nothing of its own may still bring a known name: the one it defines as its means and pits against others' methods.
    return role !== 'proposes' && role !== 'mentions' && this.proposed.length === 0 && this.definedAndPitted(entry) ? 'proposes' : role;
  }

  /**
   * "… we modify feed-forward weights … using Rank-One Model Editing (ROME). We find that ROME is
   * effective …, comparable to existing methods": the name is first defined, expansion and acronym,
   * as the means of the paper's own act, and later holds its own against others' methods: the
   * paper's own method, though no contribution verb names it.
   */
  private definedAndPitted(entry: NameEntry): boolean {
    const text = this.fields.texts.abstract ?? '';
    // Where the name's first mention in the abstract starts (-1: none yet), and whether its definition was read.
    let first = -1;
    let defined = false;
    for (const mention of entry.toRead) {
      if (mention.field !== 'abstract') continue;
      if (defined) {
        if (againstOthers(sentenceAround(text, mention.start, mention.end, false))) return true;
        continue;
      }
      const context = sentenceAround(text, mention.start, mention.end, false);
      const from = expansionStart(context.before);
      if (from < 0) {
        // Only the expansion the acronym follows may come before the definition.
        if (first >= 0) return false;
        first = mention.start;
        continue;
      }
      if ((first >= 0 && first < mention.start - context.before.length + from) || !ownMeansDefinition(context)) return false;
      defined = true;
    }
    return false;
  }

  /** A name's role as its read mentions give it (`settledRole` without the record's own-name checks). */
  private readRoles(entry: NameEntry): NameRole {
    const abbreviated = this.abbreviatedMentions(entry);
    const toRead = abbreviated.length === 0 ? entry.toRead : entry.toRead.concat(abbreviated);
    const read = READ_ROLES;
    read.length = 0;
    for (let i = 0; i < toRead.length; i++) {
      if (!mayPropose(this.fields.texts[toRead[i]!.field] ?? '', toRead[i]!.start)) continue;
      read[i] = this.readRole(toRead[i]!);
      if (read[i] === 'proposes') return 'proposes';
    }
    if (objectRole('mentions', abbreviated.length === 0 ? entry : this.withAbbreviated(entry, toRead, abbreviated, read), false) === 'studies') {
      // Discussed across the abstract, it is the object, unless its own clauses mostly compare against it or use it:
      // "Existing methods … often with RLHF. However, RLHF is … DPO exceeds RLHF's ability …" is a point of comparison.
      let role: NameRole = 'mentions';
      let cued = 0;
      for (let i = 0; i < toRead.length; i++) {
        const mention = read[i] ?? this.readRole(toRead[i]!);
        if (mention === 'compares' || mention === 'uses') cued++;
        role = strongerRole(role, mention);
      }
      return cued * 2 < toRead.length ? 'studies' : role;
    }
    let role: NameRole = 'mentions';
    for (let i = 0; i < toRead.length && role !== 'studies'; i++) role = strongerRole(role, read[i] ?? this.readRole(toRead[i]!));
    return role;
  }

  /**
   * "Prompt tuning (PT) … PT introduces …": an abbreviation the abstract defines for a name, by the
   * initials of the words it follows, stands for the name from there on, though the taxonomy does
   * not know it; its later mentions (as places to read roles at, not evidence). None where the
   * abbreviation is a name already (known, or proposed).
   */
  private abbreviatedMentions(entry: NameEntry): Candidate[] {
    // Made at the first abbreviated mention: most names have none.
    let found: Candidate[] | undefined;
    for (const mention of entry.toRead) {
      const text = this.fields.texts[mention.field] ?? '';
      // Only where a bracket follows (after a space or two): most mentions are not defined there, and need no further look.
      let bracket = mention.end;
      while (bracket < mention.end + 2 && text.charCodeAt(bracket) === 32) bracket++;
      if (text.charCodeAt(bracket) !== 40) continue;
      const defined = LOCAL_ABBREVIATION.exec(text.slice(mention.end, mention.end + 16));
      if (defined === null) continue;
      const abbreviation = defined[1]!;
      if (initials(mention.text) !== abbreviation.replace(/[^A-Z]/g, '') || this.isName(abbreviation)) continue;
      const from = mention.end + defined[0].length;
      const pattern = new RegExp(`(?<![\\w-])${abbreviation}(?!\\w)`, 'g');
      pattern.lastIndex = from;
      for (let m = pattern.exec(text); m !== null && (found?.length ?? 0) < ROLE_MENTIONS; m = pattern.exec(text)) {
        if (found === undefined) found = [];
        found.push({ ...mention, start: m.index, end: m.index + abbreviation.length, text: abbreviation, cues: NO_CUES });
      }
    }
    return found ?? NO_CANDIDATES;
  }

  /** Whether `text` spells a name the record already has: a known one's mention, or a proposed one. */
  private isName(text: string): boolean {
    const folded = foldName(text);
    return this.folded.has(folded) || this.entries.some((entry) => entry.foldedSpellings().includes(folded));
  }

  /**
   * The counts `objectRole` reads, with a name's abbreviated mentions (`toRead`'s last ones) added:
   * a sentence is told by where it starts, and an abbreviated mention read as a tool or a baseline is cued.
   */
  private withAbbreviated(entry: NameEntry, toRead: readonly Candidate[], abbreviated: readonly Candidate[], read: NameRole[]): { sentences: ReadonlySet<number>; cued: number; total: number } {
    const sentences = new Set<number>();
    // `sentenceAround`'s sentence (its leading spaces skipped, which tells sentences apart all the same).
    for (const mention of toRead) sentences.add((mention.field === 'title' ? -1 : 1) * (1 + sentenceStart(this.fields.texts[mention.field] ?? '', mention.start, ROLE_REACH)));
    let cued = entry.cued;
    for (let i = toRead.length - abbreviated.length; i < toRead.length; i++) {
      read[i] ??= this.readRole(toRead[i]!);
      if (read[i] === 'compares' || read[i] === 'uses') cued++;
    }
    return { sentences, cued, total: entry.total + abbreviated.length };
  }

  private readRole(candidate: Candidate): NameRole {
    const context = sentenceAround(this.fields.texts[candidate.field] ?? '', candidate.start, candidate.end, candidate.field === 'title');
    const spans = this.fields.futureWork?.[candidate.field];
    if (spans !== undefined && spans.length > 0) context.futureWork = spansWithin(spans, candidate.start - context.before.length, candidate.start);
    context.ownFineTuning = this.ownFineTuning;
    context.ownNames = this.proposedTexts ??= this.proposed.map((p) => p.text);
    return mentionRole(context).role;
  }
}

/** A mention in the title (a test for `every`). */
function inTitle(candidate: Candidate): boolean {
  return candidate.field === 'title';
}

/** The paper introduces the name (a test for `some`, made once rather than at every record). */
function proposes(entry: NameEntry): boolean {
  return entry.role === 'proposes';
}

/**
 * A known name the paper introduces is also one of its proposed names (NAMES.md), unless a proposed
 * name already spells it in its family; `folded`: the proposed names' folded spellings (undefined: none).
 */
function addKnownProposed(entries: readonly NameEntry[], proposed: ProposedName[], folded: readonly string[] | undefined): void {
  const keys = folded && new Set(proposed.map((p, i) => `${p.node}\u0000${folded[i]}`));
  for (const entry of entries) {
    if (entry.role !== 'proposes' || (keys !== undefined && entry.foldedSpellings().some((text) => keys.has(`${entry.name.node}\u0000${text}`)))) continue;
    const first = entry.firstInTitle ?? entry.evidence[0]!;
    proposed.push({ text: entry.name.label, node: entry.name.node, evidence: { field: first.field, start: first.start, end: first.end, text: first.text } });
  }
}

/**
 * "Step-DPO", "Dr. GRPO", "rsLoRA", "CoCoOp": the paper's own name is built on a known one, so its
 * method extends that one, which the paper thereby studies (NAMES.md: "improved or extended"),
 * however its clauses use it or compare against it.
 */
function extendedNames(entries: readonly NameEntry[], proposed: readonly ProposedName[]): void {
  let own: string[] | undefined;
  for (const entry of entries) {
    if (entry.role === 'proposes' || entry.role === 'studies') continue;
    own ??= proposed.map((p) => p.text).concat(entries.filter(proposes).map((e) => e.name.label));
    if (own.length === 0) return;
    if (own.some((name) => builtOn(name, entry.name.label) || [...entry.spellings].some((text) => builtOn(name, text)))) entry.role = 'studies';
  }
}

/**
 * Whether the name `own` holds `name` as one of its parts, longer than it: set off by the name's
 * start or end, a character other than a letter or digit, or a change from lower to upper case
 * ("rsLoRA", "KgCoOp"), not inside a word ("CHROME" does not hold "ROME").
 */
export function builtOn(own: string, name: string): boolean {
  if (name.length < 2 || own.length <= name.length) return false;
  const lower = own.toLowerCase();
  const target = name.toLowerCase();
  for (let at = lower.indexOf(target); at >= 0; at = lower.indexOf(target, at + 1)) {
    const end = at + target.length;
    const opens = at === 0 || !isAsciiWordCode(own.charCodeAt(at - 1)) || (isLowerCode(own.charCodeAt(at - 1)) && isCapital(own.charCodeAt(at)));
    const closes = end === own.length || !isAsciiWordCode(own.charCodeAt(end)) || isCapital(own.charCodeAt(end)) || isDigit(own.charCodeAt(end));
    if (opens && closes) return true;
  }
  return false;
}

/** A comparison or tool cue: a mention with one does not make its name an object of study. */
function isToolCue(cue: string): boolean {
  return cue === 'comparison' || cue === 'trailing-comparison' || cue === 'usage';
}

/** The roles read so far of the name being settled, by mention (reading is synchronous). */
const READ_ROLES: NameRole[] = [];

/**
 * The matches at one place (field and start in the original text), which may be rival names for
 * the same words: held as numbers until the next place, reused from place to place. A match's tag
 * is the index of the name it mentions, or -1.
 */
class PlaceGroup extends MatchRows {
  start = 0;
  /** By row: 1 for a name's mention that is no family evidence (`addNameMatch`). */
  private readonly nameOnlyRows: number[] = [];

  push(text: FieldText, start: number, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number, nameOnly: boolean): void {
    this.start = start;
    this.nameOnlyRows[this.add(text, node, rule, first, last, weight, cue, edits, -1)] = nameOnly ? 1 : 0;
  }

  nameOnly(row: number): boolean {
    return this.nameOnlyRows[row] === 1;
  }

  /** Match `i` as a `Candidate`: what a name's mention is kept as. */
  candidate(compiled: CompiledTaxonomy, i: number): Candidate {
    const text = this.text(i);
    const first = this.first(i);
    const [start, end] = spanOf(text, first, this.last(i));
    const cue = this.cue(i);
    return {
      node: this.node(i),
      rule: this.rule(i),
      field: text.field,
      sentence: text.tokens.sentences[first]!,
      start,
      end,
      text: text.original.slice(start, end),
      weight: this.weight(i),
      cues: cue < 0 ? NO_CUES : [compiled.cues[cue]!.id],
      edits: this.edits(i),
    };
  }

  /** Where match `i` ends in the original text. */
  end(i: number): number {
    return spanOf(this.text(i), this.first(i), this.last(i))[1];
  }
}

/** The names the record coins for its own contribution, each once, title first. */
export function proposedNames(fields: NameFields): ProposedName[] {
  const { texts, cues } = fields;
  const title = findProposed('title', texts.title ?? '', cues === undefined ? undefined : (cues.title ?? NO_FIELD_CUES), texts.abstract);
  const abstract = findProposed('abstract', texts.abstract ?? '', cues === undefined ? undefined : (cues.abstract ?? NO_FIELD_CUES));
  const found = title.length === 0 ? abstract : abstract.length === 0 ? title : title.concat(abstract);
  if (texts.abstract !== undefined) modelNames(texts.abstract, found);
  return uniqueProposed(found);
}

/** A field without cues: shared, as the finder only reads it. */
const NO_FIELD_CUES: ReadonlyArray<readonly [number, number]> = [];

export interface NameFields {
  /** Each field's text (undefined: the record has none). */
  texts: Record<Field, string | undefined>;
  cues: Record<Field, Array<[number, number]> | undefined> | undefined;
  /** Where the taxonomy's `future-work` cues are in each field (undefined: no such group, or not looked for). */
  futureWork: Record<Field, Array<[number, number]> | undefined> | undefined;
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
  /** One of its first mentions has a proposed name's spelling: the paper's own. */
  own = false;
  /** Its first mentions (before it was found the paper's own), to read for its role. */
  readonly toRead: Candidate[] = [];
  /** Settled when the record is read. */
  role: NameRole = 'mentions';
  /** Its label and spellings, folded (made when first asked for: only a record with proposed names asks). */
  private folded: string[] | undefined;

  constructor(
    readonly name: NamedMethod,
    readonly index: number,
    /** Its name slot in the collector. */
    readonly slot: number,
    /** Its label is a proposed name's spelling: any of its first mentions makes it the paper's own. */
    readonly ownLabel: boolean,
  ) {}

  /** `read`: the mention is one to read for the name's role, whose sentence is one about the name. */
  note(candidate: Candidate, maxEvidence: number, read: boolean): void {
    this.total++;
    if (this.evidence.length < maxEvidence) this.evidence.push(candidate);
    if (this.firstInTitle === undefined && candidate.field === 'title') this.firstInTitle = candidate;
    const key = sentenceKey(candidate.field, candidate.sentence);
    if (read && this.sentences.size < 3) this.sentences.add(key);
    if (candidate.cues.some(isToolCue)) this.cued++;
    this.spellings.add(candidate.text);
    this.weights.add(key, candidate.weight);
  }

  /** Its label and spellings, folded, once its mentions are all seen. */
  foldedSpellings(): readonly string[] {
    if (this.folded === undefined) {
      this.folded = [foldedLabel(this.name)];
      for (const text of this.spellings) this.folded.push(foldName(text));
    }
    return this.folded;
  }
}

/**
 * Scores family nodes as `NodeScorer` does, except that a name's mentions take the weight its
 * role gives them (`TOOL_FACTOR`), known only at the end. Each node keeps its first `keep`
 * matches, as rows of one table shared by all nodes, and its closed sentences as counts: by
 * weight where no name's mention is stronger than the other matches there, otherwise by
 * signature (that weight, and each such name's strongest mention), which the factors turn into a
 * weight at the end. Its pools, indexed by node, and its table are reused from record to record.
 */
class RoleScorer extends PooledScorer<RolePool> {
  constructor(compiled: CompiledTaxonomy) {
    super(compiled, () => new RolePool());
  }

  /** Match `i` of `group`, a mention of name `group.tag(i)` (-1: none). */
  add(group: PlaceGroup, i: number): void {
    const rule = group.rule(i);
    const text = group.text(i);
    if (!countsRule(this.compiled, this.evidenceOf!, rule, text.field)) return;
    const first = group.first(i);
    const key = sentenceKey(text.field, text.tokens.sentences[first]!);
    const weight = group.weight(i);
    const entry = group.tag(i);
    const node = group.node(i);
    const { ancestors } = this.compiled.nodes[node]!;
    // Stored once, by the first pool that keeps it.
    let row = -1;
    for (let a = -1; a < ancestors.length; a++) {
      const pool = this.pool(a < 0 ? node : ancestors[a]!);
      pool.add(key, weight, entry);
      if (pool.keptCount >= this.keep) continue;
      if (row < 0) row = this.rows.add(text, node, rule, first, group.last(i), weight, group.cue(i), group.edits(i), entry);
      pool.kept[pool.keptCount++] = row;
    }
  }

  /** Scores the record's nodes once `factors` (per name index) are known; kept mentions take their re-weighed weight. */
  scores(factors: readonly number[]): this {
    const { rows } = this;
    for (let row = 0; row < rows.size; row++) {
      const entry = rows.tag(row);
      if (entry < 0) continue;
      const factor = factors[entry]!;
      if (factor < 1) rows.setWeight(row, round(rows.weight(row) * factor));
    }
    const decay = this.compiled.taxonomy.scoring.decay;
    this.each((pool) => pool.score(factors, decay));
    return this;
  }
}

/** Sentences alike before roles: the strongest plain match, and the names whose mentions are stronger. */
class Signature {
  plain = 0;
  /** Name indexes, ascending, and each one's strongest mention weight (the first `size`). */
  readonly entries: number[] = [];
  readonly weights: number[] = [];
  size = 0;
  count = 0;

  /** Whether this signature is `plain` and the first `size` of `entries` and `weights`. */
  is(plain: number, entries: readonly number[], weights: readonly number[], size: number): boolean {
    if (this.plain !== plain || this.size !== size) return false;
    for (let i = 0; i < size; i++) if (this.entries[i] !== entries[i] || this.weights[i] !== weights[i]) return false;
    return true;
  }

  /** Its weight once the names' factors are known: a name's factor only ever lowers its mentions. */
  weight(factors: readonly number[]): number {
    let weight = this.plain;
    for (let i = 0; i < this.size; i++) {
      const factor = factors[this.entries[i]!]!;
      const strongest = this.weights[i]!;
      weight = Math.max(weight, factor < 1 ? round(strongest * factor) : strongest);
    }
    return weight;
  }
}

/**
 * One node's sentences and kept rows for one record; reset and reused by the next. Its closed
 * sentences are counted by weight where no name's mention is stronger than the plain matches
 * there, otherwise by signature; all of it in arrays that keep their storage.
 */
class RolePool implements NodePool {
  used = false;
  title = false;
  /** Rows of the kept matches (the first `keptCount`). */
  readonly kept: number[] = [];
  keptCount = 0;
  readonly result: NodeScore = { score: 0, sentences: 0, title: false };
  /** Distinct sentence weights and their counts (the first `weightCount`). */
  private readonly weights: number[] = [];
  private readonly times: number[] = [];
  private weightCount = 0;
  /** The first `signatureCount`, in the order first seen. */
  private readonly signatures: Signature[] = [];
  private signatureCount = 0;
  private open = false;
  private key = 0;
  private plain = 0;
  /** Names with a mention in the open sentence and each one's strongest weight (the first `namedCount`). */
  private readonly namedEntries: number[] = [];
  private readonly namedWeights: number[] = [];
  private namedCount = 0;

  reset(): void {
    this.used = false;
    this.title = false;
    this.keptCount = 0;
    this.weightCount = 0;
    this.signatureCount = 0;
    this.open = false;
    this.namedCount = 0;
  }

  /** `entry`: the index of the name the match mentions, or -1. */
  add(key: number, weight: number, entry: number): void {
    if (key < 0) this.title = true;
    if (!this.open || key !== this.key) {
      this.close();
      this.open = true;
      this.key = key;
      this.plain = 0;
    }
    if (entry < 0) {
      this.plain = Math.max(this.plain, weight);
      return;
    }
    const { namedEntries, namedWeights } = this;
    for (let i = 0; i < this.namedCount; i++) {
      if (namedEntries[i] === entry) {
        namedWeights[i] = Math.max(namedWeights[i]!, weight);
        return;
      }
    }
    namedEntries[this.namedCount] = entry;
    namedWeights[this.namedCount++] = weight;
  }

  /** Sets `result` from the sentences' weights, with the names' factors applied. */
  score(factors: readonly number[], decay: number): void {
    this.close();
    const { result } = this;
    if (this.signatureCount === 0) result.score = squashCounts(this.weights, this.times, this.weightCount, decay);
    else {
      // The signatures' weights join the plain ones in scratch lists: the pool's own stay as counted.
      let size = this.weightCount;
      for (let i = 0; i < size; i++) {
        MERGED_WEIGHTS[i] = this.weights[i]!;
        MERGED_TIMES[i] = this.times[i]!;
      }
      for (let s = 0; s < this.signatureCount; s++) {
        const signature = this.signatures[s]!;
        size = countWeight(MERGED_WEIGHTS, MERGED_TIMES, size, signature.weight(factors), signature.count);
      }
      result.score = squashCounts(MERGED_WEIGHTS, MERGED_TIMES, size, decay);
    }
    let sentences = 0;
    for (let i = 0; i < this.weightCount; i++) sentences += this.times[i]!;
    for (let s = 0; s < this.signatureCount; s++) sentences += this.signatures[s]!.count;
    result.sentences = sentences;
    result.title = this.title;
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    const { plain, namedEntries, namedWeights } = this;
    // A name's factor only ever lowers its weight: mentions no stronger than the plain matches cannot matter.
    let size = 0;
    for (let i = 0; i < this.namedCount; i++) {
      if (namedWeights[i]! <= plain) continue;
      namedEntries[size] = namedEntries[i]!;
      namedWeights[size++] = namedWeights[i]!;
    }
    this.namedCount = 0;
    if (size === 0) {
      this.weightCount = countWeight(this.weights, this.times, this.weightCount, plain, 1);
      return;
    }
    sortByEntry(namedEntries, namedWeights, size);
    for (let s = 0; s < this.signatureCount; s++) {
      const signature = this.signatures[s]!;
      if (signature.is(plain, namedEntries, namedWeights, size)) {
        signature.count++;
        return;
      }
    }
    if (this.signatureCount === this.signatures.length) this.signatures.push(new Signature());
    const signature = this.signatures[this.signatureCount++]!;
    signature.plain = plain;
    signature.size = size;
    signature.count = 1;
    for (let i = 0; i < size; i++) {
      signature.entries[i] = namedEntries[i]!;
      signature.weights[i] = namedWeights[i]!;
    }
  }
}

/** Scratch lists of `RolePool.score` (classifying is synchronous: one pool scores at a time). */
const MERGED_WEIGHTS: number[] = [];
const MERGED_TIMES: number[] = [];

/** Adds `times` sentences of `weight` to the first `size` distinct weights and their counts; the new size. */
function countWeight(weights: number[], times: number[], size: number, weight: number, count: number): number {
  for (let i = 0; i < size; i++) {
    if (weights[i] === weight) {
      times[i]! += count;
      return size;
    }
  }
  weights[size] = weight;
  times[size] = count;
  return size + 1;
}

/** `squash` over the first `size` distinct weights and their counts, visited strongest first (a selection: the lists are short). */
function squashCounts(weights: readonly number[], times: readonly number[], size: number, decay: number): number {
  let sum = 0;
  let factor = 1;
  for (let i = strongestBelow(weights, size, Infinity); i >= 0 && factor !== 0; i = strongestBelow(weights, size, weights[i]!)) {
    const weight = weights[i]!;
    for (let t = 0; t < times[i]! && factor !== 0; t++) {
      sum += weight * factor;
      factor *= decay;
    }
  }
  return round(1 - Math.exp(-sum));
}

/** Index of the strongest of the first `size` weights below `below` (-1: none). */
function strongestBelow(weights: readonly number[], size: number, below: number): number {
  let best = -1;
  for (let i = 0; i < size; i++) {
    const weight = weights[i]!;
    if (weight < below && (best < 0 || weight > weights[best]!)) best = i;
  }
  return best;
}

/** Sorts the first `size` names by index, ascending, their weights alongside (insertion sort: a sentence names few). */
function sortByEntry(entries: number[], weights: number[], size: number): void {
  for (let i = 1; i < size; i++) {
    const entry = entries[i]!;
    const weight = weights[i]!;
    let j = i - 1;
    for (; j >= 0 && entries[j]! > entry; j--) {
      entries[j + 1] = entries[j]!;
      weights[j + 1] = weights[j]!;
    }
    entries[j + 1] = entry;
    weights[j + 1] = weight;
  }
}

/**
 * The record is the name's origin paper: its arXiv id is the name's, or its title opens with the
 * name ("LoRA: Low-Rank Adaptation of …", "Compacter: Efficient …") or is the name.
 */
function originOf(name: NamedMethod, texts: Readonly<Record<Field, string | undefined>>, recordId: string, arxivIds: () => readonly string[]): boolean {
  if (name.arxiv !== undefined && (recordId.includes(name.arxiv) || arxivIds().includes(name.arxiv))) return true;
  const title = texts.title ?? '';
  const colon = title.indexOf(':');
  // A title that is the name and nothing else ("Self-Rewarding Language Models") is its paper's too.
  return foldName(colon > 0 ? title.slice(0, colon) : title) === foldedLabel(name);
}

/** "we introduce a new fine-tuning method", "we propose a novel approach": a new method the abstract gives no name. */
const UNNAMED_NEW_METHOD = /\b[Ww]e\s+(?:introduce|propose|present|develop)\s+(?:a|an)\s+(?:new|novel)\s+(?:[\w-]+\s+){0,3}?(?:method|approach|technique|framework|algorithm)\b(?!\s*(?:called|named|termed|dubbed|,?\s*\(?[A-Z]))/;
/** A title that opens with a name and goes on with what it is for: "Composable Sparse Fine-Tuning for Cross-Lingual Transfer". */
const TITLE_GOES_ON = /^\s+(?:for|via|with|in|on|of)\s/;

/**
 * The title opens with the name, and the abstract introduces a new method it gives no other name
 * (nor any proposed name is found), never naming this one: the title's name is that method's. (An
 * abstract that goes on about the name, "Prompt Tuning for Graphs … prompt tuning …", works in its family instead.)
 */
function titledUnnamedMethod(name: NamedMethod, texts: Readonly<Record<Field, string | undefined>>): boolean {
  const title = texts.title ?? '';
  const label = name.label;
  if (title.length <= label.length || title.slice(0, label.length).toLowerCase() !== label.toLowerCase()) return false;
  return TITLE_GOES_ON.test(title.slice(label.length)) && UNNAMED_NEW_METHOD.test(texts.abstract ?? '');
}

/** "Prompt Tuning with Knowledge-guided Context Optimization": what the title's own method is introduced by. */
const OWN_METHOD_AFTER = /^\s+(?:with|via|using|through)\s+(?:(?:a|an|the)\s+)?/i;

/**
 * Whether a title mention of a known name is part of the paper's own name or says what that name
 * does, and so tells nothing of the name's role: its words run on from capitalised words before
 * it into the phrase a proposed name abbreviates ("SaRA: … with Progressive Sparse Low-Rank
 * Adaptation", "DePT: Decomposed Prompt Tuning for …"), or it is the field the paper's own method
 * works in ("Visual-Language Prompt Tuning with Knowledge-guided Context Optimization", KgCoOp).
 */
function ownNamePart(title: string, mention: Candidate, proposed: readonly ProposedName[]): boolean {
  const after = OWN_METHOD_AFTER.exec(title.slice(mention.end));
  const rest = after === null ? '' : title.slice(mention.end + after[0].length).toLowerCase();
  // The words after a heading name ("PTR: Prompt Tuning …"): the name itself spells no expansion of its own.
  const words = wordsOf(title.slice(title.lastIndexOf(':', mention.start) + 1, mention.end));
  const own = wordsOf(mention.text).length;
  for (const p of proposed) {
    if (after !== null && (rest.startsWith(p.text.toLowerCase()) || (p.expansion !== undefined && rest.startsWith(p.expansion.toLowerCase())))) return true;
    const long = longForm(words, p.text);
    if (long !== undefined && wordsOf(long).length > own) return true;
  }
  return false;
}

/** The arXiv ids the record's metadata gives: its `arxivId`, and links in `url` and `source` (strings only). */
function paperArxivIds(record: PaperInput): string[] {
  const ids: string[] = [];
  if (typeof record.arxivId === 'string') {
    const id = normaliseArxivId(record.arxivId);
    if (id !== undefined) ids.push(id);
  }
  for (const link of [record.url, record.source]) {
    const id = typeof link === 'string' ? arxivIdInLink(link.trim()) : undefined;
    if (id !== undefined) ids.push(id);
  }
  return ids;
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

/**
 * Where two names match the same words (two DoRAs), the one whose rule needed context is the
 * specific one, if the record has that context: a rule that does not count here ("DoRA" without
 * "dynamic rank") names nothing, and must not hide the other. The group's matches share field and
 * start; the winners' indexes.
 */
function sameSpanWinners(compiled: CompiledTaxonomy, ruleNames: ReadonlyArray<string | undefined>, group: PlaceGroup, counts: (i: number) => boolean): number[] {
  const out: number[] = [];
  const at = new Map<number, number>();
  for (let i = 0; i < group.size; i++) {
    if (ruleNames[group.rule(i)] === undefined || !counts(i)) continue;
    const rule = compiled.rules[group.rule(i)]!;
    const end = group.end(i);
    const rival = at.get(end);
    if (rival === undefined) at.set(end, out.push(i) - 1);
    else if (rule.contextGroup >= 0 && compiled.rules[group.rule(out[rival]!)]!.contextGroup < 0) out[rival] = i;
  }
  return out;
}

/** Role cues are read this far around a name: a clause, never a whole run-on text (1 MB without a full stop). */
const ROLE_REACH = 300;
/** Mentions of one name whose role is read. */
const ROLE_MENTIONS = 32;

/** "(PT)", "(GA)": an abbreviation in brackets right after a name (capitals first, a few letters or digits). */
const LOCAL_ABBREVIATION = /^\s*\(\s*([A-Z][A-Za-z0-9]{1,5})\s*\)/;
const NO_CANDIDATES: Candidate[] = [];

/** The capitals of a name's words ("Prompt tuning": "PT", "gradient ascent": "GA"). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((word) => word.length > 0)
    .map((word) => word[0]!.toUpperCase())
    .join('');
}

/** The spans that lie within `from..to`, made relative to `from`. */
function spansWithin(spans: ReadonlyArray<readonly [number, number]>, from: number, to: number): Array<[number, number]> {
  const within: Array<[number, number]> = [];
  for (const [start, end] of spans) if (start >= from && end <= to) within.push([start - from, end - from]);
  return within;
}

/** The sentence around `start..end`, split at the match (at most ROLE_REACH characters each side). */
function sentenceAround(text: string, start: number, end: number, inTitle: boolean): RoleContext {
  let from = start;
  const floor = Math.max(0, start - ROLE_REACH);
  const ceiling = Math.min(text.length, end + ROLE_REACH);
  // Character codes, not a RegExp per character: this walks up to 600 characters per mention.
  while (from > floor && !sentenceBreak(text, from)) from--;
  let to = end;
  while (to < ceiling && !isStop(text.charCodeAt(to))) to++;
  return { before: text.slice(from, start), after: text.slice(end, to), inTitle };
}

/** Only ASCII letters, digits and `+` ("GORACS", "S3FT"): nothing for `foldName` to take out, so its case alone folds. */
function isPlainName(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 43)) return false;
  }
  return true;
}

/** One entry per proposed name (its first place, title before abstract), with an expansion found at any of its places. */
function uniqueProposed(found: ProposedName[]): ProposedName[] {
  // Most records propose at most one name: nothing to merge.
  if (found.length < 2) return found;
  const byText = new Map<string, ProposedName>();
  for (const p of found) {
    const folded = foldName(p.text);
    const seen = byText.get(folded);
    if (!seen) byText.set(folded, p);
    else if (seen.expansion === undefined && p.expansion !== undefined) seen.expansion = p.expansion;
  }
  // "Knowledge-guided Context Optimization (KgCoOp)" then "the proposed Knowledge-guided Context
  // Optimization is …": an expansion and its acronym are one name (NAMES.md), the acronym.
  const expansions = new Set<string>();
  for (const p of byText.values()) if (p.expansion !== undefined) expansions.add(foldName(p.expansion));
  const unique: ProposedName[] = [];
  // Keyed by the folded text already: each name is folded once.
  for (const [folded, p] of byText) if ((p.expansion !== undefined || !expansions.has(folded)) && !framedName(p.text, byText)) unique.push(p);
  return unique;
}

/**
 * "The WMDP Benchmark" next to "WMDP", "the UTMath Benchmark" next to "UTMath": the phrase that
 * says what the named thing is, around a name also found bare, is that name.
 */
function framedName(text: string, byText: ReadonlyMap<string, ProposedName>): boolean {
  // Both frames hold a space: most names are one word, which the pattern need not read.
  if (!hasSpace(text)) return false;
  const bare = text.replace(FRAME, '');
  return bare !== text && bare.length > 0 && byText.has(foldName(bare));
}

const FRAME = /^(?:the|a|an)\s+|\s+(?:benchmark|dataset|corpus|suite|framework|model|method|library|toolkit)$/gi;

/** `/\s/.test(text)`. */
function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return true;
  return false;
}
