import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { minimaxVariance } from '../../../src-main/core/robust/crisis-robust.js';
import { blendCovariance, turbulenceIndex, turbulenceSplit, diversificationOf } from '../../../src-main/core/robust/turbulence.js';
import { estimateMoments, optimizePortfolio, prepareProblem } from '../../../src-main/core/optimize/index.js';
import { estimatorSchema } from '../../../shared/domain/optimize.js';
import { minVolatility } from '../../../src-main/core/optimize/mean-variance.js';
import { quadForm } from '../../../src-main/core/stats/linalg.js';
import { completeReturnRows, returnsFromPrices } from '../../../src-main/core/stats/returns.js';
import { sampleCov } from '../../../src-main/core/stats/risk-models.js';
import { syntheticPrices } from '../../support/synthetic-prices.js';
import { problemOf } from './support.js';

const tickers = ['A', 'B', 'C', 'D', 'E'];
const prices = syntheticPrices({ tickers, days: 800, seed: 11 });

describe('turbulence', () => {
  it('the index is the Mahalanobis distance under the explicit inverse covariance', () => {
    const r = returnsFromPrices(prices);
    const rows = completeReturnRows(r);
    const idx = turbulenceIndex(rows.values, rows.T, 5);
    expect(idx.ok).toBe(true);
    if (!idx.ok) return;
    // Independent check on one row: solve Σ x = (r − μ) by Gaussian elimination, index = (r − μ)ᵀx.
    const n = 5;
    const mean = new Array(n).fill(0);
    for (let t = 0; t < rows.T; t++) for (let j = 0; j < n; j++) mean[j] += rows.values[t * n + j]! / rows.T;
    const S = sampleCov({ dates: [], tickers, values: rows.values, T: rows.T, n }, 1);
    for (const t of [0, 17, rows.T - 1]) {
      const d = Array.from({ length: n }, (_, j) => rows.values[t * n + j]! - mean[j]);
      const A = Array.from({ length: n }, (_, i) => [...Array.from({ length: n }, (_, j) => S[i * n + j]!), d[i]!]);
      for (let c = 0; c < n; c++) {
        for (let i = c + 1; i < n; i++) {
          const f = A[i]![c]! / A[c]![c]!;
          for (let k = c; k <= n; k++) A[i]![k]! -= f * A[c]![k]!;
        }
      }
      const x = new Array(n).fill(0);
      for (let i = n - 1; i >= 0; i--) {
        let s = A[i]![n]!;
        for (let k = i + 1; k < n; k++) s -= A[i]![k]! * x[k];
        x[i] = s / A[i]![i]!;
      }
      const expected = d.reduce((a, v, i) => a + v * x[i], 0);
      expect(idx.value[t]).toBeCloseTo(expected, 9);
    }
  });

  it('splits off ⌈q·T⌉ days of highest index; each covariance is around its own mean', () => {
    const r = returnsFromPrices(prices);
    const rows = completeReturnRows(r);
    const split = turbulenceSplit(rows.values, rows.T, 5, 0.1, 252);
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    expect(split.value.turbulentRows.length).toBe(Math.ceil(0.1 * rows.T));
    for (const t of split.value.turbulentRows) expect(split.value.index[t]).toBeGreaterThanOrEqual(split.value.threshold);
    // Turbulent days carry more variance than the quiet ones.
    expect(split.value.turbulent[0]!).toBeGreaterThan(split.value.quiet[0]!);
    const quietRows = Array.from({ length: rows.T }, (_, t) => t).filter((t) => !split.value.turbulentRows.includes(t));
    const qv = new Float64Array(quietRows.length * 5);
    quietRows.forEach((t, k) => qv.set(rows.values.subarray(t * 5, t * 5 + 5), k * 5));
    const direct = sampleCov({ dates: [], tickers, values: qv, T: quietRows.length, n: 5 }, 252);
    direct.forEach((v, k) => expect(split.value.quiet[k]).toBeCloseTo(v, 14));
  });

  it('turbulence-blend with p = 0 is the quiet sample covariance, p = 1 the turbulent one', () => {
    const r = returnsFromPrices(prices);
    const rows = completeReturnRows(r);
    const split = turbulenceSplit(rows.values, rows.T, 5, 0.1, 252);
    if (!split.ok) throw new Error(split.error.message);
    for (const [blend, want] of [[0, split.value.quiet], [1, split.value.turbulent]] as const) {
      const m = estimateMoments(prices, estimatorSchema.parse({ risk: 'turbulence-blend', turbulence: { share: 0.1, blend } }));
      expect(m.ok).toBe(true);
      if (!m.ok) return;
      m.value.covariance.forEach((v, k) => expect(v).toBeCloseTo(want[k]!, 14));
    }
    const half = blendCovariance(split.value.turbulent, split.value.quiet, 0.5);
    expect(half[0]).toBeCloseTo(0.5 * (split.value.turbulent[0]! + split.value.quiet[0]!), 15);
  });

  it('diversification: uncorrelated assets give n effective bets and average correlation 0', () => {
    const d = diversificationOf(Float64Array.from([1, 0, 0, 0, 4, 0, 0, 0, 9]), 3);
    expect(d.averageCorrelation).toBeCloseTo(0, 15);
    expect(d.effectiveBets).toBeCloseTo(3, 12);
    const one = diversificationOf(Float64Array.from([1, 1, 1, 1]), 2);
    expect(one.averageCorrelation).toBeCloseTo(1, 15);
    expect(one.effectiveBets).toBeCloseTo(1, 6);
  });
});

