/**
 * The role a named method plays where it is mentioned (NAMES.md): the paper proposes it, studies
 * it, uses it as a tool, compares against it, or only mentions it. Read from the words of its own
 * clause: the nearest role cue before the name wins ("we fine-tune with LoRA and compare against
 * DoRA": LoRA `uses`, DoRA `compares`), a trailing "baseline(s)" makes it a comparison, and a
 * title mention is what the paper is about.
 */
import { isSpaceCode } from '../text/tokenise.js';
import type { NameRole } from './types.js';

export const ROLE_ORDER: readonly NameRole[] = ['proposes', 'studies', 'uses', 'compares', 'mentions'];

/**
 * Cue phrases before a name, by the role they give it. Lowercase; matched on word boundaries.
 * `list` cues ("such as", "e.g.", "like", "including") only introduce a list: the name's role is
 * the one of the cue governing that list ("outperforms methods like LoRA", "we use existing
 * tuning methods, e.g., LoRA"), or background when nothing governs it or only a noun modifier does
 * ("existing approaches, such as LoRA and prefix tuning, …") and the clause does not compare.
 */
export const BEFORE: ReadonlyArray<[Cue, RegExp]> = [
  ['contribution', /\b(?:we|this (?:paper|work)|our (?:method|approach|framework))\s+(?:first\s+|further\s+|then\s+)?(?:propose|present|introduce|develop|design|devise|derive)s?\b|\b(?:(?:which\s+)?we\s+(?:call|term|name|dub)|termed|dubbed|called|named|namely|coined)\b|\b(?<!(?:recently|previously|originally|already|been|was|were|is|are|widely|commonly|first)\s)(?:novel|proposed)\b(?!\s+(?:by|in)\b)/g],
  ['studies', /\b(?:studying|analy[sz]ing|investigating|examining|exploring|benchmarking|assess|assesses|assessing|modifying)\b|\b(?:we|(?:this|the|our) (?:paper|work|study|survey|review|report|article|chapter|analysis|guide|tutorial))\s+(?:\([a-z0-9]{1,4}\)\s+)?(?:(?:first|further|then|also|[a-z]+ly)\s+){0,3}(?:study|studies|investigate|investigates|analy[sz]e|analy[sz]es|examine|examines|explore|explores|revisit|revisits|benchmark|benchmarks|evaluate|evaluates|improve|improves|extend|extends|enhance|enhances|characteri[sz]e|characteri[sz]es|explain|explains|understand|scrutini[sz]e|highlight|highlights|emphasi[sz]e|emphasi[sz]es|reveal|reveals|uncover|uncovers|expose|exposes|survey|surveys|review|reviews|discuss|discusses|cover|covers|compare|compares|generali[sz]e|generali[sz]es|focus on|focuses on|identify (?:[\w-]+ ){0,4}?(?:in|of)|identifies (?:[\w-]+ ){0,4}?(?:in|of))\b|\b(?:we|our\s+[\w-]+|this\s+(?:paper|work|study))\s+(?:(?:also|further|first|then|empirically|theoretically|experimentally)\s+)?(?:show|find|found|demonstrate|observe|observed|confirm|prove|establish)\s+that\s+(?:(?:the|both)\s+)?$|\b(?:analysis of|study of|understanding|survey of|review of|variant of|variants of|extension of|version of|implementation of|instance of|instantiation of|special case of|improving|extending|enhancing|rethinking|revisiting|why does|why do|how does|when does)\b|\b(?:improves|enhances|boosts)\b(?!\s+(?:over|upon|on)\b)/g],
  ['uses', /\b(?:use|uses|used|using|utili[sz]e|utili[sz]es|utili[sz]ed|utili[sz]ing|with|via|through|employ|employs|employed|employing|adopt|adopts|adopted|adopting|leverage|leverages|leveraged|leveraging|apply|applies|applied|applying|based on|built on|builds on|build on|built upon|on top of|trained by|optimi[sz]ed by|fine-tuned by|equipped with|inject|injects|injected|injecting|plug(?:s|ged|ging)?\s+in(?:to)?|insert|inserts|inserted|inserting|integrat(?:e|es|ed|ing)|incorporat(?:e|es|ed|ing)|combin(?:e|es|ed|ing)|follow(?:s|ing)?|experiments?(?:\s+and\s+\w+)?\s+(?:on|with))\b/g],
  ['compares', /\b(?:outperform\w*|surpass\w*|beat|beats|than|compared to|compared with|comparison to|comparison with|compar(?:e|es|ing)\s+(?:[\w-]+\s+){0,3}?(?:with|to)|comparing|compare|compares|in contrast to|unlike|as\s+(?:fast|quickly|good|effective|effectively|efficient|efficiently|accurate|accurately|strong|strongly|robust|stable|competitive|expressive|cheap|small|close|high|low)\s+as|versus|vs\.?|against|over|relative to|instead of|rather than|as opposed to|alternatives? to|competitive with|on par with|comparable to|similar to|analogous to|akin to|simplification of|different from|differs? from|improv(?:e|es|ed|ing)\s+upon|matches|matching|exceed\w*|baselines? (?:such as|like|including)|existing|prior|previous|conventional|traditional|standard|vanilla|state-of-the-art|sota|other(?:\s+[\w-]+){0,4}\s+(?:methods|techniques|approaches|baselines|variants|algorithms))\b/g],
  ['mentions', /\b(?:widely used|commonly used|popular|recent|recently|has become|have become|has emerged|have emerged|widely|commonly|typically|has been|have been|has gained|have gained|although|de facto|(?:recently|previously|originally|already)\s+(?:proposed|introduced|developed))\b/g],
  ['list', /\b(?:such as|e\.g\.|i\.e\.|like|including|for example|for instance|especially|notably|particularly|in particular)(?!\w)/g],
];

type Cue = NameRole | 'contribution' | 'list';

/**
 * The word each cue of a BEFORE group starts with, by group (in BEFORE's order): a cue matches
 * only where one of them is a whole word (a run of `\w`), or, ending in `*`, begins one. A window
 * without any word of a group is not searched for that group's cues.
 */
