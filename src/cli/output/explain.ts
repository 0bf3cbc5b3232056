/**
 * The text form of `finetax explain`: each field wrapped to the terminal with evidence
 * highlighted (colour, or [[brackets]] without it), then every tag and near miss with the
 * matches behind it: field, text, rule kind and text, weight, cues, and the rule's note.
 */
import type { Classification, Evidence, Field, Tag } from '../../classification/types.js';
import type { PaperRecord } from '../../records/index.js';
import type { Taxonomy } from '../../taxonomy/types.js';
import type { Palette } from '../colour.js';

export interface ExplainStyle {
  palette: Palette;
  width: number;
}

const FIELDS: readonly Field[] = ['title', 'abstract'];
const LABEL = 10;

export function renderExplanation(record: PaperRecord, classification: Classification, taxonomy: Taxonomy, style: ExplainStyle): string {
  const { paint } = style.palette;
  const lines = [paint('bold', record.id)];
  const evidence = classification.tags.flatMap((t) => t.evidence);
  for (const field of FIELDS) {
    const text = record[field];
    if (!text) continue;
    const spans = merge(evidence.filter((e) => e.field === field));
    wrapOffsets(text, Math.max(20, style.width - LABEL)).forEach(([start, end], i) => {
      lines.push(`${(i === 0 ? field : '').padEnd(LABEL)}${highlight(text, start, end, spans, style.palette)}`);
    });
  }
  const notes = ruleNotes(taxonomy);
  lines.push('', paint('bold', 'tags'));
  if (classification.tags.length === 0) lines.push('  (none)');
  for (const tag of classification.tags) lines.push(...tagLines(tag, classification.tags, notes, style.palette));
  const mentions = classification.mentions ?? [];
  lines.push('', paint('bold', 'near misses (matched, but under the threshold)'));
  if (mentions.length === 0) lines.push('  (none)');
  for (const tag of mentions) lines.push(...tagLines(tag, [], notes, style.palette), ...supportLine(tag, taxonomy, record.title, style.palette));
  return `${lines.join('\n')}\n`;
}

/**
 * A near miss may have the score but not the spread its node asks for (`support`, or the topic form
 * `support: { sentences, topics }` when the title names a topic): say so, since the score alone looks like a tag.
 */
function supportLine(tag: Tag, taxonomy: Taxonomy, title: string | undefined, palette: Palette): string[] {
  const node = taxonomy.nodes.find((n) => n.id === tag.id && n.facet === tag.facet);
  if (node === undefined || tag.evidence.some((e) => e.field === 'title')) return [];
  const support = node.support ?? 1;
  if (support > 1) return [palette.paint('dim', `      (support ${support}: needs a title mention or evidence in ${support} sentences)`)];
  const topic = node.topicSupport && title ? titleTopic(node.topicSupport.topics, title) : undefined;
  if (topic === undefined) return [];
  const { sentences } = node.topicSupport!;
  return [palette.paint('dim', `      (support ${sentences} when the title names one of its topics, here "${topic}": needs evidence in ${sentences} sentences)`)];
}

/**
 * The first topic the title holds as words, ignoring case: a plain reading for the message (the
 * classifier's own search also takes inflections, so a near miss it dropped may name none).
 */
function titleTopic(topics: readonly string[], title: string): string | undefined {
  const lower = title.toLowerCase();
  return topics.find((topic) => new RegExp(`(?<![a-z0-9])${escapeRegExp(topic.toLowerCase())}`).test(lower));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function tagLines(tag: Tag, tags: readonly Tag[], notes: Map<string, string>, palette: Palette): string[] {
  const own = tag.evidence.filter((e) => e.node === tag.id);
  const children = [...new Set(tag.evidence.filter((e) => e.node !== tag.id).map((e) => e.node))];
  const implied = children.length > 0 && tags.length > 0 ? `  (pools the evidence of ${children.join(', ')})` : '';
  const fallback = tag.evidence.length === 0 ? '  (the facet default: nothing else reached its threshold)' : '';
  const head = `  ${tag.facet.padEnd(9)} ${palette.paint('bold', tag.id)}  ${tag.score.toFixed(3)}  ${tag.label}`;
  const lines = [`${head}${palette.paint('dim', implied || fallback)}`];
  for (const e of own) {
    const cues = e.cues.length > 0 ? `  cue: ${e.cues.join(', ')}` : '';
    lines.push(`      ${e.field.padEnd(9)}"${e.text}"  ${e.kind} '${e.rule}'  weight ${e.weight}${cues}`);
    const note = notes.get(`${e.node}\u0000${e.rule}`);
    if (note) lines.push(palette.paint('dim', `        note: ${note}`));
  }
  return lines;
}

/** Notes written next to rules in the taxonomy, by node and rule text. */
function ruleNotes(taxonomy: Taxonomy): Map<string, string> {
  const notes = new Map<string, string>();
  for (const node of taxonomy.nodes) for (const rule of node.rules) if (rule.note) notes.set(`${node.id}\u0000${rule.text}`, rule.note);
  return notes;
}

/** Evidence spans of one field, sorted and with overlaps joined. */
function merge(evidence: readonly Evidence[]): Array<[number, number]> {
  const spans = evidence.map((e): [number, number] => [e.start, e.end]).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/** `text[start, end)` with the parts inside spans highlighted. */
function highlight(text: string, start: number, end: number, spans: ReadonlyArray<[number, number]>, palette: Palette): string {
  let out = '';
  let at = start;
  for (const [from, to] of spans) {
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    if (a >= b) continue;
    out += text.slice(at, a);
    const piece = text.slice(a, b);
    out += palette.enabled ? palette.paint(['bold', 'yellow'], piece) : `[[${piece}]]`;
    at = b;
  }
  return out + text.slice(at, end);
}

/** Line spans of `text` wrapped at spaces to `width` characters (long words are cut). */
function wrapOffsets(text: string, width: number): Array<[number, number]> {
  const lines: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > width) {
    let cut = text.lastIndexOf(' ', start + width);
    if (cut <= start) cut = start + width;
    lines.push([start, cut]);
    start = cut;
    while (text[start] === ' ') start++;
  }
  lines.push([start, text.length]);
  return lines;
}
