/**
 * The names a paper gives its own contribution (NAMES.md `proposed`), known to the taxonomy or
 * not, in any field: "we propose GORACS", "a novel method termed SaRA", "Robustness Critical
 * Fine-Tuning (RiFT), a novel approach", "LEVI: Generalizable Fine-tuning via …". A name is a
 * token that looks coined (capitals inside, digits, an acronym), never a common ML acronym.
 */
import { isSpaceCode } from '../text/tokenise.js';
import { isStop, isWordChar, PRIOR_WORK } from './roles.js';
import type { Field, ProposedName } from './types.js';

/** A coined-looking token: letters, digits, ², ³, +, hyphens, dots inside. */
const TOKEN = String.raw`[A-Za-z0-9²³][\w²³+\-.]*[\w²³+]|[A-Z]`;
const NAMING = String.raw`\b(?:(?:termed|dubbed|called|named|coined)(?:\s+as)?|namely|abbreviated\s+as|referred\s+to\s+as|[Ww]e\s+(?:call|term|name|dub)(?:\s+(?:it|this|them|(?:the|these|this|our)\s+\w+))?)\s*[,:]?\s*`;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
export const isCapital = (c: number) => c >= 65 && c <= 90;
export const isDigit = (c: number) => c >= 48 && c <= 57;
/** `/[a-z0-9]/`. */
const isLowerAlnum = (c: number) => (c >= 97 && c <= 122) || isDigit(c);

/** Words between a contribution verb and the name that take it out of the contribution ("we propose a method built on LLaMA"). */
const DETOUR_LIST = 'called|named|termed|dubbed|namely|on|with|using|use|for|to|from|by|via|than|like|such|over|under|into|upon|based|against|in|within|across|and|or|that|which|where|when|while|whose|if';
/**
 * Lowercase words looked up in a text in any case of their ASCII letters, in place (no
 * `text.slice(from, to).toLowerCase()` copy): kept by length and first letter.
 */
class FoldedWords {
  private readonly byShape = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      const key = shapeKey(word, 0, word.length);
      this.byShape.set(key, [...(this.byShape.get(key) ?? []), word]);
    }
  }

  /** `text.slice(from, to)` is one of the words, in any case. */
  has(text: string, from: number, to: number): boolean {
    const words = this.byShape.get(shapeKey(text, from, to));
    if (words === undefined) return false;
    // Every character is compared: a digit or `_` shares its low bits with a letter.
    for (const word of words) if (equalsFolded(text, from, word)) return true;
    return false;
  }
}

function shapeKey(text: string, from: number, to: number): number {
  return (to - from) * 32 + (text.charCodeAt(from) & 31);
}

/** `text` holds the lowercase `word` at `at`, its ASCII letters in either case. */
function equalsFolded(text: string, at: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(at + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

const DETOUR_WORDS = new FoldedWords(DETOUR_LIST.split('|'));

/**
 * Words that make the noun after "of" the thing itself ("a family of … methods", "a suite of
 * benchmarks"): after any other word, "of" turns to what the thing is of ("a review of the DDA",
 * "a new version of the Probability Collectives (PC) algorithm").
 */
const COLLECTIVES = new FoldedWords(['family', 'suite', 'set', 'collection', 'series', 'class', 'kind', 'type']);

/**
 * `/\b(?:DETOUR_LIST|(?<!\b(?:COLLECTIVES)\s+)of)\b/i.test(text.slice(floor, to))` from `from` on, by
 * character codes: a whole word (a run of `\w` characters, cut at `from` and `to`) that is a detour
 * word in any case, or "of" after a word other than a collective (read no further back than
 * `floor`). Only runs of 2 to 7 letters are looked up.
 */
export function hasDetour(text: string, from: number, to: number, floor = from): boolean {
  for (let i = from; i < to; ) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let letters = true;
    for (; i < to && isWordChar(text.charCodeAt(i)); i++) letters &&= isLetter(text.charCodeAt(i));
    if (letters && i - start >= 2 && i - start <= 7 && (DETOUR_WORDS.has(text, start, i) || ofAnother(text, start, i, floor))) return true;
  }
  return false;
}

/** `text.slice(start, end)` is "of" after a word that is not a collective. */
function ofAnother(text: string, start: number, end: number, floor: number): boolean {
  if (!isOf(text, start, end)) return false;
  const [from, to] = wordBefore(text, start, floor);
  return !(to > from && COLLECTIVES.has(text, from, to));
}

/** `text.slice(start, end)` is "of", in any case. */
function isOf(text: string, start: number, end: number): boolean {
  return end - start === 2 && (text.charCodeAt(start) | 32) === 111 && (text.charCodeAt(start + 1) | 32) === 102;
}

/** A detour word or a clause end (`/[.;:!?]/`) in `text.slice(from, to)`: the words after it are no longer the contribution's. */
export function endsRun(text: string, from: number, to: number): boolean {
  return endsRunAfter(text, from, from, to);
}

/**
 * `endsRun(text, from, to)` where `text.slice(from, checked)` is known to hold no detour word and
 * no word runs across `checked` (a token ends there): only the rest is read for detour words.
 */
export function endsRunAfter(text: string, from: number, checked: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 59 || c === 58 || c === 33 || c === 63) return true;
  }
  return hasDetour(text, checked, to, from);
}

/** Common acronyms and model names that are never a paper's own coinage. */
const NOT_NAMES = new Set(
  `AI ML RL NLP NLU NLG CV LLM LLMs MLLM MLLMs VLM VLMs LM LMs PLM PLMs SLM LVLM LVLMs GPU GPUs CPU TPU API APIs CNN CNNs RNN RNNs GNN GNNs MLP MLPs SGD
  DP FL XAI RAG KD GAN GANs VAE VAEs RAG ICL CoT SSL MAE IR NER POS MT ASR TTS
  ViT ViTs BERT RoBERTa GPT GPT-2 GPT-3 GPT-4 GPT-4o T5 CLIP LLaMA Llama LLaMA-2 Llama-2 Llama-3 Mistral Qwen SOTA OOD ID IID PEFT PETL SFT FT
  LoRA DPO RLHF PPO VQA QA KL MSE AUC F1 IoU MoE FFN QKV SVD PCA OT HF DNN DNNs NN NNs US UK EU USA I II III IV A B C X Y Z
  LSTM LSTMs GRU GCN GCNs GAT ANN ANNs SNN SNNs KAN KANs PINN PINNs SVM SVMs HMM CRF GLM MLE ELBO MCMC MCTS EM
  DRL MARL UDA NLI KG KGs MIA BO ODE ODEs PDE PDEs SDE RMSE DP-SGD MPC NeurIPS ICML ICLR CVPR ICCV ECCV EMNLP NAACL AAAI IJCAI BLEU BLEU-4 ROUGE ROUGE-L BEV HAR IDS IoT DDoS ECG EEG MRI fMRI CT
  QED QCD MHD CMB AGN AGNs QSO QSOs NIR IR UV mid-IR near-IR far-IR GPS AdS CFT DFT NMR HST VLBI VLT PSR GRB SNR SNe SDSS 2MASS NGC HD IRAS
  UBV UBVRI BVRI BVI JHK JHKs CVs LSB ULIRG ULIRGs`.split(/\s+/),
);

/** A common acronym or model name (NOT_NAMES): never a paper's own coinage. */
export function isCommonName(token: string): boolean {
  return NOT_NAMES.has(token);
}

export function isNameLike(token: string): boolean {
  // Every coined shape has a capital after the first character or a digit; most words have neither.
  if (token.length < 2 || !coinedHint(token)) return false;
  // A name found is asked again when it is added: the answer of the last token asked is kept.
  if (token !== lastShape.token) {
    lastShape.token = token;
    lastShape.nameLike = coinedShape(token);
  }
  return lastShape.nameLike;
}

const lastShape = { token: '', nameLike: false };

/** `isNameLike` of a token of two or more characters with the coined hint. */
function coinedShape(token: string): boolean {
  let letters = 0;
  let capital = false;
  let digit = false;
  let digits = 0;
  let hyphen = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (isLetter(c)) letters++;
    else if (isDigit(c)) digits++;
    capital ||= isCapital(c);
    digit ||= isDigit(c) || c === 0xb2 || c === 0xb3;
    hyphen ||= c === 45;
  }
  // A number or a percentage (`/^\d+(?:\.\d+)?%?$/`) has no letter: it is out here too.
  if (letters < 2 || NOT_NAMES.has(token)) return false;
  // An adjective ending opens on a hyphen, a designation has six digits: the patterns run only then.
  if ((hyphen && ADJECTIVE_ENDING.test(token)) || (digits >= 6 && DESIGNATION.test(token)) || isFormula(token)) return false;
  // Coined: a capital inside a word part (RiFT, LoRA, GenerativeAdapter), an all-capital part
  // (GORACS, SURE-VQA), or a capital with digits (S3FT, S²FT); not Title-Case words (Fine-Tuning).
  return hasCoinedPart(token) || (capital && digit);
}

/** A catalogue designation of a sky object: "J1655-40", "HS1857+5144", "J102146.44+234926.3". */
const DESIGNATION = /\d{4,}(?:\.\d+)?[+-]\d{2,}/;

/** A catalogue number or a supernova's year and letters: "061121", "2003du". */
const SERIAL = /^\d{5,}$|^(?:19|20)\d\d[a-z]{1,3}$/;

/** The chemical elements' symbols, to tell a formula ("SiO", "Cs2AgF4", "FeMn") from a coined name. */
const ELEMENTS = new Set(
  `H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag
  Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U
  Np Pu`.split(/\s+/),
);

/**
 * A chemical formula, or an ion in spectroscopic notation: element symbols with counts ("Cs2AgF4"),
 * a pair of symbols ("SiO", "TiSe"), or one with an ionisation stage ("CaII", "NeV"). At least one
 * two-letter symbol is required, so all-capital acronyms that happen to spell symbols ("BOB",
 * "CNN") stay names.
 */
