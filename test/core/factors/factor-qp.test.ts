import { describe, expect, it } from 'vitest';
import { prepareProblem } from '../../../src-main/core/optimize/index.js';
import { maxUtility, minVolatility } from '../../../src-main/core/optimize/mean-variance.js';
import { quadForm } from '../../../src-main/core/stats/linalg.js';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { synthetic } from './synthetic.js';

function problem(n: number, extra: object) {
  const syn = synthetic(n, 4, 800, 13);
  const values = new Float64Array(801 * n).fill(100);
  for (let t = 0; t < 800; t++) for (let j = 0; j < n; j++) values[(t + 1) * n + j] = values[t * n + j]! * (1 + syn.returns.values[t * n + j]!);
  const prices: PriceMatrix = { dates: ['2015-01-02', ...syn.returns.dates], tickers: syn.returns.tickers, values };
  const options = optimizeOptionsSchema.parse({ estimators: { risk: 'factor', returns: 'arithmetic' }, factorModel: { model: 'ts:SYN', data: { series: syn.series } }, ...extra });
  const prep = prepareProblem(prices, options);
  if (!prep.ok) throw new Error(prep.error.message);
  return prep.value.problem;
}

describe('min-volatility on the factor structure', () => {
  it.each([
    ['long-only, w ≤ 5 %', 'min', { constraints: { bounds: [0, 0.05] } }],
    ['long-short with L2', 'min', { constraints: { bounds: [-0.2, 0.3], l2: 0.01 } }],
    ['max-utility', 'util', { targets: { riskAversion: 3 }, constraints: { bounds: [0, 0.2] } }],
    ['market-neutral max-utility', 'util', { constraints: { bounds: [-0.1, 0.1], marketNeutral: true } }],
  ] as const)('%s: the low-rank dual matches the dense QP', async (_name, kind, extra) => {
    const p = problem(120, extra);
    const solver = kind === 'min' ? minVolatility : maxUtility;
    const fast = await solver(p);
    const dense = await solver({ ...p, factorModel: undefined });
    if (!fast.ok || !dense.ok) throw new Error('solve failed');
    expect(fast.value.solver).toBe('factor-dual-newton');
    expect(dense.value.solver).not.toBe('factor-dual-newton');
    const obj = (w: Float64Array) => {
      const a = kind === 'min' ? 1 : p.options.targets.riskAversion / 2;
      let lin = 0;
      if (kind === 'util') for (let i = 0; i < p.n; i++) lin -= p.mu[i]! * w[i]!;
      return a * quadForm(p.cov, p.n, w) + p.options.constraints.l2 * w.reduce((s, x) => s + x * x, 0) + lin;
    };
    const of = obj(fast.value.weights), od = obj(dense.value.weights);
    expect(of).toBeLessThanOrEqual(od + 1e-10 * Math.abs(od));
    for (let i = 0; i < p.n; i++) expect(Math.abs(fast.value.weights[i]! - dense.value.weights[i]!)).toBeLessThan(1e-6);
    const sum = fast.value.weights.reduce((s, x) => s + x, 0);
    expect(Math.abs(sum - (p.options.constraints.marketNeutral ? 0 : 1))).toBeLessThan(1e-10);
    for (let i = 0; i < p.n; i++) {
      expect(fast.value.weights[i]!).toBeGreaterThanOrEqual(p.lower[i]!);
      expect(fast.value.weights[i]!).toBeLessThanOrEqual(p.upper[i]!);
    }
  });

  it('falls back to the dense QP when group limits are set', async () => {
    const p = problem(30, { constraints: { groups: [{ name: 'g', tickers: ['A0', 'A1'], max: 0.1 }] } });
    const r = await minVolatility(p);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.solver).not.toBe('factor-dual-newton');
  });
});