describe('crisis-robust (minimax of normal and turbulent variance)', () => {
  it('hand-checkable: Σn = diag(1, 4), Σt = diag(4, 1) gives w = ½, ½ with both variances 1.25', async () => {
    const p = problemOf([0.05, 0.05], [[1, 0], [0, 4]]);
    const r = await minimaxVariance(p, Float64Array.from([4, 0, 0, 1]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.weights[0]).toBeCloseTo(0.5, 8);
    expect(r.value.extras!.normalVolatility! ** 2).toBeCloseTo(1.25, 8);
    expect(r.value.extras!.turbulentVolatility! ** 2).toBeCloseTo(1.25, 8);
    expect(r.value.status).toBe('optimal');
  });

  it('its worse variance is ≤ the worse variance of either single-model optimum', async () => {
    const Sn = [[0.04, 0.01, 0.0], [0.01, 0.09, 0.02], [0.0, 0.02, 0.16]];
    const St = Float64Array.from([0.2, 0.1, 0.05, 0.1, 0.12, 0.03, 0.05, 0.03, 0.1]);
    const p = problemOf([0.05, 0.06, 0.07], Sn);
    const robust = await minimaxVariance(p, St);
    const normal = await minVolatility(p);
    const turbulent = await minVolatility({ ...p, cov: St });
    if (!robust.ok || !normal.ok || !turbulent.ok) throw new Error('solve failed');
    const worst = (w: Float64Array) => Math.max(quadForm(p.cov, 3, w), quadForm(St, 3, w));
    expect(worst(robust.value.weights)).toBeLessThanOrEqual(worst(normal.value.weights) + 1e-12);
    expect(worst(robust.value.weights)).toBeLessThanOrEqual(worst(turbulent.value.weights) + 1e-12);
    expect(robust.value.extras!.minimaxGap).toBeLessThanOrEqual(1e-9 * worst(robust.value.weights));
  });

  it('runs end to end as an objective, honouring bounds', async () => {
    const options = optimizeOptionsSchema.parse({ objective: 'crisis-robust', constraints: { bounds: [0, 0.4] } });
    const r = await optimizePortfolio(prices, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = Object.values(r.value.weights);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    for (const x of w) expect(x).toBeLessThanOrEqual(0.4 + 1e-12);
    const extras = r.value.diagnostics.extras as Record<string, number>;
    expect(extras.turbulentVolatility).toBeGreaterThan(0);
    const prep = prepareProblem(prices, options);
    expect(prep.ok).toBe(true);
  });
});
