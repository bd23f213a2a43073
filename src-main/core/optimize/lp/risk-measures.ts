/**
 * Historical CVaR and CDaR of a fixed portfolio, computed directly from scenarios (no LP): the
 * independent yardstick for the LP optima and the figures reported in `extras`.
 */

/** Portfolio daily simple returns r_t·w for T×n row-major returns. */
export function portfolioReturns(returns: Float64Array, T: number, n: number, w: ArrayLike<number>): Float64Array {
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let s = 0;
    const o = t * n;
    for (let j = 0; j < n; j++) s += returns[o + j]! * w[j]!;
    out[t] = s;
  }
  return out;
}

/**
 * min over α of α + Σ max(x_t − α, 0) / ((1 − β)·T) (Rockafellar–Uryasev), for losses x.
 * The function is convex piecewise linear with kinks at the x_t, so its minimum sits at a sorted loss.
 */
export function tailMean(losses: Float64Array, beta: number): { value: number; alpha: number } {
  const T = losses.length;
  const sorted = Float64Array.from(losses).sort();
  const scale = 1 / ((1 - beta) * T);
  // suffix sums let each candidate α = sorted[k] be evaluated in O(1)
  const suffix = new Float64Array(T + 1);
  for (let k = T - 1; k >= 0; k--) suffix[k] = suffix[k + 1]! + sorted[k]!;
  let best = Infinity;
  let alpha = 0;
  for (let k = 0; k < T; k++) {
    const a = sorted[k]!;
    // losses above a: indices k+1..T−1 (ties contribute 0 either way)
    const v = a + scale * (suffix[k + 1]! - a * (T - 1 - k));
    if (v < best) {
      best = v;
      alpha = a;
    }
  }
  return { value: best, alpha };
}

/** Historical CVaR at confidence β of daily portfolio losses (fraction, daily, unannualised). */
export function historicalCvar(returns: Float64Array, T: number, n: number, w: ArrayLike<number>, beta: number): number {
  const r = portfolioReturns(returns, T, n, w);
  for (let t = 0; t < T; t++) r[t] = -r[t]!;
  return tailMean(r, beta).value;
}

/** Drawdowns of uncompounded cumulative returns: max(0, peak − C_t) with C_0 = 0 (as PyPortfolioOpt). */
export function drawdowns(portfolio: Float64Array): Float64Array {
  const out = new Float64Array(portfolio.length);
  let c = 0;
  let peak = 0;
  for (let t = 0; t < portfolio.length; t++) {
    c += portfolio[t]!;
    if (c > peak) peak = c;
    out[t] = peak - c;
  }
  return out;
}

/** Historical CDaR at confidence β (fraction of initial capital, uncompounded, daily data). */
export function historicalCdar(returns: Float64Array, T: number, n: number, w: ArrayLike<number>, beta: number): number {
  return tailMean(drawdowns(portfolioReturns(returns, T, n, w)), beta).value;
}
