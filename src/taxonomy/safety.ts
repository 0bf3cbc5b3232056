/**
 * Checks on user-written rule patterns. Regex rules must be in the syntax both JavaScript and the
 * linear-time engine accept; globs must keep a literal core so they cannot match everything.
 */
import { linearRegexProblem } from './linear-regex.js';

const MAX_REGEX_LENGTH = 200;

/**
 * Why a token regex is refused, or undefined when it can run. Every accepted regex runs with
 * bounded work (natively when provably bounded, else on re2js), so the checks are about syntax:
 * valid JavaScript that RE2 also accepts, which leaves out lookarounds and backreferences.
 */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > MAX_REGEX_LENGTH) return `expected a regex of at most ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `expected a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'backreferences are not allowed in rules: regex rules run on a linear-time engine (RE2 syntax)';
  if (/\(\?<?[=!]/.test(source)) return 'lookarounds are not allowed in rules: regex rules run on a linear-time engine (RE2 syntax)';
  const problem = linearRegexProblem(source);
  return problem === undefined ? undefined : `expected a regex the linear-time engine (RE2 syntax) accepts: ${problem}`;
}

/** Why a glob pattern (`*LoRA*`) is refused, or undefined. */
export function badGlobReason(pattern: string): string | undefined {
  // Tokens never contain spaces, hyphens or punctuation, so such a pattern could never match.
  if (/[^\p{L}\p{N}*?+]/u.test(pattern)) return 'expected a one-word pattern: letters, digits, * and ? only (a hyphen or space splits words)';
  const literal = pattern.replace(/[*?]/g, '');
  if (literal.length < 2) return 'expected a pattern with at least 2 literal characters besides * and ?';
  return undefined;
}