export function isFormula(token: string): boolean {
  // An ionisation stage follows a symbol that ends in a lowercase letter ("Ca" + "II", "Ne" + "V"); it ends in "I" or "V".
  const last = token.charCodeAt(token.length - 1);
  const stage = last === 73 || last === 86 ? STAGE.exec(token) : null;
  const lower = stage !== null && stage.index >= 2 ? token.charCodeAt(stage.index - 1) : 0;
  const body = lower >= 97 && lower <= 122 ? token.slice(0, stage!.index) : token;
  let symbols = 0;
  let twoLetter = false;
  for (let i = 0; i < body.length; ) {
    const c = body.charCodeAt(i);
    if (isDigit(c)) {
      i++;
      continue;
    }
    if (!isCapital(c)) return false;
    const next = body.charCodeAt(i + 1);
    if (next >= 97 && next <= 122 && ELEMENTS.has(body.slice(i, i + 2))) {
      twoLetter = true;
      i += 2;
    } else if (ELEMENTS.has(body[i]!)) i++;
    else return false;
    symbols++;
  }
  if (body !== token) return symbols >= 1;
  // Without counts only a pair of symbols ("SiO", "FeMn"): three or more spell coined names too ("FLaRe").
  return twoLetter && (symbols === 2 || (symbols > 2 && /\d/.test(body)));
}

/** An ionisation stage in spectroscopic notation, ending a token. */
const STAGE = /(?:I{1,3}|IV|V|VI)$/;

/** "DRL-based", "BFS-style", "IoT-optimized", "3D-aware": an adjective made of a term, not a name. */
const ADJECTIVE_ENDING = /-(?:[Bb]ayesian|based|type|style|aware|optimi[sz]ed|driven|like|free|specific|guided|enabled|powered|oriented|centric|inspired|related)$/;

/** Some part of the token between `-`, `+` and `.` is coined: a capital after its first letter or digit, or all capitals then digits. */
function hasCoinedPart(token: string): boolean {
  let from = 0;
  for (let to = 0; to <= token.length; to++) {
    const c = to < token.length ? token.charCodeAt(to) : 45;
    if (c !== 45 && c !== 43 && c !== 46) continue;
    if (isCoinedPart(token, from, to)) return true;
    from = to + 1;
  }
  return false;
}

/**
 * For the part `token.slice(from, to)` holding a letter: `/^.+[A-Z]/` on its letters, digits, ²
 * and ³, or `/^[A-Z]{2,}\d*$/` on the part itself.
 */
function isCoinedPart(token: string, from: number, to: number): boolean {
  let kept = 0;
  let letter = false;
  let capitalInside = false;
  for (let i = from; i < to; i++) {
    const c = token.charCodeAt(i);
    letter ||= isLetter(c);
    if (!isLetter(c) && !isDigit(c) && c !== 0xb2 && c !== 0xb3) continue;
    capitalInside ||= kept > 0 && isCapital(c);
    kept++;
  }
  if (!letter) return false;
  if (capitalInside) return true;
  let i = from;
  while (i < to && isCapital(token.charCodeAt(i))) i++;
  if (i - from < 2) return false;
  while (i < to && isDigit(token.charCodeAt(i))) i++;
  return i === to;
}

/**
 * `/^.+[A-Z]|[\d²³]/.test(token)` by character codes: a capital after the first character (with no
 * line break before it, which `.` would not cross) or a digit anywhere. Most words have neither,
 * and this runs on every word the name finders look at. Of `token.slice(from, to)`, read in place.
 */
export function coinedHint(token: string, from = 0, to = token.length): boolean {
  let lineBreak = false;
  for (let i = from; i < to; i++) {
    const c = token.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 0xb2 || c === 0xb3) return true;
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) lineBreak = true;
    else if (i > from && !lineBreak && c >= 65 && c <= 90) return true;
  }
  return false;
}

const NAMING_RE = new RegExp(NAMING, 'y');
const TOKEN_AT = new RegExp(`^(?:${TOKEN})`);
const SPELLED = new RegExp(`^[^().;,]{2,80}?\\((${TOKEN})\\)`);
const OURS = /[Oo]ur (?:(?:first|new|proposed)\s+)?(?:method|approach|framework|model|algorithm|benchmark|dataset|corpus|library|toolkit)\b[\s:,]*/y;
const NOVEL = /(?:,\s*(?:which\s+is\s+)?|\s+is\s+)an?\s+(?:novel|new|simple|general|unified|lightweight|efficient|effective|plug-and-play)\b/y;
const LAST_TOKEN = new RegExp(`(${TOKEN})(?:\\s*\\([^)]{2,80}\\))?$`);

/** Proposed names of one field, in order of appearance, each once. */
export function findProposed(field: Field, text: string, cues?: ReadonlyArray<readonly [number, number]>, abstract = ''): ProposedName[] {
  const found: ProposedName[] = [];
  // Most titles have no colon and no cue: nothing to look at.
  const titleHead = field === 'title' && text.indexOf(':') > 0;
  if (!titleHead && cues !== undefined && cues.length === 0) return found;
  const add = (token: string, at: number, expansion?: string, quoted = false, vetoed?: () => boolean) => {
    const clean = trimTrailingPunctuation(token);
    const written = withSuperscripts(clean);
    if ((!quoted && !isNameLike(clean)) || (quoted && NOT_NAMES.has(clean)) || hasText(found, written) || vetoed?.()) return;
    // The name as it reads ("S²FT"); the evidence keeps the field's own characters ("S^{2}FT").
    const name: ProposedName = { text: written, evidence: { field, start: at, end: at + clean.length, text: clean } };
    const spelled = expansion ?? expansionBefore(text, at, clean);
    if (spelled) name.expansion = spelled;
    found.push(name);
  };
  if (titleHead) titleNames(text, add, abstract);
  // Without cues the anchors are found here; with none, no place is looked at.
  if (cues === undefined || cues.length > 0) abstractNames(text, add, cues);
  return found.length > 1 ? found.sort(byStart) : found;
}

/**
 * The names an abstract gives a model, found from the word "model" (one scan for both rules, in
 * place of a search for "we train", whose letters are common): "We trained a model, LLMergeJ, to
 * …" (`trainedName`), and "the resulting AlpaCaR model" next to CaR (`derivedName`). Added to
 * `names`, the record's proposed names so far, after them.
 */
export function modelNames(text: string, names: ProposedName[]): void {
  const known = names.length;
  // A search for a needle that opens on a capital or a rare letter pair is cheap (0.04-0.2 µs an
  // abstract), one for "model," is not (0.45 µs): most abstracts train no model of their own.
  // Without a name found, only "model," can yield one: the abstract's other "model"s are skipped natively.
  if (known === 0) {
    if (trains(text)) for (let model = text.indexOf('model,'); model >= 0; model = text.indexOf('model,', model + 6)) trainedName(text, names, model);
    return;
  }
  // With one, every "model" is visited anyway: whether the abstract trains one is asked at the first "model,".
  let trained: boolean | undefined;
  for (let model = text.indexOf('model'); model >= 0; model = text.indexOf('model', model + 5)) {
    const next = text.charCodeAt(model + 5);
    if (next === 44) {
      trained ??= trains(text);
      if (trained) trainedName(text, names, model);
    } else if (next === 32 || next === 115) derivedName(text, names, model, known);
  }
}

/** "We train", "we train": the only sentences `trainedName` reads. */
function trains(text: string): boolean {
  return text.indexOf('We train') >= 0 || text.indexOf('we train') >= 0;
}

/**
 * "We trained a model, LLMergeJ, to resolve merge conflicts": training is no contribution verb
 * (most trained models are someone else's, "we train a ResNet-50"), but the model it names in
 * apposition is the paper's own. `model` is where "model," is.
 */
function trainedName(text: string, names: ProposedName[], model: number): void {
  const from = Math.max(0, model - 80);
  const before = text.slice(from, model + 7);
  if (before.indexOf('rain') < 0) return;
  const m = TRAINED.exec(before);
  if (!m) return;
  const after = from + m.index + m[0].length - m[1]!.length;
  const appositive = appositiveName(text.slice(after, sentenceEnd(text, after, Math.min(text.length, after + 240))));
  if (appositive === undefined || hasText(names, appositive.name)) return;
  const start = after + appositive.at;
  names.push({ text: appositive.name, evidence: { field: 'abstract', start, end: start + appositive.name.length, text: appositive.name } });
}

/** "We trained a model, ", "we train a small code model, ": the verb, then the object up to the comma. */
const TRAINED = /\b[Ww]e train(?:ed)?(\s+an?\s+(?:[\w-]+\s+){0,4}?model,\s)$/;

/**
 * "the resulting AlpaCaR model" next to CaR, "We train a QuRater model" next to QuRating: a model
 * the paper builds from its own named method carries that name in its own. A coined token right
 * before "model" is a name when it holds one of the first `known` names or shares the first five
 * characters of a one-word one; "a LLaMA-2 model" shares nothing with the paper's names.
 */
function derivedName(text: string, names: ProposedName[], model: number, known: number): void {
  const at = model - 1;
  if (at < 0 || text.charCodeAt(at) !== 32) return;
  let start = at;
  while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
  // Most words before "model" ("language model") have no coined hint: nothing is copied for them.
  if (at - start < 4 || !coinedHint(text, start, at)) return;
  const token = trimTrailingPunctuation(text.slice(start, at));
  if (token.length < 4 || !isNameLike(token) || hasText(names, token)) return;
  for (let i = 0; i < known; i++) {
    if (!derivedFrom(token, names[i]!.text)) continue;
    names.push({ text: token, evidence: { field: 'abstract', start, end: start + token.length, text: token } });
    return;
  }
}

/** `token` holds `name` (three characters or more) inside, or begins with the first five of a one-word name. */
function derivedFrom(token: string, name: string): boolean {
  if (name.length >= 3 && token.length > name.length && token.includes(name)) return true;
  // A word of a name is not derived from it ("TinyML" of "TinyML Security").
  return name.length >= 5 && token.startsWith(name.slice(0, 5)) && !name.includes(token) && !name.includes(' ');
}

