/**
 * Finds pattern occurrences in a token stream with one pass and one hash probe per token.
 * Patterns are indexed by what their first token must be; everything expensive about a word
 * (lowercasing, stemming, glob/regex/fuzzy tests) is computed once per distinct word and cached,
 * so the cost per record stays near the cost of tokenising it, however large the taxonomy.
 *
 * Patterns come in two tiers. Primary patterns (rules, exclusions, cues) are looked for in every
 * record. Secondary ones (companions of `near` rules, context words, facet gates) only matter
 * once a primary match needs them, so they are looked for only then.
 */
import { inflectionKey } from '../text/natural.js';
import { Flag, type Tokens, type WordLookup } from '../text/tokenise.js';
import type { CueMatches } from './cue-matches.js';
import { FuzzyMemo, fuzzyBudget, confirmFuzzySpan } from './fuzzy.js';
import { MAX_TOKEN_FOR_PATTERNS, type Pattern, type TokenTest } from './pattern.js';
import { WordCache, type WordFacts } from './word-cache.js';

/**
 * Patterns that can start at a word. Those whose second token is a plain word are grouped by it,
 * so "we" only tries the cue patterns for "we propose" when the next word is "propose".
 * A bucket only holds patterns whose first token this word satisfies (and a list by next word only
 * those whose second token the next word satisfies), so the scan does not test those tokens again.
 */
interface Bucket {
  rest: Pattern[];
  /** Leading tokens of every `rest` pattern known to match: 0 when a fuzzy first token's edits must still be counted. */
  restKnown: number;
  /**
   * The other patterns, grouped by their second word's `nextId`: the ids ascending in a typed
   * array searched by bisection, and each id's patterns at the same place in `nextLists`. A scan
   * looks one up at nearly every word, and a contiguous array of ints stays in cache where a
   * Map's table does not (on a taxonomy grown 16x, the Map lookup was half the scan's time).
   */
  nextIds: Int32Array | null;
  nextLists: Pattern[][];
}

/** What the matcher knows about one distinct surface word. */
export interface TokenInfo {
  surface: string;
  lower: string;
  key: string;
  /** Index of `key` among the words patterns require second (-1: none), for `Bucket.nextIds`. */
  nextId: number;
  /** Primary patterns whose first token this word satisfies. */
  primary: Bucket | null;
  /** Companion patterns whose first token this word satisfies. */
  companions: Bucket | null;
  /** Context-word and gate patterns whose first token this word satisfies. */
  contexts: Bucket | null;
}

/** One pattern occurrence: tokens `first..last` inclusive. */
export interface PatternMatch {
  pattern: Pattern;
  first: number;
  last: number;
  /** Letters edited to make a fuzzy rule match (0 for exact matches). */
  edits: number;
}

const SECONDARY_ROLES = new Set(['companion', 'context', 'gate']);
/**
 * Word cache marks (see `Matcher.cache`), also kept per token in `Tokens.marks`. The constants
 * here are enums because the bundler writes enum members in as literals, where a module-level
 * `const` becomes a `var` that V8 loads from the module's context and checks at every use (see
 * `Hash` in tokenise.ts): in the scan's loops, once per token.
 */
export enum Mark {
  /** The word starts primary patterns that are tried whatever the next word (its bucket's `rest`). */
  Starts = 1,
  /** The word is some pattern's second word (it has a `nextId`). */
  Second = 2,
  /**
   * The word starts some context-word or gate pattern: only such tokens are worth a look in the
   * record-wide search for them. (Companions, looked for only near their `near` match, are told
   * apart by a word fact instead: "data", "model", "train" start companions, and visiting them in
   * that search cost as much again as the visits that could find something.)
   */
  StartsContext = 4,
  /** The word starts primary patterns selected by their second word ("we" + "propose"): tried only before a `Second` word. */
  StartsBeforeSecond = 8,
}

/**
 * What the primary scan reads of a word, kept by the word cache in one flat array (see
 * `Matcher.program`), `Fact.Count` ints a word: where its primary patterns are listed, its
 * `nextId`, the id of its lowercase form among the words patterns require second in `lower`
 * mode, the id of its key among the keys patterns require third (-1: none), and its `nextBits`.
 */
