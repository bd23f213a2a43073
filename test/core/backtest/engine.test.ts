import { describe, expect, it } from 'vitest';
import { runBacktest, type BacktestRun, type Reoptimize } from '../../../src-main/core/backtest/index.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { Cancelled } from '../../../src-main/core/hooks.js';
import { ok, type CoreResult } from '../../../src-main/core/result.js';
import { matrix, weekdays } from './helpers.js';

function value<T>(r: CoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const d5 = ['2021-01-04', '2021-01-05', '2021-01-06', '2021-01-07', '2021-01-08'];

describe('buy-and-hold', () => {
  it('follows the price of a single asset', async () => {
    const prices = matrix(d5, { A: [10, 11, 12, 9, 15] });
    const run = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 1 }, initialValue: 1000 }));
    expect(Array.from(run.equity)).toEqual([1000, 1100, 1200, 900, 1500]);
    expect(run.returns[1]).toBeCloseTo(0.1, 12);
    expect(run.rebalances).toHaveLength(1);
    expect(run.rebalances[0]!.turnover).toBeCloseTo(1, 12); // cash → fully invested
  });

  it('lets two assets drift without trading', async () => {
    const prices = matrix(d5, { A: [10, 20, 20, 20, 20], B: [10, 10, 5, 5, 10] });
    const run = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 0.5, B: 0.5 }, initialValue: 100 }));
    expect(Array.from(run.equity)).toEqual([100, 150, 125, 125, 150]);
  });

  it('keeps uninvested weight in cash earning the risk-free rate', async () => {
    const dates = weekdays('2021-01-04', 253);
    const prices = matrix(dates, { A: dates.map(() => 50) });
    const run = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 0.5 }, rf: 0.1, initialValue: 10_000 }));
    // 252 daily accruals at (1.1)^(1/252) grow the 5 000 of cash by exactly 10 %.
    expect(run.equity[252]).toBeCloseTo(10_500, 6);
  });

  it('never invents prices: a missing day keeps the last value, the next price books the whole move', async () => {
    const prices = matrix(d5, { A: [10, Number.NaN, Number.NaN, 13, 14], B: [10, 10, 10, 10, 10] });
    const run = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 0.5, B: 0.5 }, initialValue: 100 }));
    expect(Array.from(run.equity)).toEqual([100, 100, 100, 115, 120]);
  });

  it('fails with a typed error on weights for unknown tickers', async () => {
    const prices = matrix(d5, { A: [1, 2, 3, 4, 5] });
    const r = await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 0.5, ZZZ: 0.5 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('ZZZ');
  });
});

describe('rebalancing', () => {
  const dates = ['2021-01-28', '2021-01-29', '2021-02-01', '2021-02-02', '2021-03-01', '2021-03-02'];
  const prices = matrix(dates, { A: [10, 20, 20, 10, 10, 20], B: [10, 10, 10, 10, 10, 10] });

  it('trades back to target on the first trading day of each month', async () => {
    const run = value(await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'monthly' }, weights: { A: 0.5, B: 0.5 }, initialValue: 100 }));
    expect(run.rebalances.map((r) => r.date)).toEqual(['2021-01-28', '2021-02-01', '2021-03-01']);
    // Jan 29: A doubles → 150. Feb 1: back to 75/75. Feb 2: A halves → 37.5 + 75. Mar 1: 56.25/56.25. Mar 2: A doubles.
    expect(Array.from(run.equity)).toEqual([100, 150, 150, 112.5, 112.5, 168.75]);
    const feb = run.rebalances[1]!;
    expect(feb.weights.A).toBeCloseTo(0.5, 12);
    expect(feb.turnover).toBeCloseTo(25 / 150, 12); // sold 25 of A, bought 25 of B
  });

  it('quarterly rebalancing leaves February alone', async () => {
    const run = value(await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'quarterly' }, weights: { A: 0.5, B: 0.5 }, initialValue: 100 }));
    expect(run.rebalances.map((r) => r.date)).toEqual(['2021-01-28']);
    expect(Array.from(run.equity)).toEqual([100, 150, 150, 100, 100, 150]);
  });

  it('drift bands trade only when a weight leaves its band', async () => {
    const p = matrix(d5, { A: [100, 105, 112, 112, 130], B: [100, 100, 100, 100, 100] });
    const run = value(await runBacktest(p, { rebalance: { kind: 'band', band: 0.05 }, weights: { A: 0.5, B: 0.5 }, initialValue: 200 }));
    // Day 1: A weight 105/205 = 0.512 (inside). Day 2: 112/212 = 0.528 (inside). Day 4: 130/212·… → outside.
    expect(run.rebalances.map((r) => r.date)).toEqual(['2021-01-04', '2021-01-08']);
    expect(run.rebalances[1]!.weights.A).toBeCloseTo(0.5, 12);
  });

  it('assets with a later start join at the first rebalance once they have enough history', async () => {
    const dates2 = ['2021-01-28', '2021-01-29', '2021-02-01', '2021-02-02', '2021-03-01', '2021-03-02'];
    const p = matrix(dates2, { A: [10, 10, 10, 10, 10, 10], B: [Number.NaN, Number.NaN, 10, 10, 10, 20] });
    const run = value(await runBacktest(p, { rebalance: { kind: 'calendar', every: 'monthly' }, weights: { A: 0.5, B: 0.5 }, minHistory: 2, initialValue: 100 }));
    // A needs two prices too, so the start is Jan 29. Feb 1: B has one price (< 2) → A keeps 100 %.
    // Mar 1: B has 3 prices → 50/50.
    expect(run.rebalances.map((r) => r.date)).toEqual(['2021-01-29', '2021-02-01', '2021-03-01']);
    expect(run.rebalances[0]!.weights).toEqual({ A: 1 });
    expect(run.rebalances[1]!.weights).toEqual({ A: 1 });
    expect(run.rebalances[2]!.weights).toEqual({ A: 0.5, B: 0.5 });
    expect(Array.from(run.equity)).toEqual([100, 100, 100, 100, 150]);
  });
});