const CUE_FIRST_WORDS: readonly string[] = [
  'we this our which termed dubbed called named namely coined novel proposed',
  'studying analysing analyzing investigating examining exploring benchmarking assess assesses assessing modifying we this the our analysis study understanding survey review variant variants extension version implementation instance instantiation special improving extending enhancing rethinking revisiting why how when improves enhances boosts',
  'use uses used using utilise utilize utilises utilizes utilised utilized utilising utilizing with via through employ employs employed employing adopt adopts adopted adopting leverage leverages leveraged leveraging apply applies applied applying based built builds build on trained optimised optimized fine equipped inject injects injected injecting plug plugs plugged plugging insert inserts inserted inserting integrate integrates integrated integrating incorporate incorporates incorporated incorporating combine combines combined combining follow follows following experiment experiments',
  'outperform* surpass* exceed* beat beats than compared comparison comparing compare compares in unlike versus vs against over relative instead rather as alternative alternatives competitive on comparable similar analogous akin simplification different differs differ improve improves improved improving matches matching baseline baselines existing prior previous conventional traditional standard vanilla state sota other',
  'widely commonly popular recent recently has have typically although de previously originally already',
  'such e i like including for especially notably particularly in',
];

/**
 * CUE_FIRST_WORDS as a trie over `a`-`z`, walked as a window's characters are read: node `n`'s
 * child for letter `l` is `TRIE_NEXT[n * 26 + l]` (0: none; node 0, the root, is no one's child),
 * the groups of a whole word ending at `n` are `TRIE_WORD[n]`, those of a prefix (`*`) ending
 * there `TRIE_PREFIX[n]`. A word is then never sliced, hashed or compared again.
 */
const trieNext: number[] = [];
const TRIE_WORD: number[] = [];
const TRIE_PREFIX: number[] = [];
CUE_FIRST_WORDS.forEach((words, group) => {
  for (const word of words.split(' ')) {
    const prefix = word.endsWith('*');
    const node = trieNode(prefix ? word.slice(0, -1) : word);
    if (prefix) TRIE_PREFIX[node]! |= 1 << group;
    else TRIE_WORD[node]! |= 1 << group;
  }
});
const TRIE_NEXT = Int32Array.from(trieNext);

/** The trie node of `word` (lowercase letters), made with its parents where missing. */
function trieNode(word: string): number {
  if (TRIE_WORD.length === 0) addTrieNode();
  let node = 0;
  for (let i = 0; i < word.length; i++) {
    const letter = word.charCodeAt(i) - 97;
    if (letter < 0 || letter >= 26) throw new Error(`cue word "${word}" is not lowercase a-z`);
    node = trieNext[node * 26 + letter] ||= addTrieNode();
  }
  return node;
}

function addTrieNode(): number {
  const node = TRIE_WORD.length;
  TRIE_WORD.push(0);
  TRIE_PREFIX.push(0);
  for (let l = 0; l < 26; l++) trieNext.push(0);
  return node;
}

/**
 * The words of the window last scanned that may begin a cue: where each starts, and its groups
 * (the first `cueWordCount`). Reused from window to window: reading roles is synchronous.
 */
const CUE_WORD_START: number[] = [];
const CUE_WORD_GROUPS: number[] = [];
let cueWordCount = 0;

/** The BEFORE groups (bit `1 << index`) whose cues may occur in `window` (lowercase): those with a first word there. */
export function cueGroupsIn(window: string): number {
  let groups = 0;
  cueWordCount = 0;
  const length = window.length;
  for (let i = 0; i < length; ) {
    if (!isWordChar(window.charCodeAt(i))) {
      i++;
      continue;
    }
    // The word's node in the trie (-1: it left the trie), and the groups of the prefixes it passed.
    const start = i;
    let node = 0;
    let bits = 0;
    for (; i < length && isWordChar(window.charCodeAt(i)); i++) {
      if (node < 0) continue;
      const letter = window.charCodeAt(i) - 97;
      node = letter >= 0 && letter < 26 ? TRIE_NEXT[node * 26 + letter]! || -1 : -1;
      if (node > 0) bits |= TRIE_PREFIX[node]!;
    }
    if (node > 0) bits |= TRIE_WORD[node]!;
    if (bits !== 0) {
      CUE_WORD_START[cueWordCount] = start;
      CUE_WORD_GROUPS[cueWordCount++] = bits;
      groups |= bits;
    }
  }
  return groups;
}