enum Fact {
  Program = 0,
  NextId = 1,
  LowerId = 2,
  ThirdKeyId = 3,
  NextBits = 4,
  /** 1 when the word starts some companion pattern. */
  Companions = 5,
  /** The word's first character, and its lowercase form's shifted 16 bits up (see `Matcher.secondLead`). */
  Leads = 6,
  Count = 7,
}

/** Patterns indexed by the test on their first token. */
class FirstTokenIndex {
  private readonly byKey = new Map<string, Pattern[]>();
  private readonly bySurface = new Map<string, Pattern[]>();
  private readonly byLower = new Map<string, Pattern[]>();
  /** Globs, regexes and prefixes: tried once per distinct word. */
  readonly scanned: Pattern[] = [];
  readonly fuzzyFirst: Pattern[] = [];

  add(pattern: Pattern): void {
    const first = pattern.tests[0];
    if (!first) return;
    switch (first.mode) {
      case 'key':
        return push(this.byKey, first.value, pattern);
      case 'surface':
        push(this.bySurface, first.value, pattern);
        if (pattern.tests.length === 1) push(this.bySurface, `${first.value}s`, pattern);
        return;
      case 'lower':
        return push(this.byLower, first.value, pattern);
      case 'fuzzy':
        push(this.byKey, first.key, pattern);
        if (first.maxEdits > 0) this.fuzzyFirst.push(pattern);
        return;
      default:
        this.scanned.push(pattern);
    }
  }

  exact(info: TokenInfo): Pattern[] {
    const found: Pattern[] = [];
    for (const list of [this.byKey.get(info.key), this.bySurface.get(info.surface), this.byLower.get(info.lower)]) {
      if (list) found.push(...list);
    }
    return found;
  }
}

export class Matcher {
  private readonly primary = new FirstTokenIndex();
  private readonly companions = new FirstTokenIndex();
  private readonly contexts = new FirstTokenIndex();
  // What a scan needs to know of most words, without loading their objects (the marks above).
  private readonly cache = new WordCache<TokenInfo>((surface) => this.describe(surface), undefined, wordMarks, this.wordFacts());
  private readonly fuzzy = new FuzzyMemo();
  private readonly nextIds = new Map<string, number>();
  /** Scratch for `scanWords`: positions of the tokens that start some primary pattern. */
  private starters = new Int32Array(256);
  /**
   * The primary patterns by index, and what `scanWords` needs of each without visiting it: its
   * length in tokens, the separators its second token allows, the `lower`-mode id of its
   * second word and the key id of its third (-1: another mode). Most patterns tried are one word
   * long, or two with the second word already known: they match without their objects being read,
   * and most of the others fail at a second or third word these ids rule out.
   */
  private readonly patterns: Pattern[] = [];
  private readonly lengths: Int32Array;
  private readonly secondAllowed: Int32Array;
  private readonly secondLower: Int32Array;
  /**
   * The first character a `surface` second token must have, or a `prefix` one's lowercase form
   * (16 bits up), as `Fact.Leads` holds a word's, and which half of `Fact.Leads` to compare (0: no such
   * test): acronyms ("A GEM", "LLM Adapters") and exclusions ("network adapter*") mostly fail
   * there, and the comparison spares reading their pattern and the next word's entry.
   */
  private readonly secondLead: Int32Array;
  private readonly secondLeadMask: Int32Array;
  private readonly thirdKey: Int32Array;
  /** The group of each cue pattern (its `owner`), -1 for the others: where a scan given rows for cues puts a match. */
  private readonly cueGroups: Int32Array;
  private readonly lowerIds = new Map<string, number>();
  private readonly thirdKeyIds = new Map<string, number>();
  /**
   * Each word's primary patterns as ints (see `listPatterns`), shared by the words that start the
   * same patterns: a scan reads this one array, not each word's bucket, lists and pattern objects.
   */
  private program = new Int32Array(1024);
  private programLength = 0;
  private readonly programs = new Map<string, number>();
  private readonly patternIndex = new Map<Pattern, number>();

