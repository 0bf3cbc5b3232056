/**
 * `createClassifier`: compiles a taxonomy once and classifies records against it.
 */
import { RecordError } from '../errors.js';
import { normalise, originalSpan, type NormalisedText } from '../text/normalise.js';
import { retokenise, Tokens, tokenise } from '../text/tokenise.js';
import { compileTaxonomy, type CompiledTaxonomy } from '../taxonomy/compile.js';
import type { Taxonomy } from '../taxonomy/types.js';
import type { TypedTaxonomy } from '../taxonomy/typed.js';
import type { PatternMatch } from '../matching/matcher.js';
import { CueMatches } from '../matching/cue-matches.js';
import { EvidenceCollector, RecordEvidence, RoleLists, type FieldText, type MatchSink } from './evidence.js';
import { NameCollector, proposedNames, type NameFields } from './names.js';
import { NodeScorer } from './scoring.js';
import { Redefinitions } from './redefined.js';
import { Dependencies } from './secondary.js';
import { DEFAULT_MAX_EVIDENCE, TagSelector } from './select.js';
import type { Classification, ClassifyManyOptions, ClassifyOptions, CollectedClassifications, FacetIds, Field, PaperInput } from './types.js';
import { classifyAll } from './batch.js';
import { checkClassifierOptions, checkClassifyOptions, checkClassifyManyOptions } from './options.js';

/** Options of `createClassifier`. */
export interface ClassifierOptions<M extends FacetIds = FacetIds> extends ClassifyOptions {
  /** The taxonomy to classify against: `defaultTaxonomy`, a generated module's export, or `parseTaxonomy(...)`. */
  taxonomy: TypedTaxonomy<M> | Taxonomy;
}

/** A compiled classifier. Create one per taxonomy and reuse it: compiling is the expensive part. */
export interface Classifier<M extends FacetIds = FacetIds> {
  readonly taxonomy: Taxonomy;
  /**
   * Tags one record.
   * @throws {RecordError} when the record is not an object or a field has the wrong type.
   * @throws {OptionError} for an unknown option or a value out of range.
   */
  classify(record: PaperInput, options?: ClassifyOptions): Classification<M>;
  /**
   * Tags records in order. With `onError: 'collect'`, returns the results of the good records
   * and the located failures of the others; with `'skip'`, only the results.
   * @throws {RecordError} at the first bad record, unless `onError` says otherwise.
   */
  classifyMany(records: Iterable<PaperInput>, options: ClassifyManyOptions & { onError: 'collect' }): CollectedClassifications<Classification<M>>;
  /** Tags records in order; without `onError` the result has one entry per record, in the same order. */
  classifyMany(records: Iterable<PaperInput>, options?: ClassifyManyOptions): Array<Classification<M>>;
}

const FIELDS: readonly Field[] = ['title', 'abstract'];

/**
 * Compiles `options.taxonomy` into a classifier.
 *
 * @example
 * const classifier = createClassifier({ taxonomy: defaultTaxonomy });
 * classifier.classify({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs' }).tags[0]?.id; // 'peft.lora' or 'peft'
 * @throws {OptionError} for a missing taxonomy, an unknown option or a value out of range.
 */
export function createClassifier<M extends FacetIds = FacetIds>(options: ClassifierOptions<M>): Classifier<M> {
  checkClassifierOptions(options);
  const compiled = compileTaxonomy(options.taxonomy);
  const buffers: FieldBuffer[] = FIELDS.map(() => ({ tokens: new Tokens(compiled.matcher.lookup), cues: new CueMatches() }));
  const scratch = recordScratch(compiled);
  const defaults: ClassifyOptions = pickClassifyOptions(options);
  // M describes the ids of exactly this taxonomy, so the untyped result can be narrowed to it.
  const classify = (record: PaperInput, callOptions?: ClassifyOptions): Classification<M> =>
    classifyRecord(compiled, buffers, scratch, record, callOptions ? { ...defaults, ...callOptions } : defaults) as unknown as Classification<M>;
  // One implementation behind both overloads: the shape of the result follows `onError`.
  function classifyMany(records: Iterable<PaperInput>, callOptions?: ClassifyManyOptions): never {
    const { onError = 'throw', ...rest } = checkClassifyManyOptions(compiled.taxonomy, callOptions) ?? {};
    const perCall = callOptions === undefined ? undefined : rest;
    const { results, failures } = classifyAll(records, onError, (record) => classify(record, perCall));
    return (onError === 'collect' ? { results, failures } : results) as never;
  }
  return {
    taxonomy: compiled.taxonomy,
    classify: (record, callOptions) => classify(record, checkClassifyOptions('classify', compiled.taxonomy, callOptions)),
    classifyMany,
  };
}

