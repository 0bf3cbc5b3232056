/**
 * The report page: one self-contained HTML file. Headline numbers and charts are static markup
 * (charts are SVG drawn at build time), so they show before any script runs; the papers travel as
 * JSON in a `<script type="application/json">` element and the inline script builds the table from
 * it. No external resource of any kind: system fonts, inline CSS and JS, no request when opened.
 * The abstracts come last, after the script: the table is built while the browser still parses
 * them (most of a large report's bytes), and they are read once the document is complete.
 */
import type { Taxonomy } from '../taxonomy/types.js';
import { heatmapChart, hierarchyChart, namesChart, trendChart } from './charts.js';
import { reportApp } from './client.js';
import { buildClientData, jsonParts } from './data.js';
import type { FacetSummary, ReportModel } from './model.js';
import { REPORT_CSS } from './style.js';
import type { ReportEntry, ReportSource } from './types.js';

export function renderHtml(entries: readonly ReportEntry[], model: ReportModel, taxonomy: Taxonomy, source: ReportSource): string {
  const title = source.title ?? 'Fine-tuning literature report';
  const { data, abstracts } = buildClientData(entries, taxonomy, title);
  const body = [
    header(title, source, model),
    headline(model, source),
    facetSection(model),
    trendSection(model),
    heatmapSection(model),
    namesSection(model),
    papersSection(model),
  ].join('\n');
  // Written as a plain function so the page runs exactly what was type-checked; `__name` is the
  // helper esbuild's keepNames (tsx, vitest) may insert into the function's text.
  const script = `var __name = function (f) { return f; };\n(${reportApp.toString()})();`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<a class="skip" href="#papers">Skip to the papers</a>
<main>
${body}
</main>
<dialog id="paper-detail" aria-labelledby="detail-title">
<form method="dialog" class="dialog-bar"><button id="detail-close" type="submit" aria-label="Close (Escape)">Close ✕</button></form>
<div id="detail-body"></div>
</dialog>
${jsonParts('report-data', data)}
<script>${script.replace(/<\/(script)/gi, '<\\/$1')}</script>
${jsonParts('report-abstracts', abstracts)}
</body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const number = (n: number) => n.toLocaleString('en');
const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);

function header(title: string, source: ReportSource, model: ReportModel): string {
  const inputs = source.inputs.map((name) => `<code>${escapeHtml(name)}</code>`).join(', ');
  const generated = source.generated ? ` · made ${escapeHtml(source.generated)}` : '';
  return `<header><h1>${escapeHtml(title)}</h1><p class="meta">${number(model.records)} records from ${inputs || 'stdin'}${generated} · finetax</p></header>`;
}

function headline(model: ReportModel, source: ReportSource): string {
  const cards: Array<[string, string, string]> = [['records', number(model.records), source.rejected > 0 ? `${number(source.rejected)} rejected` : 'read and classified']];
  for (const facet of model.facets) cards.push([`with a ${facet.label.toLowerCase()} tag`, number(facet.tagged), percent(facet.tagged, model.records)]);
  const dated = model.records - model.trend.undated;
  cards.push(['dated', number(dated), `${number(model.trend.undated)} undated`]);
  const items = cards.map(([label, value, note]) => `<div class="card"><div class="value">${value}</div><div class="label">${escapeHtml(label)}</div><div class="note">${escapeHtml(note)}</div></div>`);
  return `<section class="headline" aria-label="Headline numbers">${items.join('')}</section>`;
}

function chartFigure(id: string, title: string, svg: string | undefined, empty: string, caption = ''): string {
  const content = svg ?? `<p class="empty">${escapeHtml(empty)}</p>`;
  return `<figure class="chart" id="${id}"><figcaption><h3>${escapeHtml(title)}</h3>${caption}</figcaption>${content}</figure>`;
}

function facetSection(model: ReportModel): string {
  const [first, ...rest] = model.facets;
  if (!first) return '';
  const none = (facet: FacetSummary) => `<p class="caption">${number(model.records - facet.tagged)} records (${percent(model.records - facet.tagged, model.records)}) without a ${escapeHtml(facet.label.toLowerCase())} tag.</p>`;
  const main = chartFigure(`chart-${first.id}`, `Papers per ${first.label.toLowerCase()}`, hierarchyChart(first), 'No record has a tag of this facet.', `<p class="caption">A paper counts for its family and its subfamily.</p>${none(first)}`);
  const others = rest.map((facet) => chartFigure(`chart-${facet.id}`, `Papers per ${facet.label.toLowerCase()}`, hierarchyChart(facet, 540), 'No record has a tag of this facet.', none(facet)));
  return `<section aria-labelledby="facets-h"><h2 id="facets-h">Families, types and modalities</h2>${main}<div class="grid">${others.join('')}</div></section>`;
}