  constructor(patterns: readonly Pattern[]) {
    for (const pattern of patterns) {
      (pattern.role === 'companion' ? this.companions : SECONDARY_ROLES.has(pattern.role) ? this.contexts : this.primary).add(pattern);
      const second = pattern.tests[1];
      if (second?.mode === 'key' && !this.nextIds.has(second.value)) this.nextIds.set(second.value, this.nextIds.size);
      if (SECONDARY_ROLES.has(pattern.role)) continue;
      this.patternIndex.set(pattern, this.patterns.length);
      this.patterns.push(pattern);
      if (second?.mode === 'lower' && !this.lowerIds.has(second.value)) this.lowerIds.set(second.value, this.lowerIds.size);
      const third = pattern.tests[2];
      if (third?.mode === 'key' && !this.thirdKeyIds.has(third.value)) this.thirdKeyIds.set(third.value, this.thirdKeyIds.size);
    }
    this.lengths = Int32Array.from(this.patterns, (p) => p.tests.length);
    this.secondAllowed = Int32Array.from(this.patterns, (p) => p.allowed[1] ?? 0);
    this.secondLower = Int32Array.from(this.patterns, (p) => (p.tests[1]?.mode === 'lower' ? this.lowerIds.get(p.tests[1].value)! : -1));
    this.thirdKey = Int32Array.from(this.patterns, (p) => (p.tests[2]?.mode === 'key' ? this.thirdKeyIds.get(p.tests[2].value)! : -1));
    this.secondLead = Int32Array.from(this.patterns, (p) => leadOf(p.tests[1]).lead);
    this.secondLeadMask = Int32Array.from(this.patterns, (p) => leadOf(p.tests[1]).mask);
    this.cueGroups = Int32Array.from(this.patterns, (p) => (p.role === 'cue' ? p.owner : -1));
  }

  /**
   * Where a tokenizer looks words up for this matcher (`new Tokens(matcher.lookup)`): its tokens'
   * `ids` are then word ids (`word` gives their `TokenInfo`), valid until `compactWords`, and
   * their `marks` the word cache's marks. Ids, not `TokenInfo` objects: an int per token costs no
   * write barrier and no pointer to follow for the many words that start nothing.
   */
  get lookup(): WordLookup {
    return this.cache;
  }

  /** The facts of word `id` (a token's entry in `Tokens.ids`). */
  word(id: number): TokenInfo {
    return this.cache.entry(id);
  }

  /**
   * Lets the word cache drop rarely seen words when it has grown past its limit. Call it between
   * records only: it invalidates the word ids of every scan before it.
   */
  compactWords(): void {
    this.cache.compact();
  }

  /**
   * The tokens' word ids (`tokens.ids`, with their marks in `tokens.marks`): as the tokenizer
   * looked them up when it used this matcher's `lookup`, else looked up now.
   */
  words(tokens: Tokens): Int32Array {
    if (tokens.lookup === this.cache) return tokens.ids;
    // Another lookup's tokens have ids, not hashes (the tokenizer stores one or the other).
    if (tokens.lookup !== null) throw new Error('tokens were looked up by another matcher');
    const { text, starts, ends, hashes, checks, ids, marks } = tokens;
    for (let k = 0; k < tokens.count; k++) {
      ids[k] = this.cache.get(text, starts[k]!, ends[k]!, hashes[k]!, checks[k]!);
      marks[k] = this.cache.lastMark;
    }
    return ids;
  }

