/**
 * Resolves what some matches depend on (context words for collision-prone rules, facet gates,
 * companions of `near` rules) by looking only where and as long as needed: contexts and gates
 * stop at the first occurrence, companions are looked for only in the window around the match.
 * A full second scan of every record for these words costs more than the rest of classifying.
 */
import { Mark, type PatternMatch } from '../matching/matcher.js';
import type { Tokens } from '../text/tokenise.js';
import type { Field } from './types.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { DependencyLookup, MatchList, RecordEvidence, RoleLists } from './evidence.js';
import { AFTER, BEFORE, ruleFacts } from './rule-facts.js';

export interface ScannedField {
  text: { tokens: Tokens; field: Field };
  /** Each token's word id (see `Matcher.lookup`). */
  infos: Int32Array;
  /** Each token's word marks (`Mark.StartsContext`: some context-word or gate pattern can start there). */
  marks: Uint8Array;
}

/** What `Dependencies` holds between records: a shared empty list, so clearing it allocates nothing. */
const NO_FIELDS: readonly ScannedField[] = [];

/** How far before a `near` match's window companions are looked for at most, in tokens. */
const COMPANION_REACH = 8;

/**
 * What a record's positive matches depend on (context groups and gates still to find, and whether
 * any is a `near` rule), and the searches that resolve them. A classifier keeps one and `clear`s it
 * for each record: the sets are flags by index, and the visitors handed to the matcher are bound
 * once, so resolving allocates nothing of its own.
 */
export class Dependencies implements DependencyLookup {
  near = false;
  /** 1 for each context group still looked for; `open` of them. */
  private readonly groups: Uint8Array;
  private open = 0;
  /** 1 for each facet whose gate is still looked for; `gates` of them. */
  private readonly facets: Uint8Array;
  private gates = 0;
  /** The fields and evidence of the record-wide search (see `defer`), and where it has got to. */
  private fields: readonly ScannedField[] = NO_FIELDS;
  private evidence: RecordEvidence | undefined;
  private field = 0;
  private token = 0;
  /** What the current `seek` stops at: a context group and a gate's facet (-1: none). */
  private group = -1;
  private gate = -1;
  /** Companion search state: the match list companions go into, and the rule they must belong to. */
  private into: MatchList | undefined;
  private owner = -1;
  private readonly found = (match: PatternMatch): boolean => this.foundSecondary(match);
  private readonly take = (match: PatternMatch): boolean => this.takeCompanion(match);

  constructor(private readonly compiled: CompiledTaxonomy) {
    this.groups = new Uint8Array(compiled.contextGroups);
    this.facets = new Uint8Array(compiled.facets.length);
  }

  /** Empties the sets for another record. */
  clear(): void {
    if (this.open > 0) this.groups.fill(0);
    if (this.gates > 0) this.facets.fill(0);
    this.open = 0;
    this.gates = 0;
    this.near = false;
    this.fields = NO_FIELDS;
    this.evidence = undefined;
    this.field = 0;
    this.token = 0;
  }

  /** Adds what the positive matches of a field (see `RoleLists`) depend on; whether any of them depends on something. */
  note(positives: MatchList): boolean {
    const { rules } = this.compiled;
    const { items, size } = positives;
    let dependent = false;
    for (let i = 0; i < size; i++) {
      const rule = rules[items[i]!.pattern.rule]!;
      if (!rule.dependent) continue;
      dependent = true;
      this.open += this.opens(rule.contextGroup) + this.opens(rule.topicGroup);
      if (rule.gate >= 0 && this.facets[rule.gate] === 0) {
        this.facets[rule.gate] = 1;
        this.gates++;
      }
      if (rule.near) this.near = true;
    }
    return dependent;
  }

  /** Marks context group `group` (-1: none) as looked for; 1 if it was not yet, else 0. */
  private opens(group: number): number {
    if (group < 0 || this.groups[group] !== 0) return 0;
    this.groups[group] = 1;
    return 1;
  }

  /** Whether some context group or gate is still to be found. */
  get pending(): boolean {
    return this.open > 0 || this.gates > 0;
  }

