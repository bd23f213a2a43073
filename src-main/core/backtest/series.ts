/** Small statistics on daily return series (plain loops over typed arrays). */

/** Arithmetic mean; NaN for an empty series. */
export function mean(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s / x.length;
}

/** Sample standard deviation (ddof 1); NaN below two points. */
export function stdev(x: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const mu = mean(x);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - mu) ** 2;
  return Math.sqrt(s / (n - 1));
}

/** Sample covariance (ddof 1) of two equally long series. */
export function covariance(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  if (n < 2) return Number.NaN;
  const mx = mean(x);
  const my = mean(y);
  let s = 0;
  for (let i = 0; i < n; i++) s += (x[i]! - mx) * (y[i]! - my);
  return s / (n - 1);
}

/**
 * Historical VaR and CVaR of simple returns at confidence `beta`, as positive loss fractions: the k
 * worst returns with k = ⌈(1 − β)·n⌉; VaR is the k-th worst loss, CVaR the mean of the k worst.
 */
export function historicalTail(returns: ArrayLike<number>, beta = 0.95): { var: number; cvar: number } {
  const n = returns.length;
  if (n === 0) return { var: Number.NaN, cvar: Number.NaN };
  const sorted = Float64Array.from(returns).sort();
  const k = Math.max(1, Math.ceil((1 - beta) * n - 1e-9));
  let s = 0;
  for (let i = 0; i < k; i++) s += sorted[i]!;
  return { var: -sorted[k - 1]!, cvar: -s / k };
}

/** Linear-interpolated quantile (q in [0, 1]) of an ascending-sorted array, like numpy's default. */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const pos = q * (n - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Values from a price series with gaps: NaN before the first price, then the last observed price. */
export function markToLast(prices: ArrayLike<number>): Float64Array {
  const out = new Float64Array(prices.length);
  let last = Number.NaN;
  for (let i = 0; i < prices.length; i++) {
    if (!Number.isNaN(prices[i]!)) last = prices[i]!;
    out[i] = last;
  }
  return out;
}
