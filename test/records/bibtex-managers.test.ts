/**
 * BibTeX as reference managers write it (Zotero, JabRef, Better BibTeX, EndNote) and the LaTeX
 * they put in titles, abstracts and names. Measured against the parser behind Better BibTeX's
 * imports with `scripts/compare-bibtex.ts`; where we decode differently on purpose, a test below
 * says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/records/bibtex-parse.js';
import { readBibtex } from '../../src/records/index.js';
import { latexToText } from '../../src/records/latex.js';
import { collapseWhitespace } from '../../src/records/text.js';
import { fixture, ids, issueLines } from './helpers.js';
import { ZOTERO_ORIGINALS } from './zotero-originals.js';
import { zoteroEntry, zoteroEscape } from './zotero-style.js';

/** TeX's ligatures, which Zotero leaves unescaped and LaTeX prints as dashes and curly quotes. */
const asTexPrints = (text: string): string =>
  collapseWhitespace(text).replace(/---/g, '—').replace(/--/g, '–').replace(/``/g, '“').replace(/''/g, '”');

describe('BibTeX from reference managers', () => {
  const result = readBibtex(fixture('reference-managers.bib'), { source: 'reference-managers.bib' });

  it('reads every entry: no key (EndNote), a quoted key, a header split over lines, escaped braces', () => {
    expect(issueLines(result)).toEqual([]);
    expect(ids(result)).toEqual(['reference-managers.bib:6', 'quoted-key', 'split-header', 'brace-escapes', 'names-with-sort-hints', 'commented-field']);
  });

  it('skips an entry or a field line commented out with %', () => {
    expect(result.records[5]).toMatchObject({ title: 'A field commented out', abstract: '', year: 2021 });
  });

  it('expands an @string whose name has & in it, as BibTeX allows', () => {
    expect(result.records[0]).toMatchObject({
      title: 'Parameter-Efficient Transfer Learning for NLP',
      authors: ['Neil Houlsby', 'Andrei Giurgiu'],
      venue: 'Harper & Row',
      year: 2019,
    });
  });

  it('does not count \\{ and \\} as braces, so an escaped brace cannot swallow the entry', () => {
    expect(result.records[3]).toMatchObject({ title: 'Escaped braces } do not close a value', authors: ["Sylvie Thi{'ebaux", 'Joachim Hertzberg'] });
  });

  it('keeps \\noopsort and \\relax out of author names', () => {
    expect(result.records[4]?.authors).toEqual(['Anna van Dijk', 'Li Chen', 'Jörg Müller']);
  });

  it('reads an entry with no key and an entry with no fields, as BibTeX parsers do', () => {
    expect(parseBibtex('@foo{}\n@article(foo=bar)').map((e) => [e.type, e.key, [...e.fields]])).toEqual([
      ['foo', '', []],
      ['article', '', [['foo', 'bar']]],
    ]);
  });
});

describe('LaTeX that reference managers write, decoded', () => {
  it.each([
    ['S\\textsuperscript{3}FT', 'S³FT'],
    ['H\\textsubscript{x}', 'Hₓ'],
    ['\\textsuperscript{th} and x\\textsubscript{big}', 'ᵗʰ and xbig'],
    ['In\\textsubscript{x}Ga$_{1-x}$N', 'InₓGa₁₋ₓN'],
    ['input\\slash output', 'input/output'],
    ['$k \\cdot p$ theory', 'k⋅p theory'],
    ['$\\pm$0.1 and $\\le$ 5 and $\\geq$ 6', '±0.1 and ≤ 5 and ≥ 6'],
    ['0.2 mm$^2$, CO$_{2}$, H$^+$', '0.2 mm², CO₂, H⁺'],
    ['$\\ell_1$ regularisation', 'ℓ₁ regularisation'],
    ['GaN(000\\overline{1}) and (000$\\bar{1}$)', 'GaN(0001̅) and (0001̅)'],
    ['see \\url{https://x.org/a_b~c}', 'see https://x.org/a_b~c'],
    ['on \\href{https://x.org}{the site}', 'on the site'],
    ['\\enquote{fine} and \\mkbibquote{tuned}', '“fine” and “tuned”'],
    ['\\mkbibemph{Adapter} \\mkbibbold{layers}', 'Adapter layers'],
    ['\\textquotedblleft x\\textquotedblright', '“x”'],
    ['a\\~{}b and \\^{}', 'a~b and ^'],
    ['C:\\textbackslash{}data, 2\\textasciicircum{}10, \\textasciitilde{}5', 'C:\\data, 2^10, ~5'],
    ['{\\textless}i{\\textgreater} and {\\textbar}', '<i> and |'],
    ['{\\em LoRA} and \\begin{em}DoRA\\end{em}', 'LoRA and DoRA'],
    ['x\\hspace{1em}y\\quad z', 'x y z'],
    ['$O(n \\log n)$ time', 'O(n log n) time'],
    ['$\\alpha$-$\\beta$ and $\\mathrm{H}_2\\text{ gas}$', 'α-β and H₂ gas'],
    ['costs $5 per run', 'costs $5 per run'],
    ['\\foo{bar} stays readable', 'foobar stays readable'],
    ['\\textsuperscript{2.5}', '2.5'],
  ])('%s → %s', (latex, text) => {
    expect(latexToText(latex)).toBe(text);
  });

  it('keeps every nesting of commands linear: 100k nested superscripts of a 1 MB text', () => {
    const text = `${'\\textsuperscript{'.repeat(100_000)}${'x'.repeat(1_000_000)}${'}'.repeat(100_000)}`;
    expect(latexToText(text)).toBe('x'.repeat(1_000_000));
  });
});

