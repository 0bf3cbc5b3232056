/**
 * Resolves what some matches depend on (context words for collision-prone rules, facet gates,
 * companions of `near` rules) by looking only where and as long as needed: contexts and gates
 * stop at the first occurrence, companions are looked for only in the window around the match.
 * A full second scan of every record for these words costs more than the rest of classifying.
 */
import { STARTS_SECONDARY, type PatternMatch } from '../matching/matcher.js';
import type { Tokens } from '../text/tokenise.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { RecordEvidence } from './evidence.js';

export interface ScannedField {
  text: { tokens: Tokens };
  /** Each token's word id (see `ScanBuffers`). */
  infos: Int32Array;
  /** Each token's word marks (`STARTS_SECONDARY`: some secondary pattern can start there). */
  marks: Uint8Array;
  matches: PatternMatch[];
}

/**
 * What a record's positive matches depend on (context groups and gates still to find, and whether
 * any is a `near` rule), and the searches that resolve them. A classifier keeps one and `clear`s it
 * for each record: the sets are flags by index, and the visitors handed to the matcher are bound
 * once, so resolving allocates nothing of its own.
 */
export class Dependencies {
  near = false;
  /** 1 for each context group still looked for; `open` of them. */
  private readonly groups: Uint8Array;
  private open = 0;
  /** 1 for each facet whose gate is still looked for; `gates` of them. */
  private readonly facets: Uint8Array;
  private gates = 0;
  /** The fields and evidence of a deferred record-wide search (see `defer`). */
  private fields: readonly ScannedField[] = [];
  private evidence: RecordEvidence | undefined;
  /** Companion search state: the match list companions go into, and the rule they must belong to. */
  private into: PatternMatch[] = [];
  private owner = -1;
  private readonly found = (match: PatternMatch): boolean => this.foundSecondary(match);
  private readonly take = (match: PatternMatch): boolean => this.takeCompanion(match);
  private readonly search = (): void => this.findRecordWide();

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
    this.fields = [];
    this.evidence = undefined;
    this.into = [];
  }

  /** Adds what `matches` depend on; whether any of them depends on something. */
  note(matches: readonly PatternMatch[]): boolean {
    const { rules } = this.compiled;
    let dependent = false;
    for (let i = 0; i < matches.length; i++) {
      const { pattern } = matches[i]!;
      if (pattern.role !== 'positive') continue;
      const rule = rules[pattern.rule]!;
      if (!rule.dependent) continue;
      dependent = true;
      const group = rule.contextGroup;
      if (group >= 0 && this.groups[group] === 0) {
        this.groups[group] = 1;
        this.open++;
      }
      if (rule.gate >= 0 && this.facets[rule.gate] === 0) {
        this.facets[rule.gate] = 1;
        this.gates++;
      }
      if (rule.near) this.near = true;
    }
    return dependent;
  }

  /** Whether some context group or gate is still to be found. */
  get pending(): boolean {
    return this.open > 0 || this.gates > 0;
  }

  /**
   * Has `evidence` run the record-wide search for the open context groups and gates when it is
   * first asked about them (the fields must stay as they are until the record is scored).
   */
  defer(fields: readonly ScannedField[], evidence: RecordEvidence): void {
    if (!this.pending) return;
    this.fields = fields;
    this.evidence = evidence;
    evidence.defer(this.search);
  }

  /** Runs the record-wide search now. */
  findIn(fields: readonly ScannedField[], evidence: RecordEvidence): void {
    if (!this.pending) return;
    this.fields = fields;
    this.evidence = evidence;
    this.findRecordWide();
  }

  /** Adds the companions of the field's `near` matches to its matches. */
  addCompanions(field: ScannedField): void {
    const { rules, matcher } = this.compiled;
    const { matches, marks, infos } = field;
    const { tokens } = field.text;
    // Companions are appended to `matches` while it is walked: only the original matches are visited.
    const count = matches.length;
    this.into = matches;
    for (let i = 0; i < count; i++) {
      const match = matches[i]!;
      if (match.pattern.role !== 'positive') continue;
      const compiledRule = rules[match.pattern.rule]!;
      if (!compiledRule.near) continue;
      const { rule } = compiledRule;
      this.owner = match.pattern.rule;
      const window = rule.window ?? 5;
      const from = rule.side === 'after' ? match.last + 1 : Math.max(0, match.first - window - 8);
      const to = rule.side === 'before' ? match.first - 1 : Math.min(tokens.count - 1, match.last + window);
      for (let k = from; k <= to; k++) {
        if ((marks[k]! & STARTS_SECONDARY) !== 0) matcher.eachSecondaryAt(tokens, infos, k, this.take);
      }
    }
    this.into = [];
  }

  /** Walks the fields once, stopping as soon as every open context group and gate is found. */
  private findRecordWide(): void {
    const { matcher } = this.compiled;
    for (const field of this.fields) {
      const { marks, infos } = field;
      const { tokens } = field.text;
      for (let k = 0; k < tokens.count; k++) {
        if ((marks[k]! & STARTS_SECONDARY) !== 0 && matcher.eachSecondaryAt(tokens, infos, k, this.found)) return;
      }
    }
  }

  private foundSecondary(match: PatternMatch): boolean {
    const { role, owner } = match.pattern;
    const evidence = this.evidence!;
    if (role === 'context') {
      const groups = this.compiled.groupsOfContext[owner]!;
      for (let i = 0; i < groups.length; i++) {
        const group = groups[i]!;
        if (this.groups[group] === 0) continue;
        this.groups[group] = 0;
        this.open--;
        evidence.contextGroups.add(group);
      }
    } else if (role === 'gate' && this.facets[owner] === 1) {
      this.facets[owner] = 0;
      this.gates--;
      evidence.gates.add(owner);
    }
    return this.open === 0 && this.gates === 0;
  }

  private takeCompanion(companion: PatternMatch): boolean {
    if (companion.pattern.role === 'companion' && companion.pattern.owner === this.owner) this.into.push(companion);
    return false;
  }
}
