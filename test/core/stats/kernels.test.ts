/** Estimator kernels on hand-made data: missing values, PSD repair, eigen-decomposition, shrinkage bounds. */
import { describe, expect, it } from 'vitest';
import { estimatorSchema } from '../../../shared/domain/optimize.js';
import { estimateMoments } from '../../../src-main/core/optimize/prepare.js';
import { choleskyInPlace, solveSpd, symEigen } from '../../../src-main/core/stats/linalg.js';
import { meanHistoricalReturn } from '../../../src-main/core/stats/expected-returns.js';
import { returnsFromPrices } from '../../../src-main/core/stats/returns.js';
import { fixNonPsd, sampleCov } from '../../../src-main/core/stats/risk-models.js';
import { syntheticPrices } from '../optimize/synthetic.js';

describe('returns and means', () => {
  it('a late-starting asset: no return before its first price, all-missing rows dropped', () => {
    const prices = { dates: ['d0', 'd1', 'd2', 'd3'], tickers: ['A', 'B'], values: Float64Array.from([NaN, NaN, 100, NaN, 110, 50, 121, 55]) };
    const r = returnsFromPrices(prices);
    expect(r.T).toBe(2); // d1 has no return for either asset
    expect(r.values[0]).toBeCloseTo(0.1, 15);
    expect(Number.isNaN(r.values[1]!)).toBe(true);
    expect(r.values[3]).toBeCloseTo(0.1, 15);
    // CAGR over each asset's own history: A has two 10 % days, B one
    const mu = meanHistoricalReturn(r, 252, true);
    expect(Math.log1p(mu[0]!)).toBeCloseTo(252 * Math.log(1.1), 9);
    expect(Math.log1p(mu[1]!)).toBeCloseTo(252 * Math.log(1.1), 9);
    const arith = meanHistoricalReturn(r, 252, false);
    expect(arith[0]).toBeCloseTo(0.1 * 252, 12);
  });

  it('pairwise-complete covariance uses the overlapping rows only', () => {
    const p = syntheticPrices(3, 60);
    for (let t = 0; t < 20; t++) p.values[t * 3 + 2] = NaN;
    const r = returnsFromPrices(p);
    const S = sampleCov(r, 1);
    // covariance of columns 0 and 2 by hand over rows where both exist
    const rows = Array.from({ length: r.T }, (_, t) => t).filter((t) => !Number.isNaN(r.values[t * 3 + 2]!));
    const m0 = rows.reduce((s, t) => s + r.values[t * 3]!, 0) / rows.length;
    const m2 = rows.reduce((s, t) => s + r.values[t * 3 + 2]!, 0) / rows.length;
    const c = rows.reduce((s, t) => s + (r.values[t * 3]! - m0) * (r.values[t * 3 + 2]! - m2), 0) / (rows.length - 1);
    expect(S[2]).toBeCloseTo(c, 15);
  });
});

describe('linear algebra', () => {
  it('symEigen reconstructs a symmetric matrix', () => {
    const n = 7;
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = Math.sin(i * 3 + j * 7) + (i === j ? 2 : 0);
    const { values, vectors } = symEigen(a, n);
    for (let k = 1; k < n; k++) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]!);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += vectors[i * n + k]! * values[k]! * vectors[j * n + k]!;
        expect(s).toBeCloseTo(a[i * n + j]!, 12);
      }
  });

  it('solveSpd solves and refuses a non-positive-definite matrix', () => {
    const x = solveSpd(Float64Array.from([4, 1, 1, 3]), 2, Float64Array.from([1, 2]));
    expect(x![0]! * 4 + x![1]!).toBeCloseTo(1, 14);
    expect(solveSpd(Float64Array.from([1, 2, 2, 1]), 2, Float64Array.from([1, 1]))).toBeNull();
  });

  it('a non-PSD matrix is repaired by eigenvalue clipping and reported', () => {
    const m = Float64Array.from([1, 0.9, -0.9, 0.9, 1, 0.9, -0.9, 0.9, 1]);
    const fixed = fixNonPsd(m, 3);
    expect(fixed.repaired).toBe(true);
    expect(fixed.minEigenvalue).toBeLessThan(0);
    const { values } = symEigen(fixed.matrix, 3);
    expect(values[0]).toBeGreaterThan(-1e-12);
    const ok = fixNonPsd(Float64Array.from([2, 1, 1, 2]), 2);
    expect(ok.repaired).toBe(false);
    expect(choleskyInPlace(Float64Array.from([2, 1, 1, 2]), 2)).toBe(-1);
  });
});

describe('estimateMoments', () => {
  const prices = syntheticPrices(8, 500);
  it('every risk model gives a symmetric PSD matrix; shrinkage intensities lie in [0, 1]', () => {
    for (const risk of ['sample', 'ledoit-wolf', 'ledoit-wolf-single-factor', 'ledoit-wolf-constant-correlation', 'exp', 'semicovariance'] as const) {
      const m = estimateMoments(prices, estimatorSchema.parse({ risk, span: 100 }));
      if (!m.ok) throw new Error(m.error.message);
      const n = 8;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(m.value.covariance[i * n + j]).toBe(m.value.covariance[j * n + i]);
      expect(symEigen(m.value.covariance, n).values[0]).toBeGreaterThan(-1e-12);
      if (m.value.shrinkage !== undefined) {
        expect(m.value.shrinkage).toBeGreaterThanOrEqual(0);
        expect(m.value.shrinkage).toBeLessThanOrEqual(1);
      }
    }
  });

  it('an asset without two returns is named', () => {
    const p = syntheticPrices(3, 30);
    for (let t = 0; t < 30; t++) p.values[t * 3 + 1] = NaN;
    const m = estimateMoments(p, estimatorSchema.parse({}));
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error.message).toMatch(/S01/);
  });

  it('an unknown CAPM market column is a typed error', () => {
    const m = estimateMoments(prices, estimatorSchema.parse({ returns: 'capm', market: 'SPY' }));
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error.code).toBe('invalid-input');
  });
});