/** "S^{2}FT", "S^2FT" → "S²FT": a LaTeX square or cube in a name, as the name is written. */
export function withSuperscripts(name: string): string {
  return name.includes('^') ? name.replace(/\^\{?([23])\}?/g, (_, digit: string) => (digit === '2' ? '²' : '³')) : name;
}

function hasText(found: readonly ProposedName[], text: string): boolean {
  for (let i = 0; i < found.length; i++) if (found[i]!.text === text) return true;
  return false;
}

const byStart = (a: ProposedName, b: ProposedName) => a.evidence.start - b.evidence.start;

/** `token.replace(/[.,;:]+$/, '')` without a pattern tried at every character. */
export function trimTrailingPunctuation(token: string): string {
  let end = token.length;
  for (let c = token.charCodeAt(end - 1); c === 46 || c === 44 || c === 59 || c === 58; c = token.charCodeAt(end - 1)) end--;
  return end === token.length ? token : token.slice(0, end);
}

/**
 * "LEVI: Generalizable …", "S^{2}FT: Efficient …", "Model soups: averaging …". A head that does not
 * look coined ("Adapters: A Unified Library", "Segment Anything: …") is a name when the abstract
 * calls the paper's thing by it again.
 */
function titleNames(title: string, add: Add, abstract: string): void {
  const colon = title.indexOf(':');
  if (colon <= 0) return;
  const head = title.slice(0, colon).trim();
  // An empty head (" : …") would make every `indexOf(head)` below match everywhere, forever.
  if (head === '') return;
  const words = wordsOf(head);
  if (words.length > 3) return;
  // Where the trimmed head starts: after the title's leading spaces.
  let at = 0;
  while (isSpaceCode(title.charCodeAt(at))) at++;
  // "Direct Preference Optimization: …" with "… (DPO)" in the abstract: the acronym is the name.
  const short = acronymAfter(abstract, head);
  if (short) {
    add(short, at, undefined, true);
    return;
  }
  // "GRO J1655-40: …", "SN 2003du: …", "HS1857+5144: …": a sky object's designation names what is observed.
  if (words.some((w) => hasDigit(w) && SKY_OBJECT.test(w))) return;
  // "Strengthening DeFi Security: …", "Scaling LLaMA: …": a head that opens with a gerund is a phrase about the work.
  if (words.length > 1 && GERUND.test(words[0]!)) return;
  // "LESS is More: …", "Size Matters: …": a head with a verb is a slogan, not a name.
  if (words.length > 1 && words.some((w) => HEAD_VERBS.has(w, 0, w.length))) return;
  // "Navigation with QPHIL: …", "ImageRAG for RS: …": with a function word the head is a phrase; its first coined word is the name.
  // By length first: a set lookup hashes the word, a fresh string each time.
  if (words.some((w) => w.length <= 5 && HEAD_FUNCTION_WORDS.has(w))) {
    const coined = words.find(isNameLike);
    if (coined !== undefined) add(coined, title.indexOf(coined, at));
    return;
  }
  if (words.some(isNameLike)) add(head, at);
  else if (words.every((w) => /^[A-Z0-9]|^[a-z]+[-\d]/.test(w)) && !COMMON_WORDS.test(head) && reused(head, abstract)) add(head, at, undefined, true);
}

/** DESIGNATION or SERIAL, in one pattern: one call per word, and only for a word with a digit (both need four). */
const SKY_OBJECT = new RegExp(`${DESIGNATION.source}|${SERIAL.source}`);

/** `/\d/.test(word)`. */
function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (isDigit(word.charCodeAt(i))) return true;
  return false;
}

const GERUND = /^[A-Z][a-z]+ing$/;
/** `/^(?:is|are|was|were|be|can|does|do|did|matters?|needs?)$/i`, looked up in place. */
const HEAD_VERBS = new FoldedWords(['is', 'are', 'was', 'were', 'be', 'can', 'does', 'do', 'did', 'matter', 'matters', 'need', 'needs']);
/** Words of at most five letters. */
const HEAD_FUNCTION_WORDS = new Set(['with', 'for', 'via', 'using', 'in', 'on', 'of', 'to', 'from', 'by', 'as', 'at']);

const PAREN_AT = new RegExp(`\\s*\\((${TOKEN})\\)`, 'y');

/**
 * The acronym in "name (ACR)" at the first place the abstract writes `name` so. Found from the
 * brackets, which are few, rather than with a search for the name (a string search sets up a skip
 * table per call): `name` is trimmed, so it ends where the spaces before a bracket start.
 */
function acronymAfter(abstract: string, name: string): string | undefined {
  for (let bracket = abstract.indexOf('('); bracket >= 0; bracket = abstract.indexOf('(', bracket + 1)) {
    let end = bracket;
    while (end > 0 && isSpaceCode(abstract.charCodeAt(end - 1))) end--;
    if (end < name.length || !abstract.startsWith(name, end - name.length)) continue;
    PAREN_AT.lastIndex = end;
    const m = PAREN_AT.exec(abstract);
    if (m) return m[1];
  }
  return undefined;
}

/** The abstract uses `name` as a name: with its capitals, not as the first word of a sentence only. */
function reused(name: string, abstract: string): boolean {
  for (let i = abstract.indexOf(name); i >= 0; i = abstract.indexOf(name, i + 1)) {
    const before = abstract.slice(Math.max(0, i - 3), i);
    const after = abstract[i + name.length] ?? ' ';
    if (/\w/.test(after) || (i > 0 && /\w/.test(abstract[i - 1]!))) continue;
    if (i > 0 && !/[.!?]\s+$/.test(before)) return true;
    if (/^\S+\s+(?:is|are|was|provides|offers|consists|contains|comprises|covers|includes|achieves|enables)\b/.test(abstract.slice(i + name.length - name.split(' ').at(-1)!.length))) return true;
  }
  return false;
}

/**
 * Start offsets of every occurrence of the anchors, ascending. Native `indexOf` scans are far
 * cheaper than a regex alternation tried at every character, so the patterns below only run
 * where one of their literal words occurs.
 */
function anchored(text: string, anchors: readonly string[]): number[] {
  const at: number[] = [];
  for (const anchor of anchors) for (let i = text.indexOf(anchor); i >= 0; i = text.indexOf(anchor, i + 1)) at.push(i);
  return at.sort((a, b) => a - b);
}

const VERB_ANCHORS = ['propos', 'introduc', 'present', 'develop', 'design', 'devis', 'deriv', 'build', 'construct', 'releas', 'curat', 'creat', 'establish', 'offer', 'contribut'];
/** The text before a verb stem that makes it the paper's contribution ("we propose", "this paper introduces", "and propose"). */
const VERB_BEFORE = /(?:\b(?:[Ww]e(?:\s+are)?|[Tt]his (?:paper|work|study)|[Oo]ur (?:method|approach|framework|model|algorithm|technique|solution|benchmark))\s+(?:first\s+|further\s+|then\s+|also\s+|additionally\s+|thus\s+|therefore\s+)?|\band\s+)$/;
const VERB_AFTER = /^(?:propose|present|introduce|develop|design|devise|derive|build|construct|release|curate|create|establish|offer|contribute)s?\b|^(?:proposing|introducing|presenting|releasing)\b/y;
const NAMING_ANCHORS = ['termed', 'dubbed', 'called', 'named', 'namely', 'coined', 'abbreviated as', 'referred to as', 'we call', 'We call', 'we term', 'We term', 'we name', 'we dub'];
const NOVEL_ANCHORS = [', a ', ', an ', ' is a ', ' is an ', ', which is a'];

/** End offsets of contribution verbs ("we propose|", "This paper introduces|"). */
function contributionVerbs(text: string): number[] {
  const ends: number[] = [];
  for (const at of anchored(text, VERB_ANCHORS)) {
    if (at > 0 && /\w/.test(text[at - 1]!)) continue;
    VERB_AFTER.lastIndex = 0;
    const verb = VERB_AFTER.exec(text.slice(at, at + 14));
    if (!verb) continue;
    const isGerund = /^(?:proposing|introducing|presenting)$/.test(verb[0]);
    if (isGerund || VERB_BEFORE.test(text.slice(Math.max(0, at - 60), at))) ends.push(at + verb[0].length);
  }
  return ends;
}

/** `vetoed`: a costly test that the place yields no name, asked only of a name otherwise added. */
type Add = (token: string, at: number, expansion?: string, quoted?: boolean, vetoed?: () => boolean) => void;

/**
 * The places to look: the contribution cues the classifier's matcher already found (`[start, end)`
 * in the field), or, without them, literal anchors found here.
 */
function abstractNames(text: string, add: Add, cues?: ReadonlyArray<readonly [number, number]>): void {
  if (cues === undefined) return scanNames(text, add, contributionVerbs(text), anchored(text, NAMING_ANCHORS), anchored(text, NOVEL_ANCHORS), anchored(text, ['our ', 'Our ']));
  const verbs: number[] = [];
  const naming: number[] = [];
  const novel: number[] = [];
  const ours: number[] = [];
  // By index: destructuring each cue pair would go through the array iterator.
  for (let i = 0; i < cues.length; i++) {
    const cue = cues[i]!;
    const start = cue[0];
    const end = cue[1];
    const kind = cueKind(text, start, end);
    if (kind === 'naming') naming.push(start);
    else if (kind === 'ours') {
      if (oursMayMatch(text, start)) ours.push(start);
    } else if (kind === 'novel') {
      const at = novelStart(text, start);
      if (at >= 0) novel.push(at);
    }
    // "we propose" and "propose" end at the same place: their sentence is read once.
    else if (kind === 'verb' && !verbs.includes(end) && !priorVerb(text, start) && !earlierWork(text, start, end)) verbs.push(end);
  }
  scanNames(text, add, verbs, naming, novel, ours);
}

/**
 * Whether OURS can match at `at`, where "our" or "Our" is: it needs a space, then "first", "new"
 * or "proposed" or one of its nouns, which all start with one of `abcdflmnpt`. Most "our" cues
 * are followed by other words ("our results", "our experiments").
 */
