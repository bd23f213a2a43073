import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { maxUtility } from '../../../src-main/core/optimize/mean-variance.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { chiSquareQuantile, normalQuantile } from '../../../src-main/core/stats/distributions.js';
import { worstCaseBox, worstCaseEllipsoid } from '../../../src-main/core/robust/worst-case.js';
import { syntheticPrices } from '../../support/synthetic-prices.js';
import { problemOf } from './support.js';

const mu = [0.08, 0.12, 0.1, 0.06];
const cov = [
  [0.04, 0.006, 0.004, 0.002],
  [0.006, 0.09, 0.01, 0.003],
  [0.004, 0.01, 0.0625, 0.001],
  [0.002, 0.003, 0.001, 0.0225],
];

describe('distributions', () => {
  it('chi-square and normal quantiles match scipy', () => {
    expect(chiSquareQuantile(0.95, 10)).toBeCloseTo(18.307038053275146, 9);
    expect(chiSquareQuantile(0.5, 1)).toBeCloseTo(0.454936423119572, 9);
    expect(chiSquareQuantile(0.99, 100)).toBeCloseTo(135.80672317102676, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
  });
});

describe('worst-case mean-variance', () => {
  for (const bounds of [[0, 1], [-0.5, 1]] as const) {
    it(`box with δ = 0 equals max-utility (bounds ${bounds.join(':')})`, async () => {
      const p = problemOf(mu, cov, { objective: 'worst-case-mv', targets: { riskAversion: 3 }, constraints: { bounds: [...bounds] } });
      const robust = await worstCaseBox(p, new Float64Array(4));
      const classical = await maxUtility(p);
      if (!robust.ok || !classical.ok) throw new Error('solve failed');
      robust.value.weights.forEach((w, i) => expect(w).toBeCloseTo(classical.value.weights[i]!, 7));
    });
  }

  it('box with shorting: no feasible perturbation improves the worst-case utility', async () => {
    const p = problemOf(mu, cov, { targets: { riskAversion: 2 }, constraints: { bounds: [-1, 1] } });
    const delta = Float64Array.from([0.02, 0.05, 0.01, 0.03]);
    const r = await worstCaseBox(p, delta);
    if (!r.ok) throw new Error(r.error.message);
    const f = (w: number[]) => {
      let v = 0;
      for (let i = 0; i < 4; i++) v += mu[i]! * w[i]! - delta[i]! * Math.abs(w[i]!);
      for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) v -= 0.5 * 2 * w[i]! * cov[i]![j]! * w[j]!;
      return v;
    };
    const w = Array.from(r.value.weights);
    const best = f(w);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        if (i === j) continue;
        for (const h of [1e-3, -1e-3]) {
          const v = w.slice();
          v[i] = v[i]! + h;
          v[j] = v[j]! - h;
          if (v.every((x) => x >= -1 && x <= 1)) expect(f(v)).toBeLessThanOrEqual(best + 1e-12);
        }
      }
    expect(r.value.extras!.worstCaseReturn).toBeLessThan(w.reduce((a, x, i) => a + mu[i]! * x, 0));
  });

  it('ellipsoid with a diagonal Σ matches the closed form w_i = (μ_i − η)/(λσ_i² + κω_i/s)', async () => {
    const sig = [0.04, 0.09, 0.0625, 0.0225];
    const omega = Float64Array.from([0.002, 0.004, 0.003, 0.001]);
    const diag = sig.map((s, i) => sig.map((_, j) => (i === j ? s : 0)));
    const lambda = 2;
    const kappa = 2.5;
    const p = problemOf(mu, diag, { targets: { riskAversion: lambda }, constraints: { bounds: [-10, 10] } });
    const r = await worstCaseEllipsoid(p, kappa, omega);
    if (!r.ok) throw new Error(r.error.message);
    // Closed form up to two scalars: s = ‖Ω^½w‖ (fixed point) and η (budget), found by nested bisection.
    const weights = (eta: number, s: number) => mu.map((m, i) => (m - eta) / (lambda * sig[i]! + (kappa * omega[i]!) / s));
    const etaFor = (s: number) => {
      let lo = -10, hi = 10;
      for (let k = 0; k < 200; k++) {
        const mid = (lo + hi) / 2;
        if (weights(mid, s).reduce((a, b) => a + b, 0) > 1) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    };
    let s = 0.05;
    for (let k = 0; k < 500; k++) {
      const w = weights(etaFor(s), s);
      s = Math.sqrt(w.reduce((a, x, i) => a + omega[i]! * x * x, 0));
    }
    const expected = weights(etaFor(s), s);
    r.value.weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i]!, 7));
    expect(r.value.status).toBe('optimal');
    expect(r.value.extras!.normGap).toBeLessThan(1e-10);
  });

  it('ellipsoid with κ = 0 equals max-utility', async () => {
    const p = problemOf(mu, cov, { targets: { riskAversion: 3 } });
    const r = await worstCaseEllipsoid(p, 0, Float64Array.from([0.01, 0.01, 0.01, 0.01]));
    const c = await maxUtility(p);
    if (!r.ok || !c.ok) throw new Error('solve failed');
    r.value.weights.forEach((w, i) => expect(w).toBeCloseTo(c.value.weights[i]!, 9));
  });

  it('a wider set (higher confidence) moves weight away from the noisiest means; runs end to end', async () => {
    const prices = syntheticPrices({ tickers: ['A', 'B', 'C', 'D', 'E', 'F'], days: 600, seed: 5 });
    for (const uncertainty of ['box', 'ellipsoid'] as const) {
      const run = (confidence: number) =>
        optimizePortfolio(prices, optimizeOptionsSchema.parse({ objective: 'worst-case-mv', robust: { uncertainty, confidence }, targets: { riskAversion: 4 } }));
      const low = await run(0.5);
      const high = await run(0.99);
      if (!low.ok || !high.ok) throw new Error('solve failed');
      const extrasLow = low.value.diagnostics.extras as Record<string, number>;
      const extrasHigh = high.value.diagnostics.extras as Record<string, number>;
      expect(extrasHigh.worstCaseReturn).toBeLessThan(extrasLow.worstCaseReturn!);
      expect(Object.values(high.value.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
  });
});
