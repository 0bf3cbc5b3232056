/**
 * The scoring model (README "Scoring"): evidence is grouped into mentions (one per sentence, the
 * strongest match in it), mentions are summed strongest first with geometric decay, and the sum
 * is squashed to 0..1 with `1 - exp(-sum)`. A parent pools its own and its descendants' mentions,
 * so `peft.lora` evidence also supports `peft` and a parent never scores below its children.
 */
import type { CompiledTaxonomy } from '../taxonomy/compile.js';
import { matchEvidence, round, type FieldText, type MatchSink, type RecordEvidence } from './evidence.js';
import type { Evidence, Field } from './types.js';

export interface NodeScore {
  score: number;
  /** Sentences with evidence (title sentences included), and whether the title has some: what a node's `support` asks of a tag. */
  sentences: number;
  title: boolean;
}

/** One record's node scores, by node index: what selecting tags reads (a `Map` of them is one). */
export interface ScoreTable {
  get(node: number): NodeScore | undefined;
  /** Visits each scored node. */
  forEach(visit: (score: NodeScore, node: number) => void): void;
}

/** What `PooledScorer` needs of a node's pool. */
export interface NodePool {
  used: boolean;
  /** Rows (in the scorer's `MatchRows`) of the matches it keeps: the first `keptCount`. */
  readonly kept: number[];
  keptCount: number;
  /** Its score as the scorer hands it out (read before the next record starts). */
  readonly result: NodeScore;
  reset(): void;
}

/**
 * What both scorers (families, and families re-weighed by names' roles) share: pools indexed by
 * node and a table of kept matches, kept from record to record. A record resets only the pools it
 * touched, so its cost follows its matches, not the taxonomy's size.
 */
export abstract class PooledScorer<P extends NodePool> implements ScoreTable {
  private readonly pools: Array<P | undefined>;
  /** Nodes with a pool in use for the current record (the first `count`), in the order they were first touched. */
  private readonly touched: number[] = [];
  private count = 0;
  protected readonly rows = new MatchRows();
  protected evidenceOf: RecordEvidence | undefined;
  protected keep = Infinity;
  /** How many of a node's kept matches `evidence` hands out (the `keep` asked for). */
  private shown = Infinity;

  constructor(
    protected readonly compiled: CompiledTaxonomy,
    private readonly make: () => P,
  ) {
    this.pools = new Array<P | undefined>(compiled.nodes.length).fill(undefined);
  }

  /**
   * Begins a record: `evidence` must already know the record's context groups and gates (or how to
   * find them). A node keeps at least `TOOL_ROWS` of its matches whatever `keep` asks (tags cap their
   * evidence to `maxEvidence` anyway): `onlyToolNames` reads them, and a tag must not depend on how
   * much evidence is shown.
   */
  start(evidence: RecordEvidence, keep: number): void {
    for (let i = 0; i < this.count; i++) this.pools[this.touched[i]!]!.reset();
    this.count = 0;
    this.rows.reset();
    this.evidenceOf = evidence;
    this.keep = Math.max(keep, TOOL_ROWS);
    this.shown = keep;
  }

  /**
   * Whether all of a node's matches are mentions of named methods that their role in the paper
   * re-weighed (it uses them, or compares against them: `setWeight` lowered their rows). Such a
   * family is the paper's tool or baseline, not its topic (LABELS.md), however strongly a cue
   * ("our", "we propose") near one mention weighs it. False when the node kept fewer rows than it
   * matched (`TOOL_ROWS` or more): a family named that often is not a passing tool.
   */
  onlyToolNames(node: number): boolean {
    const pool = this.pools[node];
    if (!pool?.used || pool.keptCount === 0 || pool.keptCount >= this.keep) return false;
    for (let i = 0; i < pool.keptCount; i++) if (!this.rows.lowered(pool.kept[i]!)) return false;
    return true;
  }

  /** Whether the record's title has context group `group` (searched for now if need be: see `RecordEvidence`). */
  titleHasContext(group: number): boolean {
    return this.evidenceOf?.titleHasContext(group) ?? false;
  }

