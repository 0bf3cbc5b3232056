/** The text form of `finetax stats`: indented tree of counts with bars, then the top pairs. */
import type { TaxonomyIndex } from '../../query/index.js';
import type { Palette } from '../colour.js';

export interface StatsReport {
  inputs: string[];
  /** Records counted (tagged). */
  records: number;
  rejected: number;
  facets: Array<{ facet: string; counts: Record<string, number>; none: number }>;
  pairs: { facet: string; top: Array<{ a: string; b: string; count: number }> } | undefined;
}

export interface StatsStyle {
  palette: Palette;
  width: number;
  /** Unicode block bars (a terminal) or `#` bars (piped). */
  unicode: boolean;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

export function renderStats(report: StatsReport, index: TaxonomyIndex, style: StatsStyle): string {
  const { paint } = style.palette;
  const label = (id: string) => `${'  '.repeat(index.ancestors(id).length + 1)}${id}`;
  const labelWidth = Math.max(12, ...report.facets.flatMap((f) => Object.keys(f.counts).map((id) => label(id).length)));
  const numberWidth = Math.max(1, String(report.records).length);
  const barWidth = Math.max(10, Math.min(50, style.width - labelWidth - numberWidth - 10));
  const row = (name: string, count: number) => {
    const share = report.records > 0 ? count / report.records : 0;
    const percent = `${Math.round(share * 100)}%`.padStart(4);
    return `${name.padEnd(labelWidth)}  ${String(count).padStart(numberWidth)}  ${percent}  ${paint('cyan', bar(share * barWidth, style.unicode))}`.trimEnd();
  };
  const lines = [`${report.inputs.join(', ')}: ${report.records} records${report.rejected ? ` (${report.rejected} rejected)` : ''}`];
  for (const { facet, counts, none } of report.facets) {
    lines.push('', paint('bold', facet));
    for (const [id, count] of Object.entries(counts)) lines.push(row(label(id), count));
    lines.push(paint('dim', row('  (none)', none)));
  }
  if (report.pairs) {
    lines.push('', paint('bold', `top ${report.pairs.facet} pairs`));
    if (report.pairs.top.length === 0) lines.push('  (no record has two)');
    const names = report.pairs.top.map((p) => `  ${p.a} + ${p.b}`);
    const width = Math.max(0, ...names.map((n) => n.length));
    report.pairs.top.forEach((p, i) => lines.push(`${names[i]!.padEnd(width)}  ${String(p.count).padStart(numberWidth)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** A bar `cells` characters long, in eighths of a block on a terminal. */
function bar(cells: number, unicode: boolean): string {
  if (!unicode) return '#'.repeat(Math.round(cells));
  const eighths = Math.round(cells * 8);
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}