  /**
   * The primary `scan` of the tokens' `words`, trying patterns only at the few tokens their
   * marks say can start a primary pattern. Most words of a text start no pattern, so they cost
   * one cache probe (the tokenizer's) and nothing more. With `cues`, cue matches go there as rows
   * (emptied first), not into the list.
   */
  scanWords(tokens: Tokens, cues?: CueMatches): PatternMatch[] {
    const { count, marks } = tokens;
    const infos = this.words(tokens);
    // Two slots spare: the loop below writes one past the last starter found.
    if (this.starters.length < count + 2) this.starters = new Int32Array(Math.max(count + 2, this.starters.length * 2));
    const { starters } = this;
    let found = 0;
    let previous = 0;
    for (let k = 0; k < count; k++) {
      const mark = marks[k]!;
      // Whether a word starts something is close to a coin toss, so starters are noted without
      // branches (the scan of the 2024 corpus took about a sixth less time): the slot at `found`
      // is always written, and kept by advancing `found` only when it holds a starter.
      // "the", "a", "we" start patterns only with the right word after them: most of the time, none.
      starters[found] = k - 1;
      found += (mark >> 1) & (previous >> 3) & ~previous & 1;
      starters[found] = k;
      found += mark & Mark.Starts;
      previous = mark;
    }
    const matches: PatternMatch[] = [];
    cues?.clear();
    const rows = cues ?? null;
    for (let i = 0; i < found; i++) {
      const k = starters[i]!;
      this.tryStarter(k, k + 1 < count && (marks[k + 1]! & Mark.Second) !== 0, tokens, infos, matches, rows);
    }
    return matches;
  }

  /**
   * Adds the primary pattern occurrences starting at token `k` to `matches`. `nextIsSecond`: token
   * `k + 1` is some pattern's second word (only then can it select patterns by `nextId`). Cue
   * matches go to `cues` unless it is null.
   */
  private tryStarter(k: number, nextIsSecond: boolean, tokens: Tokens, infos: Int32Array, matches: PatternMatch[], cues: CueMatches | null): void {
    // Read per starter: describing new words may have replaced both arrays.
    const { program } = this;
    const { facts } = this.cache;
    const word = infos[k]! * Fact.Count;
    const at = facts[word + Fact.Program]!;
    if (at < 0) return;
    const known = program[at]!;
    const rest = at + 2 + program[at + 1]!;
    for (let q = at + 2; q < rest; q++) this.tryPattern(program[q]!, known, tokens, infos, k, matches, cues);
    if (!nextIsSecond) return;
    // "the", "and", "in" start patterns before many second words, but mostly not before the one
    // that follows them: its bit rules most of those out before the lists are searched.
    const nextId = facts[infos[k + 1]! * Fact.Count + Fact.NextId]!;
    if (((facts[word + Fact.NextBits]! >>> (nextId & 31)) & 1) === 0) return;
    const list = listAfter(program, rest, nextId);
    for (let q = list + 1, end = list + 1 + (list < 0 ? 0 : program[list]!); q < end; q++) this.tryPattern(program[q]!, 2, tokens, infos, k, matches, cues);
  }

  /** Adds primary pattern `index`'s occurrence at token `k` to `matches`, if any; its first `known` tests have passed. */
  private tryPattern(index: number, known: number, tokens: Tokens, infos: Int32Array, k: number, matches: PatternMatch[], cues: CueMatches | null): void {
    const length = this.lengths[index]!;
    if (k + length > tokens.count) return;
    if (length <= known) {
      if (length > 1 && (tokens.flags[k + 1]! & Flag.PhraseBreak & ~this.secondAllowed[index]!) !== 0) return;
      const group = this.cueGroups[index]!;
      if (group >= 0 && cues !== null) cues.push(group, k, k + length - 1);
      else matches.push({ pattern: this.patterns[index]!, first: k, last: k + length - 1, edits: 0 });
      return;
    }
    // Most such patterns fail at their second or third word ("a" + "guide", "this paper" +
    // "proposes"): compare ids before reading objects.
    const { facts } = this.cache;
    const lower = this.secondLower[index]!;
    if (lower >= 0 && known < 2 && facts[infos[k + 1]! * Fact.Count + Fact.LowerId] !== lower) return;
    const leadMask = this.secondLeadMask[index]!;
    if (leadMask !== 0 && known < 2 && (facts[infos[k + 1]! * Fact.Count + Fact.Leads]! & leadMask) !== this.secondLead[index]) return;
    const third = this.thirdKey[index]!;
    if (third >= 0 && facts[infos[k + 2]! * Fact.Count + Fact.ThirdKeyId] !== third) return;
    const pattern = this.patterns[index]!;
    const edits = this.matchAt(pattern, known, tokens, infos, k);
    if (edits < 0) return;
    // A cue's edits are never read: only its group and place.
    const group = this.cueGroups[index]!;
    if (group >= 0 && cues !== null) cues.push(group, k, k + length - 1);
    else matches.push({ pattern, first: k, last: k + length - 1, edits });
  }

