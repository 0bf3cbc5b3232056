/**
 * The report's charts, drawn with Observable Plot when the report is built and inlined as SVG, so
 * the page needs no script to show them and no library at view time. Plot runs on linkedom's DOM
 * here. Colours of text and axes are `currentColor`, so the charts follow the page's light or
 * dark scheme; a chart with nothing to show is `undefined` and the page says why instead.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { FacetSummary, NameRow, ReportModel, Trend } from './model.js';

const { document } = parseHTML('<!doctype html><html><body></body></html>');

/** Plot's options as this module passes them: with the DOM it draws into. */
type Options = Plot.PlotOptions & { document: unknown };

function render(options: Omit<Options, 'document'>): string {
  const chart = Plot.plot({ ...options, document } as Options) as unknown as { outerHTML: string };
  return chart.outerHTML;
}

const FONT = { fontSize: '12px', fontFamily: 'inherit', background: 'transparent', overflow: 'visible' };
/** Indents a subfamily's label; an em space, as Plot keeps leading spaces in tick labels. */
const INDENT = '\u2003';
const ROW = 22;

/** One bar per node, children under their parent and indented, coloured by top-level family. */
export function hierarchyChart(facet: FacetSummary, width = 1040): string | undefined {
  if (facet.nodes.every((n) => n.count === 0)) return undefined;
  const families = new Map(facet.nodes.filter((n) => n.depth === 0).map((n) => [n.id, n.label]));
  const rows = facet.nodes.map((n) => ({ name: `${INDENT.repeat(n.depth)}${n.label}`, count: n.count, family: families.get(n.family) ?? n.label, depth: n.depth }));
  const longest = Math.max(...rows.map((r) => r.name.length));
  return render({
    style: FONT,
    width,
    height: rows.length * ROW + 40,
    marginLeft: Math.min(340, 12 + longest * 6.6),
    marginRight: 48,
    x: { label: 'papers', grid: true, nice: true },
    y: { label: null, domain: rows.map((r) => r.name), tickSize: 0 },
    color: { domain: [...families.values()], scheme: 'observable10' },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'name', fill: 'family', fillOpacity: (d: { depth: number }) => (d.depth === 0 ? 1 : 0.6), title: (d: { name: string; count: number }) => `${d.name.trim()}: ${d.count}` }),
      Plot.text(rows, { x: 'count', y: 'name', text: (d: { count: number }) => String(d.count), textAnchor: 'start', dx: 4 }),
      Plot.ruleX([0]),
    ],
  });
}

/** Papers per top-level family per month or year, stacked; every period shown, empty ones too. */
export function trendChart(trend: Trend, familyOrder: readonly string[] = []): string | undefined {
  if (trend.points.length === 0) return undefined;
  const periods = allPeriods(trend);
  // The families in the order (and so the colours) of the family chart.
  const present = new Set(trend.points.map((p) => p.family));
  const families = [...familyOrder, ...[...present].sort()].filter((f, i, all) => all.indexOf(f) === i && (present.has(f) || familyOrder.includes(f)));
  // Past ~16 bars the labels would collide: label every nth period.
  const step = Math.ceil(periods.length / 16);
  return render({
    style: FONT,
    width: 1040,
    height: 320,
    marginRight: 16,
    x: { label: null, domain: periods, tickFormat: (d: string, i: number) => (i % step === 0 ? d : ''), tickSize: 0 },
    y: { label: 'papers', grid: true, nice: true, tickFormat: (d: number) => (Number.isInteger(d) ? String(d) : '') },
    color: { legend: true, scheme: 'observable10', domain: families },
    marks: [
      Plot.barY(trend.points, { x: 'period', y: 'count', fill: 'family', title: (d: { period: string; family: string; count: number }) => `${d.period} · ${d.family}: ${d.count}` }),
      Plot.ruleY([0]),
    ],
  });
}

/** Every period from the first to the last, so a gap shows as zero rather than a line across it. */
function allPeriods(trend: Trend): string[] {
  const sorted = trend.points.map((p) => p.period).sort();
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  const periods: string[] = [];
  if (trend.unit === 'year') {
    for (let y = Number(first); y <= Number(last); y++) periods.push(String(y));
    return periods;
  }
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    periods.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return periods;
}


/** Papers carrying both of two method families, for every pair of the most frequent families. */
export function heatmapChart(cooccurrence: ReportModel['cooccurrence']): string | undefined {
  if (cooccurrence.pairs.length === 0) return undefined;
  // Rows are named by label, columns by the shorter id (`peft.lora`), so the grid stays square.
  const label = new Map(cooccurrence.ids.map((id, i) => [id, cooccurrence.labels[i]!]));
  const cells = cooccurrence.pairs.flatMap(({ a, b, count }) => [
    { x: a, y: label.get(b)!, count, pair: `${label.get(a)} + ${label.get(b)}` },
    { x: b, y: label.get(a)!, count, pair: `${label.get(b)} + ${label.get(a)}` },
  ]);
  const max = Math.max(...cells.map((c) => c.count));
  const size = Math.max(22, Math.min(36, Math.floor(520 / cooccurrence.ids.length)));
  const margin = Math.min(300, 12 + Math.max(...cooccurrence.labels.map((l) => l.length)) * 6.6);
  const bottom = Math.min(160, 16 + Math.max(...cooccurrence.ids.map((l) => l.length)) * 5.2);
  return render({
    style: FONT,
    width: margin + size * cooccurrence.ids.length + 40,
    height: bottom + size * cooccurrence.ids.length + 10,
    marginLeft: margin,
    marginBottom: bottom,
    marginTop: 10,
    marginRight: 40,
    padding: 0.06,
    x: { domain: cooccurrence.ids, label: null, tickRotate: -40, tickSize: 0 },
    y: { domain: cooccurrence.labels, label: null, tickSize: 0 },
    color: { type: 'sqrt', scheme: 'blues', domain: [0, max] },
    marks: [
      Plot.cell(cells, { x: 'x', y: 'y', fill: 'count', inset: 0.5, title: (d: { pair: string; count: number }) => `${d.pair}: ${d.count}` }),
      Plot.text(cells, { x: 'x', y: 'y', text: (d: { count: number }) => String(d.count), fill: (d: { count: number }) => (d.count > max * 0.45 ? 'white' : 'black'), fontSize: 10 }),
    ],
  });
}

/** Papers per named method, one bar per name split by the role it plays. */
export function namesChart(names: readonly NameRow[], top = 25): string | undefined {
  if (names.length === 0) return undefined;
  const totals = new Map<string, number>();
  for (const row of names) totals.set(row.label, (totals.get(row.label) ?? 0) + row.papers);
  const shown = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, top).map(([label]) => label);
  const keep = new Set(shown);
  const rows = names.filter((n) => keep.has(n.label));
  const longest = Math.max(...shown.map((l) => l.length));
  return render({
    style: FONT,
    width: 1040,
    height: shown.length * ROW + 70,
    marginLeft: Math.min(260, 12 + longest * 6.6),
    x: { label: 'papers', grid: true, nice: true },
    y: { label: null, domain: shown, tickSize: 0 },
    color: { legend: true, scheme: 'observable10', domain: [...new Set(names.map((n) => n.role))].sort() },
    marks: [Plot.barX(rows, { x: 'papers', y: 'label', fill: 'role', title: (d: NameRow) => `${d.label} (${d.role}): ${d.papers}` }), Plot.ruleX([0])],
  });
}
