/**
 * Hugging Face papers API JSON: `/api/daily_papers` items wrap the paper
 * (`{paper: {id, title, summary, authors, publishedAt}, ...}`) while `/api/papers/...`
 * returns bare paper objects. A Hugging Face paper id is its arXiv id.
 */
import type { Draft, EntryContext } from './build.js';
import { readJsonFormat, wrappedArray, type JsonFields, type JsonFormat } from './json-reader.js';
import { normaliseArxivId } from './text.js';
import type { ReadOptions, ReadResult } from './types.js';

const HF_DAILY: JsonFormat = {
  format: 'hf-daily',
  entries: (root) => wrappedArray(root, ['papers', 'data']),
  map: itemDraft,
};

/** Reads Hugging Face daily-papers or papers API JSON. Throws `ReadError` when the text is not JSON. */
export function readHfDaily(text: string, options: ReadOptions = {}): ReadResult {
  return readJsonFormat(text, HF_DAILY, options);
}

function itemDraft(item: JsonFields, entry: EntryContext): Draft {
  const paper = item.object('paper') ?? item;
  const id = paper.id('id');
  entry.recordId = id;
  const arxivId = id === undefined ? undefined : normaliseArxivId(id);
  return {
    id,
    arxivId,
    title: paper.string('title') ?? item.string('title'),
    abstract: paper.string('summary') ?? item.string('summary'),
    authors: paper.objects('authors').map((author) => author.string('name') ?? ''),
    date: paper.date('publishedAt') ?? item.date('publishedAt'),
    // The paper's page on the Hub, the link a reader of these lists expects.
    url: arxivId === undefined ? undefined : `https://huggingface.co/papers/${arxivId}`,
  };
}