describe('costs', () => {
  it('proportional costs on the first purchase reduce the value by k/(1+k)', async () => {
    const prices = matrix(d5, { A: [10, 11, 12, 9, 15] });
    const free = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 1 }, initialValue: 1000 }));
    const paid = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 1 }, initialValue: 1000, costBps: 100 }));
    // Invested I pays 1 % of I: I + 0.01·I = 1000.
    free.equity.forEach((v, i) => expect(paid.equity[i]).toBeCloseTo(v / 1.01, 9));
    expect(paid.totalCosts).toBeCloseTo(1000 - 1000 / 1.01, 9);
  });

  it('rebalancing costs are k × traded value, solved for the post-cost value', async () => {
    const dates = ['2021-01-28', '2021-01-29', '2021-02-01'];
    const prices = matrix(dates, { A: [10, 20, 20], B: [10, 10, 10] });
    const run = value(
      await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'monthly' }, weights: { A: 0.5, B: 0.5 }, initialValue: 10_000, costBps: 100 }),
    );
    const v0 = 10_000 / 1.01;
    const a = v0; // half of v0, doubled
    const b = v0 / 2;
    const v = a + b;
    // After trading, A = B = V'/2 with V' = V − 0.01·(a − V'/2 + V'/2 − b) = V − 0.01·(a − b).
    const expected = v - 0.01 * (a - b);
    expect(run.equity[2]).toBeCloseTo(expected, 9);
    expect(run.rebalances[1]!.cost).toBeCloseTo(v - expected, 9);
  });

  it('a fixed cost is charged once per traded asset', async () => {
    const prices = matrix(d5, { A: [10, 10, 10, 10, 10], B: [5, 5, 5, 5, 5], C: [1, 1, 1, 1, 1] });
    const run = value(await runBacktest(prices, { rebalance: { kind: 'none' }, weights: { A: 0.5, B: 0.5 }, initialValue: 1000, fixedCost: 7 }));
    expect(run.equity[4]).toBeCloseTo(1000 - 14, 12);
    expect(run.rebalances[0]!.trades).toBe(2);
  });
});