/** The characters `\w` matches (no `u` flag): ASCII letters, digits and `_`. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** A contribution verb or naming word right before the name, at most an article and two modifiers between. */
const OWN_NAME = /(?:\b(?:we|this (?:paper|work))\s+(?:first\s+|further\s+|then\s+)?(?:propose|present|introduce|develop|call|term|name|dub)s?|\b(?:termed|dubbed|called|named|namely|coined))(?:\s+(?:as|our|a|an|the|new|novel|simple|method|approach|technique|framework|[,"“]))*\s*["“(]?$/;
/** "we propose LoRA-Drop": the name goes on, hyphenated, into the paper's longer one, which is built on it. */
const HYPHENATED_ON = /^-[a-z0-9]/;
/** "… Direct Preference Optimization (": the capitalised expansion an acronym spells out. */
const EXPANSION_BEFORE = /(?:\s+[A-Z][\w-]*(?:\s+(?:of|for|and|with|in|to|via)\b)?){1,6}\s*\($/;
/** `our "Fisher merging" technique`: a quoted name the paper calls its own. */
const OUR_QUOTED = /\bour\s+["“]$/;
/** "Our key innovation, the Instruction-Following Difficulty (IFD) metric": the name in apposition to the paper's contribution. */
const OUR_APPOSITION = /\bour\s+(?:(?:key|main|core|central|primary|principal)\s+)?(?:innovation|contribution)s?\s*,\s*(?:(?:the|a|an)\b\s*)?["“]?$/;
/** "during (Iterative) X training", "we perform X fine-tuning": a training run, read with the words after the name. */
const DURING = /\b(?:during|perform(?:s|ed|ing)?|conduct(?:s|ed|ing)?|carr(?:y|ies|ied|ying)\s+out)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?$/;
const TRAINING_AFTER = /^\s*(?:training|fine-tuning|finetuning|optimi[sz]ation)\b/;
/** "LoRA-based fine-tuning of our model", "(QLoRA) fine-tuning on our data": the paper's own training run, named by its means. */
const OWN_TRAINING_AFTER = /^\s*(?:\([^()]{1,24}\))?[\s)]*(?:-?based\s+)?(?:training|fine-tuning|finetuning|tuning|adaptation)\s+(?:of|on|for)\s+(?:(?:the|all)\s+)?our\b/;
/** "our LoRA-tuned model", "our final DPO-aligned checkpoint": the paper's own model, made with the name. */
const OUR_BEFORE = /\bour\b/;
const TUNED_AFTER = /^[-\s](?:fine-?tuned|finetuned|tuned|trained|aligned|adapted)\b/;
/** "Models were fine-tuned (QLoRA, r=16)": the bracket after a training verb names its means. */
const TRAINED_BRACKET = /\b(?:fine-?tuned|finetuned|trained|adapted|aligned)\s*\(\s*$/;
/** "We perform supervised fine-tuning followed by DPO": a step of the paper's own pipeline. */
const FOLLOWED_BY = /\bfollowed\s+by\s+(?:[\w-]+\s+)?$/;
/**
 * "QLoRA provides an efficient method for local fine-tuning of LLMs", "QLoRA offers a way to fine-tune our model",
 * "QLoRA allows us to fine-tune a large model": the name, as its sentence's subject, is the means of a fine-tuning.
 */
const MEANS_AFTER =
  /^\s*(?:\([^()]{1,24}\)\s*)?(?:(?:algorithm|method|technique|approach|framework)\s+)?(?:provides|offers|enables|allows|affords|gives)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}?(?:(?:method|way|means|approach|solution|route|recipe)s?\s+(?:for|to|of)\s+)?(?:[\w-]+\s+){0,3}?(?:fine-?tun|finetun|adapt|train)\w*/;
/** The means phrase and what it is for, up to the end of its phrase: "our", "us" make it the paper's own fine-tuning. */
const OUR_OBJECT = /^[^.;:,]*\b(?:our|us)\b/;
/** How far past the means phrase its object is read (characters): "… of our 8B model". */
const OBJECT_REACH = 40;
/** Before a naming word: the name is someone else's ("a recently proposed method named CoOp"). Read by proposed.ts too. */
export const PRIOR_WORK = /\b(?:(?:recently|previously|originally|already)\s+(?:proposed|introduced|developed|presented)|(?:has|have|had)\s+been\s+proposed|proposed\s+by|existing|prior|previous|popular|well-known)\b/i;
/** "a LoRA variant", "LoRA-based": the paper builds on the name rather than naming its own method. */
const PART_OF = /^\s*(?:\([^()]{1,24}\))?[\s"”)]*(?:-?based|variants?|extensions?|modules?|adapters?|layers?|branch|weights|matrices|family|style|-like)\b/;
/**
 * "we propose Orthogonal Low-rank Adaptation in Lie Groups (OLieRA)": the name goes on, in capitalised
 * words, into a longer one that the bracketed acronym spells; that is the paper's name, built on this one.
 */
const LONGER_NAME = /^(?:\s+(?:of|in|for|with|via|on|and|to|from|by|over|under|through|the|a|an|[A-Z][\w-]*)){0,5}\s+[A-Z][\w-]*\s*\(\s*[A-Z][\w-]*[A-Z][\w-]*\s*\)/;
/** "LoRA-based backbone", "(LoRA) modules": a component of a pipeline. */
const COMPONENT = /^\s*(?:\([^()]{1,24}\))?[\s"”)]*(?:-?based|modules?|adapters?|layers?|branch(?:es)?|blocks?|components?)\b/;
/** The paper itself is the subject of the sentence. */
const OWN_SUBJECT = /\b(?:we|our)\b/;
const AFTER_COMPARES = /^[\s,]*(?:and\s+[\w+.-]+\s+)?(?:baselines?|counterparts?|alternatives?)\b|^[\s\w,+-]{0,40}\b(?:is|are)\s+(?:outperformed|surpassed)\b/;
/** "X is then applied", "QLoRA-based fine-tuning was used", "LoRA fine-tuning was performed": X, or the training run it names, is used. */
const AFTER_USES =
  /^(?:[\s-]*(?:based\s+)?(?:fine-tuning|finetuning|training|tuning))?\s*(?:is|was|are|were)\s+(?:(?:then|also|further|subsequently|first|finally)\s+)?(?:used|employed|adopted|applied|leveraged|performed|conducted|carried out)\b/;
/** "LoRA is analysed", "LoRA and Half Fine-Tuning are explored". */
const AFTER_STUDIES = /^[^.;:]{0,60}?\b(?:is|are|was|were)\s+(?:also\s+|then\s+|further\s+|systematically\s+|thoroughly\s+)?(?:analy[sz]ed|studied|investigated|examined|explored|discussed|reviewed|surveyed|revisited|benchmarked|characteri[sz]ed)\b/;
/** "than LoRA", "unlike LoRA": mention words followed by a comparison in the same clause. */
const COMPARATIVE = /\b(?:outperform\w*|surpass\w*|than|compared|baselines?|versus|against|superior|better|competitive)\b/;
/**
 * "Existing methods … often with RLHF", "Several methods have recently been proposed …, mostly based on GA":
 * a tool of prior work is a point of comparison, not the paper's tool.
 */
const PRIOR_SUBJECT =
  /\b(?:existing|previous|prior|conventional|traditional|current|earlier)\s+(?:[\w-]+\s+){0,3}(?:methods|approaches|techniques|works?|studies|pipelines|systems|frameworks)\b|\b(?:methods|approaches|techniques|works|studies|algorithms)\s+(?:have|had)\s+(?:recently\s+|previously\s+|already\s+)?been\s+(?:proposed|developed|introduced)\b/;
/** A clause ends at these: a cue before them does not describe a name after them. */
const CLAUSE_BREAK = /[;:]|\s--?\s|\s—\s|,\s+(?:and|but|while|whereas|which|where)\b|\b(?:while|whereas|but)\b/g;
/** A comparison that opens the sentence governs only its own phrase: "Compared to QLoRA, QPiSSA …". */
const OPENING_PHRASE = /^\s*(?:compared\s+(?:to|with)|in\s+contrast\s+to|unlike|relative\s+to|as\s+opposed\s+to|similar\s+to|different\s+from|like|following|inspired\s+by|beyond|besides|apart\s+from)\b[^,]*,/;

export interface RoleContext {
  /** The sentence up to the name (original text). */
  before: string;
  /** The sentence after the name. */
  after: string;
  /** The name is in the title. */
  inTitle: boolean;
  /** Where the taxonomy's `future-work` cues ("future work", "may focus more on") are in `before` (none: undefined). */
  futureWork?: ReadonlyArray<readonly [number, number]> | undefined;
  /** Whether the paper fine-tunes models itself and proposes no method (`fineTuningStudy`); asked only of a name offered as a means of fine-tuning. */
  ownFineTuning?: (() => boolean) | undefined;
  /** The names the paper gives its own contribution ("SPA"): as a clause's subject, they are the paper. */
  ownNames?: readonly string[] | undefined;
}

/** The role of one mention. `proposes` is only given by the caller, from the paper's own names. */
export function mentionRole(context: RoleContext): { role: NameRole; contribution: boolean } {
  const after = context.after.toLowerCase();
  // An acronym right after its expansion stands where the expansion stands: "we call Direct Preference Optimization (DPO)".
  // The pattern ends in "($": testing the last character first spares a scan of the sentence at every mention.
  const expansion = context.before.endsWith('(') ? EXPANSION_BEFORE.exec(context.before) : null;
  const sentence = (expansion ? context.before.slice(0, expansion.index) : context.before).toLowerCase();
  const before = clauseBefore(sentence);
  // Where the clause starts in `context.before`: cue spans are read against it.
  const clauseFrom = sentence.length - before.length;
  if (AFTER_COMPARES.test(after)) return { role: 'compares', contribution: false };
  if ((before.endsWith('"') || before.endsWith('“')) && OUR_QUOTED.test(before)) return { role: 'proposes', contribution: true };
  if (OUR_APPOSITION.test(before) && !PART_OF.test(after)) return { role: 'proposes', contribution: true };
  const { cue, listed, at, modified, predicate } = nearestCue(before);
  // "augmented by a preference learning algorithm called DPO": a naming word no contribution of the paper's
  // governs names someone else's method; the words before it say what the paper does with it.
  if (cue === 'contribution' && NAMING_PARTICIPLE.test(before.slice(at)) && !OWN_CLAUSE.test(afterReport(before.slice(0, at)))) {
    const futureWork = context.futureWork?.map(([start, end]): [number, number] => [start - clauseFrom, end - clauseFrom]);
    const role = mentionRole({ before: before.slice(0, at), after: context.after, inTitle: context.inTitle, futureWork });
    return role.role === 'proposes' ? { role: 'mentions', contribution: false } : role;
  }
  // "we propose Compacter", "which we call Direct Preference Optimization", "we propose our X": the name is the paper's own.
  if (cue === 'contribution' && OWN_NAME.test(before) && !PART_OF.test(after) && !LONGER_NAME.test(context.after) && !HYPHENATED_ON.test(after) && !PRIOR_WORK.test(before))
    return { role: 'proposes', contribution: true };
  // "we propose a novel method that removes noise from task vectors": what the new method does something to is its material.
  if (cue === 'contribution' && OWN_METHOD_ACTS.test(before.slice(at))) return { role: 'uses', contribution: true };
  if (cue === 'contribution') return { role: PRIOR_WORK.test(before) ? 'mentions' : 'studies', contribution: true };
  // "methods such as O-LoRA and N-LoRA alleviate …, but they overlook …": examples of prior methods whose shortcoming the paper
  // names are its points of comparison; a single method whose problem it states ("LoRA … still faces acute storage challenges",
  // "aligning LLMs through RLHF can lead to reward hacking") is what it sets out to fix: its object.
  if ((cue === undefined || cue === 'list' || cue === 'mentions') && listed && AFTER_CRITIQUE.test(after)) return { role: 'compares', contribution: false };
  if ((cue === undefined || cue === 'mentions' || (cue === 'uses' && !OWN_SUBJECT.test(sentence))) && !listed && AFTER_PROBLEM.test(after)) return { role: 'studies', contribution: false };
  if (cue === 'mentions' && COMPARATIVE.test(before)) return { role: 'compares', contribution: false };
  // "Existing approaches, such as LoRA and prefix tuning, …": examples of a family that only a noun modifier governs are
  // background, unless the clause compares ("outperform", "than", "baselines" before or after).
  if (cue === 'compares' && listed && modified && !COMPARATIVE.test(before) && !COMPARATIVE.test(after)) return { role: 'mentions', contribution: false };
  if (cue === 'uses' && priorWorkTool(before.slice(0, at))) return { role: 'compares', contribution: false };
  // "Consequently, the use of LoRA in practice has generally been limited": anyone's use, unless the paper is in the sentence.
  if (cue === 'uses' && modified && !OWN_SUBJECT.test(sentence) && !OWN_SUBJECT.test(after)) return { role: 'mentions', contribution: false };
  // "Fine-tuning (via methods such as RLHF) is …": a tool of methods in general is background, unless the paper is the one using it.
  if (cue === 'uses' && listed && !OWN_SUBJECT.test(sentence) && !ownSubjectAfter(context.after, context.ownNames)) return { role: 'mentions', contribution: false };
  // "the community may focus more on … exploring RLHF": what the paper leaves to future work is background.
  if (cue === 'studies' && cueWithin(context.futureWork, clauseFrom, sentence.length)) return { role: 'mentions', contribution: false };
  if (cue !== undefined && cue !== 'list') return { role: cue, contribution: false };
  // "The proposed method is a LoRA variant", "… is a LoRA-based approach": what the paper's method is, it is built on.
  if (predicate && PART_OF.test(after)) return { role: 'studies', contribution: false };
  if (AFTER_USES.test(after)) return { role: 'uses', contribution: false };
  if (AFTER_STUDIES.test(after)) return { role: 'studies', contribution: false };
  if (cue === undefined && COMPONENT.test(after) && OWN_SUBJECT.test(sentence)) return { role: 'uses', contribution: false };
  if (cue === undefined && (OWN_TRAINING_AFTER.test(after) || (TUNED_AFTER.test(after) && OUR_BEFORE.test(before)))) return { role: 'uses', contribution: false };
  if (cue === undefined && (TRAINED_BRACKET.test(before) || (FOLLOWED_BY.test(before) && OWN_SUBJECT.test(sentence)))) return { role: 'uses', contribution: false };
  // "The QLoRA algorithm provides an efficient method for local fine-tuning of LLMs": the means of the paper's fine-tuning
  // when the fine-tuning is "our" one, or the paper is a study of its own fine-tuning, proposing nothing; else background.
  if (cue === undefined && meansOfOwnFineTuning(after, context.ownFineTuning)) return { role: 'uses', contribution: false };
  // "We show that during Iterative DPO training …": the paper's own training run is done with it.
  if (cue === undefined && DURING.test(before) && TRAINING_AFTER.test(after) && OWN_SUBJECT.test(sentence)) return { role: 'uses', contribution: false };
  if (cue === undefined && context.inTitle) return { role: 'studies', contribution: false };
  return { role: 'mentions', contribution: false };
}

/**
 * "To test our hypothesis, we modify feed-forward weights … using Rank-One Model Editing (ROME)": the
 * acronym is defined, after its capitalised expansion, as the means of the paper's own act. Whether
 * that mention (`context`, its expansion's words before the bracket) is such a definition.
 */
export function ownMeansDefinition(context: RoleContext): boolean {
  const from = expansionStart(context.before);
  if (from < 0 || context.inTitle) return false;
  const sentence = context.before.slice(0, from).toLowerCase();
  return OWN_SUBJECT.test(sentence) && !PRIOR_WORK.test(sentence) && mentionRole(context).role === 'uses';
}

/** Where the expansion an acronym mention follows starts in `before` (the mention's sentence up to it); -1: none. */
export function expansionStart(before: string): number {
  if (!before.endsWith('(')) return -1;
  const expansion = EXPANSION_BEFORE.exec(before);
  return expansion === null ? -1 : expansion.index;
}

/**
 * "We find that ROME is effective on … zsRE, comparable to existing methods", "X consistently outperforms
 * prior state-of-the-art methods": the name, as its clause's subject, holds its own against the
 * methods of others, which only the paper's own method is reported to do.
 */
const AGAINST_OTHERS =
  /^(?:(?!\b(?:we|our|us|they|it|which|that|while|whereas|and|than|but)\b)[^.;:])*?\b(?:comparable to|competitive with|on par with|as good as|outperform\w*|surpass\w*|better than|superior to|beats?)\s+(?:(?:the|all|many|most|several|strong|other|a|wide|range|of|various)\s+)*(?:existing|prior|previous|other|state-of-the-art|competing|conventional)\b/;

/** The name opens its clause ("We find that ROME …", "…, SimPO …"): nothing but an article between. */
const CLAUSE_OPENS = /(?:^|\bthat|[,;:])\s*(?:the\s+)?$/i;
/** The name is the subject of the verb right after it ("ROME is", "InfLoRA consistently outperforms"), not a modifier ("the LoRA model is"). */
const VERB_AFTER =
  /^\s+(?:(?:also|consistently|significantly|substantially|clearly|generally|further|still|often|even|can|could|may)\s+)*(?:is|are|was|were|achieves|achieved|outperforms|outperformed|surpasses|surpassed|performs|performed|matches|matched|rivals|remains|beats|exceeds|exceeded|yields|delivers|attains|obtains|reaches)\b/i;

/** Whether a mention (`context`: its sentence around it) is its clause's subject and reported holding its own against others' methods. */
export function againstOthers(context: RoleContext): boolean {
  return CLAUSE_OPENS.test(context.before) && VERB_AFTER.test(context.after) && AGAINST_OTHERS.test(context.after.toLowerCase());
}

/** The rest of the name's phrase, up to the comma that ends it. */
const PHRASE_END = /^[^.;:,]*,\s*/;

/**
 * "By leveraging signal provided by data attribution methods such as influence functions, SPA partitions
 * data": the clause the name's phrase leads into has the paper as its subject (we, our, or its own name).
 */
function ownSubjectAfter(after: string, ownNames: readonly string[] | undefined): boolean {
  const end = PHRASE_END.exec(after);
  if (end === null) return false;
  const subject = after.slice(end[0].length);
  if (OWN_SUBJECT_START.test(subject)) return true;
  return ownNames?.some((name) => subject.startsWith(name) && !isWordChar(subject.charCodeAt(name.length))) === true;
}

/** "we", "our method": the paper acting ("our analysis shows" reports on what the phrase named, it does not act with it). */
const OWN_SUBJECT_START = /^(?:we|our\s+(?:method|approach|framework|model|system|pipeline|algorithm))\b/i;

/** Whether `after` (lowercase) offers the name as the means of a fine-tuning the paper does itself. */
function meansOfOwnFineTuning(after: string, ownFineTuning: (() => boolean) | undefined): boolean {
  const means = MEANS_AFTER.exec(after);
  if (means === null) return false;
  return OUR_OBJECT.test(after.slice(0, means[0].length + OBJECT_REACH)) || ownFineTuning?.() === true;
}

/**
 * After a contribution cue, a relative clause whose verb is the new method's own act ("… a method that
 * removes noise from", "which denoises"), not a study or comparison of the name ("that improves", "that outperforms").
 */
const OWN_METHOD_ACTS =
  /\b(?:that|which)\s+(?:\w+ly\s+)?(?!(?:improv|extend|enhanc|analy|stud|revisit|generali|evaluat|benchmark|explain|characteri|assess|examin|investigat|understand|unif|measur|quantif|diagnos|probe|reveal|expos|outperform|surpass|compar|beat|replac|rival|match|exceed|is|are|was|were|has|have|can|could|may|might|will|would|should|does|do)\w*\b)[a-z]+(?:es|s)\b/;
/** "…, but they overlook …", "but these methods fail to …": the clause goes on to a shortcoming of what it named. */
const AFTER_CRITIQUE =
  /^[^.;]{0,160}?\bbut\s+(?:they|it|both|these(?:\s+[\w-]+){0,2}|such\s+[\w-]+|all(?:\s+of\s+them)?)\s+(?:\w+ly\s+)?(?:overlook|ignore|neglect|fail|suffer|struggle|lack|remain\s+limited|are\s+limited|is\s+limited|are\s+prone|is\s+prone|incur|disregard)\w*/;

/** "… can lead to reward hacking", "…, but still faces acute storage challenges", "has shown limited benefits": a problem of the name stated after it. */
const AFTER_PROBLEM =
  /^[^.;]{0,120}?\b(?:can|may|could|often|still|also|inevitably)?\s*(?:lead|leads) to|^[^.;]{0,120}?\b(?:suffers?|suffered) from|^[^.;]{0,120}?\b(?:is|are) prone to|^[^.;]{0,120}?\bstill (?:faces?|struggles?|suffers?)\b|^[^.;]{0,120}?\b(?:has|have) shown limited\b/;

/** A naming participle right before the name (the rest of the clause): "called", "named", "termed as", "dubbed", "coined". */
const NAMING_PARTICIPLE = /^(?:called|named|termed|dubbed|coined)(?:\s+as)?\s*["“(]?\s*$/;
/** What makes a naming word the paper's own: it, or a contribution, is the subject ("we propose a method called", "our framework, named", "a novel loss termed"). */
const OWN_CLAUSE = /\b(?:we|our|us|this (?:paper|work|study|article)|here(?:in)?|propos\w*|introduc\w*|present\w*|develop\w*|design\w*|devis\w*|novel|new)\b/;
/** "we show that …": what follows the reporting verb is the clause the naming word is in. */
const REPORT = /\b(?:show|shows|showed|shown|find|finds|found|demonstrate|demonstrates|observe|observes|note|notes|argue|argues|confirm|confirms|reveal|reveals)\s+that\b/g;

/** `clause` from its last "we show that" on (all of it when there is none). */
function afterReport(clause: string): string {
  let from = 0;
  REPORT.lastIndex = 0;
  for (let m = REPORT.exec(clause); m !== null; m = REPORT.exec(clause)) from = m.index + m[0].length;
  return clause.slice(from);
}

/** Whether one of `spans` lies within `from..to`. */
function cueWithin(spans: ReadonlyArray<readonly [number, number]> | undefined, from: number, to: number): boolean {
  return spans?.some(([start, end]) => start >= from && end <= to) === true;
}

/** What OWN_NAME's naming verbs and words (and OUR_APPOSITION's nouns, with their comma) end with, and the words allowed after them (each after a space). */
const NAMING_ENDS = ['propose', 'proposes', 'present', 'presents', 'introduce', 'introduces', 'develop', 'develops', 'call', 'calls', 'term', 'terms', 'name', 'names', 'dub', 'dubs', 'termed', 'dubbed', 'called', 'named', 'namely', 'coined', 'innovation,', 'innovations,', 'contribution,', 'contributions,'];
const NAMING_FILLERS = new Set(['as', 'our', 'a', 'an', 'the', 'new', 'novel', 'simple', 'method', 'approach', 'technique', 'framework', ',', '"', '“']);
/** How far back `mayPropose` reads: beyond, it answers true. */
const NAMING_REACH = 120;

/**
 * Whether the mention at `start` may read as proposed (false: it cannot). `mentionRole` proposes
 * only where its clause ends in a naming verb or word and the words OWN_NAME allows after one,
 * or in `our "` (OUR_QUOTED), each before an optional quote or bracket and spaces; an acronym
 * after its expansion ("… (") is read in full.
 */
export function mayPropose(text: string, start: number): boolean {
  let end = start;
  const last = text.charCodeAt(end - 1);
  if (last === 40) return true; // (
  const quoted = last === 34 || last === 0x201c; // " “
  if (quoted) end--;
  while (end > 0 && isSpaceCode(text.charCodeAt(end - 1))) end--;
  // Read in place, as lowercase, from `from` on: no slice of the text is lowercased per mention.
  const from = Math.max(0, end - NAMING_REACH);
  if (quoted && endsWithLower(text, from, end, 'our')) return true;
  let at = end;
  for (;;) {
    for (const word of NAMING_ENDS) if (endsWithLower(text, from, at, word)) return true;
    // A filler is a whole piece between spaces (or a quote or comma after one): strip it and its spaces.
    let piece = at;
    while (piece > from && !isSpaceCode(text.charCodeAt(piece - 1))) piece--;
    if (piece === from || at - piece > LONGEST_FILLER || !NAMING_FILLERS.has(text.slice(piece, at).toLowerCase())) return from > 0 && piece === from;
    at = piece;
    while (at > from && isSpaceCode(text.charCodeAt(at - 1))) at--;
    if (at === from) return from > 0;
  }
}

const LONGEST_FILLER = Math.max(...[...NAMING_FILLERS].map((filler) => filler.length));

/**
 * Whether `text[from, at)` lowercased ends with `word` (lowercase ASCII without a `k`: the only
 * characters other than `A`-`Z` that lowercase to ASCII are `İ`, to `i` and a combining dot, which
 * no word can end in, and the Kelvin sign, to `k`).
 */
function endsWithLower(text: string, from: number, at: number, word: string): boolean {
  const start = at - word.length;
  if (start < from) return false;
  for (let i = word.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(start + i);
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== word.charCodeAt(i)) return false;
  }
  return true;
}

/** The clause before a tool cue has prior work as its subject, and not the paper after it. */
function priorWorkTool(subject: string): boolean {
  const prior = PRIOR_SUBJECT.exec(subject);
  return prior !== null && !OWN_SUBJECT.test(subject.slice(prior.index));
}

/** The text of the clause the name is in, from its start to the name. */
function clauseBefore(before: string): string {
  const opening = OPENING_PHRASE.exec(before);
  let start = opening ? opening[0].length : 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m !== null; m = CLAUSE_BREAK.exec(before)) {
    if (lastOfList(before, m)) continue;
    start = Math.max(start, m.index + m[0].length);
  }
  return before.slice(start);
}

/** "…, TIES, and ": a comma before the list's last item, which the name is. */
const SERIAL_AND = /^,\s+and$/;
/** A short item after a comma (at most four words and a bracket, "Adapters (Section 6.1)"): the list's one before last. */
const LIST_ITEM = /,\s*[^\s,;:.()]+(?:\s+[^\s,;:.()]+){0,3}(?:\s*\([^()]*\))?\s*$/;

/**
 * Whether the break `m` of `before` is the serial comma of "A, B, and " right before the name, the list's
 * last item: the list's clause goes on ("outperforms LoRA, AdaLoRA, and EVA").
 */
function lastOfList(before: string, m: RegExpExecArray): boolean {
  return SERIAL_AND.test(m[0]) && before.slice(m.index + m[0].length).trim() === '' && LIST_ITEM.test(before.slice(0, m.index));
}

/**
 * The cues found before a name, reused from mention to mention (reading roles is synchronous):
 * each one's group in BEFORE, place in the window and text, and the reading order of the first
 * `foundCount` (latest end first).
 */
const FOUND_GROUP: number[] = [];
const FOUND_START: number[] = [];
const FOUND_END: number[] = [];
const FOUND_TEXT: string[] = [];
const FOUND_ORDER: number[] = [];

/**
 * BEFORE's patterns, sticky. Each of their cues begins at the start of one of the words that
 * CUE_FIRST_WORDS lists for its group: a pattern is tried only there, not at every character.
 */
const STICKY: readonly RegExp[] = BEFORE.map(([, pattern]) => new RegExp(pattern.source, 'y'));

/**
 * Finds the cues of `window` (lowercase) as running each BEFORE pattern over it from the start
 * would, group by group, into the FOUND lists; their count.
 */
function findCues(window: string): number {
  let count = 0;
  // Most windows hold the first words of only some groups: the others' patterns are not run.
  const possible = cueGroupsIn(window);
  for (let group = 0; group < BEFORE.length; group++) {
    const bit = 1 << group;
    if ((possible & bit) === 0) continue;
    const pattern = STICKY[group]!;
    // A scan resumes where its last match ended.
    let from = 0;
    for (let w = 0; w < cueWordCount; w++) {
      const start = CUE_WORD_START[w]!;
      if ((CUE_WORD_GROUPS[w]! & bit) === 0 || start < from) continue;
      pattern.lastIndex = start;
      const m = pattern.exec(window);
      if (m === null) continue;
      from = start + m[0].length;
      FOUND_GROUP[count] = group;
      FOUND_START[count] = start;
      FOUND_END[count] = from;
      FOUND_TEXT[count] = m[0];
      count++;
    }
  }
  return count;
}

/** The cues `findCues` finds in `window`, as [group, start, text] (for tests). */
export function cuesIn(window: string): Array<[number, number, string]> {
  const count = findCues(window);
  const found: Array<[number, number, string]> = [];
  for (let i = 0; i < count; i++) found.push([FOUND_GROUP[i]!, FOUND_START[i]!, FOUND_TEXT[i]!]);
  return found;
}

/**
 * The cue ending closest to the name (ties: the earlier group in BEFORE), within 12 words. A list
 * cue passes the question to the cue before it ("outperforms methods such as"); with none before
 * it, the answer is `list`. `modified`: the answer is a noun modifier's ("existing"), no other cue governing.
 */
function nearestCue(before: string): { cue: Cue | undefined; listed: boolean; at: number; modified: boolean; predicate: boolean } {
  const window = lastWords(before, 13);
  const offset = before.length - window.length;
  const count = findCues(window);
  sortFound(count);
  let limit = Infinity;
  let listed = false;
  let modifier: Cue | undefined;
  // A contribution modifier of the clause's subject was passed over ("the proposed X is …").
  let predicate = false;
  // Most windows close no bracket: then no cue is in one.
  const closed = window.includes(')') ? closedBrackets(window) : NO_SPANS;
  for (let k = 0; k < count; k++) {
    const f = FOUND_ORDER[k]!;
    if (FOUND_END[f]! > limit) continue;
    // "(e.g., Granite reaches only 0.29), lightweight QLoRA fine-tuning": a cue in a bracket closed before the name is the bracket's.
    if (closed.length > 0 && insideSpan(closed, FOUND_START[f]!)) continue;
    const cue = BEFORE[FOUND_GROUP[f]!]![0];
    if (cue === 'list') {
      listed = true;
      limit = Math.min(limit, FOUND_START[f]!);
      continue;
    }
    // "baselines that do not use the image data …", "an approach that does not use X": a denied use says nothing of what
    // the paper uses, nor does a cue before it reach past it.
    if (cue === 'uses' && NEGATED.test(window.slice(Math.max(0, FOUND_START[f]! - 12), FOUND_START[f]!))) return { cue: undefined, listed, at: before.length, modified: false, predicate: false };
    // "the RL algorithm most commonly used in RLHF", "commonly employed in offline RLHF": what is used comes before the
    // participle; the name after it is where or by whom.
    if (cue === 'uses' && USED_IN.test(window.slice(FOUND_START[f]!))) continue;
    // "consistent with X", "at odds with X": an agreement, not a tool.
    if (FOUND_TEXT[f] === 'with' && AGREEMENT_BEFORE.test(window.slice(Math.max(0, FOUND_START[f]! - 16), FOUND_START[f]!))) continue;
    // "existing", "popular", "recently proposed" describe the noun, as does "the use of"; a verb before them in the clause says what is done with it.
    if (MODIFIER.test(FOUND_TEXT[f]!) || useNoun(window, f)) {
      // "the proposed KgCoOp is an efficient method for prompt tuning": "proposed" describes the subject; the name is in what is said of it.
      if (cue === 'contribution' && COPULA.test(window.slice(FOUND_END[f]!))) predicate = true;
      else modifier ??= cue;
      continue;
    }
    return { cue, listed, at: offset + FOUND_START[f]!, modified: false, predicate: false };
  }
  return { cue: modifier ?? (listed ? 'list' : undefined), listed, at: before.length, modified: modifier !== undefined, predicate: predicate && modifier === undefined };
}

const NO_SPANS: ReadonlyArray<readonly [number, number]> = [];

/** The outermost bracketed spans of `window` closed within it, as [open, close] (read from the end: a bracket still open at the name holds it). */
function closedBrackets(window: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let depth = 0;
  let close = -1;
  for (let i = window.length - 1; i >= 0; i--) {
    const c = window.charCodeAt(i);
    if (c === 41) {
      if (depth++ === 0) close = i;
    } else if (c === 40 && depth > 0 && --depth === 0) spans.push([i, close]);
  }
  return spans;
}

/** Whether `at` lies within one of `spans`. */
function insideSpan(spans: ReadonlyArray<readonly [number, number]>, at: number): boolean {
  for (const [open, close] of spans) if (at > open && at < close) return true;
  return false;
}

/**
 * Orders the first `count` found cues latest end first; ending at the same word, the longer cue is
 * the reading ("compared with", not "with"); then as found (a stable insertion sort: cues are few).
 */
function sortFound(count: number): void {
  for (let i = 0; i < count; i++) {
    let j = i - 1;
    for (; j >= 0 && foundAfter(FOUND_ORDER[j]!, i); j--) FOUND_ORDER[j + 1] = FOUND_ORDER[j]!;
    FOUND_ORDER[j + 1] = i;
  }
}

/** Whether found cue `a` reads after found cue `b`, which was found later. */
function foundAfter(a: number, b: number): boolean {
  const byEnd = FOUND_END[b]! - FOUND_END[a]!;
  return byEnd > 0 || (byEnd === 0 && FOUND_START[b]! < FOUND_START[a]!);
}

/** The end of `text` from the start of its `n`-th last word. */
function lastWords(text: string, n: number): string {
  let at = text.length;
  // Whether text[at] is there and not a space: each character is tested once.
  let wordAfter = false;
  for (let seen = 0; at > 0; at--) {
    const space = isSpaceCode(text.charCodeAt(at - 1));
    if (space && wordAfter && ++seen >= n) break;
    wordAfter = !space;
  }
  return text.slice(at);
}

/** A sentence-ending stop: `.`, `!` or `?`. */
export function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/** A negation right before a cue ("do not use", "never applied"). */
const NEGATED = /\b(?:not|never|n't)\s+$/;

const AGREEMENT_BEFORE = /\b(?:consistent|in line|at odds|associated|correlated|in accordance|in agreement|agrees?|coincides?)\s+$/;
/** A participle of use followed by where or by whom: "used in", "employed by" (not "applied to X": X is what it is applied to). */
const USED_IN = /^(?:used|employed|adopted|applied|leveraged|utili[sz]ed)\s+(?:in|by|during|within|across)\b/;

/** "the use of", "the widespread use of": use as a noun, said of anyone's use. */
const USE_NOUN_BEFORE = /\b(?:the|its|their|this|widespread|wide|common|growing|increasing|extensive)\s+$/;
const OF_AFTER = /^\s+of\b/;

/** Whether found cue `f` of `window` is the noun "use" ("the use of"), not the verb. */
function useNoun(window: string, f: number): boolean {
  return FOUND_TEXT[f] === 'use' && OF_AFTER.test(window.slice(FOUND_END[f]!, FOUND_END[f]! + 4)) && USE_NOUN_BEFORE.test(window.slice(Math.max(0, FOUND_START[f]! - 14), FOUND_START[f]!));
}

/** A copula between a noun modifier and the name: the modifier's noun is the subject, the name is in the predicate. */
const COPULA = /\b(?:is|are|was|were)\b/;

/** Cues that describe a noun rather than say what is done with it. */
const MODIFIER = /^(?:existing|prior|previous|conventional|traditional|standard|vanilla|state-of-the-art|sota|popular|recent|recently|novel|proposed|(?:recently|previously|originally|already)\s+(?:proposed|introduced|developed))$/;

/** The strongest of two roles: the earlier in ROLE_ORDER. */
export function strongerRole(a: NameRole, b: NameRole): NameRole {
  return ROLE_ORDER.indexOf(a) <= ROLE_ORDER.indexOf(b) ? a : b;
}

/** A title that frames the paper as a study of its topic: "A Black Box Evaluation of Unlearning Methods", "Does X Truly …?". */
const STUDY_TITLE = /\b(?:evaluation|evaluating|analysis|analy[sz]ing|(?:empirical|comparative|systematic)\s+study|benchmark(?:ing)?|survey|review|understanding|revisiting|rethinking|comparison|comparing|investigation|investigating|a closer look|vs|versus)\b|\?\s*$|\?\s/i;

/**
 * The paper is a study of a family its title names: the named methods of that family it mentions
 * are what it evaluates, surveys or analyses, not background.
 */
export function titleFramedRole(role: NameRole, title: string, familyInTitle: () => boolean): NameRole {
  return role === 'mentions' && familyInTitle() && STUDY_TITLE.test(title) ? 'studies' : role;
}

/**
 * "we present a detailed investigation of common parameter-efficient methods", "we conduct a study on
 * the robustness of various fine-tuning methods": the abstract's contribution is a study of methods.
 */
const STUDY_OF_METHODS =
  /\b(?:we|this (?:paper|work|study))\s+(?:[a-z]+\s+){0,5}?(?:present|conduct|perform|provide|carry out|offer)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?:investigation|study|analysis|evaluation|comparison|benchmark)\s+(?:of|on)\s+(?:the\s+[\w-]+\s+of\s+)?(?:(?:[\w-]+|\([\w-]+\))\s+){0,3}?(?:methods|techniques|approaches|algorithms)\b/i;

/** The abstract's contribution is a study of methods: the named methods it mentions in the background are what it studies. */
export function abstractFramedRole(role: NameRole, abstract: string): NameRole {
  return role === 'mentions' && STUDY_OF_METHODS.test(abstract) ? 'studies' : role;
}

/** The paper fine-tunes models itself: "we fine-tune …", "this study investigates local fine-tuning of LLMs", a title opening "Fine-Tuning …". */
const OWN_FINE_TUNING =
  /\bwe\s+(?:[a-z]+ly\s+)?(?:fine-?tune|finetune)d?\b|\b(?:we|this (?:study|work|paper)|our (?:study|work))\s+(?:[a-z]+ly\s+)?(?:investigates?|explores?|examines?|evaluates?|studies|study)\s+(?:(?:the|a)\s+)?(?:[\w-]+\s+){0,2}?(?:fine-?tuning|finetuning)\b/i;
const FINE_TUNING_TITLE = /^\s*(?:fine-?tuning|finetuning)\b/i;
/** The paper brings a method of its own: then a name offered as a means of fine-tuning may be the foil of it. */
const OWN_METHOD =
  /\b(?:we|this (?:paper|work))\s+(?:[a-z]+\s+)?(?:propose|introduce)s?\b|\b(?:novel|new)\s+(?:[\w-]+\s+)?(?:method|approach|framework|technique|algorithm)\b|\bour\s+(?:proposed\s+)?(?:method|approach|framework|technique|algorithm)\b/i;

/**
 * Whether the paper is a study of its own fine-tuning that proposes no method: an applied study
 * ("This study investigates local fine-tuning of LLMs … The QLoRA algorithm provides an efficient
 * method for local intra-institutional fine-tuning"), whose named means of fine-tuning is its tool.
 */
export function fineTuningStudy(title: string, abstract: string, proposesNames: boolean): boolean {
  if (proposesNames || OWN_METHOD.test(abstract)) return false;
  return FINE_TUNING_TITLE.test(title) || OWN_FINE_TUNING.test(abstract);
}
