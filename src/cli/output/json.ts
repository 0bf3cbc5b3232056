/** One JSON array, written as it goes (one element per line) so large outputs still stream. */
import type { Formatter, FormatterOptions } from './types.js';
import { entryView } from './jsonl.js';

export function jsonFormatter(options: FormatterOptions): Formatter {
  return {
    start: () => '[',
    entry: (entry) => JSON.stringify(entryView(entry, options.shape, options.evidence)),
    lead: '\n',
    separator: ',\n',
    end: (written) => (written === 0 ? ']\n' : '\n]\n'),
  };
}