function pickClassifyOptions(options: ClassifyOptions): ClassifyOptions {
  const picked: ClassifyOptions = {};
  if (options.minScore !== undefined) picked.minScore = options.minScore;
  if (options.facets !== undefined) picked.facets = options.facets;
  if (options.explain !== undefined) picked.explain = options.explain;
  if (options.maxEvidence !== undefined) picked.maxEvidence = options.maxEvidence;
  if (options.names !== undefined) picked.names = options.names;
  return picked;
}

/**
 * What a classifier reuses from record to record after the scan (classifying is synchronous, so
 * one record uses it at a time): each record's evidence, dependencies and family scores were
 * fresh Sets, Maps and pools, a good part of the garbage of a record.
 */
interface RecordScratch {
  evidence: RecordEvidence;
  needs: Dependencies;
  collector: EvidenceCollector;
  scorer: NodeScorer;
  selector: TagSelector;
  /** The matches of `fields[i]` by role (see `classifyRecord`), and of a chunked field's stretch. */
  roles: RoleLists[];
  stretch: RoleLists;
  /** The cue matches of a chunked field's stretch. */
  stretchCues: CueMatches;
  /** Index of the `contribution` cue group (-1: none). */
  contribution: number;
  /** Index of the `future-work` cue group (-1: none): what a paper leaves to later is background to the names layer too. */
  futureWork: number;
  /** Made for the first record with a named match. */
  names?: NameCollector;
  /** Named acronyms the record spells out as something else. */
  redefinitions: Redefinitions;
}

function recordScratch(compiled: CompiledTaxonomy): RecordScratch {
  return {
    redefinitions: new Redefinitions(compiled),
    evidence: new RecordEvidence(),
    needs: new Dependencies(compiled),
    collector: new EvidenceCollector(compiled),
    scorer: new NodeScorer(compiled),
    selector: new TagSelector(compiled),
    roles: FIELDS.map(() => new RoleLists()),
    stretch: new RoleLists(),
    stretchCues: new CueMatches(),
    contribution: compiled.cues.findIndex((cue) => cue.id === 'contribution'),
    futureWork: compiled.cues.findIndex((cue) => cue.id === 'future-work'),
  };
}

interface FieldBuffer {
  /** Tokens looked up in the taxonomy's matcher as they are read. */
  tokens: Tokens;
  /** The cue matches of the field's last scan. */
  cues: CueMatches;
}

interface ScannedText {
  text: FieldText;
  /** Each token's word id (see `Matcher.lookup`). */
  infos: Int32Array;
  marks: Uint8Array;
  /** Its matches but the cues, and its cues (empty for a chunked field). */
  matches: PatternMatch[];
  cueMatches: CueMatches;
  /** For a field too long to hold all its matches: token ranges, whole sentences each, scanned one at a time. */
  chunks?: Array<[number, number]>;
  /** For a chunked field: where its contribution cues are (see `cueSpans`), noted in the first pass. */
  cues?: Array<[number, number]>;
  /** For a chunked field: where its future-work cues are, noted in the first pass. */
  futureWork?: Array<[number, number]>;
}

/**
 * Fields of more tokens than this (about 7 MB of text) are matched a stretch of whole sentences at
 * a time, so memory stays bounded: every relation between matches (exclusions, longer matches,
 * companions, cues) stays within a sentence, so the result is the same as in one piece (except
 * for a pattern spanning a sentence split, an abbreviation's full stop as in "Dr. GRPO", cut at a
 * stretch's end). A stretch is about STRETCH_TOKENS long: its matches and candidates then die
 * young, in V8's young generation, instead of being promoted and piling up as garbage (a 50 MB
 * record, names off, peaked at 0.91 GB with stretches of 131k tokens, 0.57 GB with 8k).
 */
const CHUNK_TOKENS = 1 << 20;
const STRETCH_TOKENS = 1 << 13;

