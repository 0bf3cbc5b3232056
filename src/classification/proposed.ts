/**
 * The names a paper gives its own contribution (NAMES.md `proposed`), known to the taxonomy or
 * not, in any field: "we propose GORACS", "a novel method termed SaRA", "Robustness Critical
 * Fine-Tuning (RiFT), a novel approach", "LEVI: Generalizable Fine-tuning via …". A name is a
 * token that looks coined (capitals inside, digits, an acronym), never a common ML acronym.
 */
import type { Field, ProposedName } from './types.js';


/** A coined-looking token: letters, digits, ², ³, +, hyphens, dots inside. */
const TOKEN = String.raw`[A-Za-z0-9²³][\w²³+\-.]*[\w²³+]|[A-Z]`;
const NAMING = String.raw`\b(?:termed(?:\s+as)?|dubbed|called|named|namely|coined|abbreviated\s+as|referred\s+to\s+as|[Ww]e\s+(?:call|term|name|dub)(?:\s+(?:it|this|them|(?:the|these|this|our)\s+\w+))?)\s*[,:]?\s*`;
/** Words between a contribution verb and the name that take it out of the contribution ("we propose a method built on LLaMA"). */
const DETOUR = /\b(?:called|named|termed|dubbed|namely|on|with|using|use|for|to|from|by|via|than|like|such|over|under|into|upon|based|against|in|within|across|and|or|that|which|where|when|while|whose|if)\b/i;

/** Common acronyms and model names that are never a paper's own coinage. */
const NOT_NAMES = new Set(
  `AI ML RL NLP NLU NLG CV LLM LLMs MLLM MLLMs VLM VLMs LM LMs PLM PLMs SLM LVLM LVLMs GPU GPUs CPU TPU API APIs CNN CNNs RNN RNNs GNN GNNs MLP MLPs SGD
  DP FL XAI RAG KD GAN GANs VAE VAEs RAG ICL CoT SSL MAE IR NER POS MT ASR TTS
  ViT ViTs BERT RoBERTa GPT GPT-2 GPT-3 GPT-4 GPT-4o T5 CLIP LLaMA Llama LLaMA-2 Llama-2 Llama-3 Mistral Qwen SOTA OOD ID IID PEFT PETL SFT FT
  LoRA DPO RLHF PPO VQA QA KL MSE AUC F1 IoU MoE FFN QKV SVD PCA OT HF DNN DNNs NN NNs US UK EU USA I II III IV A B C X Y Z`.split(/\s+/),
);

const COINED_HINT = /^.+[A-Z]|[\d²³]/;

export function isNameLike(token: string): boolean {
  // Every coined shape has a capital after the first character or a digit; most words have neither.
  if (token.length < 2 || !COINED_HINT.test(token) || NOT_NAMES.has(token)) return false;
  if (/^\d+(?:\.\d+)?%?$/.test(token)) return false;
  const letters = token.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return false;
  // Coined: a capital inside a word part (RiFT, LoRA, GenerativeAdapter), an all-capital part
  // (GORACS, SURE-VQA), or a capital with digits (S3FT, S²FT); not Title-Case words (Fine-Tuning).
  const parts = token.split(/[-+.]/).filter((part) => /[A-Za-z]/.test(part));
  const coined = parts.some((part) => /^.+[A-Z]/.test(part.replace(/[^A-Za-z0-9²³]/g, '')) || /^[A-Z]{2,}\d*$/.test(part));
  return coined || (/[A-Z]/.test(token) && /[\d²³]/.test(token));
}

const NAMING_RE = new RegExp(NAMING, 'y');
const TOKEN_AT = new RegExp(`^(?:${TOKEN})`);
const TOKEN_G = new RegExp(TOKEN, 'g');
const PAREN = new RegExp(`\\((${TOKEN})\\)`);
const SPELLED = new RegExp(`^[^().;,]{2,80}?\\((${TOKEN})\\)`);
const OURS = /[Oo]ur (?:method|approach|framework|model|algorithm)\b[\s:,]*/y;
const NOVEL = /(?:,\s*(?:which\s+is\s+)?|\s+is\s+)an?\s+(?:novel|new|simple|general|unified|lightweight|efficient|effective|plug-and-play)\b/y;
const LAST_TOKEN = new RegExp(`(${TOKEN})(?:\\s*\\([^)]{2,80}\\))?$`);

