import { describe, expect, it } from 'vitest';
import {
  constantMixReturns,
  correlationShock,
  historicalStress,
  normalQuantile,
  repairCorrelation,
  userShocks,
} from '../../../src-main/core/backtest/index.js';
import { Matrix, EigenvalueDecomposition } from 'ml-matrix';
import { mulberry32 } from '../../../src-main/core/backtest/prng.js';
import { matrix, weekdays } from './helpers.js';

describe('historical windows', () => {
  const dates = ['2008-08-29', '2008-09-02', '2008-10-01', '2009-03-31', '2009-04-01'];
  const prices = matrix(dates, { A: [100, 90, 60, 80, 85], B: [50, 50, 50, 50, 50] });

  it('holds the weights from the close before the window to its last day', () => {
    const windows = [
      { name: 'GFC', start: '2008-09-01', end: '2009-03-31' },
      { name: 'COVID', start: '2020-02-01', end: '2020-03-31' },
    ];
    const r = historicalStress(prices, { A: 0.5, B: 0.5 }, windows, [10, 9, 5, 6, 7]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [gfc, covid] = r.value;
    // Path 0.5·A/100 + 0.5: 1, 0.95, 0.8, 0.9.
    expect(gfc!.from).toBe('2008-08-29');
    expect(gfc!.to).toBe('2009-03-31');
    expect(gfc!.covered).toBe(true);
    expect(gfc!.portfolioReturn).toBeCloseTo(-0.1, 12);
    expect(gfc!.portfolioMaxDrawdown).toBeCloseTo(-0.2, 12);
    expect(gfc!.benchmarkReturn).toBeCloseTo(-0.4, 12);
    expect(gfc!.benchmarkMaxDrawdown).toBeCloseTo(-0.5, 12);
    expect(covid!.covered).toBe(false);
    expect(covid!.portfolioReturn).toBeNull();
  });
});

describe('user shocks', () => {
  it('applies group shocks, with asset shocks taking precedence', () => {
    const r = userShocks(
      { SPY: 0.6, TLT: 0.3, GLD: 0.1 },
      { groups: [{ name: 'equities', tickers: ['SPY', 'GLD'], shock: -0.2 }, { name: 'bonds', tickers: ['TLT'], shock: 0.03 }], assets: { GLD: 0.05 } },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.pnl).toBeCloseTo(-0.12 + 0.009 + 0.005, 12);
    expect(r.value.contributions.find((c) => c.ticker === 'GLD')!.source).toBe('asset');
    expect(r.value.contributions.find((c) => c.ticker === 'SPY')!.source).toBe('group:equities');
  });

  it('rejects shocks on tickers outside the portfolio', () => {
    expect(userShocks({ A: 1 }, { assets: { B: -0.1 } }).ok).toBe(false);
  });
});

describe('correlation shock', () => {
  const dates = weekdays('2020-01-01', 300);
  const rand = mulberry32(7);
  const a = [100];
  const b = [100];
  for (let i = 1; i < dates.length; i++) {
    const z = rand() - 0.5;
    a.push(a[i - 1]! * (1 + 0.02 * z + 0.004 * (rand() - 0.5)));
    b.push(b[i - 1]! * (1 - 0.01 * z + 0.01 * (rand() - 0.5)));
  }
  const prices = matrix(dates, { A: a, B: b });
  const w = { A: 0.6, B: 0.4 };
  const sd = (x: number[]): number => {
    const r = x.slice(1).map((v, i) => v / x[i]! - 1);
    const mu = r.reduce((s, v) => s + v, 0) / r.length;
    return Math.sqrt(r.reduce((s, v) => s + (v - mu) ** 2, 0) / (r.length - 1));
  };

  it('base volatility equals the realised volatility of the daily-rebalanced portfolio', () => {
    const r = correlationShock(prices, w, { level: 0.9 });
    const mix = constantMixReturns(prices, w);
    if (!r.ok || !mix.ok) throw new Error('unexpected failure');
    const rp = Array.from(mix.value.returns);
    const mu = rp.reduce((s, v) => s + v, 0) / rp.length;
    const realised = Math.sqrt(rp.reduce((s, v) => s + (v - mu) ** 2, 0) / (rp.length - 1)) * Math.sqrt(252);
    expect(r.value.base.volatility).toBeCloseTo(realised, 10);
    expect(r.value.base.averageCorrelation).toBeLessThan(0); // the fixture is negatively correlated
    expect(r.value.shocked.averageCorrelation).toBeCloseTo(0.9, 12);
    expect(r.value.shocked.volatility).toBeGreaterThan(r.value.base.volatility);
  });

  it('at correlation 1 the volatility is the weighted sum of volatilities, CVaR is normal', () => {
    const r = correlationShock(prices, w, { level: 1, mode: 'set' });
    if (!r.ok) throw new Error(r.error.message);
    const sigma = 0.6 * sd(a) + 0.4 * sd(b);
    expect(r.value.shocked.volatility).toBeCloseTo(sigma * Math.sqrt(252), 10);
    const mix = constantMixReturns(prices, w);
    if (!mix.ok) throw new Error('unexpected');
    const mu = mix.value.returns.reduce((s, v) => s + v, 0) / mix.value.returns.length;
    const z = 1.6448536269514722;
    expect(r.value.shocked.cvar).toBeCloseTo(-mu + (sigma * Math.exp(-z * z / 2)) / Math.sqrt(2 * Math.PI) / 0.05, 8);
  });

  it('a floor below every correlation changes nothing', () => {
    const r = correlationShock(prices, w, { level: -1 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.shocked.volatility).toBeCloseTo(r.value.base.volatility, 12);
    expect(r.value.repaired).toBe(false);
  });

  it('repairs an indefinite correlation matrix to the nearest PSD one with a unit diagonal', () => {
    const c = new Matrix([
      [1, 0.9, 0.9],
      [0.9, 1, 0.5],
      [0.9, 0.5, 1],
    ]);
    const r = repairCorrelation(c);
    expect(r.repaired).toBe(true);
    expect(r.minEigenvalue).toBeLessThan(0);
    const eig = new EigenvalueDecomposition(r.matrix, { assumeSymmetric: true });
    expect(Math.min(...eig.realEigenvalues)).toBeGreaterThan(-1e-10);
    for (let i = 0; i < 3; i++) expect(r.matrix.get(i, i)).toBeCloseTo(1, 12);
    expect(r.matrix.get(0, 1)).toBeCloseTo(r.matrix.get(1, 0), 12);
  });

  it('rejects a level outside [−1, 1]', () => {
    expect(correlationShock(prices, w, { level: 1.5 }).ok).toBe(false);
  });

  it('inverse normal matches tabulated quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 8);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326347874, 8);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
  });
});