export function oursMayMatch(text: string, at: number): boolean {
  if (text.charCodeAt(at + 3) !== 32) return false;
  const c = text.charCodeAt(at + 4);
  return c === 109 || c === 97 || c === 102 || c === 98 || c === 100 || c === 99 || c === 108 || c === 116 || c === 110 || c === 112;
}

const NAMING_CUE = /^(?:termed|dubbed|called|named|namely|coined|we (?:call|term|name|dub))$/i;
const VERB_CUE = new RegExp(`(?:${VERB_ANCHORS.join('|')})\\w*$`, 'i');

export type CueKind = 'naming' | 'ours' | 'novel' | 'verb' | 'other';

/**
 * The kinds of the cue texts seen, which repeat from record to record ("we propose", "novel"):
 * one lookup instead of up to three patterns. Bounded: a run-on text's odd cue spellings cannot grow it.
 */
const CUE_KINDS = new Map<string, CueKind>();

/** The kind of the cue `text.slice(start, end)`: the commonest ("our") by its characters, in place; the others by their text. */
export function cueKind(text: string, start: number, end: number): CueKind {
  const first = text.charCodeAt(start);
  if (end - start === 3 && (first === 111 || first === 79) && text.charCodeAt(start + 1) === 117 && text.charCodeAt(start + 2) === 114) return 'ours';
  const cue = text.slice(start, end);
  let kind = CUE_KINDS.get(cue);
  if (kind === undefined) {
    kind = kindOf(cue);
    if (CUE_KINDS.size >= 4096) CUE_KINDS.clear();
    CUE_KINDS.set(cue, kind);
  }
  return kind;
}

/** The kind of a cue other than "our" (the patterns fail at their first letters on the rest). */
function kindOf(cue: string): CueKind {
  // Naming cues are 5 to 7 characters long ("named", "we call").
  if (cue.length >= 5 && cue.length <= 7) {
    if (NAMING_CUE.test(cue)) return 'naming';
    if (cue.length === 5 && /^novel$/i.test(cue)) return 'novel';
  }
  // A verb stem and the word characters after it lie in the cue's last run of word characters.
  let from = cue.length;
  while (from > 0 && isWordChar(cue.charCodeAt(from - 1))) from--;
  return cue.length - from >= 5 && VERB_CUE.test(cue.slice(from)) ? 'verb' : 'other';
}

/** "the recently proposed BERT model": a verb of someone else's contribution. */
const PRIOR_WORDS = new FoldedWords(['recently', 'previously', 'originally', 'already', 'been', 'was', 'were', 'is', 'are', 'widely', 'commonly', 'first']);

/**
 * `/\b(?:recently|…|first)\s+$/i` over the 30 characters before `start`, by character codes:
 * spaces right before it, and before them a whole word of PRIOR_WORDS (or the end of one, where
 * the 30 characters begin inside it).
 */
export function priorVerb(text: string, start: number): boolean {
  const [from, end] = wordBefore(text, start, Math.max(0, start - 30));
  return end - from >= 2 && end - from <= 10 && PRIOR_WORDS.has(text, from, end);
}

/** A sentence that opens on earlier work: "Previously, …", "In our prior work, …". */
const PRIOR_OPENING = /^\s*(?:previously|earlier|formerly|recently|in\s+(?:(?:a|an|our|their|the)\s+)?(?:previous|prior|earlier|recent|past)\s+(?:works?|papers?|stud(?:y|ies)|publications?|research))\b/i;

/**
 * Whether the past-tense contribution verb `text[start, end)` reports an earlier contribution,
 * someone's or the authors' own, rather than this paper's: its sentence opens on earlier work
 * ("Previously, the authors introduced Kernel Flows (KF)"), or its subject is cited or named
 * ("Smith et al. (2008) presented …", "Bruckner, Ramacher and Striecks proposed a … (HAKE)
 * protocol"). A sentence-initial verb ("Proposed methods …") and one after an article ("the
 * proposed X") are not finite verbs and are left to the other rules.
 */
function earlierWork(text: string, start: number, end: number): boolean {
  if (end - start < 4 || text.charCodeAt(end - 1) !== 100 || text.charCodeAt(end - 2) !== 101) return false;
  let at = start;
  while (at > 0 && isSpaceCode(text.charCodeAt(at - 1))) at--;
  if (at === start || at === 0) return false;
  const c = text.charCodeAt(at - 1);
  // ")" or "]" closes a citation; "et al." ends a cited author list.
  if (c === 41 || c === 93 || (c === 46 && at >= 6 && equalsFolded(text, at - 6, 'et al'))) return true;
  if (isStop(c)) return false;
  let word = at;
  while (word > 0 && isWordChar(text.charCodeAt(word - 1))) word--;
  if (word < at) {
    if (ARTICLES.has(text, word, at)) return false;
    // A capitalised word other than the sentence's first (or "We" after a colon): a person, lab or system is the subject.
    if (isCapital(text.charCodeAt(word)) && !opensSentence(text, word)) return !OWN_SUBJECTS.has(text, word, at);
  }
  const from = sentenceStart(text, start);
  return PRIOR_OPENING.test(text.slice(from, start));
}

/** Whether the word at `at` is the first of its sentence: only spaces, after a stop or nothing, before it. */
function opensSentence(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i === 0 || isStop(text.charCodeAt(i - 1));
}

const OWN_SUBJECTS = new FoldedWords(['we', 'i', 'our', 'this', 'these', 'here']);

/** Full stops that end no sentence. */
const ABBREVIATION = /\be\.g\.$|\bi\.e\.$|\bet al\.$|\bvs\.$/;

/** Whether a sentence may start at `from`: a stop before it, a space (or the text's end) at it, and no abbreviation ("e.g.", "et al.") ending there. */
export function sentenceBreak(text: string, from: number): boolean {
  return isStop(text.charCodeAt(from - 1)) && (from >= text.length || isSpaceCode(text.charCodeAt(from))) && !ABBREVIATION.test(text.slice(Math.max(0, from - 6), from));
}

/** Where the sentence holding `at` starts (its first character but spaces), within `reach` characters. */
export function sentenceStart(text: string, at: number, reach = 300): number {
  const floor = Math.max(0, at - reach);
  let from = at;
  while (from > floor && !sentenceBreak(text, from)) from--;
  while (from < at && isSpaceCode(text.charCodeAt(from))) from++;
  return from;
}

/** Past-tense contribution verbs, as `earlierWork` reads them in the sentence before a naming word. */
const PAST_VERBS = /\b(?:propos|introduc|present|develop|design|devis|creat|releas)ed\b/gi;

/** Whether `before`, the text of the sentence up to `text[at]`, holds a past-tense contribution verb that reports an earlier contribution. */
function earlierWorkIn(text: string, before: string, at: number): boolean {
  // Searched in the sentence's own string: a search of `text` from the sentence on would read to the end of the text.
  const offset = at - before.length;
  PAST_VERBS.lastIndex = 0;
  for (let m = PAST_VERBS.exec(before); m !== null; m = PAST_VERBS.exec(before)) {
    if (earlierWork(text, offset + m.index, offset + m.index + m[0].length)) return true;
  }
  return false;
}

const NOVEL_BEFORE = /(?:,\s*(?:which\s+is\s+)?|\s+is\s+)an?\s+$/;

/** Where ", a novel" / " is a novel" starts, given where "novel" starts, or -1. */
export function novelStart(text: string, novel: number): number {
  if (!articleBefore(text, novel)) return -1;
  const m = NOVEL_BEFORE.exec(text.slice(Math.max(0, novel - 20), novel));
  return m ? novel - (Math.min(20, novel) - m.index) : -1;
}

/**
 * Whether NOVEL_BEFORE can match the text before `at`: it ends with "a" or "an", then spaces, with
 * a comma or a space before the article. Most "novel" cues follow other words ("a novel", "novel
 * methods").
 */
function articleBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
  if (i === at) return false;
  if (text.charCodeAt(i - 1) === 110) i--;
  if (i < 2 || text.charCodeAt(i - 1) !== 97) return false;
  const c = text.charCodeAt(i - 2);
  return c === 44 || isSpaceCode(c);
}

