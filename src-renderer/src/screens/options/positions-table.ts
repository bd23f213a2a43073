/** Sorting and per-underlying grouping of the Options screen's positions table (pure, tested). */
import type { OptionPositionOut } from '../../../../shared/api/options.js';

export const SORT_KEYS = ['underlying', 'expiry', 'strike', 'quantity', 'delta', 'gamma', 'vega', 'theta', 'dollarDelta', 'dollarGamma'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface Group {
  underlying: string;
  rows: OptionPositionOut[];
}

/** Positions grouped by underlying (groups in name order), rows sorted by `key` within each group. */
export function groupedRows(positions: readonly OptionPositionOut[], key: SortKey, dir: 1 | -1): Group[] {
  const byU = new Map<string, OptionPositionOut[]>();
  for (const p of positions) byU.set(p.underlying, [...(byU.get(p.underlying) ?? []), p]);
  const cmp = (a: OptionPositionOut, b: OptionPositionOut): number => {
    const x = a[key];
    const y = b[key];
    return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
  };
  return [...byU.entries()].sort(([a], [b]) => a.localeCompare(b) * (key === 'underlying' ? dir : 1)).map(([underlying, rows]) => ({ underlying, rows: [...rows].sort(cmp) }));
}