  /**
   * Has `evidence` search the fields for the open context groups and gates as it is asked about
   * them (the fields must stay as they are until the record is scored).
   */
  defer(fields: readonly ScannedField[], evidence: RecordEvidence): void {
    if (!this.pending) return;
    this.fields = fields;
    this.evidence = evidence;
    evidence.defer(this);
  }

  /** Searches the fields for every open context group and gate now. */
  findIn(fields: readonly ScannedField[], evidence: RecordEvidence): void {
    if (!this.pending) return;
    this.fields = fields;
    this.evidence = evidence;
    this.seek(-1, -1);
  }

  /**
   * Walks on through the fields, from where the last search stopped, until context group `group`
   * or gate `facet` is found (-1 for both: until every open one is); false once nothing is left
   * to find or to walk. A record-wide walk for all of them at the first question walked the whole
   * record whenever one was absent, though nothing might ever ask about that one.
   */
  seek(group: number, facet: number): boolean {
    if (this.open === 0 && this.gates === 0) return false;
    // Not open: found already, or no match noted it (then the answer is no).
    if ((group >= 0 && this.groups[group] === 0) || (facet >= 0 && this.facets[facet] === 0)) return true;
    this.group = group;
    this.gate = facet;
    const { matcher } = this.compiled;
    for (; this.field < this.fields.length; this.field++, this.token = 0) {
      const { marks, infos } = this.fields[this.field]!;
      const { tokens } = this.fields[this.field]!.text;
      // The token in a local, not the field: the walk reads and writes it at every token.
      for (let k = this.token; k < tokens.count; k++) {
        if ((marks[k]! & Mark.StartsContext) === 0) continue;
        // Stopped inside a token: the next search visits it again (finding a group twice is harmless).
        this.token = k;
        if (matcher.eachContextAt(tokens, infos, k, this.found)) return this.open > 0 || this.gates > 0;
      }
    }
    return false;
  }

  /** Adds the companions of the field's `near` matches (its positive matches in `lists`) to `lists.companions`. */
  addCompanions(field: ScannedField, lists: RoleLists): void {
    if (!lists.near) return;
    const { rules, matcher } = this.compiled;
    const { windows, sides } = ruleFacts(this.compiled);
    const { infos } = field;
    const { tokens } = field.text;
    const { items, size } = lists.positives;
    this.into = lists.companions;
    for (let i = 0; i < size; i++) {
      const match = items[i]!;
      const compiledRule = rules[match.pattern.rule]!;
      if (!compiledRule.near) continue;
      this.owner = match.pattern.rule;
      const window = windows[this.owner]!;
      const side = sides[this.owner]!;
      // A companion before the match must end within the window, so it starts at most its length
      // further back. (Up to 8 tokens further: the reach this search always had, which a longer
      // companion keeps, so what is found stays the same.)
      const from = side === AFTER ? match.last + 1 : Math.max(0, match.first - window - Math.min(COMPANION_REACH, compiledRule.companionSpan));
      const to = side === BEFORE ? match.first - 1 : Math.min(tokens.count - 1, match.last + window);
      for (let k = from; k <= to; k++) {
        if (matcher.startsCompanion(infos[k]!)) matcher.eachCompanionAt(tokens, infos, k, this.take);
      }
    }
    this.into = undefined;
  }

  private foundSecondary(match: PatternMatch): boolean {
    const { role, owner } = match.pattern;
    const evidence = this.evidence!;
    if (role === 'context') {
      const groups = this.compiled.groupsOfContext[owner]!;
      const title = this.fields[this.field]!.text.field === 'title';
      for (let i = 0; i < groups.length; i++) {
        const group = groups[i]!;
        if (this.groups[group] === 0) continue;
        this.groups[group] = 0;
        this.open--;
        evidence.addContext(group, title);
      }
    } else if (role === 'gate' && this.facets[owner] === 1) {
      this.facets[owner] = 0;
      this.gates--;
      evidence.addGate(owner);
    }
    if (this.open === 0 && this.gates === 0) return true;
    return (this.group >= 0 && this.groups[this.group] === 0) || (this.gate >= 0 && this.facets[this.gate] === 0);
  }

  private takeCompanion(companion: PatternMatch): boolean {
    if (companion.pattern.role === 'companion' && companion.pattern.owner === this.owner) this.into!.push(companion);
    return false;
  }
}
