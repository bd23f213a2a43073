/**
 * Covariance carried between rebalances (rolling and expanding windows) against the optimiser's own
 * from-scratch estimator on the same windows, and the walk-forward optimiser against optimizePortfolio.
 */
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import {
  runBacktest,
  walkForwardOptimiser,
  windowEstimator,
  type BacktestSettings,
  type Reoptimize,
} from '../../../src-main/core/backtest/index.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { ok } from '../../../src-main/core/result.js';
import { returnsFromPrices } from '../../../src-main/core/stats/returns.js';
import { sampleCov } from '../../../src-main/core/stats/risk-models.js';
import { rollingCovariance } from '../../../src-main/core/stats/rolling-covariance.js';
import { syntheticPrices } from './helpers.js';

/** Synthetic prices with gaps: C starts at row 150, D at row 400, E misses every 7th day, F one stretch. */
function gappy(days: number): PriceMatrix {
  const p = syntheticPrices(['A', 'B', 'C', 'D', 'E', 'F'], days, 7);
  const m = p.tickers.length;
  for (let t = 0; t < days; t++) {
    if (t < 150) p.values[t * m + 2] = Number.NaN;
    if (t < 400) p.values[t * m + 3] = Number.NaN;
    if (t % 7 === 3) p.values[t * m + 4] = Number.NaN;
    if (t >= 200 && t < 260) p.values[t * m + 5] = Number.NaN;
  }
  return p;
}

function slice(p: PriceMatrix, lo: number, t: number, cols: number[]): PriceMatrix {
  const m = p.tickers.length;
  const values = new Float64Array((t - lo + 1) * cols.length);
  for (let r = lo; r <= t; r++) cols.forEach((j, c) => (values[(r - lo) * cols.length + c] = p.values[r * m + j]!));
  return { dates: p.dates.slice(lo, t + 1), tickers: cols.map((j) => p.tickers[j]!), values };
}

/** Largest |a − b| where both are numbers; fails when NaN appears in one and not the other. */
function maxDiff(a: Float64Array, b: Float64Array): number {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) {
    expect(Number.isNaN(a[i]!)).toBe(Number.isNaN(b[i]!));
    if (!Number.isNaN(a[i]!)) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  }
  return d;
}

describe('rolling covariance sums', () => {
  const days = 1500;
  const prices = gappy(days);
  const all = [0, 1, 2, 3, 4, 5];

  for (const log of [false, true]) {
    it(`equal the from-scratch sample covariance to 1e-10 over 300 rolling steps, late joiners included (${log ? 'log' : 'simple'} returns)`, () => {
      // No rebuild at all: every step after the first is additions and removals only.
      const est = windowEstimator(prices, 1_000_000);
      const window = 250;
      let worst = 0;
      let steps = 0;
      for (let t = window; t < days; t += 4) {
        const lo = t - window + 1;
        const got = est(lo, t, all).sampleCovariance(252, log);
        const want = sampleCov(returnsFromPrices(slice(prices, lo, t, all), log), 252);
        worst = Math.max(worst, maxDiff(got, want));
        steps++;
      }
      expect(steps).toBeGreaterThan(300);
      expect(worst).toBeLessThan(1e-10);
    });
  }

  it('equal it on expanding windows and on column subsets (assets joining as they become eligible)', () => {
    const est = windowEstimator(prices, 1_000_000);
    let worst = 0;
    for (let t = 30; t < days; t += 21) {
      const cols = all.filter((j) => j !== 2 || t >= 200).filter((j) => j !== 3 || t >= 450);
      const got = est(0, t, cols).sampleCovariance(252, false);
      const want = sampleCov(returnsFromPrices(slice(prices, 0, t, cols), false), 252);
      worst = Math.max(worst, maxDiff(got, want));
    }
    expect(worst).toBeLessThan(1e-10);
  });

  it('adds and removes rows instead of rebuilding, and rebuilds after rebuildEvery updates or a jump back', () => {
    const rows: number[] = [];
    const tracker = rollingCovariance(2, (r, out) => {
      rows.push(r);
      out[0] = Math.sin(r);
      out[1] = r % 5 === 0 ? Number.NaN : Math.cos(r);
    }, 50);
    tracker.moveTo(1, 40); // first fill
    expect(tracker.rebuilds()).toBe(1);
    rows.length = 0;
    tracker.moveTo(11, 50); // 10 in, 10 out
    expect(tracker.rebuilds()).toBe(1);
    expect(rows.sort((a, b) => a - b)).toEqual([...Array.from({ length: 10 }, (_, i) => i + 1), ...Array.from({ length: 10 }, (_, i) => 41 + i)]);
    tracker.moveTo(26, 65); // 30 more updates: 50 in total, still incremental
    expect(tracker.rebuilds()).toBe(1);
    tracker.moveTo(27, 66); // 52 > 50: rebuilt from scratch
    expect(tracker.rebuilds()).toBe(2);
    tracker.moveTo(20, 66); // the window moved back: rebuilt
    expect(tracker.rebuilds()).toBe(3);
    // Hand check on a tiny window: rows 1..3 of the callback, asset 1 missing nowhere (5 ∤ 1, 2, 3).
    tracker.moveTo(1, 3);
    const x = [1, 2, 3].map(Math.sin);
    const y = [1, 2, 3].map(Math.cos);
    const mx = (x[0]! + x[1]! + x[2]!) / 3;
    const my = (y[0]! + y[1]! + y[2]!) / 3;
    const cxy = ((x[0]! - mx) * (y[0]! - my) + (x[1]! - mx) * (y[1]! - my) + (x[2]! - mx) * (y[2]! - my)) / 2;
    expect(tracker.covariance([0, 1], 1)[1]).toBeCloseTo(cxy, 14);
    tracker.moveTo(4, 5); // one common row (row 5 has no second value): fewer than 2 → NaN
    expect(Number.isNaN(tracker.covariance([0, 1], 1)[1]!)).toBe(true);
    expect(tracker.covariance([0], 1)[0]).toBeCloseTo((Math.sin(4) - Math.sin(5)) ** 2 / 2, 14);
  });
});

