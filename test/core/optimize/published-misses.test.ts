/**
 * Regression tests for the misses against PyPortfolioOpt's published figures (issue 19), on synthetic
 * prices so they run without the reference data; test/conformance/published.test.ts checks the figures.
 */
import { describe, expect, it } from 'vitest';
import { estimatorSchema, optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import { estimateMoments, optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { returnsFromPrices } from '../../../src-main/core/stats/returns.js';
import { correlationOfReturns } from '../../../src-main/core/stats/correlation.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { syntheticPrices } from '../../support/synthetic-prices.js';

const prices = syntheticPrices({ tickers: ['A', 'B', 'C', 'D', 'E', 'F'], days: 500, seed: 7 });
const run = async (input: OptimizeOptionsInput, p: PriceMatrix = prices) => optimizePortfolio(p, optimizeOptionsSchema.parse(input));

describe('published misses (regressions)', () => {
  it('efficient-risk with L2 accepts a target between the true minimum volatility and the L2 one', async () => {
    const plain = await run({ objective: 'min-volatility' });
    const reg = await run({ objective: 'min-volatility', constraints: { l2: 1 } });
    if (!plain.ok || !reg.ok) throw new Error('min-volatility failed');
    const target = (plain.value.performance.volatility + reg.value.performance.volatility) / 2;
    expect(reg.value.performance.volatility).toBeGreaterThan(plain.value.performance.volatility);
    const r = await run({ objective: 'efficient-risk', targets: { targetVolatility: target }, constraints: { l2: 1 } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.performance.volatility).toBeLessThanOrEqual(target * (1 + 1e-9));
    expect(r.value.performance.volatility).toBeGreaterThan(target * (1 - 1e-6));
  });

  it('conflicting constraints are named as such for every constrained objective (feasibility check first)', async () => {
    const conflict = { bounds: [0, 0.3] as [number, number], groups: [{ name: 'G', tickers: ['A', 'B'], min: 0.7 }] };
    for (const objective of ['max-sharpe', 'min-volatility', 'max-return', 'min-cvar', 'min-semivariance', 'max-utility'] as const) {
      const r = await run({ objective, constraints: conflict });
      expect(r.ok, objective).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('infeasible');
        expect(r.error.message, objective).toMatch(/group G min/);
        expect(r.error.message).not.toMatch(/risk-free/);
      }
    }
  });

  it('CAPM beta is pairwise: a late-starting asset does not change the others (market series given)', async () => {
    const base = syntheticPrices({ tickers: ['A', 'B', 'M'], days: 400, seed: 3 });
    const extra = syntheticPrices({ tickers: ['L'], days: 400, seed: 9, lateStart: { L: 200 } });
    const values = new Float64Array(400 * 4);
    for (let t = 0; t < 400; t++) {
      values.set(base.values.subarray(t * 3, t * 3 + 3), t * 4);
      values[t * 4 + 3] = extra.values[t]!;
    }
    const late: PriceMatrix = { dates: base.dates, tickers: ['A', 'B', 'M', 'L'], values };
    const est = estimatorSchema.parse({ returns: 'capm', market: 'M' });
    const a = estimateMoments(base, est, 0.01);
    const b = estimateMoments(late, est, 0.01);
    if (!a.ok || !b.ok) throw new Error('estimate failed');
    expect(b.value.expectedReturns[0]).toBeCloseTo(a.value.expectedReturns[0]!, 12);
    expect(b.value.expectedReturns[1]).toBeCloseTo(a.value.expectedReturns[1]!, 12);
  });

  it('Black–Litterman accepts a market cap of 0; bl weights use the prior covariance unless asked', async () => {
    const caps = { A: 3e9, B: 2e9, C: 0, D: 1e9, E: 1e9, F: 5e8 };
    const views = [{ asset: 'A', return: 0.2 }, { asset: 'C', return: -0.1 }];
    const bl = (weightsCovariance?: 'prior' | 'posterior') =>
      run({ objective: 'min-volatility', blackLitterman: { prior: 'market', marketCaps: caps, riskAversion: 2.5, views, ...(weightsCovariance ? { weightsCovariance } : {}) } });
    const prior = await bl();
    const posterior = await bl('posterior');
    if (!prior.ok || !posterior.ok) throw new Error('BL failed');
    const info = (r: typeof prior) => (r.ok ? (r.value.diagnostics.blackLitterman as { weights: Record<string, number>; weightsCovariance: string }) : null)!;
    expect(info(prior).weightsCovariance).toBe('prior');
    expect(info(posterior).weightsCovariance).toBe('posterior');
    expect(info(prior).weights.A).not.toBeCloseTo(info(posterior).weights.A!, 6);
    const zero = await run({ blackLitterman: { prior: 'market', marketCaps: { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0 }, views } });
    expect(zero.ok).toBe(false);
  });

  it('min-cdar and efficient-cdar with L2 solve (no HiGHS crash) and L2 pulls towards equal weights', async () => {
    const plain = await run({ objective: 'min-cdar' });
    const reg = await run({ objective: 'min-cdar', constraints: { l2: 0.05 } });
    const eff = await run({ objective: 'efficient-cdar', targets: { targetReturn: 0.13 }, constraints: { l2: 0.05 } });
    if (!plain.ok || !reg.ok || !eff.ok) throw new Error('CDaR with L2 failed');
    expect(reg.value.status).toBe('optimal');
    const spread = (w: Record<string, number>) => Object.values(w).reduce((a, x) => a + Math.abs(x - 1 / 6), 0);
    expect(spread(reg.value.weights)).toBeLessThan(spread(plain.value.weights));
    expect(eff.value.performance.expectedReturn).toBeGreaterThanOrEqual(0.13 - 1e-9);
  });

  it('semivariance L2 enters on the daily scale, so the weights do not depend on the periods per year', async () => {
    // same prices, same γ: annualising over f periods multiplies the semivariance by f and, as in
    // PyPortfolioOpt, leaves γ‖w‖² on the daily quantity, so the weights do not depend on f
    const a = await run({ objective: 'min-semivariance', constraints: { l2: 0.5 }, estimators: { frequency: 252 } });
    const b = await run({ objective: 'min-semivariance', constraints: { l2: 0.5 }, estimators: { frequency: 52 } });
    if (!a.ok || !b.ok) throw new Error('semivariance failed');
    for (const t of prices.tickers) expect(a.value.weights[t]).toBeCloseTo(b.value.weights[t]!, 7);
  });

  it('HRP clusters on the pairwise correlation of returns (pandas corr), reported with its order', async () => {
    const p = syntheticPrices({ tickers: ['A', 'B', 'C', 'D'], days: 300, seed: 5, lateStart: { D: 150 } });
    const r = returnsFromPrices(p);
    const c = correlationOfReturns(r);
    // D's correlation with A from the overlapping rows only
    const rows = Array.from({ length: r.T }, (_, t) => t).filter((t) => !Number.isNaN(r.values[t * 4 + 3]!));
    const x = rows.map((t) => r.values[t * 4]!);
    const y = rows.map((t) => r.values[t * 4 + 3]!);
    const mx = x.reduce((s, v) => s + v, 0) / x.length;
    const my = y.reduce((s, v) => s + v, 0) / y.length;
    const num = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0);
    const den = Math.sqrt(x.reduce((s, v) => s + (v - mx) ** 2, 0) * y.reduce((s, v) => s + (v - my) ** 2, 0));
    expect(c[3]).toBeCloseTo(num / den, 12);
    const h = await run({ objective: 'hrp' }, p);
    if (!h.ok) throw new Error(h.error.message);
    const d = h.value.diagnostics.hrp as { order: string[]; clustering: string; splits: { alpha: number }[] };
    expect(d.clustering).toBe('pairwise correlation of returns');
    expect([...d.order].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(d.splits.length).toBe(3);
  });
});