  get(node: number): NodeScore | undefined {
    const pool = this.pools[node];
    return pool?.used ? pool.result : undefined;
  }

  forEach(visit: (score: NodeScore, node: number) => void): void {
    for (let i = 0; i < this.count; i++) {
      const node = this.touched[i]!;
      visit(this.pools[node]!.result, node);
    }
  }

  /** The evidence a node kept, in the order its matches came (none for a node without a match this record), as much as `start` was asked to keep. */
  evidence(node: number): Evidence[] {
    const pool = this.pools[node];
    const out: Evidence[] = [];
    if (pool?.used) for (let i = 0; i < pool.keptCount && i < this.shown; i++) out.push(this.rows.evidence(this.compiled, pool.kept[i]!));
    return out;
  }

  /** `node`'s pool, marked in use for this record. */
  protected pool(node: number): P {
    let pool = this.pools[node];
    if (!pool) {
      pool = this.make();
      this.pools[node] = pool;
    }
    if (!pool.used) {
      pool.used = true;
      this.touched[this.count++] = node;
    }
    return pool;
  }

  /** Visits the pools in use, in the order they were first touched. */
  protected each(visit: (pool: P) => void): void {
    for (let i = 0; i < this.count; i++) visit(this.pools[this.touched[i]!]!);
  }

  /** How many pools are in use: `usedPool(0..)` reads them without a visitor closure per record. */
  protected get usedCount(): number {
    return this.count;
  }

  /** The `i`th pool in use, in the order they were first touched. */
  protected usedPool(i: number): P {
    return this.pools[this.touched[i]!]!;
  }
}

/**
 * Scores matches as they come, in reading order. A node's pool holds its mentions as counts per
 * weight, not as candidates, so a record repeating a term a million times costs a few numbers per
 * node, not a million entries per node and ancestor. Of its matches a node keeps the first `keep`
 * for its evidence, as rows of one table shared by all nodes (a match kept by a node and its
 * ancestors is stored once); a kept match becomes an `Evidence` (located in the original text,
 * its words cut out) only when its node is tagged or mentioned. One scorer serves a classifier's
 * records one after another (`start` begins a record): its pools, indexed by node, and its table
 * are reused, so scoring a record allocates nothing but what its result keeps.
 */
export class NodeScorer extends PooledScorer<Pool> implements MatchSink {
  constructor(compiled: CompiledTaxonomy) {
    super(compiled, () => new Pool());
  }

  addMatch(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number): void {
    if (!countsRule(this.compiled, this.evidenceOf!, rule, text.field)) return;
    const title = text.field === 'title';
    const key = sentenceKey(text.field, text.tokens.sentences[first]!);
    const { ancestors } = this.compiled.nodes[node]!;
    // Stored once, by the first pool that keeps it.
    let row = -1;
    for (let i = -1; i < ancestors.length; i++) {
      const pool = this.pool(i < 0 ? node : ancestors[i]!);
      if (title) pool.title = true;
      pool.weights.add(key, weight);
      if (pool.keptCount >= this.keep) continue;
      if (row < 0) row = this.rows.add(text, node, rule, first, last, weight, cue, edits, -1);
      pool.kept[pool.keptCount++] = row;
    }
  }

  /** A name's mention that its family's exclusion cancels: no family evidence, and names off, nothing else to note. */
  addNameMatch(): void {}

  /** Scores the record's nodes: valid until the next `start`. */
  scores(): ScoreTable {
    const decay = this.compiled.taxonomy.scoring.decay;
    for (let i = 0; i < this.usedCount; i++) {
      const pool = this.usedPool(i);
      const { result } = pool;
      result.score = pool.weights.squash(decay);
      result.sentences = pool.weights.sentences();
      result.title = pool.title;
    }
    return this;
  }
}

/** Matches a node keeps at least, to tell a family named only as a tool (`onlyToolNames`). */
const TOOL_ROWS = 16;

