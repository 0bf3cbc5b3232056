/**
 * Atom feeds as the arXiv API returns them (`export.arxiv.org/api/query`): one `<entry>`
 * per paper, with arXiv's extension elements (`arxiv:primary_category`, `arxiv:doi`,
 * `arxiv:journal_ref`). Plain Atom feeds without the extension read the same way.
 */
import { RecordSink, type Draft } from './build.js';
import { ReadError } from './errors.js';
import { LineIndex } from './position.js';
import { collapseWhitespace, normaliseArxivId, normaliseDate, normaliseDoi } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';
import { parseXmlRecovering, textContent, XmlSyntaxError, type RecoveredXml, type XmlElement } from './xml.js';

/** The Atom namespace. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** arXiv's extension namespace. */
export const ARXIV_NS = 'http://arxiv.org/schemas/atom';

/** Reads an Atom feed (or a lone entry). Throws `ReadError` when the text is not well-formed XML. */
export function readAtom(text: string, options: ReadOptions = {}): ReadResult {
  const sink = new RecordSink('atom', options.source, options.strict);
  if (text.trim() === '') return sink.result();
  const lines = new LineIndex(text);
  const { root, damage, repairs } = parseOrThrow(text, lines, sink.issueSource);
  if (root.local !== 'feed' && root.local !== 'entry') {
    throw new ReadError(`expected an Atom <feed> or <entry>, found <${root.name}>`, { source: sink.issueSource, ...lines.place(root.offset) });
  }
  const entries = root.local === 'entry' ? [root] : children(root, 'entry');
  const repaired = [...repairs];
  for (const entry of entries) {
    // A repair (an inline element such as <i> left open) is a warning in its place; the entry stays.
    while (repaired.length > 0 && repaired[0]!.offset < entry.offset) reportRepair(sink, repaired.shift()!, lines);
    readEntry(sink, entry, lines, damage !== undefined);
  }
  for (const repair of repaired) reportRepair(sink, repair, lines);
  if (damage) {
    const place = lines.place(damage.offset);
    const issue = sink.issue(place, 'input/truncated', `not well-formed XML: ${damage.message}; every complete entry before this point was read, nothing after it`);
    sink.pushIssues([issue]);
  }
  return sink.result();
}

function reportRepair(sink: RecordSink, repair: XmlSyntaxError, lines: LineIndex): void {
  sink.pushIssues([{ ...sink.issue(lines.place(repair.offset), 'entry/syntax', repair.message), severity: 'warning' }]);
}

/** The feed, as much of it as is whole; throws `ReadError` only when not even a root element can be read. */
function parseOrThrow(text: string, lines: LineIndex, source: string): RecoveredXml {
  try {
    return parseXmlRecovering(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new ReadError(`not well-formed XML: ${error.message}`, { source, ...lines.place(error.offset) });
  }
}

function readEntry(sink: RecordSink, entry: XmlElement, lines: LineIndex, damaged: boolean): void {
  const place = lines.place(entry.offset);
  const rawId = collapseWhitespace(childText(entry, 'id') ?? '');
  if (!entry.closed) {
    const why = damaged ? 'the feed is damaged inside this <entry> (see the next issue); it is not read' : 'the feed ends inside this <entry>; expected </entry> (truncated download?)';
    return sink.reject(place, why, { recordId: rawId || undefined, code: 'input/truncated' });
  }
  if (rawId.includes('arxiv.org/api/errors')) {
    return sink.reject(place, `the arXiv API reported an error: ${collapseWhitespace(childText(entry, 'summary') ?? '')}`);
  }
  sink.add(entryDraft(entry, rawId), place);
}

function entryDraft(entry: XmlElement, rawId: string): Draft {
  const arxivId = normaliseArxivId(rawId);
  const published = childText(entry, 'published') ?? childText(entry, 'updated');
  return {
    id: arxivId ?? rawId,
    arxivId,
    title: childText(entry, 'title'),
    abstract: childText(entry, 'summary') ?? childText(entry, 'content'),
    authors: children(entry, 'author').map((author) => childText(author, 'name') ?? ''),
    date: published === undefined ? undefined : normaliseDate(published),
    venue: childText(entry, 'journal_ref', ARXIV_NS),
    doi: doiOf(childText(entry, 'doi', ARXIV_NS)),
    url: linkOf(entry),
    categories: categoriesOf(entry),
  };
}

/** The primary category first, then every `<category term=...>` (duplicates dropped later). */
function categoriesOf(entry: XmlElement): string[] {
  const primary = children(entry, 'primary_category', ARXIV_NS).map((c) => attribute(c, 'term'));
  const all = children(entry, 'category').map((c) => attribute(c, 'term'));
  return [...primary, ...all].filter((t): t is string => t !== undefined);
}

/** The abstract page (`rel="alternate"`), else the PDF link. */
function linkOf(entry: XmlElement): string | undefined {
  const links = children(entry, 'link');
  const alternate = links.find((l) => (attribute(l, 'rel') ?? 'alternate') === 'alternate');
  const pdf = links.find((l) => attribute(l, 'title') === 'pdf' || attribute(l, 'type') === 'application/pdf');
  return attribute(alternate ?? pdf, 'href');
}

/** arXiv sometimes lists several DOIs separated by spaces; the first is the paper's. */
function doiOf(text: string | undefined): string | undefined {
  const first = text?.trim().split(/\s+/)[0];
  return first ? normaliseDoi(first) : undefined;
}

/** Atom elements may come without a namespace in hand-written feeds, so '' matches too. */
function children(parent: XmlElement, local: string, ns = ATOM_NS): XmlElement[] {
  return parent.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && c.local === local && (c.ns === ns || c.ns === '' || (ns === ARXIV_NS && c.prefix === 'arxiv')),
  );
}

function childText(parent: XmlElement, local: string, ns = ATOM_NS): string | undefined {
  const element = children(parent, local, ns)[0];
  return element ? textContent(element) : undefined;
}

function attribute(element: XmlElement | undefined, local: string): string | undefined {
  return element?.attributes.find((a) => a.local === local && a.ns === '')?.value;
}
