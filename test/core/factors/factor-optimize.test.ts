import { describe, expect, it } from 'vitest';
import { optimizePortfolio, efficientFrontier } from '../../../src-main/core/optimize/index.js';
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { synthetic } from './synthetic.js';

/** Prices whose simple returns are the synthetic ones (first row 100). */
function pricesOf(n: number, k: number, T: number, seed: number): { prices: PriceMatrix; series: ReturnType<typeof synthetic>['series'] } {
  const syn = synthetic(n, k, T, seed);
  const values = new Float64Array((T + 1) * n);
  for (let j = 0; j < n; j++) values[j] = 100;
  for (let t = 0; t < T; t++) for (let j = 0; j < n; j++) values[(t + 1) * n + j] = values[t * n + j]! * (1 + syn.returns.values[t * n + j]!);
  return { prices: { dates: ['2015-01-02', ...syn.returns.dates], tickers: syn.returns.tickers, values }, series: syn.series };
}

const { prices, series } = pricesOf(12, 3, 1000, 31);
const base = (extra: Omit<Partial<OptimizeOptionsInput>, 'factorModel'> & { factorModel?: object }) =>
  optimizeOptionsSchema.parse({
    estimators: { risk: 'factor', returns: 'arithmetic' },
    ...extra,
    factorModel: { model: 'ts:SYN', data: { series }, ...(extra.factorModel ?? {}) },
  });

function exposure(w: Record<string, number>, loadings: Record<string, Record<string, number>>, f: string): number {
  return Object.entries(w).reduce((s, [t, x]) => s + x * loadings[t]![f]!, 0);
}

describe('factor risk model in the optimiser', () => {
  it('min-volatility with the factor covariance reports factorRisk whose parts sum to the variance', async () => {
    const r = await optimizePortfolio(prices, base({ objective: 'min-volatility' }));
    if (!r.ok) throw new Error(r.error.message);
    const fr = r.value.factorRisk!;
    expect(Object.keys(fr.exposures)).toEqual(['F1', 'F2', 'F3']);
    const sum = Object.values(fr.contributions).reduce((s, x) => s + x, fr.specific);
    expect(Math.abs(sum - r.value.performance.volatility ** 2)).toBeLessThan(1e-10);
  });

  it.each(['min-volatility', 'max-sharpe', 'efficient-return', 'max-utility', 'min-cvar'] as const)(
    '%s: a factor-neutral constraint gives exposure 0 to 1e-9, a bound holds',
    async (objective) => {
      const opts = base({
        objective,
        constraints: { bounds: [-0.5, 1] },
        targets: { targetReturn: 0.05, rf: 0 },
        factorModel: { neutral: ['F1'], bounds: [{ factor: 'F2', max: 0.1 }] },
      });
      const r = await optimizePortfolio(prices, opts);
      if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
      expect(Math.abs(r.value.factorRisk!.exposures.F1!)).toBeLessThan(1e-9);
      expect(r.value.factorRisk!.exposures.F2!).toBeLessThan(0.1 + 1e-9);
      const free = await optimizePortfolio(prices, { ...opts, factorModel: { ...opts.factorModel!, neutral: [], bounds: [] } });
      if (!free.ok) throw new Error(free.error.message);
      expect(Math.abs(free.value.factorRisk!.exposures.F1!)).toBeGreaterThan(1e-3);
    },
  );

  it('active limits are measured against the benchmark weights', async () => {
    const bench = Object.fromEntries(prices.tickers.map((t) => [t, 1 / 12]));
    const r = await optimizePortfolio(prices, base({ objective: 'min-volatility', constraints: { benchmarkWeights: bench }, factorModel: { neutral: ['F1'], activeAgainst: 'benchmark' } }));
    if (!r.ok) throw new Error(r.error.message);
    expect(Math.abs(r.value.factorRisk!.activeExposures!.F1!)).toBeLessThan(1e-9);
    expect(r.value.factorRisk!.activeAgainst).toBe('benchmark');
  });

  it('the frontier honours the factor limits at every point', async () => {
    const opts = base({ factorModel: { bounds: [{ factor: 'F1', min: 0.3, max: 0.5 }] } });
    const f = await efficientFrontier(prices, opts, 6);
    if (!f.ok) throw new Error(f.error.message);
    const r = await optimizePortfolio(prices, opts);
    if (!r.ok) throw new Error(r.error.message);
    // loadings from a single-asset decomposition: exposure of a unit weight in t
    const loadings: Record<string, Record<string, number>> = {};
    for (const t of prices.tickers) {
      const single = await optimizePortfolio(prices, base({ constraints: { assetBounds: { ...Object.fromEntries(prices.tickers.map((u) => [u, [0, 0] as [number, number]])), [t]: [1, 1] } } }));
      if (!single.ok) throw new Error(single.error.message);
      loadings[t] = single.value.factorRisk!.exposures;
    }
    for (const p of f.value.points) {
      const e = exposure(p.weights, loadings, 'F1');
      expect(e).toBeGreaterThan(0.3 - 1e-7);
      expect(e).toBeLessThan(0.5 + 1e-7);
    }
  });

  it('names unknown factors and a missing model', async () => {
    const r = await optimizePortfolio(prices, base({ factorModel: { neutral: ['HML'] } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('HML');
    const none = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ estimators: { risk: 'factor' } }));
    expect(!none.ok && none.error.message).toContain('--factor-model');
  });

  it('pca and the factor risk model also run under a sample covariance (decomposition only)', async () => {
    const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ factorModel: { model: 'pca:3' } }));
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.value.factorRisk!.exposures)).toEqual(['PC1', 'PC2', 'PC3']);
  });
});
