/**
 * The names a paper gives its own contribution (NAMES.md `proposed`), known to the taxonomy or
 * not, in any field: "we propose GORACS", "a novel method termed SaRA", "Robustness Critical
 * Fine-Tuning (RiFT), a novel approach", "LEVI: Generalizable Fine-tuning via …". A name is a
 * token that looks coined (capitals inside, digits, an acronym), never a common ML acronym.
 */
import type { Field } from './types.js';

/** A name the paper introduces, with where it was found. */
export interface ProposedName {
  /** As written (`GORACS`, `S²FT`, `GS-LoRA++`). */
  text: string;
  /** The words it abbreviates, when the paper spells them out (`Robustness Critical Fine-Tuning`). */
  expansion?: string;
  /** The family node of the known name it is, if any (filled in by the classifier). */
  node?: string;
  evidence: { field: Field; start: number; end: number; text: string };
}

/** A coined-looking token: letters, digits, ², ³, +, hyphens, dots inside. */
const TOKEN = String.raw`[A-Za-z0-9²³][\w²³+\-.]*[\w²³+]|[A-Z]`;
const CONTRIBUTION = String.raw`\b(?:[Ww]e|[Tt]his (?:paper|work|study)|[Oo]ur (?:method|approach|framework|model|algorithm|technique|solution|benchmark))\s+(?:first\s+|further\s+|then\s+|also\s+|additionally\s+|thus\s+|therefore\s+)?(?:propose|present|introduce|develop|design|devise|derive|build|construct|release|curate|create|establish|offer|contribute)s?\b|\b(?:proposing|introducing|presenting)\b|\band\s+(?:propose|introduce|present|develop)s?\b`;
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

export function isNameLike(token: string): boolean {
  if (token.length < 2 || NOT_NAMES.has(token)) return false;
  if (/^\d+(?:\.\d+)?%?$/.test(token)) return false;
  const letters = token.replace(/[^A-Za-z]/g, '');
  if (letters.length < 2) return false;
  // Coined: a capital inside a word part (RiFT, LoRA, GenerativeAdapter), an all-capital part
  // (GORACS, SURE-VQA), or a capital with digits (S3FT, S²FT); not Title-Case words (Fine-Tuning).
  const parts = token.split(/[-+.]/).filter((part) => /[A-Za-z]/.test(part));
  const coined = parts.some((part) => /^.+[A-Z]/.test(part.replace(/[^A-Za-z0-9²³]/g, '')) || /^[A-Z]{2,}\d*$/.test(part));
  return coined || (/[A-Z]/.test(token) && /[\d²³]/.test(token));
}

const VERB_G = new RegExp(CONTRIBUTION, 'g');
const NAMING_RE = new RegExp(NAMING, 'g');
const TOKEN_AT = new RegExp(`^(?:${TOKEN})`);
const TOKEN_G = new RegExp(TOKEN, 'g');
const PAREN = new RegExp(`\\((${TOKEN})\\)`);
const SPELLED = new RegExp(`^[^().;,]{2,80}?\\((${TOKEN})\\)`);
const OURS = /\b[Oo]ur (?:method|approach|framework|model|algorithm)\b[\s:,]*/g;
const NOVEL = /(?:,\s*(?:which\s+is\s+)?|\s+is\s+)an?\s+(?:novel|new|simple|general|unified|lightweight|efficient|effective|plug-and-play)\b/g;
const LAST_TOKEN = new RegExp(`(${TOKEN})(?:\\s*\\([^)]{2,80}\\))?$`);

/** Proposed names of one field, in order of appearance, each once. */
export function findProposed(field: Field, text: string): ProposedName[] {
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
  abstractNames(text, add);
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

function abstractNames(text: string, add: (token: string, at: number, expansion?: string, quoted?: boolean) => void): void {
  // Each pattern runs once over the whole field (a sentence at a time cost more than the rest of classifying).
  namedAfter(text, add);
  VERB_G.lastIndex = 0;
  for (const verb of text.matchAll(VERB_G)) {
    const after = verb.index + verb[0].length;
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
  OURS.lastIndex = 0;
  for (const ours of text.matchAll(OURS)) {
    const from = ours.index + ours[0].length;
    const m = SPELLED.exec(text.slice(from, from + 120));
    if (m) add(m[1]!, from + m[0].length - m[1]!.length - 1);
  }
  // "X, a novel framework", "X is a novel method", "X (expansion), a new …"
  NOVEL.lastIndex = 0;
  for (const m of text.matchAll(NOVEL)) {
    const head = text.slice(Math.max(0, m.index - 120), m.index);
    const last = LAST_TOKEN.exec(head);
    if (last) add(last[1]!, m.index - head.length + last.index);
  }
}

/** "… termed SaRA", "… called SURE-VQA", "… namely X": naming words introduce a name wherever they are. */
function namedAfter(text: string, add: (token: string, at: number, expansion?: string, quoted?: boolean) => void): void {
  NAMING_RE.lastIndex = 0;
  for (const m of text.matchAll(NAMING_RE)) {
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