function scanNames(text: string, add: Add, verbs: readonly number[], naming: readonly number[], novel: readonly number[], ours: readonly number[]): void {
  namedAfter(text, add, naming);
  for (const after of verbs) {
    // The rest of the sentence after the verb: names are introduced in the contribution sentence itself.
    const tail = text.slice(after, sentenceEnd(text, after, Math.min(text.length, after + 240)));
    // Every name found below has a capital letter (an acronym, a Title Case run, a coined token).
    if (!CAPITAL.test(tail)) continue;
    const end = after + tail.length;
    // A verb that reports findings yields no name (`reportsFindings`). Most verbs yield none
    // anyway, so that is asked only of a name about to be added: the rules below only read.
    const paren = tail.includes('(');
    const acronym = paren ? definedAcronym(tail) : undefined;
    if (acronym) {
      if (!reportsFindings(text, after, end)) {
        addAcronym(text, add, acronym.text, after + acronym.at);
        secondName(text, add, after + acronym.at + acronym.text.length, end);
      }
      continue;
    }
    // "We present deita (short for Data-Efficient Instruction Tuning for Alignment)": a word of any case, spelled out after it.
    const short = paren ? SHORT_FOR.exec(tail) : null;
    if (short) {
      if (!reportsFindings(text, after, end)) add(short[1]!, after + short.indices![1]![0], short[2], true);
      continue;
    }
    // "we introduce a curated IT dataset, the Selective Alpaca, created …": the name in apposition.
    const appositive = appositiveName(tail) ?? quotedKind(tail);
    if (appositive !== undefined) {
      if (!reportsFindings(text, after, end)) add(appositive.name, after + appositive.at, undefined, true);
      continue;
    }
    // "we propose Conjugate Prompting", "we introduce Spoken DialogSum, the first corpus …"
    const run = TITLE_RUN.exec(tail);
    if (run && !GENERIC_RUN.test(run[1]!) && !/^\s*(?:\(|,\s*or\b)/.test(tail.slice(run[0].length))) {
      if (!reportsFindings(text, after, end)) add(run[1]!, after + run[0].length - run[1]!.length, undefined, true);
      continue;
    }
    // "we propose GORACS", "we introduce Edit-R1, a novel …", "we propose a novel fine-tuning method LEVI (…)"
    if (!MAY_COIN.test(tail)) continue;
    let n = 0;
    let seen = after;
    // `[seen, checked)` holds no detour word: the previous token, once tested below.
    let checked = after;
    // The tokens of TOKEN found left to right, as a global exec loop would, without a match object
    // each, and tested in place: only a token with the coined hint is copied out of the text.
    for (let at = after; at < end; at++) {
      const stop = tokenEnd(text, at, end);
      if (stop < 0) continue;
      if (n++ >= 14) break;
      // Only the words since the previous token are new: testing the whole prefix each time is quadratic.
      const from = seen;
      seen = at;
      const token = coinedHint(text, at, stop) ? text.slice(at, stop) : undefined;
      const nameLike = token !== undefined && isNameLike(token);
      if (endsRunAfter(text, from, checked, at) || (n > 1 && !nameLike && hasDetour(text, at, stop, after))) break;
      if (nameLike) {
        // "the proposed method leverages the TabNet architecture": after a participle the name comes
        // among its first words, or in apposition ("the proposed generation methods, SSPE and
        // COAP"); elsewhere among the first 14, which are all the loop reads.
        if ((n <= 3 || !adjectivalParticiple(text, after) || commaBefore(text, at)) && !categoryBefore(text, at, stop) && !namedLater(text, stop, end) && !reportsFindings(text, after, end) && !genericAcronym(text, token, at)) add(token, at);
        break;
      }
      checked = n > 1 ? stop : at;
      at = stop - 1;
    }
  }
  // "These insights motivate our method: Low-rank Informed Sparse Fine-Tuning (LIFT)."
  for (const at of ours) {
    OURS.lastIndex = at;
    const our = OURS.exec(text);
    if (!our) continue;
    const from = at + our[0].length;
    // "Our method uses Monte Carlo (MC) dropout": a verb, not a name, follows the noun; a name comes
    // after a colon or comma, or capitalised.
    const clause = !/[:,]/.test(our[0]) && isLowerCode(text.charCodeAt(from));
    const m = !clause && spelledAt(text, from) ? SPELLED.exec(text.slice(from, from + 120)) : null;
    if (m) add(m[1]!, from + m[0].length - m[1]!.length - 1);
    else if (text[from - 2] === ',') {
      // "Our first benchmark, ImageNet-C, standardizes …"
      const appositive = /^([A-Z][\w²³+-]*)(?=\s*,)/.exec(text.slice(from, from + 60));
      if (appositive) add(appositive[1]!, from);
    }
  }
  // "X, a novel framework", "X is a novel method", "X (expansion), a new …"
  for (const at of novel) {
    NOVEL.lastIndex = at;
    const m = NOVEL.exec(text);
    if (!m || m.index !== at) continue;
    const head = text.slice(Math.max(0, m.index - 120), m.index);
    const last = lastToken(head);
    if (last) add(last.token, m.index - head.length + last.index, undefined, false, () => endsExpansion(head, last.index + last.token.length));
  }
}

/**
 * "Diffusion Negative-aware FineTuning (DiffusionNFT), a new …": the word ending at `end` is the
 * last of the words the bracket after it abbreviates. A CamelCase word inside an expansion looks
 * coined, but the name is the acronym.
 */
function endsExpansion(head: string, end: number): boolean {
  if (!head.endsWith(')')) return false;
  const open = head.lastIndexOf('(');
  if (open < end) return false;
  return spansWords(longForm(lastWords(head.slice(0, end), 15), head.slice(open + 1, -1)));
}

/** A long form of more than one word: it reaches past the word right before the bracket. */
function spansWords(long: string | undefined): boolean {
  return long !== undefined && long.indexOf(' ') > 0;
}

/**
 * "Hierarchical Decomposition (HiDe-)Prompt": an acronym whose bracket closes on a hyphen goes on
 * past the bracket; the name is the whole word, with its evidence where the text writes it whole.
 */
function addAcronym(text: string, add: Add, short: string, at: number): void {
  const close = at + short.length;
  if (short.endsWith('-') && text.charCodeAt(close) === 41) {
    const stop = tokenEnd(text, close + 1);
    const whole = stop > close + 1 ? short + text.slice(close + 1, stop) : '';
    const written = whole === '' ? -1 : text.indexOf(whole, stop);
    if (written >= 0) return add(whole, written, expansionBefore(text, at, short), true);
  }
  add(short, at, undefined, true);
}

/**
 * "a curated IT dataset, the Selective Alpaca, created …", "a model, LLMergeJ, to resolve …": after
 * an indefinite kind noun, the name set off by commas; a coined token, or capitalised words that
 * are not a kind of model ("a dataset, Large Language Models, …").
 */
function appositiveName(tail: string): { name: string; at: number } | undefined {
  if (tail.indexOf(', ') < 0) return undefined;
  const m = APPOSITIVE.exec(tail);
  if (!m) return undefined;
  const name = m[1]!;
  const words = wordsOf(name);
  if (words.length === 1 ? !isNameLike(name) : GENERIC_RUN.test(name) || words.some((w) => NOT_NAMES.has(w))) return undefined;
  return { name, at: m[0].length - name.length };
}

const APPOSITIVE_NOUNS = 'dataset|benchmark|corpus|model|method|framework|approach|algorithm|system|library|toolkit|suite|metric|pipeline|architecture';
const APPOSITIVE = new RegExp(`^\\s*(?:an?|the(?:\\s+first)?)\\s+(?:[\\w-]+\\s+){0,4}?(?:${APPOSITIVE_NOUNS}),\\s+(?:the\\s+)?([A-Z][\\w²³+-]*(?:\\s+[A-Z][\\w²³+-]*){0,3})(?=\\s*,)`);

/**
 * "we introduce a new “Automatic Behavior Optimization” paradigm": capitalised words in quotes
 * before a kind noun name the kind the paper founds; scare quotes around a common word ("a new
 * 'thinking' paradigm") do not.
 */
function quotedKind(tail: string): { name: string; at: number } | undefined {
  if (!quoteNear(tail)) return undefined;
  const m = QUOTED_KIND.exec(tail);
  if (!m || !/^[A-Z][\w²³+-]*(?:\s+(?:(?:of|for|and|with|in|on|to|via)\s+)?[A-Z][\w²³+-]*)+$/.test(m[2]!) || GENERIC_RUN.test(m[2]!)) return undefined;
  return { name: m[2]!, at: m[1]!.length };
}

/** A quote mark (`"`, `“`, `‘`) among the first 24 characters, where QUOTED_KIND's opens; most tails have none there. */
function quoteNear(tail: string): boolean {
  for (let i = 0; i < tail.length && i < 24; i++) {
    const c = tail.charCodeAt(i);
    if (c === 34 || c === 0x201c || c === 0x2018) return true;
  }
  return false;
}

const QUOTED_KIND = new RegExp(`^(\\s*(?:an?|the)\\s+(?:(?:new|novel)\\s+)?["“‘])([^"”’]{2,60})["”’]\\s+(?:${APPOSITIVE_NOUNS}|paradigm|technique|strategy|scheme|task|problem|setting)\\b`);

/**
 * The second of two names in one contribution sentence, `close` being the first one's ")": "we
 * introduce the Memorization Score (M-Score) and ConceptBench to measure …", "we propose
 * Space-Depth Transpose (SD-Trans) to adapt … and Hyper-Prompting Adapter (HyP-Adpt) to achieve …".
 * A bare name must follow the bracket right after "and" and end its noun phrase; a spelled-out one
 * may come later, when it stands in parallel to the first (the same word after both brackets), not
 * as a part of what the first does ("combining prefix tuning and Low-Rank Adaptation (LoRA)").
 */
function secondName(text: string, add: Add, close: number, end: number): void {
  if (text.charCodeAt(close) !== 41) return;
  const rest = text.slice(close + 1, end);
  // Only the sentence is searched for " and " (a search to the end of the text, once per
  // contribution sentence, made long records quadratic); the text beyond only where a bare
  // "and" opens the rest without " and " in it.
  if (rest.indexOf(' and ') < 0 && !(BARE_AND.test(rest) && text.indexOf(' and ', close) >= 0)) return;
  const bare = BARE_SECOND.exec(rest);
  if (bare) {
    if (!rest.startsWith('(', bare[0].length)) add(bare[1]!, close + 1 + bare[0].length - bare[1]!.length);
    if (!/^\s*\(/.test(rest.slice(bare[0].length))) return;
  }
  const follower = wordAfter(rest, 0);
  for (let and = rest.indexOf(' and '); and >= 0; and = rest.indexOf(' and ', and + 1)) {
    const m = SPELLED_SECOND.exec(rest.slice(and + 5));
    if (!m || longForm(wordsOf(m[1]!), m[2]!) === undefined) continue;
    const bracket = and + 5 + m[0].length;
    if (and === 0 || (follower !== '' && wordAfter(rest, bracket) === follower)) add(m[2]!, close + 1 + bracket - m[2]!.length - 1, undefined, true);
    return;
  }
}

const BARE_AND = /^\s+and\s/;

/** "… (M-Score) and ConceptBench to measure": a name right after "and", then the end of its noun phrase. */
const BARE_SECOND = new RegExp(`^\\s+and\\s+(?:the\\s+)?(${TOKEN})(?=\\s*[,.;:(]|\\s+(?:to|for|that|which|as|in|on|with)\\b|\\s*$)`);
/** "Hyper-Prompting Adapter (HyP-Adpt)": capitalised words, then the acronym in brackets. */
const SPELLED_SECOND = new RegExp(`^(?:the\\s+|an?\\s+)?((?:[A-Z][\\w²³+-]*\\s+){0,5}[A-Z][\\w²³+-]*)\\s*\\((${TOKEN})\\)`);

/** The word after `at` in `text`, across spaces, or "" (a mark or the end comes first). */
function wordAfter(text: string, at: number): string {
  let i = at;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  const start = i;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  return text.slice(start, i);
}

/**
 * Where a match of TOKEN starting at `at` ends, or -1: a first character of `[A-Za-z0-9²³]`, then
 * the longest run of token characters that ends in one of `[\w²³+]` (not `-` or `.`); failing
 * that, a single capital. In `text.slice(0, limit)`.
 */
export function tokenEnd(text: string, at: number, limit = text.length): number {
  const first = text.charCodeAt(at);
  if (isLetter(first) || isDigit(first) || first === 0xb2 || first === 0xb3) {
    let end = -1;
    for (let i = at + 1; i < limit; i++) {
      const c = text.charCodeAt(i);
      if (!isTokenChar(c)) break;
      if (c !== 45 && c !== 46) end = i + 1;
    }
    if (end > 0) return end;
  }
  return isCapital(first) ? at + 1 : -1;
}

const isTokenChar = (c: number) => isWordChar(c) || c === 0xb2 || c === 0xb3 || c === 43 || c === 45 || c === 46;

/**
 * `LAST_TOKEN.exec(head)`, tried only where a match can start (the pattern has no look-behind, so
 * the leftmost match is the same): in the run of token characters that ends the text or, when the
 * text ends with a bracket, after the `)` before it (neither the token nor the bracketed words after it hold one).
 */
export function lastToken(head: string): { token: string; index: number } | undefined {
  if (head.endsWith(')')) return tokenBeforeBracket(head);
  let from = head.length;
  while (from > 0 && isTokenChar(head.charCodeAt(from - 1))) from--;
  const m = LAST_TOKEN.exec(from === 0 ? head : head.slice(from));
  return m ? { token: m[1]!, index: from + m.index } : undefined;
}

const LAST_TOKEN_AT = new RegExp(LAST_TOKEN.source, 'y');

/**
 * `lastToken` of a head that ends with a bracket, where the match is a token, spaces and a "("
 * opening the final bracket (2 to 80 characters before its ")", none of them ")"). Tried at every
 * character of the head, the pattern cost some 7,000 instructions a call; here it is tried only in
 * the run of token characters before such a "(", the leftmost first (the match LAST_TOKEN finds).
 */
function tokenBeforeBracket(head: string): { token: string; index: number } | undefined {
  const from = head.lastIndexOf(')', head.length - 2) + 1;
  for (let open = head.indexOf('(', Math.max(from, head.length - 82)); open >= 0 && open <= head.length - 4; open = head.indexOf('(', open + 1)) {
    let end = open;
    while (end > from && isSpaceCode(head.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > from && isTokenChar(head.charCodeAt(start - 1))) start--;
    for (let at = start; at < end; at++) {
      LAST_TOKEN_AT.lastIndex = at;
      const m = LAST_TOKEN_AT.exec(head);
      if (m) return { token: m[1]!, index: at };
    }
  }
  return undefined;
}

/**
 * Where the first sentence of `text.slice(from, to)` ends: the first match of
 * `/[.!?](?=\s+[A-Z(]|\s*$)/` on that slice (`$` is its end), or `to`. The stops are found with
 * `indexOf`, which skips the words between them far faster than the pattern tried at each character.
 */
export function sentenceEnd(text: string, from: number, to: number): number {
  // '!' and '?' are rare: where the next ones are is kept from the call before, on the same text.
  if (text !== stops.text || from < stops.from || (stops.bang >= 0 && stops.bang < from)) stops.bang = text.indexOf('!', from);
  if (text !== stops.text || from < stops.from || (stops.query >= 0 && stops.query < from)) stops.query = text.indexOf('?', from);
  stops.text = text;
  stops.from = from;
  let bang = stops.bang;
  let query = stops.query;
  for (let i = from; ; ) {
    let stop = text.indexOf('.', i);
    if (bang >= 0 && bang < i) bang = text.indexOf('!', i);
    if (query >= 0 && query < i) query = text.indexOf('?', i);
    if (bang >= 0 && (stop < 0 || bang < stop)) stop = bang;
    if (query >= 0 && (stop < 0 || query < stop)) stop = query;
    if (stop < 0 || stop >= to) return to;
    if (endsSentence(text, stop, to)) return stop;
    i = stop + 1;
  }
}

/** The first '!' and '?' at or after `from` in `text` (-1: none), as `sentenceEnd` last found them. */
const stops = { text: '', from: 0, bang: -1, query: -1 };

/** `(?=\s+[A-Z(]|\s*$)` after the stop at `stop`, in a text that ends at `to`. */
function endsSentence(text: string, stop: number, to: number): boolean {
  let next = stop + 1;
  // `\s+` is followed by a character that is no space: only the whole run of spaces can be.
  while (next < to && isSpaceCode(text.charCodeAt(next))) next++;
  if (next === to) return true;
  const c = text.charCodeAt(next);
  return next > stop + 1 && (isCapital(c) || c === 40);
}

const CAPITAL = /[A-Z]/;
/** Some word of the text could look coined (`coinedHint`): a capital inside a word, or a digit. */
const MAY_COIN = /[\w²³+.-][A-Z]|[\d²³]/;

const ARTICLES = new FoldedWords(['the', 'our', 'this', 'these', 'its', 'their', 'a', 'an']);

/** The verb ending at `after` is a participle after a determiner ("the proposed", "our introduced"), not "we proposed". */
function adjectivalParticiple(text: string, after: number): boolean {
  let from = after;
  while (from > 0 && isWordChar(text.charCodeAt(from - 1))) from--;
  if (after - from < 4 || text.charCodeAt(after - 1) !== 100 || text.charCodeAt(after - 2) !== 101) return false;
  const [start, end] = wordBefore(text, from);
  return end > start && ARTICLES.has(text, start, end);
}

/**
 * What a paper presents as findings rather than as a thing it made: "we present new observations of
 * …", "we present the HARPS radial-velocity data", "we present a detailed study of the EGRET
 * database". The capitalised words there name instruments, objects and existing methods.
 */
const FINDINGS = new FoldedWords(['application', 'observations', 'observation', 'data', 'results', 'study', 'studies', 'analysis', 'analyses', 'review', 'measurements', 'spectra', 'photometry', 'spectroscopy', 'detection', 'discovery', 'determination', 'calculations', 'simulations', 'evidence', 'estimates', 'constraints']);

/**
 * The words after a contribution verb (at most six, up to a clause mark or a detour word) hold a
 * word of findings (FINDINGS): the verb presents results, not a named contribution.
 */
function reportsFindings(text: string, after: number, end: number): boolean {
  let words = 0;
  for (let i = after; i < end && words < 6; ) {
    const c = text.charCodeAt(i);
    if (isClauseMark(c)) return false;
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && !isSpaceCode(text.charCodeAt(i)) && !isClauseMark(text.charCodeAt(i))) i++;
    words++;
    if (isLowerCode(text.charCodeAt(start)) && FINDINGS.has(text, start, i) && endsNounPhrase(text, i, end)) return true;
    if (hasDetour(text, start, i)) return false;
  }
  return false;
}

/**
 * The noun phrase ends at `at`: the next word is "of", a detour word or a clause mark, or the text
 * ends. "a detailed study of", "the data and", not "a threat detection framework".
 */
function endsNounPhrase(text: string, at: number, end: number): boolean {
  let i = at;
  while (i < end && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === end || isClauseMark(text.charCodeAt(i))) return true;
  const start = i;
  while (i < end && isWordChar(text.charCodeAt(i))) i++;
  return isOf(text, start, i) || hasDetour(text, start, i);
}

export const isLowerCode = (c: number) => c >= 97 && c <= 122;

/** `,;:().`: where a noun phrase after a verb ends. */
const isClauseMark = (c: number) => c === 44 || c === 59 || c === 58 || c === 40 || c === 41 || c === 46;

/**
 * The first word after a contribution verb (an article may come between), with a bracket right
 * after it that spells it out: "deita (short for …)". The word and what it abbreviates.
 */
const SHORT_FOR = /^\s*(?:(?:a|an|the|our)\s+)?([A-Za-z0-9][\w²³+-]*)\s?\((?:short for|standing for|which stands for|abbreviated from)\s+([^()]{2,120})\)/d;

/**
 * "Instruction tuning (IT) is crucial … we introduce a curated IT dataset": the token was defined
 * before `at` as the acronym of a lowercase term, a generic term of the field rather than a name
 * the paper coins (its own names are spelled in capitals, "Robustness Critical Fine-Tuning (RiFT)").
 */
export function genericAcronym(text: string, token: string, at: number): boolean {
  const bracket = bracketBefore(text, token, at);
  if (bracket < 0) return false;
  const long = longForm(lastWords(text.slice(Math.max(0, bracket - 120), bracket), 12), token);
  if (long === undefined) return false;
  const words = wordsOf(text.slice(bracket - long.length - 1, bracket));
  // The first word may be capitalised only because it opens the sentence.
  return words.slice(1).some((w) => isLowerCode(w.charCodeAt(0)) && !FUNCTION_WORDS.has(w));
}

const FUNCTION_WORDS = new Set(['of', 'for', 'and', 'with', 'without', 'in', 'on', 'to', 'via', 'the', 'a', 'an', 'by', 'from']);

/**
 * Where `(${token})` first stands in `text`, if before `at`, else -1 (a token holds no bracket).
 * Most texts have a few brackets before `at`: each is compared in place. Past `BRACKETS_IN_PLACE`
 * of them the index of the text's brackets is used, built once per text (a search of the whole
 * text for each name about to be added made a long record's cost grow with the square of its length).
 */
function bracketBefore(text: string, token: string, at: number): number {
  let n = 0;
  for (let open = text.indexOf('('); open >= 0 && open < at; open = text.indexOf('(', open + 1)) {
    if (text.charCodeAt(open + 1 + token.length) === 41 && text.startsWith(token, open + 1)) return open;
    if (++n === BRACKETS_IN_PLACE) {
      const first = firstBracket(text, token);
      return first < at ? first : -1;
    }
  }
  return -1;
}

const BRACKETS_IN_PLACE = 32;

/** The text `firstBracket` last indexed, and where each bracket's content first stands in brackets in it. */
const brackets = { text: '', first: new Map<string, number>() };

/** `text.indexOf(`(${token})`)` for a token without brackets, from an index of the text's brackets built once per text. */
function firstBracket(text: string, token: string): number {
  if (brackets.text !== text) {
    brackets.text = text;
    brackets.first.clear();
    for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
      const close = text.indexOf(')', open + 1);
      if (close < 0) break;
      const content = text.slice(open + 1, close);
      if (!brackets.first.has(content) && content.indexOf('(') < 0) brackets.first.set(content, open);
    }
  }
  return brackets.first.get(token) ?? -1;
}

/** A comma, then spaces, right before `at`. */
function commaBefore(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
  return i > 0 && text.charCodeAt(i - 1) === 44;
}

/** Nouns of kinds of contribution: "a novel PO framework" says what kind of thing the paper's is, not its name. */
const KIND_NOUNS = new Set(['framework', 'method', 'approach', 'model', 'algorithm', 'architecture', 'technique', 'strategy', 'scheme', 'platform', 'system', 'pipeline', 'module', 'mechanism', 'estimator', 'network', 'paradigm', 'protocol', 'agent', 'solver', 'loss', 'recipe']);
const INDEFINITE = new FoldedWords(['a', 'an']);

/**
 * The token `text.slice(at, stop)` modifies a kind noun after an indefinite article: "a novel PO
 * framework", "an amortized decision-aware BED framework", "a LoRa mesh protocol". It says what
 * the paper's thing works with or on, not what it is called. Up to two lowercase words may come
 * between the token and the noun, and lowercase modifiers between the article and the token.
 */
function categoryBefore(text: string, at: number, stop: number): boolean {
  let i = stop;
  let found = false;
  for (let words = 0; words < 3 && !found; words++) {
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    let j = i;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    if (j === i || !isLowerCode(text.charCodeAt(i))) return false;
    found = KIND_NOUNS.has(text.slice(i, j));
    i = j;
  }
  if (!found) return false;
  let [start, end] = wordBefore(text, at);
  for (let words = 0; words < 4 && end > start && !INDEFINITE.has(text, start, end); words++) {
    // Modifiers: lowercase words, hyphenated ones read by their last part ("decision-aware").
    if (!isLowerCode(text.charCodeAt(start)) || (start > 0 && !isSpaceCode(text.charCodeAt(start - 1)) && text.charCodeAt(start - 1) !== 45)) return false;
    let from = start;
    while (from > 0 && text.charCodeAt(from - 1) === 45) {
      from--;
      while (from > 0 && isWordChar(text.charCodeAt(from - 1))) from--;
    }
    [start, end] = wordBefore(text, from);
  }
  return end > start && INDEFINITE.has(text, start, end);
}

/**
 * The word (a run of word characters) before `at`, across spaces only (at least one), read no
 * further back than `floor`: `[start, end)`, empty if none.
 */
function wordBefore(text: string, at: number, floor = 0): [number, number] {
  let end = at;
  while (end > floor && isSpaceCode(text.charCodeAt(end - 1))) end--;
  if (end === at) return [at, at];
  let start = end;
  while (start > floor && isWordChar(text.charCodeAt(start - 1))) start--;
  return [start, end];
}

const NAMING_WORDS = new FoldedWords(['called', 'named', 'termed', 'dubbed', 'namely']);

/**
 * "we introduce a VL modeling platform called Renaissance": a naming word ends the run of words
 * after the token (within 8 words, before any other detour word or punctuation), so the token
 * describes the thing and the name comes after.
 */
function namedLater(text: string, from: number, end: number): boolean {
  let words = 0;
  for (let i = from; i < end && words < 8; ) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 40) return false;
    if (!isWordChar(c)) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && isWordChar(text.charCodeAt(i))) i++;
    words++;
    if (NAMING_WORDS.has(text, start, i)) return true;
    if (hasDetour(text, start, i)) return false;
  }
  return false;
}

