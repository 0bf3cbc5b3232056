/**
 * The Markdown digest: an awesome-list of the corpus, one section per family and subsection per
 * subfamily, one line per paper: its title linked to arXiv, DOI or URL, its date, and the phrase
 * that weighed most for the tag. A paper is listed under the deepest node it carries (a LoRA paper
 * under LoRA, not again under PEFT), and under each family it has.
 */
import type { Tag } from '../classification/types.js';
import { TaxonomyIndex } from '../query/index.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { linkOf } from './data.js';
import { dateLabel, whenOf } from './dates.js';
import type { ReportModel } from './model.js';
import type { ReportEntry, ReportSource } from './types.js';

interface Line {
  text: string;
  score: number;
  date: string;
}

export function renderMarkdown(entries: readonly ReportEntry[], model: ReportModel, taxonomy: Taxonomy, source: ReportSource): string {
  const index = TaxonomyIndex.of(taxonomy);
  const facet = model.familyFacet;
  const title = source.title ?? 'Fine-tuning literature report';
  const out = [`# ${escapeMarkdown(title)}`, ''];
  const inputs = source.inputs.map((n) => `\`${n}\``).join(', ') || 'stdin';
  out.push(`> ${model.records.toLocaleString('en')} records from ${inputs}${source.generated ? `, ${source.generated}` : ''}. Made with finetax.`, '');
  if (facet === undefined) return `${out.join('\n')}\n`;

  const sections = new Map<string, Line[]>(index.ids(facet).map((id) => [id, []]));
  let untagged = 0;
  for (const entry of entries) {
    const tags = entry.classification.tags.filter((t) => t.facet === facet && sections.has(t.id));
    // The deepest tags: a tag whose descendant is also present is that descendant's section's.
    const deepest = tags.filter((t) => !tags.some((o) => o.id !== t.id && index.isAncestor(t.id, o.id)));
    if (deepest.length === 0) untagged++;
    for (const tag of deepest) sections.get(tag.id)!.push(line(entry, tag));
  }
  const counts = new Map(model.facets.find((f) => f.id === facet)?.nodes.map((n) => [n.id, n.count]));
  const shown = index.ids(facet).filter((id) => (counts.get(id) ?? 0) > 0);
  out.push('## Contents', '');
  for (const id of shown) out.push(`${'  '.repeat(index.ancestors(id).length)}- [${escapeMarkdown(index.label(id))}](#${slug(index.label(id))}) (${counts.get(id)})`);
  out.push('');
  for (const id of shown) {
    out.push(`${'#'.repeat(Math.min(6, 2 + index.ancestors(id).length))} ${escapeMarkdown(index.label(id))}`, '');
    const lines = sections.get(id)!.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date));
    out.push(...lines.map((l) => l.text));
    if (lines.length > 0) out.push('');
  }
  out.push(`---`, '', `${untagged.toLocaleString('en')} of ${model.records.toLocaleString('en')} records have no ${facet} tag and are not listed.`, '');
  return out.join('\n');
}

function line({ record }: ReportEntry, tag: Tag): Line {
  const link = linkOf(record);
  const name = escapeMarkdown(record.title || record.id);
  const date = dateLabel(record, whenOf(record));
  const phrase = strongest(tag);
  const parts = [link ? `[${name}](${link.replace(/[()\s]/g, encodeURIComponent)})` : `**${name}**`];
  if (date) parts.push(date);
  if (phrase) parts.push(`“${escapeMarkdown(phrase)}”`);
  return { text: `- ${parts.join(' — ')}`, score: tag.score, date };
}

/** The evidence that contributed most to the tag; the first such when several weigh the same. */
function strongest(tag: Tag): string | undefined {
  let best: Tag['evidence'][number] | undefined;
  for (const e of tag.evidence) if (!best || e.weight > best.weight) best = e;
  return best?.text;
}

/** Characters that would start Markdown or HTML syntax inside a line, escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`);
}

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
}
