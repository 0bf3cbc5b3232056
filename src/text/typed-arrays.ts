/**
 * Growing the typed arrays that tokens, word facts, cue rows and id tables are kept in: a new
 * array of the same kind, with the old contents copied in.
 */

/** The kinds of typed array kept. */
export type NumberArray = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** An array of `array`'s kind with `size` elements: its first `size` elements (all, when it grows), then zeros. */
export function resized<T extends NumberArray>(array: T, size: number): T {
  const out = new (array.constructor as new (length: number) => T)(size);
  out.set(array.length <= size ? array : array.subarray(0, size));
  return out;
}
