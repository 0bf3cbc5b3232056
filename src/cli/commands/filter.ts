/**
 * `finetax filter`: the input records that carry the asked-for tags, with their tags. One flag
 * per facet of the taxonomy (`--method`, `--modality`, …, and `--not-method`, …): any of the ids
 * in a flag, all of the flags. The matching itself is the query layer's `Corpus.where`/`whereNone`
 * (see selection.ts), so an id includes its descendants exactly as in the library.
 */
import type { Args, CommandSpec, OptionSpec } from '../args.js';
import type { Context } from '../context.js';
import { formatOption, idOf, OPTIONS, taxonomyOf } from '../options.js';
import { RECORD_FORMATS } from '../output/index.js';
import type { Selection } from '../selection.js';
import { TaxonomyIndex } from '../../query/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import { EVIDENCE_OPTION, writeRecords } from './records.js';
import { NAME_OPTIONS, nameSelection } from './names.js';

export function filterSpec(taxonomy: Taxonomy): CommandSpec {
  const facetOptions: OptionSpec[] = taxonomy.facets.flatMap((facet) => [
    { name: facet.id, type: 'string', multiple: true, value: 'IDS', description: `keep records with any of these ${facet.id} ids` },
    { name: `not-${facet.id}`, type: 'string', multiple: true, value: 'IDS', description: `drop records with any of these ${facet.id} ids` },
  ]);
  return {
    name: 'filter',
    summary: 'write the input records that carry the given tags, with their tags',
    usage: ['filter [--method IDS] [--modality IDS] [--not-method IDS] ... [options] [FILE|-]...'],
    options: [
      ...facetOptions,
      ...NAME_OPTIONS,
      formatOption(RECORD_FORMATS, 'table on a terminal, jsonl otherwise'),
      EVIDENCE_OPTION,
      { name: 'normalise', type: 'boolean', description: 'JSON Lines input: write normalised records with their tags instead of the lines as read' },
      OPTIONS.from,
      OPTIONS.taxonomy,
      OPTIONS.minScore,
      OPTIONS.jobs,
      OPTIONS.strict,
      OPTIONS.quiet,
      OPTIONS.help,
    ],
    notes: [
      'IDS is a comma list and the flag may be repeated: a record passes a flag with ANY of its ids, and',
      'must pass EVERY flag given. An id includes its descendants (--method peft keeps LoRA papers).',
      'Names the taxonomy knows are accepted too (--method LoRA). --min-score applies to the tags first.',
      'With --format jsonl (the default when piped), JSON Lines records pass through unchanged, line for',
      'line as read; --normalise writes the normalised record with its tags instead.',
    ],
    examples: [
      'finetax filter --method peft.lora --modality vision papers.jsonl',
      'finetax filter --method data-selection,alignment --not-type survey --format csv papers.jsonl',
    ],
  };
}

export function runFilter(ctx: Context, args: Args): Promise<number> {
  const taxonomy = taxonomyOf(args);
  const index = TaxonomyIndex.of(taxonomy);
  const selection: Selection = { include: {}, exclude: {} };
  for (const facet of index.facets) {
    const wanted = args.list(facet).map((id) => idOf(index, id, facet));
    const unwanted = args.list(`not-${facet}`).map((id) => idOf(index, id, facet));
    if (wanted.length > 0) selection.include[facet] = wanted;
    if (unwanted.length > 0) selection.exclude[facet] = unwanted;
  }
  Object.assign(selection.include, nameSelection(args, taxonomy));
  return writeRecords(ctx, args, taxonomy, { shape: 'record', selection });
}

/** The `--taxonomy` value, read before parsing because the taxonomy's facets define the other flags. */
export function taxonomyArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--taxonomy' || arg === '-t') found = argv[i + 1];
    else if (arg.startsWith('--taxonomy=')) found = arg.slice('--taxonomy='.length);
  });
  return found;
}