describe('walk-forward optimiser with carried covariance', () => {
  const prices = gappy(900);
  const settings = (reoptimize: Reoptimize, kind: 'rolling' | 'expanding'): BacktestSettings => ({
    rebalance: { kind: 'calendar', every: 'monthly' },
    walkForward: { window: kind === 'rolling' ? { kind, days: 300 } : { kind }, reoptimize },
    minHistory: 120,
    costBps: 10,
    // Some windows of these random walks have no positive-Sharpe portfolio: compare the held weights too.
    onFail: 'hold',
  });
  /** The optimiser before this change: optimizePortfolio on the window, from scratch. */
  const fromScratch = (input: OptimizeOptionsInput): Reoptimize => {
    const options = optimizeOptionsSchema.parse(input);
    return async (window) => {
      const r = await optimizePortfolio(window, options);
      return r.ok ? ok(r.value.weights) : r;
    };
  };

  for (const [name, input] of [
    ['max-sharpe, rolling', { objective: 'max-sharpe' }],
    ['min-volatility, log returns, ema', { objective: 'min-volatility', estimators: { logReturns: true, returns: 'ema' } }],
    ['ledoit-wolf (falls back to from scratch)', { objective: 'min-volatility', estimators: { risk: 'ledoit-wolf' } }],
  ] as const) {
    for (const kind of ['rolling', 'expanding'] as const) {
      it(`gives the same backtest as re-estimating every window: ${name}, ${kind}`, async () => {
        const fast = await runBacktest(prices, settings(walkForwardOptimiser(optimizeOptionsSchema.parse(input)), kind));
        const slow = await runBacktest(prices, settings(fromScratch(input), kind));
        expect(fast.ok && slow.ok).toBe(true);
        if (!fast.ok || !slow.ok) return;
        expect(fast.value.rebalances.length).toBe(slow.value.rebalances.length);
        expect(fast.value.rebalances.length).toBeGreaterThan(20);
        fast.value.rebalances.forEach((r, i) => {
          const s = slow.value.rebalances[i]!;
          expect(r.date).toBe(s.date);
          // Weights at rounding level (1e-12) may be held in one run and not the other: compare all.
          for (const t of prices.tickers) expect(Math.abs((r.weights[t] ?? 0) - (s.weights[t] ?? 0))).toBeLessThan(1e-7);
        });
        // The late joiners were bought once eligible.
        expect(fast.value.rebalances.some((r) => 'D' in r.weights) || kind === 'rolling').toBe(true);
        expect(fast.value.equity.at(-1)! / slow.value.equity.at(-1)!).toBeCloseTo(1, 8);
      });
    }
  }

  it('has no look-ahead: poisoning later prices changes no weight up to the cut', async () => {
    const cut = 600;
    const m = prices.tickers.length;
    const poisoned = { ...prices, values: prices.values.slice() };
    for (let t = cut + 1; t < prices.dates.length; t++) for (let j = 0; j < m; j++) poisoned.values[t * m + j] = t % 2 === 0 ? 1e6 : 1e-3;
    const options = optimizeOptionsSchema.parse({ objective: 'max-sharpe' });
    const clean = await runBacktest(prices, settings(walkForwardOptimiser(options), 'rolling'));
    const dirty = await runBacktest(poisoned, settings(walkForwardOptimiser(options), 'rolling'));
    expect(clean.ok && dirty.ok).toBe(true);
    if (!clean.ok || !dirty.ok) return;
    const before = clean.value.rebalances.filter((r) => r.date <= prices.dates[cut]!);
    expect(before.length).toBeGreaterThan(5);
    before.forEach((r, i) => expect(dirty.value.rebalances[i]!.weights).toEqual(r.weights));
  });
});