/**
 * Whether SPELLED can match at `from`: its words up to the bracket hold none of `().;,`, so the
 * first of those characters must be the bracket, 2 to 80 characters on.
 */
export function spelledAt(text: string, from: number): boolean {
  // The first of those characters, found by the pattern engine's scan (no match object: `test`).
  SPELLED_STOPS.lastIndex = from;
  if (!SPELLED_STOPS.test(text)) return false;
  const at = SPELLED_STOPS.lastIndex - 1;
  return at < from + 81 && text.charCodeAt(at) === 40 && at - from >= 2;
}

const SPELLED_STOPS = /[().;,]/g;

/** Two to six capitalised words, function words allowed inside: "Conjugate Prompting", "Learning without Forgetting", "a Sparse Compression VAE". */
const TITLE_RUN = /^\s*(?:(?:a|an|the|our)\s+(?:new\s+|novel\s+)?)?([A-Z][\w²³+-]*(?:\s+(?:(?:of|for|and|with|without|in|on|to|via)\s+)?[A-Z][\w²³+-]*){1,5})(?=\s*[,;:(]|\s+(?:to|that|which|whose|where|as|is|consists|comprises|method|approach|framework|technique|algorithm|strategy|loss|objective|benchmark|dataset|library|toolkit|model|architecture|pipeline|paradigm|scheme|module)\b|\s*$)/;
/** Capitalised words that name kinds of models or tasks, not a paper's own thing ("Large Language Models"). */
const GENERIC_RUN = /^(?:(?:Large|Language|Vision|Visual|Multimodal|Foundation|Pre-?trained|Neural|Deep|Convolutional|Graph|Diffusion|Transformers?|Models?|Networks?|Learning|Reinforcement|Machine|Fine-?[Tt]uning|Parameter-[Ee]fficient|Low-[Rr]ank|Adaptation|Retrieval|Augmented|Generation|Federated|Continual|Self-[Ss]upervised|Supervised|In-[Cc]ontext|Chain-of-[Tt]hought|Mixture|Experts|of|and|for|with|in|on|to|via)\s*)+$/;

/**
 * The acronym a contribution sentence defines for its method: "Expansion (ACR)" where the
 * acronym's letters run through the expansion (Schwartz and Hearst's test), right after the verb
 * or after a colon ("a data selection method: Clustering and Ranking (CaR)"), with no detour word
 * between ("a framework based on tensor ring decomposition (TRD)" defines a part, not the method).
 */
export function definedAcronym(tail: string): { text: string; at: number } | undefined {
  const paren = PAREN_SHORT.exec(tail);
  if (!paren) return undefined;
  const short = paren[1]!;
  if (!isTokenStart(short.charCodeAt(0)) || !hasCapital(short, 0, short.length) || NOT_NAMES.has(short)) return undefined;
  const head = tail.slice(0, paren.index);
  // `lastIndexOf` goes to the runtime; most heads have no colon, which `indexOf` tells fast.
  const colon = head.indexOf(':') < 0 ? -1 : head.lastIndexOf(':');
  const clause = colon >= 0 ? head.slice(colon + 1) : head;
  if (/[.;!?]/.test(clause)) return undefined;
  // The clause's words are read from its end: a long clause is not split at all.
  const words = lastWords(clause, 15);
  if (words.length === 0 || words.length > 14) return undefined;
  // Function words inside the expansion are part of it ("Group with Orthogonal Regularization"); before it they are a detour.
  const long = longForm(words, short);
  // "a fine-tuning strategy BOB (BeyondOBjects)": the paren spells out the name before it.
  const previous = words.at(-1)!;
  // Not when the paren builds on the name ("zero-trust RIC (ZT-RIC)", "deep CITs (DNCITs)"): the longer acronym is the name;
  // nor when the word ends the acronym's expansion ("Diffusion Negative-aware FineTuning (DiffusionNFT)").
  if (short.length > previous.length && !short.includes(previous) && isNameLike(previous) && !spansWords(long) && !hasDetourWord(clause.slice(0, clause.lastIndexOf(previous)))) return { text: previous, at: paren.index - (head.length - head.lastIndexOf(previous)) };
  if (long === undefined && !isNameLike(short)) return undefined;
  // The words before the expansion matter only without a colon: read them only then.
  if (colon < 0) {
    const lead = long !== undefined ? clause.slice(0, clause.toLowerCase().lastIndexOf(long)) : clause.slice(0, titleRunStart(clause));
    if (hasDetourWord(lead) && !FOR_WHAT.test(lead)) return undefined;
  }
  return { text: short, at: paren.index + 1 };
}

/** `/[A-Z]/.test(text.slice(from, to))`, read in place. */
function hasCapital(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isCapital(text.charCodeAt(i))) return true;
  return false;
}

