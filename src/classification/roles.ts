/**
 * The role a named method plays where it is mentioned (NAMES.md): the paper proposes it, studies
 * it, uses it as a tool, compares against it, or only mentions it. Read from the words of its own
 * clause: the nearest role cue before the name wins ("we fine-tune with LoRA and compare against
 * DoRA": LoRA `uses`, DoRA `compares`), a trailing "baseline(s)" makes it a comparison, and a
 * title mention is what the paper is about.
 */
import type { NameRole } from './types.js';

export const ROLE_ORDER: readonly NameRole[] = ['proposes', 'studies', 'uses', 'compares', 'mentions'];

/** Cue phrases before a name, by the role they give it. Lowercase; matched on word boundaries. */
const BEFORE: ReadonlyArray<[NameRole | 'contribution', RegExp]> = [
  ['contribution', /\b(?:we|this (?:paper|work)|our (?:method|approach|framework))\s+(?:first\s+|further\s+|then\s+)?(?:propose|present|introduce|develop|design|devise|derive)s?\b|\b(?:termed|dubbed|called|named|namely|coined)\b|\b(?:novel|proposed)\b/g],
  ['studies', /\b(?:studying|analy[sz]ing|investigating|examining|exploring|benchmarking)\b|\b(?:we|this (?:paper|work|study|survey|review))\s+(?:first\s+|further\s+|then\s+|systematically\s+|empirically\s+|theoretically\s+)?(?:study|studies|investigate|investigates|analy[sz]e|analy[sz]es|examine|examines|explore|explores|revisit|revisits|benchmark|benchmarks|evaluate|evaluates|improve|improves|extend|extends|enhance|enhances|characteri[sz]e|characteri[sz]es|explain|explains|understand|scrutini[sz]e|survey|surveys|review|reviews|generali[sz]e|generali[sz]es|focus on|focuses on)\b|\b(?:analysis of|study of|understanding|survey of|review of|variant of|variants of|extension of|version of|improving|extending|enhancing|rethinking|revisiting|why does|why do|how does|when does)\b/g],
  ['uses', /\b(?:use|uses|used|using|with|via|through|employ|employs|employed|employing|adopt|adopts|adopted|adopting|leverage|leverages|leveraged|leveraging|apply|applies|applied|applying|based on|built on|builds on|build on|built upon|on top of|trained by|optimi[sz]ed by|fine-tuned by|equipped with|integrat(?:e|es|ed|ing)|incorporat(?:e|es|ed|ing)|combin(?:e|es|ed|ing)|follow(?:s|ing)?)\b/g],
  ['compares', /\b(?:outperform\w*|surpass\w*|beat|beats|than|compared to|compared with|comparison to|comparison with|comparing|compare|compares|in contrast to|unlike|versus|vs\.?|against|over|relative to|instead of|rather than|as opposed to|alternatives? to|competitive with|on par with|comparable to|matches|matching|exceed\w*|baselines? (?:such as|like|including)|existing|prior|previous|conventional|traditional|standard|vanilla|state-of-the-art|sota)\b/g],
  ['mentions', /\b(?:widely used|commonly used|such as|e\.g\.|like|including|for example|for instance|popular|recent|recently|has become|have become|has emerged|have emerged|widely|commonly|typically|has been|have been|has gained|have gained|although|de facto)\b/g],
];

/** A contribution verb or naming word right before the name, at most an article and two modifiers between. */
const OWN_NAME = /(?:\b(?:we|this (?:paper|work))\s+(?:first\s+|further\s+|then\s+)?(?:propose|present|introduce|develop|call|term|name|dub)s?|\b(?:termed|dubbed|called|named|namely|coined))(?:\s+(?:as|our|a|an|the|new|novel|simple|method|approach|technique|framework|[,"“]))*\s*["“(]?$/;
/** "a LoRA variant", "LoRA-based": the paper builds on the name rather than naming its own method. */
const PART_OF = /^[\s"”)]*(?:-?based|variants?|extensions?|modules?|adapters?|layers?|branch|weights|matrices|family|style|-like)\b/;
const AFTER_COMPARES = /^[\s,]*(?:and\s+[\w+.-]+\s+)?(?:baselines?|counterparts?|alternatives?)\b|^[\s\w,+-]{0,40}\b(?:is|are)\s+(?:outperformed|surpassed)\b/;
const AFTER_USES = /^\s*(?:is|was|are|were)\s+(?:used|employed|adopted|applied|leveraged)\b/;
const AFTER_STUDIES = /^\s*(?:is|are)\s+(?:analy[sz]ed|studied|investigated|examined)\b/;
/** "than LoRA", "unlike LoRA": mention words followed by a comparison in the same clause. */
const COMPARATIVE = /\b(?:outperform\w*|surpass\w*|than|compared|baselines?|versus|against|superior|better|competitive)\b/;
/** A clause ends at these: a cue before them does not describe a name after them. */
const CLAUSE_BREAK = /[;:]|,\s+(?:and|but|while|whereas|which|where)\b|\b(?:while|whereas|but)\b/g;

export interface RoleContext {
  /** The sentence up to the name (original text). */
  before: string;
  /** The sentence after the name. */
  after: string;
  /** The name is in the title. */
  inTitle: boolean;
}

/** The role of one mention. `proposes` is only given by the caller, from the paper's own names. */
export function mentionRole(context: RoleContext): { role: NameRole; contribution: boolean } {
  const after = context.after.toLowerCase();
  const before = clauseBefore(context.before.toLowerCase());
  if (AFTER_COMPARES.test(after)) return { role: 'compares', contribution: false };
  const cue = nearestCue(before);
  // "we propose Compacter", "which we call Direct Preference Optimization", "we propose our X": the name is the paper's own.
  if (cue === 'contribution' && OWN_NAME.test(before) && !PART_OF.test(after)) return { role: 'proposes', contribution: true };
  if (cue === 'contribution') return { role: 'studies', contribution: true };
  if (cue === 'mentions' && COMPARATIVE.test(before)) return { role: 'compares', contribution: false };
  if (cue !== undefined) return { role: cue, contribution: false };
  if (AFTER_USES.test(after)) return { role: 'uses', contribution: false };
  if (AFTER_STUDIES.test(after)) return { role: 'studies', contribution: false };
  if (context.inTitle) return { role: 'studies', contribution: false };
  return { role: 'mentions', contribution: false };
}

/** The text of the clause the name is in, from its start to the name. */
function clauseBefore(before: string): string {
  let start = 0;
  for (const m of before.matchAll(CLAUSE_BREAK)) start = m.index + m[0].length;
  return before.slice(start);
}

/** The cue ending closest to the name (ties: the earlier group in BEFORE), within 12 words. */
function nearestCue(before: string): NameRole | 'contribution' | undefined {
  const words = before.split(/\s+/);
  const window = words.slice(Math.max(0, words.length - 13)).join(' ');
  let best: NameRole | 'contribution' | undefined;
  let bestEnd = -1;
  let bestStart = -1;
  for (const [role, pattern] of BEFORE) {
    for (const m of window.matchAll(pattern)) {
      const end = m.index + m[0].length;
      // Ending at the same word, the longer cue is the reading ("compared with", not "with").
      if (end > bestEnd || (end === bestEnd && m.index < bestStart)) {
        best = role;
        bestEnd = end;
        bestStart = m.index;
      }
    }
  }
  return best;
}

/** The strongest of two roles: the earlier in ROLE_ORDER. */
export function strongerRole(a: NameRole, b: NameRole): NameRole {
  return ROLE_ORDER.indexOf(a) <= ROLE_ORDER.indexOf(b) ? a : b;
}
