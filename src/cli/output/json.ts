/** One JSON array, written as it goes (one element per line) so large outputs still stream. */
import type { Formatter, FormatterOptions } from './index.js';
import { entryView } from './jsonl.js';

export function jsonFormatter(options: FormatterOptions): Formatter {
  let first = true;
  return {
    start: () => '[',
    entry(entry) {
      const separator = first ? '\n' : ',\n';
      first = false;
      return separator + JSON.stringify(entryView(entry, options.shape, options.evidence));
    },
    end: () => (first ? ']\n' : '\n]\n'),
  };
}