  /**
   * All primary pattern occurrences starting at tokens `from..to-1`, in token order, of tokens
   * `words` looked up. With `cues`, cue matches go there as rows (emptied first), not into the list.
   */
  scan(tokens: Tokens, infos: Int32Array, from = 0, to = tokens.count, cues?: CueMatches): PatternMatch[] {
    const matches: PatternMatch[] = [];
    cues?.clear();
    const rows = cues ?? null;
    const { facts } = this.cache;
    for (let k = from; k < to; k++) this.tryStarter(k, k + 1 < tokens.count && facts[infos[k + 1]! * Fact.Count + Fact.NextId]! >= 0, tokens, infos, matches, rows);
    return matches;
  }

  /**
   * Calls `visit` with each context-word and gate pattern occurrence starting at token `k`; stops
   * and returns true as soon as `visit` returns true.
   */
  eachContextAt(tokens: Tokens, infos: Int32Array, k: number, visit: (match: PatternMatch) => boolean): boolean {
    return this.eachAt(this.cache.entry(infos[k]!).contexts, tokens, infos, k, visit);
  }

  /** Whether word `id` (a token's entry in `Tokens.ids`) starts some companion pattern. */
  startsCompanion(id: number): boolean {
    return this.cache.facts[id * Fact.Count + Fact.Companions] === 1;
  }

  /** Calls `visit` with each companion pattern occurrence starting at token `k`, as `eachContextAt`. */
  eachCompanionAt(tokens: Tokens, infos: Int32Array, k: number, visit: (match: PatternMatch) => boolean): boolean {
    return this.eachAt(this.cache.entry(infos[k]!).companions, tokens, infos, k, visit);
  }

  private eachAt(bucket: Bucket | null, tokens: Tokens, infos: Int32Array, k: number, visit: (match: PatternMatch) => boolean): boolean {
    if (bucket === null) return false;
    if (this.visitAll(bucket.rest, bucket.restKnown, tokens, infos, k, visit)) return true;
    // The next word's `nextId` from the flat facts, and only when some pattern here is selected by
    // it: loading the word's entry object was a third of this search's time.
    if (bucket.nextIds === null || k + 1 >= tokens.count) return false;
    const next = patternsAfter(bucket, this.cache.facts[infos[k + 1]! * Fact.Count + Fact.NextId]!);
    return next !== undefined && this.visitAll(next, 2, tokens, infos, k, visit);
  }

  private visitAll(patterns: readonly Pattern[], known: number, tokens: Tokens, infos: Int32Array, k: number, visit: (match: PatternMatch) => boolean): boolean {
    for (const pattern of patterns) {
      const edits = this.matchAt(pattern, known, tokens, infos, k);
      if (edits >= 0 && visit({ pattern, first: k, last: k + pattern.tests.length - 1, edits })) return true;
    }
    return false;
  }

  /** Total edits when `pattern` matches at token `k`, else -1; its first `known` token tests are taken as passed (at no cost). */
  private matchAt(pattern: Pattern, known: number, tokens: Tokens, infos: Int32Array, k: number): number {
    const tests = pattern.tests;
    if (k + tests.length > tokens.count) return -1;
    let edits = 0;
    for (let j = 0; j < tests.length; j++) {
      const t = k + j;
      if (j > 0 && (tokens.flags[t]! & Flag.PhraseBreak & ~pattern.allowed[j]!) !== 0) return -1;
      if (j < known) continue;
      const cost = this.testToken(tests[j]!, this.cache.entry(infos[t]!), j === tests.length - 1);
      if (cost < 0) return -1;
      edits += cost;
    }
    if (edits === 0) return 0;
    return edits <= fuzzyBudget(tests) && confirmFuzzySpan(tests, Array.from(infos.subarray(k, k + tests.length), (id) => this.cache.entry(id))) ? edits : -1;
  }

