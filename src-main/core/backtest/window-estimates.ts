/**
 * Estimates of the walk-forward windows that can be carried from one rebalance to the next instead of
 * being recomputed: the engine hands one of these to the re-optimiser next to the window's prices.
 * Only rows up to the rebalance day are ever read (the sums move with the window, never ahead of it).
 */
import type { PriceMatrix } from '../price-matrix.js';
import { rollingCovariance, type RollingCovariance } from '../stats/rolling-covariance.js';

export interface WindowEstimates {
  /**
   * Pairwise-complete sample covariance (ddof 1) × frequency of the window's daily returns (simple or
   * log), columns in the window's order; NaN where two assets share fewer than 2 returns. The same
   * numbers as `sampleCov(returnsFromPrices(window, logReturns), frequency)`, to rounding.
   */
  sampleCovariance(frequency: number, logReturns: boolean): Float64Array;
}

/** Window estimates over price rows lo..t and the given columns of `prices`. */
export type WindowEstimator = (lo: number, t: number, cols: readonly number[]) => WindowEstimates;

/**
 * Incremental estimates for the successive windows of one backtest. Sums are rebuilt from scratch after
 * `rebuildEvery` row updates (default: one window length for rolling windows, 1024 otherwise) to bound
 * rounding drift.
 */
export function windowEstimator(prices: PriceMatrix, rebuildEvery = 1024): WindowEstimator {
  const m = prices.tickers.length;
  const p = prices.values;
  const trackers = new Map<boolean, RollingCovariance>();
  // Return row r is p[r] / p[r − 1] − 1, exactly as returnsFromPrices computes it (no return on a gap).
  const tracker = (log: boolean): RollingCovariance => {
    let tr = trackers.get(log);
    if (tr === undefined) {
      tr = rollingCovariance(
        m,
        (r, out) => {
          for (let j = 0; j < m; j++) {
            const a = p[(r - 1) * m + j]!;
            const b = p[r * m + j]!;
            out[j] = a > 0 && b > 0 ? (log ? Math.log(b / a) : b / a - 1) : NaN;
          }
        },
        rebuildEvery,
      );
      trackers.set(log, tr);
    }
    return tr;
  };
  return (lo, t, cols) => ({
    sampleCovariance(frequency, logReturns) {
      const tr = tracker(logReturns);
      tr.moveTo(lo + 1, t);
      return tr.covariance(cols, frequency);
    },
  });
}
