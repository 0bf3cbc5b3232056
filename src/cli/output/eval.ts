/**
 * The text form of `finetax eval`. Per facet: a table of the labels that occur (in taxonomy
 * order), micro and macro averages and exact match; with --verbose the disagreements and, for
 * single-label facets, the confusion counts. The report ends with one summary line per facet,
 * which is what scripts and hooks tail.
 */
import type { EvalReport, FacetReport, LabelScore, NamesReport } from '../../eval/metrics.js';
import type { Taxonomy } from '../../taxonomy/types.js';

export interface EvalStyle {
  gold: string;
  taxonomy: Taxonomy;
  verbose: boolean;
}

const f3 = (value: number) => value.toFixed(3);

export function renderEval(report: EvalReport, style: EvalStyle): string {
  const lines = [`${style.gold}: ${report.records} gold records; taxonomy ${style.taxonomy.name} ${style.taxonomy.version}`];
  for (const facet of report.facets) lines.push('', ...facetTable(facet, report.records));
  if (report.names) lines.push('', ...namesTable(report.names));
  if (style.verbose) for (const facet of report.facets) lines.push('', ...details(facet));
  if (style.verbose && report.names) lines.push('', ...namesDetails(report.names));
  const width = Math.max(report.names ? 8 : 0, ...report.facets.map((f) => f.facet.length));
  lines.push('', `summary (${report.records} records)`);
  for (const facet of report.facets) lines.push(summary(facet, width));
  if (report.names) {
    const n = report.names;
    lines.push(`${'names'.padEnd(width)}  micro-F1 ${f3(n.names.f1)}  P ${f3(n.names.precision)}  R ${f3(n.names.recall)}  role accuracy ${f3(n.roleAccuracy)}`);
    lines.push(`${'proposed'.padEnd(width)}  micro-F1 ${f3(n.proposed.f1)}  P ${f3(n.proposed.precision)}  R ${f3(n.proposed.recall)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Named methods and proposed names, scored as NAMES.md says. */
function namesTable(report: NamesReport): string[] {
  const row = (name: string, s: NamesReport['names']) =>
    `  ${name.padEnd(12)}  ${f3(s.precision).padStart(5)}  ${f3(s.recall).padStart(5)}  ${f3(s.f1).padStart(5)}  ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`;
  return [
    `names (${report.records} records with named-method gold)`,
    `  ${''.padEnd(12)}  ${'P'.padStart(5)}  ${'R'.padStart(5)}  ${'F1'.padStart(5)}  ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}`,
    row('names', report.names),
    row('proposed', report.proposed),
    `  role accuracy ${f3(report.roleAccuracy)} (${Math.round(report.roleAccuracy * report.rolePairs)} of ${report.rolePairs} pairs found)`,
  ];
}

function namesDetails(report: NamesReport): string[] {
  const lines = [`names disagreements (${report.disagreements.length})`];
  for (const d of report.disagreements) {
    const parts = [d.missed.length ? `missed ${d.missed.join(', ')}` : '', d.extra.length ? `extra ${d.extra.join(', ')}` : '', d.roles.length ? `role ${d.roles.join('; ')}` : ''];
    lines.push(`  ${d.id}  ${parts.filter(Boolean).join('; ')}`);
  }
  return lines;
}

function facetTable(facet: FacetReport, records: number): string[] {
  const active = facet.labels.filter((l) => l.tp + l.fp + l.fn > 0);
  const width = Math.max(12, ...active.map((l) => l.label.length));
  const row = (name: string, p: string, r: string, f: string, counts = '') => `  ${name.padEnd(width)}  ${p.padStart(5)}  ${r.padStart(5)}  ${f.padStart(5)}${counts}`;
  const counts = (l: LabelScore) => `  ${String(l.tp).padStart(4)} ${String(l.fp).padStart(4)} ${String(l.fn).padStart(4)}`;
  const exact = Math.round(facet.exact * records);
  return [
    `${facet.facet} (${facet.multiple ? 'multi-label' : 'single-label'})`,
    `${row('label', 'P', 'R', 'F1')}  ${'tp'.padStart(4)} ${'fp'.padStart(4)} ${'fn'.padStart(4)}`,
    ...active.map((l) => row(l.label, f3(l.precision), f3(l.recall), f3(l.f1), counts(l))),
    row('micro', f3(facet.micro.precision), f3(facet.micro.recall), f3(facet.micro.f1)),
    row('macro', f3(facet.macro.precision), f3(facet.macro.recall), f3(facet.macro.f1)),
    `  ${facet.multiple ? 'exact match' : 'accuracy'} ${f3(facet.exact)} (${exact} of ${records})`,
  ];
}

/** Disagreements, and for single-label facets the gold → predicted counts they add up to. */
function details(facet: FacetReport): string[] {
  const lines = [`${facet.facet} disagreements (${facet.disagreements.length})`];
  for (const d of facet.disagreements) {
    const missed = d.missed.length > 0 ? `missed ${d.missed.join(', ')}` : '';
    const extra = d.extra.length > 0 ? `extra ${d.extra.join(', ')}` : '';
    lines.push(`  ${d.id}  ${[missed, extra].filter(Boolean).join('; ')}  ${JSON.stringify(d.title.length > 70 ? `${d.title.slice(0, 69)}…` : d.title)}`);
  }
  if (!facet.multiple && facet.disagreements.length > 0) {
    const confusion = new Map<string, number>();
    for (const d of facet.disagreements) {
      const key = `${d.missed[0] ?? '(none)'} → ${d.extra[0] ?? '(none)'}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
    lines.push(`${facet.facet} confusion (gold → predicted)`);
    for (const [key, n] of [...confusion].sort((a, b) => b[1] - a[1])) lines.push(`  ${key}  ${n}`);
  }
  return lines;
}

/** `method    micro-F1 0.909  macro-F1 0.920  P 0.943  R 0.877  exact 0.721` */
function summary(facet: FacetReport, width: number): string {
  const exact = `${facet.multiple ? 'exact' : 'accuracy'} ${f3(facet.exact)}`;
  return `${facet.facet.padEnd(width)}  micro-F1 ${f3(facet.micro.f1)}  macro-F1 ${f3(facet.macro.f1)}  P ${f3(facet.micro.precision)}  R ${f3(facet.micro.recall)}  ${exact}`;
}
