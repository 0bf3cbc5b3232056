/**
 * The terminal table: one row per record (ID, TITLE, one column per facet), cells wrapped onto
 * extra lines rather than cut, and an evidence line under each row. Only the most specific tags
 * are shown (peft.lora, not also peft); JSON and CSV keep the implied parents. Column widths are
 * fixed from the taxonomy, not from the data, so rows can be printed as they arrive.
 */
import type { Tag } from '../../classification/types.js';
import type { Style } from '../colour.js';
import type { Tagged } from '../tagged.js';
import type { Formatter, FormatterOptions } from './types.js';

interface Column {
  title: string;
  width: number;
  style: Style | undefined;
  items: (entry: Tagged, shown: readonly Tag[]) => string[];
}

const GAP = '  ';
const ID_WIDTH = 14;
const MIN_TITLE = 20;
const FACET_STYLES: readonly Style[] = ['cyan', 'yellow', 'magenta', 'green'];

export function tableFormatter(options: FormatterOptions): Formatter {
  const columns = planColumns(options);
  const { paint } = options.palette;
  const indent = ID_WIDTH + GAP.length;
  return {
    start: () => {
      const head = columns.map((c) => c.title.padEnd(c.width)).join(GAP).trimEnd();
      const rule = columns.map((c) => '-'.repeat(c.width)).join(GAP);
      return `${paint('bold', head)}\n${paint('dim', rule)}\n`;
    },
    entry(entry) {
      const shown = mostSpecific(options, entry.classification.tags);
      const cells = columns.map((c) => wrap(c.items(entry, shown), c.width, ', '));
      const height = Math.max(...cells.map((lines) => lines.length));
      const lines: string[] = [];
      for (let i = 0; i < height; i++) {
        const parts = columns.map((c, j) => {
          const text = cells[j]![i] ?? '';
          const padded = text.padEnd(c.width);
          return c.style && text !== '-' ? paint(c.style, padded) : text === '-' ? paint('dim', padded) : padded;
        });
        lines.push(parts.join(GAP).trimEnd());
      }
      const evidence = wrap(evidenceItems(options, shown), options.width - indent, '; ');
      for (const line of evidence) lines.push(' '.repeat(indent) + paint('dim', line));
      return `${lines.join('\n')}\n`;
    },
    lead: '',
    separator: '',
    end: () => '',
  };
}

function planColumns(options: FormatterOptions): Column[] {
  const facetColumns: Column[] = options.facets.map((facetId, i) => {
    const facet = options.taxonomy.facets.find((f) => f.id === facetId)!;
    const longest = Math.max(facetId.length, ...options.index.ids(facetId).map((id) => id.length));
    return {
      title: facetId.toUpperCase(),
      // Multi-label cells fit a long id, or two short ones (`language, vision`), before wrapping.
      width: facet.multiple ? Math.min(Math.max(longest + 6, 12), 22) : longest,
      style: FACET_STYLES[i % FACET_STYLES.length],
      items: (_entry: Tagged, shown: readonly Tag[]) => {
        const ids = shown.filter((t) => t.facet === facetId).map((t) => t.id);
        return ids.length > 0 ? ids : ['-'];
      },
    };
  });
  const fixed = ID_WIDTH + facetColumns.reduce((sum, c) => sum + c.width + GAP.length, 0) + GAP.length;
  return [
    { title: 'ID', width: ID_WIDTH, style: 'dim', items: (entry) => [entry.record.id] },
    { title: 'TITLE', width: Math.max(MIN_TITLE, options.width - fixed), style: undefined, items: (entry) => [entry.record.title || '-'] },
    ...facetColumns,
  ];
}

/** Tags without a more specific tag of their own below them. */
function mostSpecific(options: FormatterOptions, tags: readonly Tag[]): Tag[] {
  return tags.filter((tag) => !tags.some((other) => other !== tag && options.index.isAncestor(tag.id, other.id)));
}

/** `peft.lora 0.97 "QLoRA", "low-rank adapters"` per tag with evidence of its own. */
function evidenceItems(options: FormatterOptions, shown: readonly Tag[]): string[] {
  if (options.evidence === 'none') return [];
  const single = new Set(options.taxonomy.facets.filter((f) => !f.multiple).map((f) => f.id));
  return shown.flatMap((tag) => {
    const own = tag.evidence.filter((e) => e.node === tag.id);
    if (own.length === 0) return [];
    // `type=method`: a single-label facet's ids can read like another facet's (method).
    const head = `${single.has(tag.facet) ? `${tag.facet}=` : ''}${tag.id} ${tag.score.toFixed(2)}`;
    if (options.evidence === 'short') {
      const texts = [...new Set(own.map((e) => `"${e.text}"`))];
      return [`${head} ${texts.slice(0, 3).join(', ')}${texts.length > 3 ? ', …' : ''}`];
    }
    const details = own.map((e) => `${e.field} "${e.text}" ${e.kind} '${e.rule}' ×${e.weight}${e.cues.length ? ` (${e.cues.join(', ')})` : ''}`);
    return [`${head}: ${details.join(', ')}`];
  });
}

/** Packs items onto lines of at most `width` characters; an item longer than a line is cut with `…`. */
function wrap(items: readonly string[], width: number, separator: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const raw of items) {
    const item = raw.length > width ? `${raw.slice(0, Math.max(0, width - 1))}…` : raw;
    if (current === '') current = item;
    else if (current.length + separator.length + item.length <= width) current += separator + item;
    else {
      lines.push(current);
      current = item;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}