function classifyRecord(compiled: CompiledTaxonomy, buffers: FieldBuffer[], scratch: RecordScratch, record: PaperInput, options: ClassifyOptions): Classification {
  const id = recordId(record);
  const fields: ScannedText[] = [];
  const { needs, evidence, roles } = scratch;
  needs.clear();
  evidence.reset();
  scratch.redefinitions.start(textOf(record.title), textOf(record.abstract));
  let dependent = false;
  let chunked = false;
  const contribution = options.names === false ? -1 : scratch.contribution;
  const futureWork = options.names === false ? -1 : scratch.futureWork;
  // Word ids stay valid for the whole record: the cache may only drop words before it.
  compiled.matcher.compactWords();
  for (let i = 0; i < FIELDS.length; i++) {
    const field = FIELDS[i]!;
    const original = fieldText(record, field, id);
    if (!original) continue;
    const scanned = scanField(compiled, buffers[i]!, field, original);
    if (scanned.chunks) {
      // Only what the matches depend on (and where the contribution cues are) is kept from this first pass; they are found again below.
      if (contribution >= 0) scanned.cues = [];
      if (futureWork >= 0) scanned.futureWork = [];
      chunked = true;
      const { stretch, stretchCues } = scratch;
      for (const [from, to] of scanned.chunks) {
        const matches = compiled.matcher.scan(scanned.text.tokens, scanned.infos, from, to, stretchCues);
        takeMatches(compiled, scratch, stretch, matches, stretchCues, scanned.text);
        if (needs.note(stretch.positives)) dependent = true;
        if (scanned.cues) addCueSpans(scanned, stretchCues, contribution, scanned.cues);
        if (scanned.futureWork) addCueSpans(scanned, stretchCues, futureWork, scanned.futureWork);
      }
      stretch.release();
    } else {
      // fields[i]'s matches go into roles[i].
      const lists = roles[fields.length]!;
      takeMatches(compiled, scratch, lists, scanned.matches, scanned.cueMatches, scanned.text);
      if (needs.note(lists.positives)) dependent = true;
    }
    fields.push(scanned);
  }
  // Companions, context words and gates are only looked for when some match depends on them.
  if (dependent) {
    if (needs.near) for (let i = 0; i < fields.length; i++) if (!fields[i]!.chunks) needs.addCompanions(fields[i]!, roles[i]!);
    // A chunked field's matches are gone by the time candidates are counted: search now.
    if (chunked) needs.findIn(fields, evidence);
    else needs.defer(fields, evidence);
  }
  const keep = options.maxEvidence ?? DEFAULT_MAX_EVIDENCE;
  // Without a match of a named method's rule no candidate is a name's mention and nothing needs
  // re-weighing: the family scores are those of names off, and only proposed names are left to find.
  if (options.names === false || !fields.some((field, i) => field.chunks || roles[i]!.named)) {
    // Matches are scored as they are found: a term-dense record's millions never coexist.
    const { scorer } = scratch;
    scorer.start(evidence, keep);
    collectFields(compiled, scratch, fields, dependent && needs.near, scorer);
    const { tags, mentions } = scratch.selector.select(scorer.scores(), options, scorer);
    if (options.names === false) return options.explain ? { id, tags, mentions } : { id, tags };
    const proposed = proposedNames(nameFields(fields, contribution, -1));
    return options.explain ? { id, tags, names: [], proposed, mentions } : { id, tags, names: [], proposed };
  }
  // Names weigh their mentions by the role the whole record gives them: the collector counts
  // candidates as they are found and applies the roles when the record is read.
  scratch.names ??= new NameCollector(compiled);
  const collector = scratch.names;
  collector.start(evidence, nameFields(fields, contribution, futureWork), id, record, keep, keep);
  collectFields(compiled, scratch, fields, dependent && needs.near, collector);
  const { names, proposed, scores } = collector.finish();
  const { tags, mentions } = scratch.selector.select(scores, options, scores);
  return options.explain ? { id, tags, names, proposed, mentions } : { id, tags, names, proposed };
}

/**
 * The texts the names layer reads, and where the contribution and future-work cues are in them
 * (a group of index -1, absent or not wanted: undefined).
 */
function nameFields(fields: readonly ScannedText[], contribution: number, futureWork: number): NameFields {
  // Both keys from the start: every record's objects then share one shape, where adding them one by one made the stores megamorphic.
  const texts: NameFields['texts'] = { title: undefined, abstract: undefined };
  const cues: NonNullable<NameFields['cues']> = { title: undefined, abstract: undefined };
  const later: NonNullable<NameFields['futureWork']> = { title: undefined, abstract: undefined };
  for (const field of fields) {
    const spans = contribution >= 0 ? cueSpans(field, field.cues, contribution) : undefined;
    const futureSpans = futureWork >= 0 ? cueSpans(field, field.futureWork, futureWork) : undefined;
    // Stored by a literal key: a store keyed by the field's name goes through V8's megamorphic keyed-store stub.
    if (field.text.field === 'title') {
      texts.title = field.text.original;
      cues.title = spans;
      later.title = futureSpans;
    } else {
      texts.abstract = field.text.original;
      cues.abstract = spans;
      later.abstract = futureSpans;
    }
  }
  return { texts, cues: contribution >= 0 ? cues : undefined, futureWork: futureWork >= 0 ? later : undefined };
}

/** Weighs the fields' matches into `sink` (the family scorer or the names collector). */
function collectFields(compiled: CompiledTaxonomy, scratch: RecordScratch, fields: ScannedText[], near: boolean, sink: MatchSink): void {
  const { collector, roles } = scratch;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (!field.chunks) collector.collect(field.text, roles[i]!, sink);
    else for (const [from, to] of field.chunks) collectChunk(compiled, scratch, field, from, to, near, sink);
    roles[i]!.release();
  }
}