describe('walk-forward re-optimisation', () => {
  const dates = weekdays('2020-01-01', 130);
  const a = dates.map((_, i) => 100 * 1.001 ** i);
  const b = dates.map((_, i) => 50 + 5 * Math.sin(i / 5));
  const prices = matrix(dates, { A: a, B: b });

  /** Weights from the window only: the asset with the higher return over the window gets 70 %. */
  function recorder(): { calls: PriceMatrix[]; fn: Reoptimize } {
    const calls: PriceMatrix[] = [];
    const fn: Reoptimize = async (w) => {
      calls.push(w);
      const n = w.dates.length;
      const k = w.tickers.length;
      const growth = w.tickers.map((_, j) => w.values[(n - 1) * k + j]! / w.values[j]!);
      const best = growth.indexOf(Math.max(...growth));
      return ok(Object.fromEntries(w.tickers.map((t, j) => [t, j === best ? 0.7 : 0.3 / (k - 1)])));
    };
    return { calls, fn };
  }

  it('gives each re-optimisation a rolling window that ends on the rebalance day', async () => {
    const rec = recorder();
    const run = value(
      await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'monthly' }, walkForward: { window: { kind: 'rolling', days: 40 }, reoptimize: rec.fn } }),
    );
    expect(run.dates[0]).toBe(dates[39]);
    expect(rec.calls.length).toBe(run.rebalances.length);
    rec.calls.forEach((w, i) => {
      expect(w.dates.at(-1)).toBe(run.rebalances[i]!.date);
      expect(w.dates).toHaveLength(40);
    });
  });

  it('has no look-ahead: poisoning prices after a day changes nothing up to that day', async () => {
    const cut = 90;
    const poisoned = { ...prices, values: prices.values.slice() };
    for (let t = cut + 1; t < dates.length; t++) {
      poisoned.values[t * 2] = 1e6 * (t % 2 === 0 ? 1 : 1e-6); // absurd future prices
      poisoned.values[t * 2 + 1] = Number.NaN;
    }
    const settings = (fn: Reoptimize) => ({
      rebalance: { kind: 'calendar', every: 'monthly' } as const,
      walkForward: { window: { kind: 'expanding' } as const, reoptimize: fn },
      minHistory: 20,
    });
    const clean = recorder();
    const dirty = recorder();
    const r1: BacktestRun = value(await runBacktest(prices, settings(clean.fn)));
    const r2: BacktestRun = value(await runBacktest(poisoned, settings(dirty.fn)));
    const upto = r1.dates.indexOf(dates[cut]!);
    expect(upto).toBeGreaterThan(0);
    expect(Array.from(r2.equity.subarray(0, upto + 1))).toEqual(Array.from(r1.equity.subarray(0, upto + 1)));
    const before = clean.calls.filter((w) => w.dates.at(-1)! <= dates[cut]!);
    expect(before.length).toBeGreaterThan(1);
    before.forEach((w, i) => {
      expect(dirty.calls[i]!.dates).toEqual(w.dates);
      expect(Array.from(dirty.calls[i]!.values)).toEqual(Array.from(w.values));
      expect(w.dates[0]).toBe(dates[0]); // expanding window starts at the first row
    });
  });

  it('keeps the previous targets and warns when a later re-optimisation fails', async () => {
    let n = 0;
    const fn: Reoptimize = async (w) => {
      n++;
      if (n === 2) return { ok: false, error: { code: 'infeasible', message: 'no solution' } };
      return ok(Object.fromEntries(w.tickers.map((t) => [t, 1 / w.tickers.length])));
    };
    const run = value(await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'monthly' }, walkForward: { window: { kind: 'rolling', days: 20 }, reoptimize: fn }, onFail: 'hold' }));
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toContain('no solution');
    expect(run.rebalances[1]!.weights.A).toBeCloseTo(0.5, 9);
  });

  it('waits in cash until the first window that can be solved; fails when none can', async () => {
    let n = 0;
    const fn: Reoptimize = async (w) => {
      n++;
      if (n === 1) return { ok: false, error: { code: 'user-error', message: 'all returns below rf' } };
      return ok(Object.fromEntries(w.tickers.map((t) => [t, 1 / w.tickers.length])));
    };
    const run = value(await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'monthly' }, walkForward: { window: { kind: 'rolling', days: 20 }, reoptimize: fn }, onFail: 'hold' }));
    expect(run.warnings[0]).toContain('stayed in cash');
    expect(run.rebalances[0]!.weights).toEqual({});
    const firstMonth = run.dates.indexOf(run.rebalances[1]!.date);
    expect(Array.from(run.equity.subarray(0, firstMonth + 1)).every((v) => v === 10_000)).toBe(true);
    expect(run.rebalances[1]!.weights.A).toBeCloseTo(0.5, 12);

    const never: Reoptimize = async () => ({ ok: false, error: { code: 'infeasible', message: 'bounds conflict' } });
    const r = await runBacktest(prices, { rebalance: { kind: 'calendar', every: 'monthly' }, walkForward: { window: { kind: 'expanding' }, reoptimize: never }, minHistory: 20, onFail: 'hold' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('infeasible');
  });

  it('stops by throwing core\'s Cancelled when its hooks say so (one cancellation convention)', async () => {
    const rec = recorder();
    let checks = 0;
    const run = runBacktest(
      prices,
      { rebalance: { kind: 'calendar', every: 'monthly' }, walkForward: { window: { kind: 'expanding' }, reoptimize: rec.fn }, minHistory: 20 },
      { isCancelled: () => ++checks > 30 },
    );
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    expect(checks).toBe(31);
  });
});
