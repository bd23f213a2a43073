/** Historical CVaR under a correlation shock: scenarios re-coloured to the shocked covariance. */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { correlationShock, recolourScenarios, shockCorrelation } from '../../../src-main/core/backtest/index.js';
import { mulberry32 } from '../../../src-main/core/backtest/prng.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { matrix, weekdays } from './helpers.js';

/** Prices whose daily simple returns are exactly the given rows (compounded from 100). */
function pricesFromReturns(returns: number[][], tickers: string[]): PriceMatrix {
  const dates = weekdays('2021-01-04', returns.length + 1);
  const cols: Record<string, number[]> = {};
  tickers.forEach((t, j) => {
    const p = [100];
    for (const r of returns) p.push(p.at(-1)! * (1 + r[j]!));
    cols[t] = p;
  });
  return matrix(dates, cols);
}

function sampleCov(y: Matrix): Matrix {
  const mu = y.mean('column');
  const c = y.clone();
  for (let t = 0; t < y.rows; t++) for (let j = 0; j < y.columns; j++) c.set(t, j, y.get(t, j) - mu[j]!);
  return c.transpose().mmul(c).div(y.rows - 1);
}

describe('historical correlation shock', () => {
  // Two uncorrelated assets with equal volatility and zero mean: the four sign patterns, five times.
  const a = 0.01;
  const pattern = [
    [a, a],
    [a, -a],
    [-a, a],
    [-a, -a],
  ];
  const returns = Array.from({ length: 5 }, () => pattern).flat();
  const prices = pricesFromReturns(returns, ['A', 'B']);

  it('hand check: at correlation 1 the 50/50 portfolio moves √2 times as much, so historical CVaR grows by √2', () => {
    // Base portfolio returns a, 0, 0, −a (×5): the worst 5 % of 20 days is one day at −a.
    const r = correlationShock(prices, { A: 0.5, B: 0.5 }, { level: 1, mode: 'set' });
    if (!r.ok) throw new Error(r.error.message);
    const c = r.value;
    expect(c.historicalScenarios).toBe(20);
    expect(c.historicalNote).toBeNull();
    expect(c.base.historicalCvar).toBeCloseTo(a, 12);
    // S = σ²I, Σ* = σ²·[[1, 1], [1, 1]]: Σ*^½·S^−½ = [[1, 1], [1, 1]]/√2, so both assets move (x_A + x_B)/√2.
    expect(c.shocked.historicalCvar).toBeCloseTo(Math.SQRT2 * a, 12);
    // The parametric figure is reported next to it and grows by the same factor (its mean is 0 here).
    expect(c.shocked.cvar / c.base.cvar).toBeCloseTo(Math.SQRT2, 10);
  });

  it('hand check: a long/short pair loses its diversification: with correlation 1 the spread is flat', () => {
    const r = correlationShock(prices, { A: 0.5, B: -0.5 }, { level: 1, mode: 'set' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.base.historicalCvar).toBeCloseTo(a, 12); // returns 0, a, −a, 0
    expect(r.value.shocked.historicalCvar).toBeCloseTo(0, 12);
  });

  it('a floor below every correlation leaves the scenarios, and so the historical CVaR, unchanged', () => {
    const r = correlationShock(prices, { A: 0.7, B: 0.3 }, { level: -1 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.shocked.historicalCvar).toBeCloseTo(r.value.base.historicalCvar!, 14);
  });

  it('re-coloured scenarios have exactly the shocked correlation, the same volatilities and the same means', () => {
    const rand = mulberry32(3);
    const T = 500;
    const x = new Matrix(T, 3);
    for (let t = 0; t < T; t++) {
      const z = rand() - 0.5;
      // Fat-ish tails: a cube of a uniform on the common factor.
      x.set(t, 0, 0.02 * z ** 3 * 4 + 0.005 * (rand() - 0.5));
      x.set(t, 1, -0.01 * z + 0.01 * (rand() - 0.5));
      x.set(t, 2, 0.003 * (rand() - 0.5) + 0.001);
    }
    const shock = (c: Matrix): Matrix => shockCorrelation(c, 0.9, 'floor').matrix;
    const y = recolourScenarios(x, shock, ['X', 'Y', 'Z']);
    if (typeof y === 'string') throw new Error(y);
    const sx = sampleCov(x);
    const sy = sampleCov(y);
    const corr = (s: Matrix): Matrix => {
      const c = new Matrix(3, 3);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) c.set(i, j, s.get(i, j) / Math.sqrt(s.get(i, i) * s.get(j, j)));
      return c;
    };
    const want = shock(corr(sx));
    expect(corr(sx).get(0, 1)).toBeLessThan(0); // the fixture starts negatively correlated
    for (let i = 0; i < 3; i++) {
      expect(Math.sqrt(sy.get(i, i))).toBeCloseTo(Math.sqrt(sx.get(i, i)), 12);
      expect(y.mean('column')[i]).toBeCloseTo(x.mean('column')[i]!, 14);
      for (let j = 0; j < 3; j++) {
        expect(Math.abs(corr(sy).get(i, j) - want.get(i, j))).toBeLessThan(1e-10);
        if (i !== j) expect(corr(sy).get(i, j)).toBeGreaterThanOrEqual(0.9 - 1e-10);
      }
    }
  });

  it('says why when the scenarios cannot be re-coloured (too few days for the assets)', () => {
    const few = pricesFromReturns([[0.01, 0.02], [-0.01, 0.01]], ['A', 'B']);
    const r = correlationShock(few, { A: 0.5, B: 0.5 }, { level: 0.9 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.shocked.historicalCvar).toBeNull();
    expect(r.value.base.historicalCvar).toBeCloseTo(0, 12); // worst of 0.015, 0 is 0
    expect(r.value.historicalNote).toMatch(/2 days for 2 assets/);
  });
});