function collectChunk(compiled: CompiledTaxonomy, scratch: RecordScratch, field: ScannedText, from: number, to: number, near: boolean, sink: MatchSink): void {
  const { stretch, stretchCues } = scratch;
  takeMatches(compiled, scratch, stretch, compiled.matcher.scan(field.text.tokens, field.infos, from, to, stretchCues), stretchCues, field.text);
  if (near) scratch.needs.addCompanions(field, stretch);
  scratch.collector.collect(field.text, stretch, sink);
  stretch.release();
}

/** Sorts a field's (or stretch's) matches by role into `lists`, less the named acronyms the record spells out as something else. */
function takeMatches(compiled: CompiledTaxonomy, scratch: RecordScratch, lists: RoleLists, matches: readonly PatternMatch[], cues: CueMatches, text: FieldText): void {
  lists.take(compiled, matches, cues, scratch.evidence);
  if (lists.named) lists.dropPositives(compiled, (match) => scratch.redefinitions.redefines(match, text));
}

/** A field's text for reading ahead of its check (`fieldText` rejects a wrong type when its turn comes). */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function scanField(compiled: CompiledTaxonomy, buffer: FieldBuffer, field: Field, original: string): ScannedText {
  const { tokens, cues } = buffer;
  // Most abstracts are plain ASCII prose: tokenise directly, and normalise only when the
  // tokenizer meets something to clean (LaTeX, entities, non-ASCII, line-break hyphens).
  let normalised: NormalisedText = { text: original, pieces: null };
  if (!tokenise(original, tokens, true).clean) {
    normalised = normalise(original, tokens.cleanTo);
    retokenise(normalised.text, tokens);
  }
  const text = { field, original, normalised, tokens };
  if (tokens.count > CHUNK_TOKENS) {
    cues.clear();
    return { text, infos: compiled.matcher.words(tokens), marks: tokens.marks, matches: [], cueMatches: cues, chunks: sentenceChunks(tokens, STRETCH_TOKENS) };
  }
  const matches = compiled.matcher.scanWords(tokens, cues);
  return { text, infos: tokens.ids, marks: tokens.marks, matches, cueMatches: cues };
}

/** Splits the tokens into ranges of at least `size` tokens that end at a sentence end (or the text's). */
function sentenceChunks(tokens: Tokens, size: number): Array<[number, number]> {
  const chunks: Array<[number, number]> = [];
  let from = 0;
  for (let k = size; k < tokens.count; k++) {
    if (k - from < size || tokens.sentences[k] === tokens.sentences[k - 1]) continue;
    chunks.push([from, k]);
    from = k;
  }
  chunks.push([from, tokens.count]);
  return chunks;
}

/**
 * Where the matcher found a cue group's cues (contribution: "we propose", "termed", "novel"), in
 * the original text: `noted`, a chunked field's spans from its first pass, or else its cue matches'.
 */
function cueSpans(field: ScannedText, noted: Array<[number, number]> | undefined, group: number): Array<[number, number]> {
  return noted ?? addCueSpans(field, field.cueMatches, group, []);
}

function addCueSpans(field: ScannedText, cues: CueMatches, group: number, spans: Array<[number, number]>): Array<[number, number]> {
  const { tokens, normalised } = field.text;
  for (let i = 0; i < cues.count; i++) {
    if (cues.groups[i] === group) spans.push(originalSpan(normalised, tokens.starts[cues.firsts[i]!]!, tokens.ends[cues.lasts[i]!]!));
  }
  return spans;
}

function recordId(record: PaperInput): string {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new RecordError(`expected a record object with title and abstract, got ${describe(record)}`);
  }
  const { id } = record;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  if (id !== undefined && id !== null && id !== '') throw new RecordError(`expected a string or number, got ${describe(id)}`, { field: 'id' });
  return `#${contentHash(record)}`;
}

function fieldText(record: PaperInput, field: Field, id: string): string {
  const value = record[field];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new RecordError(`expected a string, got ${describe(value)}`, { recordId: id, field });
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `string ${JSON.stringify(value.slice(0, 40))}`;
  // String() rather than JSON.stringify: it renders NaN, Infinity and BigInt faithfully, and never throws.
  return typeof value === 'symbol' || typeof value === 'function' ? typeof value : `${typeof value} ${String(value)}`;
}

/** FNV-1a over title and abstract: a stable id for records that have none. */
function contentHash(record: PaperInput): string {
  const text = `${typeof record.title === 'string' ? record.title : ''}\n${typeof record.abstract === 'string' ? record.abstract : ''}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