/** Proposed names of one field, in order of appearance, each once. */
export function findProposed(field: Field, text: string, cues?: ReadonlyArray<readonly [number, number]>): ProposedName[] {
  const found: ProposedName[] = [];
  const add = (token: string, at: number, expansion?: string, quoted = false) => {
    const clean = token.replace(/[.,;:]+$/, '');
    if ((!quoted && !isNameLike(clean)) || (quoted && NOT_NAMES.has(clean)) || found.some((p) => p.text === clean)) return;
    const name: ProposedName = { text: clean, evidence: { field, start: at, end: at + clean.length, text: clean } };
    const spelled = expansion ?? expansionBefore(text, at, clean);
    if (spelled) name.expansion = spelled;
    found.push(name);
  };
  if (field === 'title') titleNames(text, add);
  abstractNames(text, add, cues);
  return found.sort((a, b) => a.evidence.start - b.evidence.start);
}

/** "LEVI: Generalizable …", "S^{2}FT: Efficient …", "Model soups: averaging …". */
function titleNames(title: string, add: (token: string, at: number) => void): void {
  const colon = title.indexOf(':');
  if (colon <= 0) return;
  const head = title.slice(0, colon).trim();
  const words = head.split(/\s+/);
  if (words.length > 3) return;
  const at = title.indexOf(head);
  if (words.length === 1 || words.some(isNameLike)) add(words.length === 1 ? head : head, at);
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
const VERB_BEFORE = /(?:\b(?:[Ww]e|[Tt]his (?:paper|work|study)|[Oo]ur (?:method|approach|framework|model|algorithm|technique|solution|benchmark))\s+(?:first\s+|further\s+|then\s+|also\s+|additionally\s+|thus\s+|therefore\s+)?|\band\s+)$/;
const VERB_AFTER = /^(?:propose|present|introduce|develop|design|devise|derive|build|construct|release|curate|create|establish|offer|contribute)s?\b|^(?:proposing|introducing|presenting)\b/y;
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
    const isGerund = /ing$/.test(verb[0]);
    if (isGerund || VERB_BEFORE.test(text.slice(Math.max(0, at - 60), at))) ends.push(at + verb[0].length);
  }
  return ends;
}

type Add = (token: string, at: number, expansion?: string, quoted?: boolean) => void;

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
  for (const [start, end] of cues) {
    const cue = text.slice(start, end);
    if (NAMING_CUE.test(cue)) naming.push(start);
    else if (/^[Oo]ur$/.test(cue)) ours.push(start);
    else if (/^novel$/i.test(cue)) novel.push(...novelStarts(text, start));
    else if (VERB_CUE.test(cue)) verbs.push(end);
  }
  scanNames(text, add, verbs, naming, novel, ours);
}

const NAMING_CUE = /^(?:termed|dubbed|called|named|namely|coined|we (?:call|term|name|dub))$/i;
const VERB_CUE = /(?:propos|introduc|present|develop|design|devis|deriv|build|construct|releas|curat|creat|establish|offer|contribut)\w*$/i;

/** Where ", a novel" / " is a novel" starts, given where "novel" starts. */
function novelStarts(text: string, novel: number): number[] {
  const m = /(?:,\s*(?:which\s+is\s+)?|\s+is\s+)an?\s+$/.exec(text.slice(Math.max(0, novel - 20), novel));
  return m ? [novel - (Math.min(20, novel) - m.index)] : [];
}