const PAREN_SHORT = /\(([^()\s,;]{2,24})\)/;

/** `/^[A-Za-z0-9²³]/` on one character: where TOKEN can start. */
const isTokenStart = (c: number) => isLetter(c) || isDigit(c) || c === 0xb2 || c === 0xb3;

/**
 * `text.trim().split(/\s+/).filter(Boolean)` without a pattern: the runs of characters that are
 * not `\s` (which are the ones `trim` removes too).
 */
export function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !isSpaceCode(text.charCodeAt(i))) i++;
    if (i > start) words.push(text.slice(start, i));
  }
  return words;
}

/** "a framework for gradual fine-tuning (GFT)": what the method is for names it. */
const FOR_WHAT = /^\s*(?:(?:a|an|the|our)\s+)?(?:[\w-]+\s+){0,3}(?:method|approach|framework|technique|algorithm|strategy|scheme|paradigm|pipeline|model)\s+for\s*$/;

/** A detour word stands alone ("based on X"), not inside a hyphenated word ("Self-to-Supervised"). */
export function hasDetourWord(text: string): boolean {
  for (let i = 0; i < text.length; ) {
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    const start = i;
    let hyphen = false;
    for (; i < text.length && !isSpaceCode(text.charCodeAt(i)); i++) hyphen ||= text.charCodeAt(i) === 45;
    if (!hyphen && i > start && hasDetour(text, start, i, 0)) return true;
  }
  return false;
}

