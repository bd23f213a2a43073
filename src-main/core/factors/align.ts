/** Aligns asset returns with a stored factor set: same dates (daily) or compounded calendar months (monthly). */
import type { FactorSeries } from '../../../shared/domain/factors.js';
import type { ReturnMatrix } from '../stats/returns.js';

export interface AlignedFactors {
  dates: string[];
  /** T×n asset returns per period (NaN = missing), excess of RF when the set has one. */
  y: Float64Array;
  /** T×k factor returns (complete). */
  x: Float64Array;
  factors: string[];
  periodsPerYear: number;
  excessOfRf: boolean;
}

/** Daily returns compounded per calendar month (YYYY-MM); NaN for an asset with no return in the month. */
function monthly(r: ReturnMatrix): { keys: string[]; values: Float64Array } {
  const keys: string[] = [];
  const rows: number[][] = [];
  const { n } = r;
  for (let t = 0; t < r.T; t++) {
    const key = r.dates[t]!.slice(0, 7);
    if (keys.at(-1) !== key) {
      keys.push(key);
      rows.push([]);
    }
    rows.at(-1)!.push(t);
  }
  const values = new Float64Array(keys.length * n);
  rows.forEach((ts, m) => {
    for (let j = 0; j < n; j++) {
      let g = 1;
      let any = false;
      for (const t of ts) {
        const v = r.values[t * n + j]!;
        if (v === v) {
          g *= 1 + v;
          any = true;
        }
      }
      values[m * n + j] = any ? g - 1 : NaN;
    }
  });
  return { keys, values };
}

/**
 * Rows where every chosen factor has a value, matched to the asset returns by date (daily sets) or by
 * month (monthly sets, asset returns compounded). `factors` defaults to every factor but RF.
 */
export function alignWithFactors(r: ReturnMatrix, series: FactorSeries, factors?: readonly string[]): AlignedFactors | { error: string } {
  const chosen = factors ? [...factors] : series.factors.filter((f) => f !== 'RF');
  const missing = chosen.filter((f) => !series.factors.includes(f));
  if (missing.length > 0) return { error: `factor set ${series.set} has no factor ${missing.join(', ')}` };
  if (chosen.length === 0) return { error: `factor set ${series.set} has no factors besides RF` };
  const cols = chosen.map((f) => series.factors.indexOf(f));
  const rfCol = series.factors.indexOf('RF');
  const isMonthly = series.frequency === 'monthly';
  const asset = isMonthly ? monthly(r) : { keys: r.dates, values: r.values };
  const byKey = new Map(asset.keys.map((d, t) => [d, t]));
  const { n } = r;
  const dates: string[] = [];
  const y: number[] = [];
  const x: number[] = [];
  series.dates.forEach((d, s) => {
    const t = byKey.get(isMonthly ? d.slice(0, 7) : d);
    if (t === undefined) return;
    const row = series.values[s]!;
    if (cols.some((c) => row[c] === null || row[c] === undefined)) return;
    const rf = rfCol >= 0 ? row[rfCol] : 0;
    if (rf === null || rf === undefined) return;
    dates.push(d);
    for (const c of cols) x.push(row[c]!);
    for (let j = 0; j < n; j++) y.push(asset.values[t * n + j]! - rf);
  });
  return {
    dates,
    y: Float64Array.from(y),
    x: Float64Array.from(x),
    factors: chosen,
    periodsPerYear: isMonthly ? 12 : 252,
    excessOfRf: rfCol >= 0,
  };
}