function scanNames(text: string, add: Add, verbs: readonly number[], naming: readonly number[], novel: readonly number[], ours: readonly number[]): void {
  namedAfter(text, add, naming);
  for (const after of verbs) {
    // "we propose GORACS", "we introduce Edit-R1, a novel …", "we propose a novel fine-tuning method LEVI (…)"
    const tail = text.slice(after, after + 240);
    let n = 0;
    let seen = 0;
    TOKEN_G.lastIndex = 0;
    for (const w of tail.matchAll(TOKEN_G)) {
      if (n++ >= 14) break;
      // Only the words since the previous token are new: testing the whole prefix each time is quadratic.
      const between = tail.slice(seen, w.index);
      seen = w.index;
      if (DETOUR.test(between) || /[.;:!?]/.test(between) || (n > 1 && DETOUR.test(w[0]) && !isNameLike(w[0]))) break;
      if (isNameLike(w[0])) {
        add(w[0], after + w.index);
        break;
      }
    }
    // "proposes Robustness Critical Fine-Tuning (RiFT)", "we introduce module robust criticality (MRC)": the first one only.
    const m = PAREN.exec(tail);
    const named = m !== null && isNameLike(/(\S+)\s*$/.exec(tail.slice(0, m.index))?.[1] ?? '');
    if (m && !named && tail.slice(0, m.index).split(/\s+/).length <= 14 && !/[.;:!?]\s/.test(tail.slice(0, m.index))) add(m[1]!, after + m.index + 1);
  }
  // "These insights motivate our method: Low-rank Informed Sparse Fine-Tuning (LIFT)."
  for (const at of ours) {
    OURS.lastIndex = at;
    const our = OURS.exec(text);
    if (!our) continue;
    const from = at + our[0].length;
    const m = SPELLED.exec(text.slice(from, from + 120));
    if (m) add(m[1]!, from + m[0].length - m[1]!.length - 1);
  }
  // "X, a novel framework", "X is a novel method", "X (expansion), a new …"
  for (const at of novel) {
    NOVEL.lastIndex = at;
    const m = NOVEL.exec(text);
    if (!m || m.index !== at) continue;
    const head = text.slice(Math.max(0, m.index - 120), m.index);
    const last = LAST_TOKEN.exec(head);
    if (last) add(last[1]!, m.index - head.length + last.index);
  }
}

/** "… termed SaRA", "… called SURE-VQA", "… namely X": naming words introduce a name wherever they are. */
function namedAfter(text: string, add: Add, starts: readonly number[]): void {
  for (const start of starts) {
    if (start > 0 && /\w/.test(text[start - 1]!)) continue;
    NAMING_RE.lastIndex = start;
    const m = NAMING_RE.exec(text);
    if (!m) continue;
    const at = m.index + m[0].length;
    const rest = text.slice(at, at + 120);
    // A quoted name may be several words ("model soups"); an expansion may come first ("BAlaNced averaGing (BANG)").
    const quoted = /^["“‘]([^"”’]{2,40}?)[.,]?["”’]/.exec(rest);
    const spelled = SPELLED.exec(rest);
    if (quoted) add(quoted[1]!, at + 1, undefined, true);
    else if (spelled && isNameLike(spelled[1]!)) add(spelled[1]!, at + spelled[0].length - spelled[1]!.length - 1);
    else {
      const token = TOKEN_AT.exec(rest)?.[0];
      if (token) add(token, at);
    }
  }
}

/** "Robustness Critical Fine-Tuning (RiFT)": the capitalised words whose initials spell the acronym. */
function expansionBefore(text: string, at: number, acronym: string): string | undefined {
  if (text[at - 1] !== '(') return undefined;
  const before = text.slice(Math.max(0, at - 120), at - 1).trimEnd();
  const words = before.split(/\s+/);
  const letters = acronym.replace(/[^A-Za-z]/g, '').toLowerCase();
  // RiFT: its capitals (r, f, t) appear in order among the initials of Robustness Critical Fine-Tuning.
  const capitals = acronym.replace(/[^A-Z]/g, '').toLowerCase();
  for (let n = 1; n <= Math.min(words.length, letters.length + 2); n++) {
    const chosen = words.slice(words.length - n);
    const initials = chosen.flatMap((w) => w.split('-')).map((w) => w[0]?.toLowerCase() ?? '').join('');
    if (initials === letters || (chosen[0]![0]?.toLowerCase() === letters[0] && isSubsequence(capitals, initials) && n >= capitals.length - 1)) {
      return chosen.join(' ').replace(/^[("']|[,"']$/g, '');
    }
  }
  return undefined;
}


function isSubsequence(needle: string, haystack: string): boolean {
  let at = 0;
  for (const ch of haystack) if (ch === needle[at]) at++;
  return needle.length > 0 && at === needle.length;
}