describe('where we decode differently from @retorquere/bibtex-parser, on purpose', () => {
  it('\\LaTeX is the word LaTeX, not raised and lowered letters: users search for the word', () => {
    expect(latexToText('The \\LaTeX\\ Companion')).toBe('The LaTeX Companion');
  });

  it('\\frac{n}{2} is n/2, not ⁿ⁄₂: the plain form is what a search for "n/2" finds', () => {
    expect(latexToText('$\\frac{n}{2}$ and $\\frac 1 2$')).toBe('n/2 and 1/2');
  });

  it('\\- and \\slash leave no soft hyphen or zero-width space, which would split words for matching', () => {
    expect(latexToText('Lan\\-guage AND\\slash OR')).toBe('Language AND/OR');
  });

  it('\\~{} is a tilde, not a combining tilde with nothing to sit on', () => {
    expect(latexToText('http://example.com/\\~{}user')).toBe('http://example.com/~user');
  });

  it('< and > stay themselves: the reference prints ¡ and ¿, as TeX would in its old OT1 font encoding', () => {
    expect(latexToText('a < b > c')).toBe('a < b > c');
  });

  it('$\\mu$ is the Greek letter μ, not the mathematical italic 𝜇 that no one types in a query', () => {
    expect(latexToText('100 $\\mu$J')).toBe('100 μJ');
  });

  it('an escaped backslash in math stays: $<\\backslash$input is the text "<\\input"', () => {
    expect(latexToText('{$<\\backslash$}input')).toBe('<\\input');
  });
});

describe('Zotero round trip', () => {
  it('the committed export is what Zotero writes for the originals', () => {
    const written = ZOTERO_ORIGINALS.map((o) => zoteroEntry(o.key, { title: o.title, abstract: o.abstract })).join('\n');
    expect(fixture('zotero-export.bib')).toBe(written);
  });

  it('reads back every title and abstract as typed (TeX ligatures as LaTeX prints them)', () => {
    const read = readBibtex(fixture('zotero-export.bib'));
    expect(read.issues).toEqual([]);
    expect(read.records.map((r) => [r.id, r.title, r.abstract])).toEqual(
      ZOTERO_ORIGINALS.map((o) => [o.key, asTexPrints(o.title), asTexPrints(o.abstract)]),
    );
    expect(read.records[2]?.abstract).toContain('become “quoted” and 1–10');
  });

  it('any text with the characters Zotero escapes comes back as written', () => {
    const alphabet = fc.constantFrom(...'aZ09 \t\\{}^~$%&#_|<>"\'`-@,.=()[]/*!?éßα“—'.split(''), 'LoRA', 'DoRA', '\\alpha', '{}', '\\\\');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((parts) => parts.join('')), (abstract) => {
        const read = readBibtex(zoteroEntry('k', { title: 'T', abstract }));
        expect(read.issues).toEqual([]);
        expect(read.records[0]?.abstract).toBe(asTexPrints(abstract));
      }),
      { numRuns: 500 },
    );
  });

  it('a parsed field value is exactly the text between the braces, escapes and all', () => {
    const value = fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n') && !s.includes('\r'));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 5 }), (values) => {
        const escaped = values.map(zoteroEscape);
        const text = escaped.map((v, i) => `@misc{k${i},\n\tnote = {${v}}\n}`).join('\n');
        expect(parseBibtex(text).map((e) => [e.key, e.fields.get('note'), e.problem])).toEqual(escaped.map((v, i) => [`k${i}`, v, undefined]));
      }),
      { numRuns: 300 },
    );
  });
});

const corpus = new URL('../../../shared/corpus/arxiv-2024-ml.jsonl', import.meta.url);

describe.skipIf(!existsSync(corpus))('Zotero round trip of the 2024 corpus (../shared/corpus/arxiv-2024-ml.jsonl)', () => {
  it('brings back all 673 abstracts and titles as written', () => {
    const rows = readFileSync(corpus, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { title: string; abstract: string });
    const text = rows.map((r, i) => zoteroEntry(`k${i}`, { title: r.title, abstract: r.abstract })).join('\n');
    const read = readBibtex(text);
    expect(read.issues).toEqual([]);
    const wrong = read.records.filter((r, i) => r.abstract !== asTexPrints(rows[i]?.abstract ?? '') || r.title !== asTexPrints(rows[i]?.title ?? ''));
    expect(wrong.map((r) => r.id)).toEqual([]);
    expect(read.records).toHaveLength(673);
  });
});

if (!existsSync(corpus)) {
  it.skip('Zotero round trip of the 2024 corpus skipped: ../shared/corpus/arxiv-2024-ml.jsonl is not present in this checkout', () => {});
}