  private testToken(test: TokenTest, info: TokenInfo, last: boolean): number {
    switch (test.mode) {
      case 'key':
        return info.key === test.value ? 0 : -1;
      case 'surface':
        return info.surface === test.value || (last && isPlural(info.surface, test.value)) ? 0 : -1;
      case 'lower':
        return info.lower === test.value ? 0 : -1;
      case 'prefix':
        return info.lower.startsWith(test.value) ? 0 : -1;
      case 'glob':
        return test.test(info.surface) ? 0 : -1;
      case 'regex':
        return info.surface.length <= MAX_TOKEN_FOR_PATTERNS && test.regex.test(info.surface) ? 0 : -1;
      case 'fuzzy':
        return info.key === test.key ? 0 : this.fuzzy.edits(test, info.lower);
    }
  }

  private wordFacts(): WordFacts<TokenInfo> {
    return {
      count: Fact.Count,
      write: (info, out, at) => {
        out[at + Fact.Program] = info.primary === null ? -1 : this.listPatterns(info.primary);
        out[at + Fact.NextId] = info.nextId;
        out[at + Fact.LowerId] = this.lowerIds.get(info.lower) ?? -1;
        out[at + Fact.ThirdKeyId] = this.thirdKeyIds.get(info.key) ?? -1;
        out[at + Fact.NextBits] = nextBits(info.primary);
        out[at + Fact.Companions] = info.companions === null ? 0 : 1;
        out[at + Fact.Leads] = (info.surface.charCodeAt(0) | 0) | ((info.lower.charCodeAt(0) | 0) << 16);
      },
    };
  }

  /**
   * Where `bucket`'s patterns are listed in `program`, adding them first if no word listed the
   * same: `restKnown`, the number of `rest` patterns and their indexes, then the number of second
   * words and, for each by ascending `nextId`, the id and where its list (a count, then indexes) is.
   */
  private listPatterns(bucket: Bucket): number {
    const indexes = (patterns: Pattern[]) => patterns.map((p) => this.patternIndex.get(p)!);
    const lists = bucket.nextLists.map(indexes);
    const ids = bucket.nextIds ?? [];
    const key = JSON.stringify([bucket.restKnown, indexes(bucket.rest), [...ids], lists]);
    const known = this.programs.get(key);
    if (known !== undefined) return known;
    const at = lists.map((list) => this.append([list.length, ...list]));
    const header = [bucket.restKnown, bucket.rest.length, ...indexes(bucket.rest), ids.length];
    for (let i = 0; i < ids.length; i++) header.push(ids[i]!, at[i]!);
    const start = this.append(header);
    this.programs.set(key, start);
    return start;
  }

  private append(ints: number[]): number {
    const start = this.programLength;
    if (start + ints.length > this.program.length) {
      const bigger = new Int32Array(Math.max(this.program.length * 2, start + ints.length));
      bigger.set(this.program);
      this.program = bigger;
    }
    this.program.set(ints, start);
    this.programLength += ints.length;
    return start;
  }

  private describe(surface: string): TokenInfo {
    const lower = surface.toLowerCase();
    const key = inflectionKey(lower);
    const info: TokenInfo = { surface, lower, key, nextId: this.nextIds.get(key) ?? -1, primary: null, companions: null, contexts: null };
    info.primary = this.candidates(this.primary, info);
    info.companions = this.candidates(this.companions, info);
    info.contexts = this.candidates(this.contexts, info);
    return info;
  }

