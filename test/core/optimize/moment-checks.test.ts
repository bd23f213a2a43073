/**
 * The moment checks shared by `estimateMoments` and the walk-forward re-optimiser: both paths must
 * refuse the same windows with the same error, and repair a non-PSD covariance the same way.
 */
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { walkForwardOptimiser, windowEstimator } from '../../../src-main/core/backtest/index.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { checkedCovariance, checkedReturns } from '../../../src-main/core/optimize/prepare.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import type { CoreError } from '../../../src-main/core/result.js';
import { matrix, syntheticPrices, weekdays } from '../backtest/helpers.js';

const options = optimizeOptionsSchema.parse({ objective: 'min-volatility' });

/** The error of both optimiser paths on `prices` (the walk-forward one with carried covariance). */
async function bothErrors(prices: PriceMatrix): Promise<[CoreError, CoreError]> {
  const all = prices.tickers.map((_, j) => j);
  const estimates = windowEstimator(prices)(0, prices.dates.length - 1, all);
  const fast = await walkForwardOptimiser(options)(prices, estimates);
  const slow = await optimizePortfolio(prices, options);
  if (fast.ok || slow.ok) throw new Error('expected both optimiser paths to fail');
  return [fast.error, slow.error];
}

describe('checkedReturns', () => {
  it('names every asset with fewer than 2 returns, and both optimiser paths give that error', async () => {
    const n = 12;
    const dates = weekdays('2024-01-01', n);
    const up = (k: number): number[] => Array.from({ length: n }, (_, t) => 100 + k * t + Math.sin(t * k));
    // B has prices on 2 adjacent rows only (1 return); C on 1 row (0 returns).
    const prices = matrix(dates, {
      A: up(1),
      B: up(2).map((v, t) => (t === 3 || t === 4 ? v : NaN)),
      C: up(3).map((v, t) => (t === 7 ? v : NaN)),
    });
    const direct = checkedReturns(prices, false);
    expect(direct.ok).toBe(false);
    if (direct.ok) return;
    expect(direct.error).toEqual({
      code: 'insufficient-data',
      message: 'fewer than 2 returns in the window for B, C',
      details: { tickers: ['B', 'C'] },
    });
    const [fast, slow] = await bothErrors(prices);
    expect(fast).toEqual(direct.error);
    expect(slow).toEqual(direct.error);
  });

  it('refuses a window without assets and passes the returns through otherwise', () => {
    const dates = weekdays('2024-01-01', 5);
    const none = checkedReturns({ dates, tickers: [], values: new Float64Array(0) }, false);
    expect(none.ok ? undefined : none.error.code).toBe('invalid-input');
    const p = syntheticPrices(['A', 'B'], 30, 3);
    const r = checkedReturns(p, true);
    expect(r.ok ? [r.value.n, r.value.T] : undefined).toEqual([2, 29]);
  });
});

describe('checkedCovariance', () => {
  it('fails on assets that never overlap, on both optimiser paths alike', async () => {
    const n = 20;
    const dates = weekdays('2024-01-01', n);
    // A trades in the first half only, B in the second: each has returns, no pair of them is common.
    const prices = matrix(dates, {
      A: Array.from({ length: n }, (_, t) => (t < 10 ? 100 + Math.sin(t) : NaN)),
      B: Array.from({ length: n }, (_, t) => (t >= 10 ? 50 + Math.cos(t) : NaN)),
      C: Array.from({ length: n }, (_, t) => 80 + Math.sin(2 * t)),
    });
    const [fast, slow] = await bothErrors(prices);
    expect(fast).toEqual({ code: 'insufficient-data', message: 'no overlapping returns for A/B', details: { pairs: ['A/B'] } });
    expect(slow).toEqual(fast);
  });

  it('clips negative eigenvalues with a warning, and leaves a PSD matrix alone', () => {
    // Eigenvalues 3 and −1: not a covariance.
    const bad = checkedCovariance(Float64Array.from([1, 2, 2, 1]), ['X', 'Y']);
    expect(bad.ok).toBe(true);
    if (!bad.ok) return;
    expect(bad.value.warnings).toHaveLength(1);
    expect(bad.value.warnings[0]).toMatch(/not positive semidefinite \(smallest eigenvalue -1\.000e\+0\)/);
    // Clipping −1 to 0 leaves 3·vvᵀ with v = (1, 1)/√2: every entry 1.5.
    for (const v of bad.value.covariance) expect(v).toBeCloseTo(1.5, 10);
    const good = checkedCovariance(Float64Array.from([0.04, 0.01, 0.01, 0.09]), ['X', 'Y']);
    expect(good.ok ? good.value.warnings : undefined).toEqual([]);
    expect(good.ok ? Array.from(good.value.covariance) : undefined).toEqual([0.04, 0.01, 0.01, 0.09]);
  });
});