/** Where a trailing run of capitalised words (function words allowed inside) starts: "… Adaptation in Lie Groups". */
function titleRunStart(clause: string): number {
  const m = /(?:[A-Z][\w²³+-]*\s+(?:(?:of|for|and|with|without|in|on|to|via|the)\s+)?)*[A-Z][\w²³+-]*\s*$/.exec(clause);
  return m && capitalisedWords(m[0]) >= 2 ? m.index : clause.length;
}

/** How many words of the text start with a capital. */
function capitalisedWords(text: string): number {
  let n = 0;
  for (const word of wordsOf(text)) if (isCapital(word.charCodeAt(0))) n++;
  return n;
}

/** Schwartz and Hearst: the words before an acronym that it abbreviates, or undefined. */
export function longForm(words: readonly string[], short: string): string | undefined {
  // Digits are repetition ("S3FT": three S words), not letters to find.
  const letters = asciiLetters(short) ? short.toLowerCase() : short.toLowerCase().replace(/[^a-z]/g, '');
  if (letters.length < 2) return undefined;
  const reach = words.slice(Math.max(0, words.length - Math.min(letters.length + 5, letters.length * 2)));
  const long = reach.join(' ').toLowerCase();
  let s = letters.length - 1;
  let l = long.length - 1;
  for (; s >= 0; s--, l--) {
    const c = letters.charCodeAt(s);
    // The first letter must start a word; the others may be anywhere, in order.
    while (l >= 0 && (long.charCodeAt(l) !== c || (s === 0 && l > 0 && isLowerAlnum(long.charCodeAt(l - 1))))) l--;
    if (l < 0) return undefined;
  }
  // The word holding the first letter: after the last space at or before `l + 1` (`lastIndexOf` would go to the runtime).
  let space = l + 1;
  while (space >= 0 && long.charCodeAt(space) !== 32) space--;
  return long.slice(space + 1);
}

/** Every character of `text` is an ASCII letter (most acronyms: "RiFT", "LoRA"). */
function asciiLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isLetter(text.charCodeAt(i))) return false;
  return true;
}

/** The last `max` words of `text` at most (pieces of `text.trim().split(/\s+/)`), in order, found from its end. */
function lastWords(text: string, max: number): string[] {
  const words: string[] = [];
  let i = text.length;
  while (words.length < max) {
    while (i > 0 && isSpaceCode(text.charCodeAt(i - 1))) i--;
    if (i === 0) break;
    const end = i;
    while (i > 0 && !isSpaceCode(text.charCodeAt(i - 1))) i--;
    words.push(text.slice(i, end));
  }
  return words.reverse();
}

/** "… termed SaRA", "… called SURE-VQA", "… namely X": naming words introduce a name wherever they are. */
function namedAfter(text: string, add: Add, starts: readonly number[]): void {
  for (const start of starts) {
    if (start > 0 && isWordChar(text.charCodeAt(start - 1))) continue;
    NAMING_RE.lastIndex = start;
    const m = NAMING_RE.exec(text);
    if (!m) continue;
    // The sentence before the naming word is read only for a name that would be added: a third of them are not.
    const othersName = () => namedByOthers(text, start);
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 120);
    // A quoted name may be several words ("model soups"); an expansion may come first ("BAlaNced averaGing (BANG)").
    const quoted = /^["“‘]([^"”’]{2,40}?)[.,]?["”’]/.exec(rest);
    if (quoted) {
      add(quoted[1]!, at + 1, undefined, true, othersName);
      continue;
    }
    const spelled = spelledAt(rest, 0) ? SPELLED.exec(rest) : null;
    if (spelled && (isNameLike(spelled[1]!) || longForm(spelled[0].slice(0, -spelled[1]!.length - 2).trim().split(/\s+/), spelled[1]!) !== undefined)) {
      add(spelled[1]!, at + spelled[0].length - spelled[1]!.length - 1, undefined, /[A-Z]/.test(spelled[1]!), othersName);
      continue;
    }
    // "a new general objective called $\Psi$PO": a Greek letter in LaTeX opens the name.
    const latex = rest.charCodeAt(0) === 36 ? LATEX_NAME.exec(rest) : null;
    if (latex) {
      add(latex[0], at, undefined, true, othersName);
      continue;
    }
    const run = TITLE_RUN.exec(rest);
    if (run && run.index === 0 && !/^\s*(?:a|an|the|our)\s/.test(rest) && !GENERIC_RUN.test(run[1]!)) add(run[1]!, at + run[0].length - run[1]!.length, undefined, true, othersName);
    else {
      const token = TOKEN_AT.exec(rest)?.[0];
      // Right after a naming word, a capital letter joined to a capitalised word is coined too ("called O-Voxel", "Q-Former").
      if (token) add(token, at, undefined, LETTER_JOINED.test(token), othersName);
    }
  }
}

/** "A recently proposed method named CoOp", "the so-called X", "often called X": the naming word at `start` gives someone else's name. */
function namedByOthers(text: string, start: number): boolean {
  const before = sentenceBefore(text, start);
  return earlierWorkIn(text, before, start) || PRIOR_WORK.test(before) || USED_NAMED.test(before) || /(?:\bso-|\b(?:also|often|commonly|usually|sometimes|generally)\s+)$/i.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * "we employ a self-supervised method called BYOL", "practitioners commonly use a technique termed
 * …": the naming word names the object of a usage verb a few words before it, someone else's method
 * (unless a contribution verb comes between: "using LoRA, we propose a method called …").
 */
const USED_NAMED = /\b(?:use[sd]?|using|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|leverag(?:e|es|ed|ing)|appl(?:y|ies|ied|ying))\s+(?:(?!(?:propos|introduc|present|develop|design|devis|build|construct|creat)\w*\s)[^\s.;:!?]+\s+){0,8}$/i;

/** "$\Psi$PO", "$\beta$-VAE": a LaTeX letter, then a capital or a digit, as a coined token goes on. */
const LATEX_NAME = /^\$\\[A-Za-z]+\$-?[A-Z0-9][\w²³+-]*[\w²³+]|^\$\\[A-Za-z]+\$-?[A-Z]/;

const LETTER_JOINED = /^(?:[A-Z]-[A-Z][\w²³]*|[A-Z][\w²³]*-[A-Z])$/;

/** The sentence up to `at` (within 200 characters). */
function sentenceBefore(text: string, at: number): string {
  return text.slice(sentenceStart(text, at, 200), at);
}


const COMMON_WORDS = /^(?:The|This|That|These|Those|It|Its|We|Our|In|On|For|With|And|Or|As|An?|Position|Survey|Review|Tutorial|Perspective|Overview|Introduction|Abstract|Background|Summary|Editorial|Erratum|Comment|Reply|Note)$/;

/** "Robustness Critical Fine-Tuning (RiFT)": the capitalised words whose initials spell the acronym. */
export function expansionBefore(text: string, at: number, acronym: string): string | undefined {
  if (text[at - 1] !== '(') return undefined;
  let letters = '';
  // RiFT: its capitals (r, f, t) appear in order among the initials of Robustness Critical Fine-Tuning.
  let capitals = '';
  for (let i = 0; i < acronym.length; i++) {
    const c = acronym.charCodeAt(i);
    if (!isLetter(c)) continue;
    letters += String.fromCharCode(c | 32);
    if (isCapital(c)) capitals += String.fromCharCode(c | 32);
  }
  // The words before the bracket, last first, as `split(/\s+/)` gives them (within 120 characters): only the last few are read.
  const words = new WordsBefore(text, Math.max(0, at - 120), at - 1);
  // The initials of the last n words grow by the initials of one word per step, not rebuilt each time.
  let initials = '';
  for (let n = 1; n <= letters.length + 2; n++) {
    const first = words.next();
    if (first === undefined) break;
    initials = initialsOf(first) + initials;
    if (initials === letters || (n >= capitals.length - 1 && first[0]?.toLowerCase() === letters[0] && isSubsequence(capitals, initials))) {
      return words.read.reverse().join(' ').replace(/^[("']|[,"']$/g, '');
    }
  }
  return undefined;
}

/**
 * The pieces of `text.slice(from, to).trimEnd().split(/\s+/)` from the last one back, found as
 * they are asked for: a name's expansion is a few words, the text before it up to 120 characters.
 */
class WordsBefore {
  /** The pieces returned so far, last first. */
  readonly read: string[] = [];
  private end: number;
  private done = false;

  constructor(
    private readonly text: string,
    private readonly from: number,
    to: number,
  ) {
    let end = to;
    while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
    this.end = end;
  }

  next(): string | undefined {
    if (this.done) return undefined;
    const { text, from } = this;
    let start = this.end;
    while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start--;
    const piece = text.slice(start, this.end);
    this.read.push(piece);
    if (start === from) this.done = true;
    else {
      // A run of spaces separates pieces; one at the very start leaves an empty first piece.
      let end = start - 1;
      while (end > from && isSpaceCode(text.charCodeAt(end - 1))) end--;
      this.end = end;
    }
    return piece;
  }
}

/** "Fine-Tuning" → "ft". */
function initialsOf(word: string): string {
  let out = initialAt(word, 0);
  for (let i = word.indexOf('-'); i >= 0; i = word.indexOf('-', i + 1)) out += initialAt(word, i + 1);
  return out;
}

/** The initial of the part of `word` starting at `at`: an empty part ("a--b", "x-") has none, as in `split('-')`. */
function initialAt(word: string, at: number): string {
  return at < word.length && word.charCodeAt(at) !== 45 ? word[at]!.toLowerCase() : '';
}

function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  // By code units: the needle is ASCII, which no half of a surrogate pair equals.
  for (let i = 0; i < haystack.length; i++) if (haystack.charCodeAt(i) === needle.charCodeAt(at)) at++;
  return needle.length > 0 && at === needle.length;
}
