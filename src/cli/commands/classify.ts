/** `finetax classify`: tags for every input record. */
import type { Args, CommandSpec } from '../args.js';
import type { Context } from '../context.js';
import { formatOption, TAGGING_OPTIONS, taxonomyOf } from '../options.js';
import { RECORD_FORMATS } from '../output/index.js';
import { EVIDENCE_OPTION, writeRecords } from './records.js';

export const classifySpec: CommandSpec = {
  name: 'classify',
  summary: 'tag paper records by method family, paper type and modality, with evidence',
  usage: ['classify [options] [FILE|-]...'],
  options: [
    formatOption(RECORD_FORMATS, 'table on a terminal, jsonl otherwise'),
    EVIDENCE_OPTION,
    ...TAGGING_OPTIONS,
  ],
  notes: [
    'Reads the files in order (stdin when none is given, or for `-`) and writes one result per record,',
    'in input order. JSON Lines is streamed, so inputs of any size keep memory flat. Bad entries are',
    'reported on stderr as FILE:LINE: reason; the summary line counts read, tagged and rejected records.',
  ],
  examples: [
    'finetax classify papers.jsonl',
    'finetax classify refs.bib --format csv > tags.csv',
    'cat big.jsonl | finetax classify --jobs auto --evidence none > tagged.jsonl',
    'finetax classify --taxonomy my-families.yaml --facet method papers.jsonl',
  ],
};

export function runClassify(ctx: Context, args: Args): Promise<number> {
  return writeRecords(ctx, args, taxonomyOf(args), { shape: 'summary' });
}
