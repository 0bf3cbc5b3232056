import { describe, expect, it } from 'vitest';
import { namesOf } from '../../src/records/bibtex.js';
import { readBibtex } from '../../src/records/index.js';
import { latexToText } from '../../src/records/latex.js';
import { fixture, ids, issueLines } from './helpers.js';

describe('BibTeX reader', () => {
  const result = readBibtex(fixture('refs.bib'), { source: 'refs.bib' });

  it('reads entries in file order with the citation key as id, skipping @comment, @preamble and @string', () => {
    expect(ids(result)).toEqual(['hu2022lora', 'ansell2022composable', 'rafailov2023direct']);
  });

  it('removes protective braces but keeps case, joins wrapped lines, turns -- into an en dash', () => {
    expect(result.records[0]).toEqual({
      id: 'hu2022lora',
      title: 'LoRA: Low-Rank Adaptation of Large Language Models',
      abstract:
        'An important paradigm of natural language processing consists of large-scale pre-training on general domain data and adaptation to particular tasks or domains. Using GPT-3 175B as an example – deploying independent instances of fine-tuned models, each with 175B parameters, is prohibitively expensive.',
      authors: ['Edward J. Hu', 'Yelong Shen', 'Phillip Wallis', 'Zeyuan Allen-Zhu', 'Yuanzhi Li', 'Shean Wang', 'Lu Wang', 'Weizhu Chen'],
      year: 2022,
      venue: 'International Conference on Learning Representations',
      url: 'https://openreview.net/forum?id=nZeVKeeFYf9',
      arxivId: '2106.09685',
      categories: ['cs.CL'],
      source: 'bibtex:refs.bib',
    });
  });

  it('reads quoted values, LaTeX accents in names, month macros and DOIs', () => {
    expect(result.records[1]).toEqual({
      id: 'ansell2022composable',
      title: 'Composable Sparse Fine-Tuning for Cross-Lingual Transfer',
      abstract: '',
      authors: ['Alan Ansell', 'Edoardo Maria Ponti', 'Anna Korhonen', 'Ivan Vulić'],
      year: 2022,
      date: '2022-05',
      venue: 'Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
      doi: '10.18653/v1/2022.acl-long.125',
      source: 'bibtex:refs.bib',
    });
  });

  it('expands @string macros joined with #, and \\& in an abstract', () => {
    expect(result.records[2]).toMatchObject({
      venue: 'Advances in Neural Information Processing Systems 36',
      arxivId: '2305.18290',
      authors: ['Rafael Rafailov', 'Archit Sharma', 'Eric Mitchell', 'Christopher D. Manning', 'Stefano Ermon', 'Chelsea Finn'],
    });
    expect(result.records[2]?.abstract).toMatch(/in closed form & with only a simple classification loss\.$/);
  });

  it('reports an entry missing its closing brace at its @ line, and still reads the next entry', () => {
    expect(issueLines(result)).toEqual([
      "refs.bib:37: record schick2021exploiting: unterminated entry: expected '}' before the next entry",
    ]);
  });

  it('reports a value left open at the end of the file', () => {
    const read = readBibtex('@misc{ok, title = {Fine}}\n@misc{open, title = {never closed\n', { source: 'o.bib' });
    expect(ids(read)).toEqual(['ok']);
    expect(issueLines(read)).toEqual(["o.bib:2: record open: unterminated value: expected '}' before the end of the file"]);
  });

  it('reports a year that is not a year, naming the field', () => {
    expect(issueLines(readBibtex('@misc{soon, title = {X}, year = {forthcoming}}', { source: 'y.bib' }))).toEqual([
      "y.bib:1: record soon: year: expected a 4-digit year, got 'forthcoming'",
    ]);
  });

  it('takes the arXiv id from a Google Scholar style journal field', () => {
    const read = readBibtex('@article{dettmers2023qlora, title={{QLoRA}: Efficient Finetuning of Quantized {LLMs}}, journal={arXiv preprint arXiv:2305.14314}, year={2023}}');
    expect(read.records[0]).toMatchObject({ title: 'QLoRA: Efficient Finetuning of Quantized LLMs', arxivId: '2305.14314', venue: 'arXiv preprint arXiv:2305.14314' });
  });

  it('accepts parentheses as entry delimiters and a biblatex date', () => {
    const read = readBibtex('@online(wortsman2022soups, title = "Model soups", date = {2022-03-10})');
    expect(read.records[0]).toMatchObject({ id: 'wortsman2022soups', title: 'Model soups', year: 2022, date: '2022-03-10' });
  });

  it('survives 100k nested braces', () => {
    const deep = `@misc{deep, title = ${'{'.repeat(100_000)}Deep${'}'.repeat(100_000)}}`;
    expect(readBibtex(deep).records[0]?.title).toBe('Deep');
    expect(readBibtex(`@misc{open, title = ${'{'.repeat(100_000)}`).issues).toHaveLength(1);
  });

  it('ignores text between entries and stray @ signs, as BibTeX does', () => {
    expect(ids(readBibtex('Contact me @ home.\n@misc{a, title = {A}}\nnotes'))).toEqual(['a']);
  });
});

describe('BibTeX names', () => {
  it('splits on top-level "and" only, reorders Family, Given and drops "others"', () => {
    expect(namesOf('Hu, Edward J. and {Barnes and Noble} and de la Cruz, Jr, Juan and Ilharco, Gabriel and others')).toEqual([
      'Edward J. Hu',
      'Barnes and Noble',
      'Juan de la Cruz Jr',
      'Gabriel Ilharco',
    ]);
  });

  it('keeps Given Family names as written', () => {
    expect(namesOf('Mitchell Wortsman AND Ludwig Schmidt')).toEqual(['Mitchell Wortsman', 'Ludwig Schmidt']);
  });
});

describe('LaTeX to text', () => {
  it.each([
    ['{\\"u}ber', 'über'],
    ['\\"{u}ber', 'über'],
    ["Caf\\'e", 'Café'],
    ["Garc{\\'\\i}a", 'García'],
    ['Stra{\\ss}e', 'Straße'],
    ['Sch\\"{u}tze \\& M\\o{}ller', 'Schütze & Møller'],
    ['\\c{C}a\\u{g}lar', 'Çağlar'],
    ['pages 1--10 --- done', 'pages 1–10 — done'],
    ['``quoted\'\'', '“quoted”'],
    ['\\emph{Parameter}-efficient \\textbf{tuning}', 'Parameter-efficient tuning'],
    ['S$^{2}$FT with $\\alpha$', 'S²FT with α'],
    ['100\\% of \\LaTeX', '100% of LaTeX'],
  ])('%s → %s', (latex, text) => {
    expect(latexToText(latex)).toBe(text);
  });
});
