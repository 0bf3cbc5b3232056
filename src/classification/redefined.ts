/**
 * Acronym collisions that the record itself settles. Papers spell out an acronym where they first
 * use it: "a Data Protection Officer (DPO)" says that this record's DPOs are not Direct Preference
 * Optimization, whatever the rest of it says. A named method's acronym then counts only where the
 * record spells it out as that method, or not at all; so do the family patterns that match the same
 * letters (`*DPO` matches DPO itself).
 */
import type { PatternMatch } from '../matching/matcher.js';
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import type { FieldText } from './evidence.js';
import { longForm, wordsOf } from './proposed.js';
import { isWordChar } from './roles.js';
import { ruleFacts, type RuleFacts } from './rule-facts.js';

/** A spelled-out form is read from this many characters before "(ACR)". */
const REACH = 150;

/**
 * Answers, for one record at a time, whether a named method's acronym rule is spelled out in it as
 * something else. A classifier keeps one; `start` sets the record's texts.
 */
export class Redefinitions {
  /** The record's answer per name and acronym (two names may share one: DoRA). */
  private readonly answers = new Map<string, boolean>();
  /** Each name's own spellings (its expansion and phrases), as word stems: made when first needed. */
  private readonly stems = new Map<string, Set<string>>();
  /** The named methods by acronym (`DPO` → `dpo`; the first of those sharing one): made when first needed. */
  private byAcronym: Map<string, string> | undefined;
  private title = '';
  private abstract = '';

  /** The rules' kinds, names and texts, read flat: the rule objects come in many shapes. */
  private readonly facts: RuleFacts;

  constructor(private readonly compiled: CompiledTaxonomy) {
    this.facts = ruleFacts(compiled);
  }

  start(title: string, abstract: string): void {
    if (this.answers.size > 0) this.answers.clear();
    this.title = title;
    this.abstract = abstract;
  }

  /**
   * Whether `match` (in `field`) is a named method's acronym, by its rule or by the letters a
   * family pattern matched, that this record spells out, and only as something else.
   */
  redefines(match: PatternMatch, field: FieldText): boolean {
    const rule = match.pattern.rule;
    const { kinds, names, texts } = this.facts;
    const kind = kinds[rule];
    let acronym: string;
    let name: string | undefined;
    if (kind === 'acronym') {
      name = names[rule];
      acronym = texts[rule]!;
    } else if (kind === 'pattern') {
      acronym = field.normalised.text.slice(field.tokens.starts[match.first], field.tokens.ends[match.last]);
      name = this.nameOf(acronym);
    } else return false;
    if (name === undefined) return false;
    const key = `${name}\u0000${acronym}`;
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.spelledOtherwise(acronym, this.stemsOf(name));
      this.answers.set(key, answer);
    }
    return answer;
  }

  private spelledOtherwise(acronym: string, own: ReadonlySet<string>): boolean {
    if (own.size === 0) return false;
    let other = false;
    for (const text of [this.title, this.abstract]) {
      for (const spelled of spelledOut(text, acronym)) {
        if (spellsOwn(spelled, own)) return false;
        other = true;
      }
    }
    return other;
  }

  private nameOf(acronym: string): string | undefined {
    if (this.byAcronym === undefined) {
      this.byAcronym = new Map();
      for (const { rule } of this.compiled.rules) if (rule.kind === 'acronym' && rule.name !== undefined && !this.byAcronym.has(rule.text)) this.byAcronym.set(rule.text, rule.name);
    }
    return this.byAcronym.get(acronym);
  }

  private stemsOf(nameId: string): Set<string> {
    let stems = this.stems.get(nameId);
    if (stems === undefined) {
      const name = this.compiled.names.get(nameId);
      const spellings = name?.expansion === undefined ? [] : [name.expansion];
      for (const { rule } of this.compiled.rules) if (rule.name === nameId && rule.kind === 'phrase') spellings.push(rule.text);
      stems = new Set(spellings.flatMap(stemsOfText));
      this.stems.set(nameId, stems);
    }
    return stems;
  }
}

/**
 * The forms `text` spells `acronym` out as: "Data Protection Officer (DPO)" and "DPO (Data
 * Protection Officer)", where the acronym's letters run through two words or more (Schwartz and
 * Hearst) that do not hold the acronym itself ("Group Sparse LoRA (GS-LoRA)" names a LoRA, it does
 * not spell LoRA out).
 */
export function spelledOut(text: string, acronym: string): string[] {
  const forms: string[] = [];
  const bracketed = `(${acronym})`;
  for (let at = text.indexOf(bracketed); at >= 0; at = text.indexOf(bracketed, at + 1)) {
    addForm(forms, longForm(wordsOf(text.slice(Math.max(0, at - REACH), at)), acronym), acronym);
  }
  const leading = `${acronym} (`;
  for (let at = text.indexOf(leading); at >= 0; at = text.indexOf(leading, at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    const from = at + leading.length;
    const to = text.indexOf(')', from);
    if (to < 0 || to - from > REACH) continue;
    addForm(forms, longForm(wordsOf(text.slice(from, to)), acronym), acronym);
  }
  return forms;
}

function addForm(forms: string[], form: string | undefined, acronym: string): void {
  if (form !== undefined && /[\s-]/.test(form) && !form.includes(acronym.toLowerCase())) forms.push(form);
}

/** The first four letters of each word of four letters or more, lower case ("optimisation" and "optimization" share "opti"). */
function stemsOfText(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((word) => word.slice(0, 4));
}

/**
 * Whether a spelled-out form is the name's own: its first word (of four letters or more) is one of
 * the name's. Other methods with the same letters differ there and share the rest ("Reinforced
 * Fine-Tuning" and "Representation Fine-Tuning", "Dynamic" and "Weight-Decomposed Low-Rank Adaptation").
 */
function spellsOwn(form: string, own: ReadonlySet<string>): boolean {
  const first = stemsOfText(form)[0];
  return first === undefined || own.has(first);
}
