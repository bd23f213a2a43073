import { describe, expect, it } from 'vitest';
import { backtestSettingsSchema, stressSettingsSchema } from '../../../shared/api/backtest.js';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { applySourceWindow, buildBacktestReport, buildStressReport } from '../../../src-main/core/backtest/index.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { ok } from '../../../src-main/core/result.js';
import type { Reoptimize } from '../../../src-main/core/backtest/index.js';
import { matrix, syntheticPrices } from './helpers.js';

const prices = syntheticPrices(['A', 'B', 'C', 'D', 'BENCH'], 800, 3);
const maxSharpe = optimizeOptionsSchema.parse({ objective: 'max-sharpe' });
const optimiser: Reoptimize = async (window) => {
  const r = await optimizePortfolio(window, maxSharpe);
  return r.ok ? ok(r.value.weights) : r;
};

describe('backtest report', () => {
  it('has the issue’s JSON keys and a benchmark valued from the same start', async () => {
    const settings = backtestSettingsSchema.parse({ weights: { A: 0.25, B: 0.25, C: 0.25, D: 0.25 }, costBps: 10, benchmark: 'BENCH' });
    const r = await buildBacktestReport(prices, ['A', 'B', 'C', 'D'], settings, 0.02, undefined);
    if (!r.ok) throw new Error(r.error.message);
    const rep = r.value;
    for (const key of ['equity', 'drawdown', 'metrics', 'drawdowns', 'rebalances']) expect(rep).toHaveProperty(key);
    for (const key of ['cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'calmar', 'cvar95', 'turnover', 'costs']) {
      expect(Number.isFinite((rep.metrics as unknown as Record<string, number>)[key])).toBe(true);
    }
    expect(rep.equity).toHaveLength(800);
    expect(rep.drawdown).toHaveLength(800);
    expect(rep.benchmark![0]!.value).toBeCloseTo(10_000, 9);
    expect(rep.metrics.benchmark!.beta).toBeGreaterThan(0);
    // Monthly rebalancing over ~3 years: one allocation plus one per new month.
    const months = new Set(prices.dates.map((d) => d.slice(0, 7))).size;
    expect(rep.rebalances).toHaveLength(months);
    expect(rep.drawdowns.length).toBeLessThanOrEqual(5);
    expect(rep.drawdown.every((d) => d.value <= 0)).toBe(true);
    // The benchmark column is not traded.
    expect(Object.keys(rep.rebalances[0]!.weights).sort()).toEqual(['A', 'B', 'C', 'D']);
  });

  it('walk-forward max-Sharpe with the real optimiser gives long-only, fully invested weights', async () => {
    // Windows where every return is below rf have no max-Sharpe portfolio: those hold the previous weights.
    const settings = backtestSettingsSchema.parse({ walkForward: { kind: 'rolling', days: 252 }, rebalance: { kind: 'calendar', every: 'quarterly' }, onFail: 'hold' });
    const r = await buildBacktestReport(prices, ['A', 'B', 'C', 'D'], settings, 0, optimiser);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.equity[0]!.date).toBe(prices.dates[251]);
    expect(r.value.rebalances.length).toBeGreaterThan(4);
    for (const reb of r.value.rebalances) {
      const w = Object.values(reb.weights);
      expect(w.every((x) => x > -1e-9)).toBe(true);
      expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 6);
    }
    // Different windows give different weights: the optimiser really ran on each.
    const first = JSON.stringify(r.value.rebalances[0]!.weights);
    expect(r.value.rebalances.some((x) => JSON.stringify(x.weights) !== first)).toBe(true);
  });

  it('warns that weights optimised on the whole period are in-sample', async () => {
    const settings = backtestSettingsSchema.parse({ rebalance: { kind: 'none' } });
    const r = await buildBacktestReport(prices, ['A', 'B', 'C', 'D'], settings, 0, optimiser);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.warnings.join(' ')).toContain('in-sample');
  });
});

describe('stress report', () => {
  it('combines windows, correlation shock, shocks and Monte Carlo', () => {
    const settings = stressSettingsSchema.parse({
      weights: { A: 0.5, B: 0.3, C: 0.2 },
      correlation: 0.9,
      shocks: { assets: { A: -0.2 } },
      windows: [{ name: 'middle', start: prices.dates[300]!, end: prices.dates[400]! }],
      monteCarlo: { paths: 500 },
      benchmark: 'BENCH',
    });
    const r = buildStressReport(prices, ['A', 'B', 'C'], settings, 0);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.windows[0]!.covered).toBe(true);
    expect(r.value.windows[0]!.benchmarkReturn).not.toBeNull();
    expect(r.value.correlationShock.shocked.volatility).toBeGreaterThan(r.value.correlationShock.base.volatility);
    expect(r.value.shocks!.pnl).toBeCloseTo(-0.1, 12);
    expect(r.value.monteCarlo.horizons.map((h) => h.years)).toEqual([1, 5]);
    expect(r.value.monteCarlo.historyDays).toBe(799);
  });
});

describe('source window of backtests and stress tests', () => {
  const dates = ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08', '2021-01-11'];
  const nan = Number.NaN;
  // B misses the 2nd and 5th dates; the benchmark misses the 3rd (it must not remove it).
  const grid = matrix(dates, { A: [1, 2, 3, 4, 5, 6], B: [10, nan, 30, 40, nan, 60], X: [7, 7, nan, 7, 7, 7] });

  it('keeps complete rows of the traded assets only, then the last N returns', () => {
    const complete = applySourceWindow(grid, ['A', 'B'], { completeRows: true });
    if (!complete.ok) throw new Error(complete.error.message);
    expect(complete.value.dates).toEqual(['2021-01-04', '2021-01-06', '2021-01-07', '2021-01-11']);
    expect(complete.value.tickers).toEqual(['A', 'B', 'X']);
    expect(Array.from(complete.value.values.subarray(3, 6))).toEqual([3, 30, nan]);
    const last = applySourceWindow(grid, ['A', 'B'], { completeRows: true, last: 2 });
    if (!last.ok) throw new Error(last.error.message);
    expect(last.value.dates).toEqual(['2021-01-06', '2021-01-07', '2021-01-11']);
    const onlyA = applySourceWindow(grid, ['A'], { completeRows: true, last: 3 });
    if (!onlyA.ok) throw new Error(onlyA.error.message);
    expect(onlyA.value.dates).toEqual(dates.slice(2));
  });

  it('returns the prices untouched without a window and a typed error when fewer than 3 dates remain', () => {
    const same = applySourceWindow(grid, ['A', 'B'], { completeRows: false });
    expect(same.ok && same.value).toBe(grid);
    const few = applySourceWindow(grid, ['A', 'B'], { completeRows: true, start: '2021-01-07' });
    expect(few.ok).toBe(false);
    if (!few.ok) expect(few.error.code).toBe('insufficient-data');
  });
});
