/**
 * Checks on user-written rule patterns. Regex rules are refused when they can backtrack
 * catastrophically; globs must keep a literal core so they cannot match everything.
 */

const MAX_REGEX_LENGTH = 200;

/** Why a token regex is refused, or undefined when it is safe to run. */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > MAX_REGEX_LENGTH) return `expected a regex of at most ${MAX_REGEX_LENGTH} characters`;
  try {
    new RegExp(source, 'u');
  } catch (error) {
    return `expected a valid regular expression (${error instanceof Error ? error.message : String(error)})`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'backreferences are not allowed in rules';
  if (nestedQuantifier(source)) {
    return 'refused: a quantified group contains a quantifier or alternation, which can backtrack catastrophically (e.g. (a+)+)';
  }
  // Even without nesting, k adjacent unbounded quantifiers backtrack in O(n^k) on a failing word.
  if (unboundedQuantifiers(source) > MAX_UNBOUNDED) {
    return `refused: more than ${MAX_UNBOUNDED} unbounded quantifiers (*, +, {n,}) can backtrack for seconds on one word`;
  }
  return undefined;
}

const MAX_UNBOUNDED = 3;

function unboundedQuantifiers(source: string): number {
  let count = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (ch === '[') i = skipClass(source, i);
    else if (ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i)))) count++;
  }
  return count;
}

interface Group {
  risky: boolean;
}

/**
 * Scans the pattern once, tracking groups. A group that holds an unbounded quantifier or an
 * alternation and is itself quantified is the shape behind exponential backtracking.
 */
function nestedQuantifier(source: string): boolean {
  const stack: Group[] = [{ risky: false }];
  let lastClosed: Group | undefined;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      lastClosed = undefined;
      continue;
    }
    if (ch === '[') {
      i = skipClass(source, i);
      lastClosed = undefined;
      continue;
    }
    if (ch === '(') {
      stack.push({ risky: false });
      lastClosed = undefined;
    } else if (ch === ')') {
      lastClosed = stack.length > 1 ? stack.pop() : undefined;
      if (lastClosed?.risky) markTop(stack);
    } else if (ch === '|') {
      markTop(stack);
      lastClosed = undefined;
    } else if (isQuantifierStart(source, i)) {
      if (lastClosed?.risky) return true;
      if (ch !== '?' || lastClosed) markTop(stack);
      lastClosed = undefined;
    } else {
      lastClosed = undefined;
    }
  }
  return false;
}

function markTop(stack: Group[]): void {
  const top = stack[stack.length - 1];
  if (top) top.risky = true;
}

function isQuantifierStart(source: string, i: number): boolean {
  const ch = source[i];
  return ch === '*' || ch === '+' || ch === '?' || (ch === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i)));
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

/** Why a glob pattern (`*LoRA*`) is refused, or undefined. */
export function badGlobReason(pattern: string): string | undefined {
  // Tokens never contain spaces, hyphens or punctuation, so such a pattern could never match.
  if (/[^\p{L}\p{N}*?+]/u.test(pattern)) return 'expected a one-word pattern: letters, digits, * and ? only (a hyphen or space splits words)';
  const literal = pattern.replace(/[*?]/g, '');
  if (literal.length < 2) return 'expected a pattern with at least 2 literal characters besides * and ?';
  return undefined;
}
