import { describe, expect, it } from 'vitest';
import { readAtom, ReadError } from '../../src/records/index.js';
import { decodeEntities, parseXml, textContent } from '../../src/records/xml.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('arXiv API Atom reader', () => {
  const result = readAtom(fixture('arxiv-api.atom.xml'), { source: 'arxiv-api.atom.xml' });

  it('reads every entry in feed order, ids without version or URL prefix', () => {
    expect(ids(result)).toEqual(['2106.09685', '2402.09353', '2109.01903']);
    expect(result.issues).toEqual([]);
  });

  it('maps an entry exactly: collapsed summary, authors, published date, categories with the primary first', () => {
    expect(result.records[0]).toEqual({
      id: '2106.09685',
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      abstract:
        'An important paradigm of natural language processing consists of large-scale pre-training on general domain data and adaptation to particular tasks or domains. As we pre-train larger models, full fine-tuning, which retrains all model parameters, becomes less feasible. Using GPT-3 175B as an example -- deploying independent instances of fine-tuned models, each with 175B parameters, is prohibitively expensive. We propose Low-Rank Adaptation, or LoRA, which freezes the pre-trained model weights and injects trainable rank decomposition matrices into each layer of the Transformer architecture, greatly reducing the number of trainable parameters for downstream tasks.',
      authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis', 'Zeyuan Allen-Zhu', 'Yuanzhi Li', 'Shean Wang', 'Lu Wang', 'Weizhu Chen'],
      year: 2021,
      date: '2021-06-17',
      url: 'http://arxiv.org/abs/2106.09685v2',
      arxivId: '2106.09685',
      categories: ['cs.CL', 'cs.AI', 'cs.LG'],
      source: 'atom:arxiv-api.atom.xml',
    });
  });

  it('joins a title wrapped over two lines', () => {
    expect(result.records[1]?.title).toBe('DoRA: Weight-Decomposed Low-Rank Adaptation');
  });

  it('reads arxiv:doi and arxiv:journal_ref, and decodes entities', () => {
    expect(result.records[2]).toMatchObject({
      doi: '10.1109/CVPR52688.2022.00780',
      venue: 'CVPR 2022',
      categories: ['cs.CV', 'cs.LG'],
    });
    expect(result.records[2]?.abstract).toContain('ensembling the weights of the zero-shot & fine-tuned models (WiSE-FT).');
  });

  it('reports an entry cut off by a truncated download and keeps the complete ones', () => {
    const text = fixture('arxiv-api.atom.xml');
    const truncated = text.slice(0, text.indexOf('<title>Robust fine-tuning'));
    const read = readAtom(truncated, { source: 'cut.xml' });
    expect(ids(read)).toEqual(['2106.09685', '2402.09353']);
    expect(issueLines(read)).toEqual([
      'cut.xml:100:3: record http://arxiv.org/abs/2109.01903v3: the feed ends inside this <entry>; expected </entry> (truncated download?)',
    ]);
  });

  it('turns the API error entry into an issue', () => {
    const error = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>
      <title>Error</title><summary>incorrect id format for 1234</summary></entry></feed>`;
    expect(issueLines(readAtom(error, { source: 'e.xml' }))).toEqual(['e.xml:1:43: the arXiv API reported an error: incorrect id format for 1234']);
  });

  it('reads a plain Atom feed with prefixed elements and non-arXiv ids', () => {
    const feed = `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:entry>
      <a:id>urn:uuid:60a76c80</a:id><a:title type="html">Robust &lt;i&gt;fine-tuning&lt;/i&gt;</a:title>
      <a:content><![CDATA[Weight <b>ensembling</b>]]></a:content><a:updated>2022-01-02T00:00:00Z</a:updated>
    </a:entry></a:feed>`;
    expect(readAtom(feed).records).toEqual([
      { id: 'urn:uuid:60a76c80', title: 'Robust <i>fine-tuning</i>', abstract: 'Weight <b>ensembling</b>', year: 2022, date: '2022-01-02', source: 'atom' },
    ]);
  });

  it('repairs an element left open inside an entry, with a located warning, and throws ReadError only without a feed', () => {
    const read = readAtom('<feed>\n  <entry><title>x</entry>\n</feed>', { source: 'bad.xml' });
    expect(read.records.map((r) => r.title)).toEqual(['x']);
    expect(issueLines(read)).toEqual(['bad.xml:2:18: <title> is not closed before </entry>; closed it there']);
    expect(() => readAtom('<html><body/></html>', { source: 'page.xml' })).toThrow(ReadError);
    expect(() => readAtom('not xml at all <', { source: 'page.xml' })).toThrow(ReadError);
  });
});

describe('XML tokenizer', () => {
  it('decodes named and numeric entities, leaving unknown ones as written', () => {
    expect(decodeEntities('&lt;a&gt; &amp; &quot;q&quot; &apos; &#233; &#x1F600; &nbsp; &#0;')).toBe('<a> & "q" \' é 😀 &nbsp; &#0;');
  });

  it('resolves namespace prefixes, including redeclared ones', () => {
    const root = parseXml('<r xmlns="urn:a" xmlns:p="urn:p"><p:x/><y xmlns="urn:b"/><p:z xmlns:p="urn:q" p:attr="1"/></r>');
    const [x, y, z] = root.children.filter((c) => typeof c !== 'string');
    expect([root.ns, x?.ns, y?.ns, z?.ns]).toEqual(['urn:a', 'urn:p', 'urn:b', 'urn:q']);
    expect(z?.attributes[1]).toEqual({ name: 'p:attr', local: 'attr', ns: 'urn:q', value: '1' });
  });

  it('skips comments, processing instructions and a DOCTYPE with an internal subset', () => {
    const root = parseXml('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><!-- c --><r>a<?pi x?><!-- <b> -->b<![CDATA[<c>&amp;]]></r>');
    expect(textContent(root)).toBe('ab<c>&amp;');
  });

  it('handles 100k nested elements without recursion', () => {
    const deep = `<r>${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}</r>`;
    expect(textContent(parseXml(deep))).toBe('x');
  });
});
