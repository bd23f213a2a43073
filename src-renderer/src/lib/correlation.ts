/**
 * Correlation of daily simple returns for the workbench's heatmap, from stored prices. Same
 * conventions as the engine: simple returns p_t/p_{t-1} − 1, no forward fill, pairwise-complete.
 */

export interface PricePoint {
  date: string;
  price: number | null;
}

/** Daily simple returns by date (a return needs prices on two consecutive stored rows). */
export function dailyReturns(prices: readonly PricePoint[]): Map<string, number> {
  const out = new Map<string, number>();
  const sorted = [...prices].sort((a, b) => a.date.localeCompare(b.date));
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!.price;
    const cur = sorted[i]!.price;
    if (prev !== null && cur !== null && prev > 0 && Number.isFinite(cur)) out.set(sorted[i]!.date, cur / prev - 1);
  }
  return out;
}

/** Pearson correlation over the dates both series have; NaN with fewer than 3 common dates or no variance. */
export function pairCorrelation(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [d, x] of a) {
    const y = b.get(d);
    if (y !== undefined) {
      xs.push(x);
      ys.push(y);
    }
  }
  const n = xs.length;
  if (n < 3) return Number.NaN;
  const mx = xs.reduce((s, v) => s + v, 0) / n;
  const my = ys.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** Symmetric correlation matrix (unit diagonal) of the given return series, in order. */
export function correlationMatrix(series: readonly ReadonlyMap<string, number>[]): number[][] {
  const n = series.length;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(Number.NaN));
  for (let i = 0; i < n; i++) {
    m[i]![i] = 1;
    for (let j = i + 1; j < n; j++) {
      const c = pairCorrelation(series[i]!, series[j]!);
      m[i]![j] = c;
      m[j]![i] = c;
    }
  }
  return m;
}
