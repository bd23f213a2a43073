import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { resampleSettingsSchema } from '../../../shared/domain/robust.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { leastVolatilityReaching, resampleFrontier } from '../../../src-main/core/robust/resample.js';
import { drawNormalMoments, sampler, stationaryBootstrap } from '../../../src-main/core/robust/sampling.js';
import { syntheticPrices } from '../../support/synthetic-prices.js';

const tickers = ['A', 'B', 'C', 'D', 'E', 'F'];
const prices = syntheticPrices({ tickers, days: 700, seed: 3 });

describe('sampling', () => {
  it('normal-window moments: the scatter averages to Σ and the mean to μ (2000 draws)', () => {
    const s = sampler(9);
    const mu = Float64Array.from([0.1, 0.05]);
    const cov = Float64Array.from([0.04, 0.01, 0.01, 0.09]);
    const sum = new Float64Array(4);
    const msum = new Float64Array(2);
    const D = 2000;
    for (let d = 0; d < D; d++) {
      const m = drawNormalMoments(s, mu, cov, 2, 0.1, 50)!;
      m.cov.forEach((v, k) => (sum[k] = sum[k]! + v / D));
      m.mu.forEach((v, k) => (msum[k] = msum[k]! + v / D));
    }
    // Wishart(Σ, 50)/50 has mean Σ and sd of the (0,0) entry √(2/50)·0.04 ≈ 0.008; over 2000 draws ≈ 0.0002.
    expect(sum[0]).toBeCloseTo(0.04, 2);
    expect(sum[3]).toBeCloseTo(0.09, 2);
    expect(sum[1]).toBeCloseTo(0.01, 2);
    expect(msum[0]).toBeCloseTo(0.1, 2);
  });

  it('stationary bootstrap indices stay in range and run in blocks', () => {
    const idx = stationaryBootstrap(sampler(4), 500, 20);
    let runs = 0;
    for (let k = 1; k < idx.length; k++) if (idx[k] !== (idx[k - 1]! + 1) % 500) runs++;
    expect(Math.min(...idx)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...idx)).toBeLessThan(500);
    expect(runs).toBeGreaterThan(5);
    expect(runs).toBeLessThan(60);
  });
});

describe('resampled efficiency', () => {
  const options = optimizeOptionsSchema.parse({ objective: 'max-sharpe', constraints: { bounds: [0, 0.35], groups: [{ name: 'g', tickers: ['A', 'B'], max: 0.4 }] } });

  it('is deterministic for a seed', async () => {
    const settings = resampleSettingsSchema.parse({ draws: 20, seed: 7, points: 8 });
    const a = await resampleFrontier(prices, options, settings, undefined);
    const b = await resampleFrontier(prices, options, settings, undefined);
    if (!a.ok || !b.ok) throw new Error('resample failed');
    expect(a.value.weights).toEqual(b.value.weights);
    expect(a.value.frontier).toEqual(b.value.frontier);
    const c = await resampleFrontier(prices, options, { ...settings, seed: 8 }, undefined);
    if (!c.ok) throw new Error('resample failed');
    expect(c.value.weights).not.toEqual(a.value.weights);
  });

  for (const method of ['normal', 'bootstrap'] as const) {
    it(`every draw's weights satisfy every constraint (${method})`, async () => {
      const r = await resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 15, method, keepDraws: true }), undefined);
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value.drawWeights!.length).toBe(15 - r.value.failedDraws);
      for (const w of [...r.value.drawWeights!, r.value.weights]) {
        const vals = Object.values(w);
        expect(vals.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 8);
        for (const x of vals) {
          expect(x).toBeGreaterThanOrEqual(-1e-9);
          expect(x).toBeLessThanOrEqual(0.35 + 1e-9);
        }
        expect(w.A! + w.B!).toBeLessThanOrEqual(0.4 + 1e-9);
      }
      for (const t of tickers) expect(r.value.bands[t]!.p5).toBeLessThanOrEqual(r.value.bands[t]!.p95);
    });
  }

  it('one draw with zero noise gives the classical portfolio', async () => {
    const r = await resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 1, noiseScale: 0 }), undefined);
    const classical = await optimizePortfolio(prices, options);
    if (!r.ok || !classical.ok) throw new Error('solve failed');
    for (const t of tickers) expect(r.value.weights[t]).toBeCloseTo(classical.value.weights[t]!, 9);
  });

  it('frontier mode: band edges bracket the classical frontier; the classical max-Sharpe portfolio is within the noise', async () => {
    const r = await resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 40, points: 10, seed: 2 }), undefined);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.frontier).toHaveLength(10);
    for (const b of r.value.band) expect(b.upper).toBeGreaterThanOrEqual(b.lower);
    // V_d(r) never falls as r rises, so neither does its 95th percentile.
    for (let k = 1; k < r.value.band.length; k++) expect(r.value.band[k]!.upper).toBeGreaterThanOrEqual(r.value.band[k - 1]!.upper - 1e-12);
    // The resampled frontier lies on or right of the classical one.
    const ms = await optimizePortfolio(prices, options);
    if (!ms.ok) throw new Error('solve failed');
    const near = await resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 40, points: 10, seed: 2 }), ms.value.weights);
    if (!near.ok) throw new Error(near.error.message);
    expect(near.value.current!.withinNoise).toBe(true);
    expect(near.value.current!.verdict).toMatch(/within the estimation noise/);
    // A single-asset portfolio far inside the frontier is not.
    const far = await resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 40, points: 10, seed: 2 }), { F: 0.5, E: 0.5 });
    if (!far.ok) throw new Error(far.error.message);
    expect(far.value.current!.share).toBeLessThan(near.value.current!.share);
  });

  it('V(r) is the least volatility reaching a return of at least r, Infinity beyond the curve', () => {
    const curve = [{ r: 0.02, v: 0.1 }, { r: 0.04, v: 0.12 }, { r: 0.06, v: 0.2 }];
    expect(leastVolatilityReaching(curve, 0.01)).toBeCloseTo(0.1, 15);
    expect(leastVolatilityReaching(curve, 0.03)).toBeCloseTo(0.11, 15);
    expect(leastVolatilityReaching(curve, 0.05)).toBeCloseTo(0.16, 15);
    expect(leastVolatilityReaching(curve, 0.07)).toBe(Infinity);
  });

  it('stops with Cancelled when the hooks say so', async () => {
    let calls = 0;
    const hooks = { progress: () => {}, isCancelled: () => ++calls > 3 };
    await expect(resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 50 }), undefined, hooks)).rejects.toThrow('cancelled');
  });
});
