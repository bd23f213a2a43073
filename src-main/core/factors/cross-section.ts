/**
 * Characteristics (Barra-style) factors: exposures from classification dummies and dated user
 * exposures, factor returns from one weighted least-squares regression of the asset returns per date
 * (weights √market cap where every asset has a cap that day, else equal).
 */
import type { Characteristics } from '../../../shared/domain/factors.js';
import { solveSpd } from '../stats/linalg.js';
import type { ReturnMatrix } from '../stats/returns.js';

/** The user factor that carries market caps (weights, not an exposure). */
export const CAP_FACTOR = 'cap';

export interface CrossSectionFit {
  factors: string[];
  /** T×k factor returns per period (NaN on a date that could not be regressed). */
  factorReturns: Float64Array;
  /** T×n residuals (NaN where the asset was not in that date's regression). */
  residuals: Float64Array;
  /** n×k exposures as of the last date. */
  lastExposures: Float64Array;
  /** Dates regressed. */
  regressed: number;
  capWeighted: number;
  dropped: string[];
}

/** As-of lookup of dated user exposures: value on or before `date`, else NaN. */
function asOfTable(c: Characteristics, tickers: readonly string[]) {
  const series = new Map<string, { date: string; value: number }[]>();
  for (const u of c.user) {
    const key = `${u.ticker}\u0000${u.factor}`;
    let s = series.get(key);
    if (!s) series.set(key, (s = []));
    s.push({ date: u.date, value: u.value });
  }
  for (const s of series.values()) s.sort((a, b) => (a.date < b.date ? -1 : 1));
  const tickerSet = new Set(tickers);
  const userFactors = [...new Set(c.user.filter((u) => tickerSet.has(u.ticker)).map((u) => u.factor))].sort();
  return {
    userFactors,
    value(ticker: string, factor: string, date: string): number {
      const s = series.get(`${ticker}\u0000${factor}`);
      if (!s || s[0]!.date > date) return NaN;
      let lo = 0, hi = s.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (s[mid]!.date <= date) lo = mid;
        else hi = mid - 1;
      }
      return s[lo]!.value;
    },
  };
}

/** Greedy column selection: drops columns (in order) that are in the span of the earlier ones or all zero. */
function independentColumns(b: Float64Array, n: number, k: number): number[] {
  const kept: number[] = [];
  const basis: Float64Array[] = [];
  for (let c = 0; c < k; c++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = b[i * k + c]!;
    let norm0 = 0;
    for (let i = 0; i < n; i++) norm0 += v[i]! ** 2;
    if (norm0 === 0 || !Number.isFinite(norm0)) continue;
    for (const q of basis) {
      let s = 0;
      for (let i = 0; i < n; i++) s += q[i]! * v[i]!;
      for (let i = 0; i < n; i++) v[i] = v[i]! - s * q[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += v[i]! ** 2;
    if (norm <= 1e-16 * norm0) continue;
    const inv = 1 / Math.sqrt(norm);
    for (let i = 0; i < n; i++) v[i] = v[i]! * inv;
    basis.push(v);
    kept.push(c);
  }
  return kept;
}

/** Fits the cross-sectional model on the returns' dates; exposures missing for an asset on a date drop it from that date. */
export function fitCrossSection(r: ReturnMatrix, c: Characteristics): CrossSectionFit | { error: string } {
  const { n, T, tickers } = r;
  const table = asOfTable(c, tickers);
  const dummyNames = [...new Set(tickers.flatMap((t) => c.dummies[t] ?? []))].sort();
  const styleNames = table.userFactors.filter((f) => f !== CAP_FACTOR);
  const all = [...dummyNames, ...styleNames];
  if (all.length === 0) return { error: 'no characteristics for these assets: set a sector, asset class or tags, or import exposures (date,ticker,factor,value)' };
  const K = all.length;
  const exposuresAt = (date: string): Float64Array => {
    const b = new Float64Array(n * K);
    for (let i = 0; i < n; i++) {
      const d = new Set(c.dummies[tickers[i]!] ?? []);
      dummyNames.forEach((f, a) => (b[i * K + a] = d.has(f) ? 1 : 0));
      styleNames.forEach((f, s) => (b[i * K + dummyNames.length + s] = table.value(tickers[i]!, f, date)));
    }
    return b;
  };
  const lastFull = exposuresAt(r.dates[T - 1]!);
  // Collinearity (e.g. sector and asset-class dummies both summing to 1) is decided on the last date's
  // exposures of the assets that have all of them.
  const rowsOk: number[] = [];
  for (let i = 0; i < n; i++) if (all.every((_, a) => Number.isFinite(lastFull[i * K + a]!))) rowsOk.push(i);
  const sub = new Float64Array(rowsOk.length * K);
  rowsOk.forEach((i, s) => sub.set(lastFull.subarray(i * K, (i + 1) * K), s * K));
  const keep = independentColumns(sub, rowsOk.length, K);
  const dropped = all.filter((_, a) => !keep.includes(a));
  const k = keep.length;
  const factors = keep.map((a) => all[a]!);
  const factorReturns = new Float64Array(T * k).fill(NaN);
  const residuals = new Float64Array(T * n).fill(NaN);
  let regressed = 0;
  let capWeighted = 0;
  for (let t = 0; t < T; t++) {
    const date = r.dates[t]!;
    const full = t === T - 1 ? lastFull : exposuresAt(date);
    const members: number[] = [];
    for (let i = 0; i < n; i++) {
      const y = r.values[t * n + i]!;
      if (y !== y) continue;
      if (keep.some((a) => !Number.isFinite(full[i * K + a]!))) continue;
      members.push(i);
    }
    if (members.length <= k) continue;
    const caps = members.map((i) => table.value(tickers[i]!, CAP_FACTOR, date));
    const useCaps = caps.every((x) => x > 0);
    if (useCaps) capWeighted++;
    const g = new Float64Array(k * k);
    const rhs = new Float64Array(k);
    members.forEach((i, m) => {
      const w = useCaps ? Math.sqrt(caps[m]!) : 1;
      const y = r.values[t * n + i]!;
      for (let a = 0; a < k; a++) {
        const ba = full[i * K + keep[a]!]!;
        rhs[a] = rhs[a]! + w * ba * y;
        for (let b = 0; b <= a; b++) g[a * k + b] = g[a * k + b]! + w * ba * full[i * K + keep[b]!]!;
      }
    });
    for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) g[b * k + a] = g[a * k + b]!;
    const f = solveSpd(g, k, rhs);
    if (!f) continue;
    regressed++;
    factorReturns.set(f, t * k);
    for (const i of members) {
      let fit = 0;
      for (let a = 0; a < k; a++) fit += full[i * K + keep[a]!]! * f[a]!;
      residuals[t * n + i] = r.values[t * n + i]! - fit;
    }
  }
  const lastExposures = new Float64Array(n * k);
  for (let i = 0; i < n; i++) for (let a = 0; a < k; a++) lastExposures[i * k + a] = lastFull[i * K + keep[a]!]!;
  return { factors, factorReturns, residuals, lastExposures, regressed, capWeighted, dropped };
}
