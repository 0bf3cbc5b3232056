/**
 * The one error the readers throw: input that cannot be read as its format at all.
 * Anything smaller (one bad line, one bad entry) is a `ReadIssue` instead, so one typo
 * never costs the user the rest of the batch.
 */
import { escapeControls, problem, type Problem, type ProblemCode } from '../errors.js';

/** Input that cannot be parsed at all as its format (e.g. a `.json` file that is not JSON). */
export class ReadError extends Error {
  override readonly name = 'ReadError';
  /** `input/unreadable`, or `input/unknown-format` when the format cannot be told. */
  readonly code: ProblemCode;
  /** File name used in the message (`<input>` when none was given). */
  readonly source: string;
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column of the problem. */
  readonly column: number;
  /** The reason alone, without the location prefix. */
  readonly reason: string;

  constructor(reason: string, place: { source: string; line: number; column: number }, code: ProblemCode = 'input/unreadable') {
    super(escapeControls(`${place.source}:${place.line}:${place.column}: ${reason}`));
    this.code = code;
    this.source = place.source;
    this.line = place.line;
    this.column = place.column;
    this.reason = reason;
  }

  /** This error in the shared problem shape. */
  get problem(): Problem {
    return problem(this.code, this.reason, { source: this.source, line: this.line, column: this.column });
  }
}
