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
import { parseXml, textContent, XmlSyntaxError, type XmlElement } from './xml.js';

/** The Atom namespace. */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';
/** arXiv's extension namespace. */
export const ARXIV_NS = 'http://arxiv.org/schemas/atom';

/** Reads an Atom feed (or a lone entry). Throws `ReadError` when the text is not well-formed XML. */
export function readAtom(text: string, options: ReadOptions = {}): ReadResult {
  const sink = new RecordSink('atom', options.source, options.strict);
  if (text.trim() === '') return sink.result();
  const lines = new LineIndex(text);
  const root = parseOrThrow(text, lines, sink.issueSource);
  if (root.local !== 'feed' && root.local !== 'entry') {
    throw new ReadError(`expected an Atom <feed> or <entry>, found <${root.name}>`, { source: sink.issueSource, ...lines.place(root.offset) });
  }
  const entries = root.local === 'entry' ? [root] : children(root, 'entry');
  for (const entry of entries) readEntry(sink, entry, lines);
  return sink.result();
}

function parseOrThrow(text: string, lines: LineIndex, source: string): XmlElement {
  try {
    return parseXml(text);
  } catch (error) {
    if (!(error instanceof XmlSyntaxError)) throw error;
    throw new ReadError(`not well-formed XML: ${error.message}`, { source, ...lines.place(error.offset) });
  }
}

function readEntry(sink: RecordSink, entry: XmlElement, lines: LineIndex): void {
  const place = lines.place(entry.offset);
  const rawId = collapseWhitespace(childText(entry, 'id') ?? '');
  if (!entry.closed) {
    return sink.reject(place, 'the feed ends inside this <entry>; expected </entry> (truncated download?)', { recordId: rawId || undefined });
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