function trendSection(model: ReportModel): string {
  const { trend } = model;
  const parts = [`${number(trend.dated)} dated records, per ${trend.unit}`, `${number(trend.undated)} without a date`];
  if (trend.yearOnly > 0) parts.push(`${number(trend.yearOnly)} with only a year`);
  const caption = `<p class="caption">${parts.join(' · ')} (counted here, not in the chart).</p>`;
  const empty = trend.dated === 0 ? 'No record gives a date, a year or an arXiv id, so there is no trend to draw.' : 'No dated record has a family tag.';
  return `<section aria-labelledby="trend-h"><h2 id="trend-h">Trends</h2>${chartFigure('chart-trend', `Papers per family per ${trend.unit}`, trendChart(trend, model.facets[0]?.nodes.filter((n) => n.depth === 0).map((n) => n.label)), empty, caption)}</section>`;
}

function heatmapSection(model: ReportModel): string {
  const caption = '<p class="caption">Papers tagged with both families (a family and its own subfamily are left out: they always go together).</p>';
  return `<section aria-labelledby="cooc-h"><h2 id="cooc-h">Families that occur together</h2>${chartFigure('chart-cooccurrence', 'Co-occurrence of method families', heatmapChart(model.cooccurrence), 'No paper has two method families.', caption)}</section>`;
}

function namesSection(model: ReportModel): string {
  if (!model.names && !model.proposed) return '';
  const parts: string[] = [];
  if (model.names) parts.push(chartFigure('chart-names', 'Named methods by role', namesChart(model.names), 'No named method was found.', '<p class="caption">Papers per named method, split by what the paper does with it.</p>'));
  if (model.proposed) {
    const rows = model.proposed.slice(0, 100).map((p) => `<tr><td><strong>${escapeHtml(p.text)}</strong></td><td>${escapeHtml(p.expansion ?? '')}</td><td><code>${escapeHtml(p.node ?? '')}</code></td><td class="num">${p.papers}</td></tr>`);
    const table = rows.length > 0 ? `<table class="plain"><thead><tr><th>name</th><th>expansion</th><th>family</th><th>papers</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p class="empty">No paper proposes a new name.</p>';
    parts.push(`<figure class="chart" id="proposed-names"><figcaption><h3>Newly proposed names</h3><p class="caption">Names papers introduce that the taxonomy does not know yet${model.proposed.length > 100 ? ' (the 100 most frequent)' : ''}.</p></figcaption>${table}</figure>`);
  }
  return `<section aria-labelledby="names-h"><h2 id="names-h">Named methods</h2>${parts.join('')}</section>`;
}

function papersSection(model: ReportModel): string {
  const heads = model.facets.map((f) => `<th scope="col">${escapeHtml(f.id === model.familyFacet ? 'families' : f.label.toLowerCase())}</th>`).join('');
  return `<section id="papers" aria-labelledby="papers-h"><h2 id="papers-h">Papers</h2>
<div class="controls" id="paper-controls" role="search">
<label>Search <input id="paper-search" type="search" placeholder="words in title or abstract ( / )" autocomplete="off"></label>
<label>Sort <select id="paper-sort"><option value="score">by score</option><option value="date">by date</option><option value="input">as read</option></select></label>
</div>
<p class="status" id="paper-status" aria-live="polite">Loading ${number(model.records)} papers…</p>
<table class="papers"><thead><tr><th scope="col">title</th><th scope="col">date</th>${heads}<th scope="col">score</th></tr></thead><tbody id="paper-rows"></tbody></table>
<nav class="pager" aria-label="Pages"><button id="page-prev" type="button">← previous</button><span id="page-label"></span><button id="page-next" type="button">next →</button></nav>
<p class="keys">Keys: <kbd>/</kbd> search · <kbd>↑</kbd><kbd>↓</kbd> or <kbd>j</kbd><kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close · <kbd>n</kbd><kbd>p</kbd> next/previous page</p>
</section>`;
}
