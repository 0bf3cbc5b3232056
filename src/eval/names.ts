/**
 * Scores named methods and proposed names against gold, exactly as NAMES.md "Scoring" says:
 * names are compared case-insensitively with spaces, hyphens, dots and brackets removed; a
 * predicted name matches through its id, its label or the text of its evidence; a gold
 * `proposes` pair whose name the taxonomy does not know is also found through `proposed`.
 */
import { foldName } from '../classification/names.js';
import type { Classification, NameRole } from '../classification/types.js';

/** A gold named method with its role. */
export interface GoldName {
  name: string;
  role: NameRole;
}

export interface NameDisagreement {
  id: string;
  missed: string[];
  extra: string[];
  /** `name: gold → predicted` for pairs found with another role. */
  roles: string[];
}

export interface NamesReport {
  /** Records that carry `names` gold. */
  records: number;
  names: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  /** Share of pairs found in both whose role agrees (a pair found through `proposed` counts as `proposes`). */
  roleAccuracy: number;
  rolePairs: number;
  proposed: { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number };
  disagreements: NameDisagreement[];
}

export interface NamesGold {
  id?: unknown;
  names?: readonly GoldName[];
  proposed?: readonly string[];
}

/** Scores the records that carry `names` (and `proposed`) gold; undefined when none does. */
export function evaluateNames(gold: readonly NamesGold[], predictions: readonly Classification[]): NamesReport | undefined {
  const counts = { tp: 0, fp: 0, fn: 0, roleOk: 0, rolePairs: 0, ptp: 0, pfp: 0, pfn: 0 };
  const disagreements: NameDisagreement[] = [];
  let records = 0;
  gold.forEach((record, i) => {
    if (!Array.isArray(record.names)) return;
    records++;
    const prediction = predictions[i]!;
    const d = scoreRecord(record, prediction, counts);
    if (d.missed.length + d.extra.length + d.roles.length > 0) disagreements.push({ id: prediction.id, ...d });
  });
  if (records === 0) return undefined;
  return {
    records,
    names: { tp: counts.tp, fp: counts.fp, fn: counts.fn, ...prf(counts.tp, counts.fp, counts.fn) },
    roleAccuracy: counts.rolePairs ? counts.roleOk / counts.rolePairs : 1,
    rolePairs: counts.rolePairs,
    proposed: { tp: counts.ptp, fp: counts.pfp, fn: counts.pfn, ...prf(counts.ptp, counts.pfp, counts.pfn) },
    disagreements,
  };
}

type Counts = { tp: number; fp: number; fn: number; roleOk: number; rolePairs: number; ptp: number; pfp: number; pfn: number };

function scoreRecord(record: NamesGold, prediction: Classification, counts: Counts): Omit<NameDisagreement, 'id'> {
  const predicted = prediction.names ?? [];
  const proposed = new Set((prediction.proposed ?? []).map((p) => foldName(p.text)));
  const keys = predicted.map((n) => new Set([foldName(n.id), foldName(n.label), ...n.evidence.map((e) => foldName(e.text))]));
  const used = new Set<number>();
  const out: Omit<NameDisagreement, 'id'> = { missed: [], extra: [], roles: [] };
  for (const g of record.names ?? []) {
    const key = foldName(g.name);
    const found = keys.findIndex((k, j) => !used.has(j) && k.has(key));
    if (found >= 0) {
      used.add(found);
      counts.tp++;
      counts.rolePairs++;
      if (predicted[found]!.role === g.role) counts.roleOk++;
      else out.roles.push(`${g.name}: ${g.role} → ${predicted[found]!.role}`);
    } else if (g.role === 'proposes' && proposed.has(key)) {
      counts.tp++;
      counts.rolePairs++;
      counts.roleOk++;
    } else {
      counts.fn++;
      out.missed.push(g.name);
    }
  }
  predicted.forEach((n, j) => {
    if (used.has(j)) return;
    counts.fp++;
    out.extra.push(n.label);
  });
  const goldProposed = new Set((record.proposed ?? []).map(foldName));
  for (const p of proposed) if (goldProposed.has(p)) counts.ptp++;
  else counts.pfp++;
  for (const p of goldProposed) if (!proposed.has(p)) counts.pfn++;
  return out;
}

function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