/** Ints per match: first and last token, rule, node, cue group, edits, and a tag (the names layer: the name it mentions; -1: none). */
const ROW = 7;

/**
 * Weighed matches as rows of numbers, with each one's weight and field: what an `Evidence` is made
 * of, located in the original text only when asked. Its storage is kept from record to record.
 */
export class MatchRows {
  size = 0;
  private ints = new Int32Array(ROW * 64);
  private weights = new Float64Array(64);
  /** By row: 1 when `setWeight` lowered its weight (a name's mention its role re-weighed). */
  private lowers = new Uint8Array(64);
  private readonly texts: FieldText[] = [];

  reset(): void {
    this.size = 0;
  }

  /** Stores a match; its row. */
  add(text: FieldText, node: number, rule: number, first: number, last: number, weight: number, cue: number, edits: number, tag: number): number {
    const row = this.size++;
    if (row === this.weights.length) this.grow();
    const at = row * ROW;
    const ints = this.ints;
    ints[at] = first;
    ints[at + 1] = last;
    ints[at + 2] = rule;
    ints[at + 3] = node;
    ints[at + 4] = cue;
    ints[at + 5] = edits;
    ints[at + 6] = tag;
    this.weights[row] = weight;
    this.lowers[row] = 0;
    this.texts[row] = text;
    return row;
  }

  text(row: number): FieldText {
    return this.texts[row]!;
  }

  weight(row: number): number {
    return this.weights[row]!;
  }

  setWeight(row: number, weight: number): void {
    if (weight < this.weights[row]!) this.lowers[row] = 1;
    this.weights[row] = weight;
  }

  /** Whether `setWeight` lowered the row's weight. */
  lowered(row: number): boolean {
    return this.lowers[row] === 1;
  }

  first(row: number): number {
    return this.ints[row * ROW]!;
  }

  last(row: number): number {
    return this.ints[row * ROW + 1]!;
  }

  rule(row: number): number {
    return this.ints[row * ROW + 2]!;
  }

  node(row: number): number {
    return this.ints[row * ROW + 3]!;
  }

  cue(row: number): number {
    return this.ints[row * ROW + 4]!;
  }

  edits(row: number): number {
    return this.ints[row * ROW + 5]!;
  }

  tag(row: number): number {
    return this.ints[row * ROW + 6]!;
  }

  setTag(row: number, tag: number): void {
    this.ints[row * ROW + 6] = tag;
  }

  evidence(compiled: CompiledTaxonomy, row: number): Evidence {
    const at = row * ROW;
    const ints = this.ints;
    return matchEvidence(compiled, this.texts[row]!, ints[at + 3]!, ints[at + 2]!, ints[at]!, ints[at + 1]!, this.weights[row]!, ints[at + 4]!, ints[at + 5]!);
  }

  private grow(): void {
    const ints = new Int32Array(this.ints.length * 2);
    ints.set(this.ints);
    this.ints = ints;
    const weights = new Float64Array(this.weights.length * 2);
    weights.set(this.weights);
    this.weights = weights;
    const lowers = new Uint8Array(this.lowers.length * 2);
    lowers.set(this.lowers);
    this.lowers = lowers;
  }
}

/**
 * One node's mentions: one weight per sentence (a name and its acronym in "Low-Rank Adaptation
 * (LoRA)" are one mention), the strongest match in it; and the entries of the matches it keeps.
 */
class Pool implements NodePool {
  used = false;
  title = false;
  /** The first `keptCount` are this record's. */
  readonly kept: number[] = [];
  keptCount = 0;
  readonly weights = new SentenceWeights();
  /** This pool's score as `scores` hands it out (read before the next record starts). */
  readonly result: NodeScore = { score: 0, sentences: 0, title: false };

  reset(): void {
    this.used = false;
    this.title = false;
    this.keptCount = 0;
    this.weights.reset();
  }
}

/** Title sentences get negative keys so they never share a key with abstract sentences. */
export function sentenceKey(field: Field, sentence: number): number {
  return field === 'title' ? -1 - sentence : sentence;
}

