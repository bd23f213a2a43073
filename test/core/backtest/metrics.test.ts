import { describe, expect, it } from 'vitest';
import { metricsForApi } from '../../../shared/api/backtest.js';
import { computeMetrics, historicalTail, periodReturns } from '../../../src-main/core/backtest/index.js';

// Daily returns +10 %, −10 %, +10 %, +10 %.
const dates = ['2020-12-30', '2020-12-31', '2021-01-04', '2021-01-05', '2021-02-01'];
const equity = [100, 110, 99, 108.9, 119.79];
const s252 = Math.sqrt(252);

describe('metrics on a hand-computed series', () => {
  const m = computeMetrics({ dates, equity });

  it('return, volatility and ratios', () => {
    expect(m.days).toBe(4);
    expect(m.totalReturn).toBeCloseTo(0.1979, 12);
    expect(m.cagr).toBeCloseTo(1.1979 ** (252 / 4) - 1, 6);
    // mean 0.05, deviations (0.05, −0.15, 0.05, 0.05) → sample variance 0.03 / 3 = 0.01.
    expect(m.volatility).toBeCloseTo(0.1 * s252, 12);
    expect(m.sharpe).toBeCloseTo(0.5 * s252, 12);
    // Downside deviation √(0.01 / 4) = 0.05 → Sortino = 0.05·252 / (0.05·√252).
    expect(m.sortino).toBeCloseTo(s252, 12);
  });

  it('drawdown, Calmar, VaR and CVaR', () => {
    expect(m.maxDrawdown).toBeCloseTo(-0.1, 12);
    expect(m.calmar).toBeCloseTo(m.cagr / 0.1, 9);
    expect(m.var95).toBeCloseTo(0.1, 12);
    expect(m.cvar95).toBeCloseTo(0.1, 12);
  });

  it('best and worst calendar periods', () => {
    expect(m.bestYear).toEqual({ period: '2020', return: expect.closeTo(0.1, 12) });
    expect(m.worstYear!.period).toBe('2021');
    expect(m.worstYear!.return).toBeCloseTo(119.79 / 110 - 1, 12);
    expect(m.worstMonth!.period).toBe('2021-01');
    expect(m.worstMonth!.return).toBeCloseTo(-0.01, 12);
    expect(periodReturns(dates, equity, 'monthly').map((p) => p.period)).toEqual(['2020-12', '2021-01', '2021-02']);
  });

  it('subtracts the daily risk-free rate in Sharpe', () => {
    const rf = computeMetrics({ dates, equity, rf: 0.1 });
    const rfd = 1.1 ** (1 / 252) - 1;
    expect(rf.sharpe).toBeCloseTo(((0.05 - rfd) / 0.1) * s252, 10);
  });

  it('annualises turnover after the first allocation and reports costs against the initial value', () => {
    const rebalances = [0.9, 0.2, 0.1].map((turnover, i) => ({ date: dates[i]!, weights: {}, turnover, cost: 0, trades: 1 }));
    const t = computeMetrics({ dates, equity, rebalances, totalCosts: 5, initialValue: 125 });
    expect(t.turnover).toBeCloseTo(0.3 / (4 / 252), 12);
    expect(t.costs).toBeCloseTo(0.04, 12);
    expect(t.totalReturn).toBeCloseTo(119.79 / 125 - 1, 12);
  });

  it('versus a benchmark that moves half as much: beta 2, alpha 0', () => {
    const bench = [50, 52.5, 49.875, 52.36875, 54.9871875];
    const b = computeMetrics({ dates, equity, benchmark: bench }).benchmark!;
    expect(b.beta).toBeCloseTo(2, 10);
    expect(b.alpha).toBeCloseTo(0, 10);
    // Active returns equal the benchmark's: std 0.05, mean 0.025.
    expect(b.trackingError).toBeCloseTo(0.05 * s252, 10);
    expect(b.informationRatio).toBeCloseTo(0.5 * s252, 10);
    expect(b.correlation).toBeCloseTo(1, 10);
    expect(b.maxDrawdown).toBeCloseTo(-0.05, 10);
  });

  it('a benchmark with a gap is valued at its last price (zero return that day)', () => {
    const bench = [50, Number.NaN, 50, 55, 55];
    const b = computeMetrics({ dates, equity, benchmark: bench }).benchmark!;
    expect(b.cagr).toBeCloseTo(1.1 ** (252 / 4) - 1, 9);
  });
});

describe('historical tail', () => {
  it('averages the k = ⌈5 % · n⌉ worst returns', () => {
    const r = Array.from({ length: 40 }, (_, i) => (i - 20) / 100); // −0.20 … 0.19
    const t = historicalTail(r, 0.95);
    expect(t.var).toBeCloseTo(0.19, 12);
    expect(t.cvar).toBeCloseTo(0.195, 12);
  });
});

describe('metrics in the API', () => {
  it('sends undefined figures as null (JSON has no NaN) and everything else unchanged', () => {
    // A portfolio that never moves: volatility 0, Sharpe 0/0, Sortino 0/0, no drawdown so no Calmar.
    const flat = computeMetrics({ dates: ['2021-01-04', '2021-01-05', '2021-01-06'], equity: [100, 100, 100], benchmark: [10, 11, 12] });
    expect(Number.isNaN(flat.sharpe)).toBe(true);
    const api = metricsForApi(flat);
    expect(api.sharpe).toBeNull();
    expect(api.sortino).toBeNull();
    expect(api.calmar).toBeNull();
    expect(api.volatility).toBe(0);
    expect(api.benchmark!.beta).toBe(0);
    expect(api.benchmark!.correlation).toBeNull(); // 0 / 0
    expect(api.benchmark!.cagr).toBe(flat.benchmark!.cagr);
    // What the wire carries is what the type says: every figure is a finite number or null.
    const figures = [...Object.values(api), ...Object.values(api.benchmark!)].filter((v) => typeof v !== 'string' && typeof v !== 'object');
    expect(figures.every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    expect(Object.values(api).filter((v) => v === null)).toHaveLength(3);
    const full = metricsForApi(m0());
    expect(full).toEqual(m0());
  });
});

function m0() {
  return computeMetrics({ dates, equity });
}