  private candidates(index: FirstTokenIndex, info: TokenInfo): Bucket | null {
    const found = index.exact(info);
    for (const pattern of index.scanned) {
      if (this.testToken(pattern.tests[0]!, info, pattern.tests.length === 1) >= 0) found.push(pattern);
    }
    for (const pattern of index.fuzzyFirst) {
      const test = pattern.tests[0]!;
      if (test.mode === 'fuzzy' && info.key !== test.key && this.fuzzy.edits(test, info.lower) > 0) found.push(pattern);
    }
    return found.length === 0 ? null : bucket(new Set(found), info, this.nextIds);
  }
}

function bucket(patterns: Set<Pattern>, info: TokenInfo, nextIds: ReadonlyMap<string, number>): Bucket {
  const rest: Pattern[] = [];
  let restKnown = 1;
  const byNext = new Map<number, Pattern[]>();
  for (const pattern of patterns) {
    const [first, second] = pattern.tests;
    if (second?.mode === 'key') push(byNext, nextIds.get(second.value)!, pattern);
    else rest.push(pattern);
    // A misspelt first word costs edits, which matchAt adds up: let it test that word again.
    if (first?.mode === 'fuzzy' && first.key !== info.key) restKnown = 0;
  }
  const ids = [...byNext.keys()].sort((a, b) => a - b);
  return { rest, restKnown, nextIds: ids.length > 0 ? Int32Array.from(ids) : null, nextLists: ids.map((id) => byNext.get(id)!) };
}

/**
 * Bit `nextId % 32` set for each `nextId` that selects some of the bucket's patterns (0 for none):
 * a one-word filter in front of `listAfter`, exact for a word with few such ids.
 */
function nextBits(bucket: Bucket | null): number {
  let bits = 0;
  for (const id of bucket?.nextIds ?? []) bits |= 1 << (id & 31);
  return bits;
}

/**
 * Where in `program` the list of patterns whose second word has `nextId` is, for the word whose
 * second words are listed from `at`; -1 for none.
 */
function listAfter(program: Int32Array, at: number, nextId: number): number {
  if (nextId < 0) return -1;
  let low = 0;
  let high = program[at]! - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const id = program[at + 1 + middle * 2]!;
    if (id === nextId) return program[at + 2 + middle * 2]!;
    if (id < nextId) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The bucket's patterns whose second word has `nextId` (-1, a word no pattern needs second: none). */
function patternsAfter(bucket: Bucket, nextId: number): Pattern[] | undefined {
  const ids = bucket.nextIds;
  if (ids === null || nextId < 0) return undefined;
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const id = ids[middle]!;
    if (id === nextId) return bucket.nextLists[middle];
    if (id < nextId) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}

/**
 * What `Fact.Leads` must hold under `mask` for `test` to pass: a `surface` test's word (or its plural)
 * starts with its first character, a `prefix` test's lowercase word with the prefix's.
 */
function leadOf(test: TokenTest | undefined): { lead: number; mask: number } {
  if (test?.mode === 'surface' && test.value.length > 0) return { lead: test.value.charCodeAt(0), mask: 0xffff };
  if (test?.mode === 'prefix' && test.value.length > 0) return { lead: test.value.charCodeAt(0) << 16, mask: 0xffff << 16 };
  return { lead: 0, mask: 0 };
}

function wordMarks(info: TokenInfo): number {
  const primary = info.primary;
  let mark = info.nextId < 0 ? 0 : Mark.Second;
  if (info.contexts !== null) mark |= Mark.StartsContext;
  if (primary !== null && primary.rest.length > 0) mark |= Mark.Starts;
  if (primary !== null && primary.nextIds !== null) mark |= Mark.StartsBeforeSecond;
  return mark;
}

/**
 * Whether `surface` is `word` with an "s" after it, compared in place: building `${word}s` for
 * each test was a string allocation and a copy at every acronym's second word (`A GEM`).
 */
function isPlural(surface: string, word: string): boolean {
  return surface.length === word.length + 1 && surface.charCodeAt(word.length) === 115 && surface.startsWith(word);
}

function push<K>(index: Map<K, Pattern[]>, key: K, pattern: Pattern): void {
  const list = index.get(key);
  if (list) list.push(pattern);
  else index.set(key, [pattern]);
}