/** Up to this many distinct weights, a selection visits them strongest first; beyond, a sort. */
const FEW = 16;

/**
 * One weight per sentence (the strongest there), counted by weight. Candidates arrive in reading
 * order, so a sentence's are consecutive: only the current sentence is open, and closed ones are
 * counted by weight (weights take few distinct values: field × rule × cue, so two small arrays
 * are cheaper than a Map).
 */
export class SentenceWeights {
  // Only the first `size` entries are in use: `reset` keeps the arrays' storage for the next record.
  private readonly weights: number[] = [];
  private readonly times: number[] = [];
  private size = 0;
  private open = false;
  private key = 0;
  private max = 0;

  add(key: number, weight: number): void {
    if (!this.open || key !== this.key) {
      this.close();
      this.open = true;
      this.key = key;
      this.max = 0;
    }
    this.max = Math.max(this.max, weight);
  }

  /** Weight → number of sentences with that weight, strongest first. */
  counts(): Array<[number, number]> {
    this.close();
    const counts: Array<[number, number]> = [];
    if (this.size > FEW) {
      for (let i = 0; i < this.size; i++) counts.push([this.weights[i]!, this.times[i]!]);
      return counts.sort((a, b) => b[0] - a[0]);
    }
    for (let i = this.strongest(Infinity); i >= 0; i = this.strongest(this.weights[i]!)) counts.push([this.weights[i]!, this.times[i]!]);
    return counts;
  }

  /** `squash(this.counts(), decay)` without building the counts. */
  squash(decay: number): number {
    this.close();
    if (this.size > FEW) return squash(this.counts(), decay);
    let sum = 0;
    let factor = 1;
    for (let i = this.strongest(Infinity); i >= 0 && factor !== 0; i = this.strongest(this.weights[i]!)) {
      const weight = this.weights[i]!;
      const times = this.times[i]!;
      for (let t = 0; t < times && factor !== 0; t++) {
        sum += weight * factor;
        factor *= decay;
      }
    }
    return round(1 - Math.exp(-sum));
  }

  /** Sentences counted so far (title sentences included). */
  sentences(): number {
    this.close();
    let sentences = 0;
    for (let i = 0; i < this.size; i++) sentences += this.times[i]!;
    return sentences;
  }

  reset(): void {
    this.size = 0;
    this.open = false;
  }

  /**
   * Index of the strongest weight below `below` (-1: none). Weights are distinct, so stepping
   * down from Infinity visits them strongest first: a selection over a handful of values, where a
   * sort would allocate.
   */
  private strongest(below: number): number {
    let best = -1;
    for (let i = 0; i < this.size; i++) {
      const weight = this.weights[i]!;
      if (weight < below && (best < 0 || weight > this.weights[best]!)) best = i;
    }
    return best;
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    for (let i = 0; i < this.size; i++) {
      if (this.weights[i] === this.max) {
        this.times[i]!++;
        return;
      }
    }
    this.weights[this.size] = this.max;
    this.times[this.size] = 1;
    this.size++;
  }
}

/** Whether a match of `rule` in `field` counts: context-restricted rules need their context (unless waived in titles); gated facets need their gate. */
export function countsRule(compiled: CompiledTaxonomy, evidence: RecordEvidence, rule: number, field: Field): boolean {
  const { contextGroup: group, gate, titleWithoutContext } = compiled.rules[rule]!;
  if (group < 0 && gate < 0) return true;
  if (group >= 0 && !(titleWithoutContext && field === 'title') && !evidence.hasContext(group)) return false;
  return gate < 0 || evidence.hasGate(gate);
}

/** Sums the weights strongest first with geometric decay (once the factor underflows to 0 the rest add nothing), squashed to 0..1. */
export function squash(weights: ReadonlyArray<[number, number]>, decay: number): number {
  let sum = 0;
  let factor = 1;
  for (const [weight, times] of weights) {
    for (let i = 0; i < times && factor !== 0; i++) {
      sum += weight * factor;
      factor *= decay;
    }
  }
  return round(1 - Math.exp(-sum));
}
