/**
 * The linear-time engine for regex rules: re2js, a pure-JavaScript port of RE2. Validation
 * compiles every regex rule with it, so a taxonomy that parses can always run, and hands it to
 * the matcher for the rules whose native backtracking is not provably bounded.
 */
import { RE2JS } from 're2js';
import { useLinearEngine, type LinearEngine, type TokenRegex } from '../matching/token-regex.js';

/** re2js behind the matcher's engine interface (exported for tests that compare it with RegExp). */
export const re2Engine: LinearEngine = {
  compile(source: string): TokenRegex {
    const compiled = RE2JS.compile(toRe2Syntax(source));
    return { test: (token) => compiled.testExact(token) };
  },
};

/**
 * RE2 spells a few JavaScript escapes differently (`\u0041`, `(?<name>…)`); re2js translates them.
 * Backreferences are refused before this (the translation would turn `\k<n>` into the letter k).
 */
function toRe2Syntax(source: string): string {
  return RE2JS.translateRegExp(source);
}

/** Provides the engine to the matcher; cheap to call again. */
export function enableLinearRegex(): void {
  useLinearEngine(re2Engine);
}

// Loading finetax/taxonomy is enough for a classifier over a generated taxonomy module to run
// its regex rules: the taxonomy entry loads re2js anyway, to validate them.
enableLinearRegex();

/** Why re2js cannot compile `source`, or undefined when it can. */
export function linearRegexProblem(source: string): string | undefined {
  try {
    RE2JS.compile(toRe2Syntax(source));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
  }
}
