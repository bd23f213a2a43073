/** Engine behaviour on synthetic prices: constraints hold, frontiers agree, errors are named. */
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import { JobCancelled } from '../../../src-main/jobs/job-context.js';
import { criticalLine } from '../../../src-main/core/optimize/cla.js';
import { applyWindow, efficientFrontier, optimizePortfolio, prepareProblem } from '../../../src-main/core/optimize/index.js';
import { syntheticPrices } from './synthetic.js';

const prices = syntheticPrices(12, 800);
const run = async (input: OptimizeOptionsInput) => {
  const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse(input));
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const sum = (w: Record<string, number>) => Object.values(w).reduce((a, b) => a + b, 0);
const kktOk = (r: { diagnostics: { kkt?: { stationarity: number; feasibility: number; complementarity: number } } }) => {
  const k = r.diagnostics.kkt!;
  expect(Math.max(k.stationarity, k.feasibility, k.complementarity)).toBeLessThanOrEqual(1e-8);
};

describe('constraints', () => {
  it('per-asset bounds and groups hold and are reported active', async () => {
    const r = await run({
      objective: 'max-sharpe',
      constraints: {
        bounds: [0.02, 0.3],
        assetBounds: { S00: [0.1, 0.15] },
        groups: [{ name: 'tech', tickers: ['S01', 'S02', 'S03'], min: 0.2, max: 0.25 }],
      },
    });
    kktOk(r);
    for (const [t, w] of Object.entries(r.weights)) {
      const [lo, hi] = t === 'S00' ? [0.1, 0.15] : [0.02, 0.3];
      expect(w).toBeGreaterThanOrEqual(lo - 1e-12);
      expect(w).toBeLessThanOrEqual(hi + 1e-12);
    }
    const tech = r.weights.S01! + r.weights.S02! + r.weights.S03!;
    expect(tech).toBeGreaterThanOrEqual(0.2 - 1e-10);
    expect(tech).toBeLessThanOrEqual(0.25 + 1e-10);
    expect(Math.abs(sum(r.weights) - 1)).toBeLessThan(1e-12);
  });

  it('market-neutral: weights sum to 0', async () => {
    const r = await run({ objective: 'max-utility', targets: { riskAversion: 5 }, constraints: { marketNeutral: true, bounds: [-0.5, 0.5] } });
    kktOk(r);
    expect(Math.abs(sum(r.weights))).toBeLessThan(1e-12);
    expect(Object.values(r.weights).some((w) => w < -1e-6)).toBe(true);
  });

  it('turnover cap against current weights holds and binds', async () => {
    const current = Object.fromEntries(prices.tickers.map((t) => [t, 1 / 12]));
    const free = await run({ objective: 'min-volatility' });
    const freeTurnover = prices.tickers.reduce((s, t) => s + Math.abs(free.weights[t]! - 1 / 12), 0);
    const cap = freeTurnover / 2;
    const r = await run({ objective: 'min-volatility', constraints: { currentWeights: current, maxTurnover: cap } });
    const turnover = prices.tickers.reduce((s, t) => s + Math.abs(r.weights[t]! - 1 / 12), 0);
    expect(turnover).toBeLessThanOrEqual(cap + 1e-9);
    expect(turnover).toBeGreaterThan(cap - 1e-6);
    expect(r.performance.volatility).toBeGreaterThan(free.performance.volatility);
    kktOk(r);
    expect(r.status).toBe('optimal');
  });

  it('large transaction costs keep the current portfolio', async () => {
    const current = Object.fromEntries(prices.tickers.map((t, i) => [t, i < 4 ? 0.25 : 0]));
    const r = await run({ objective: 'min-volatility', constraints: { currentWeights: current, txCost: 10 } });
    for (const t of prices.tickers) expect(Math.abs(r.weights[t]! - current[t]!)).toBeLessThan(1e-6);
    kktOk(r);
  });

  it('L2 regularisation spreads the weights', async () => {
    const plain = await run({ objective: 'min-volatility' });
    const l2 = await run({ objective: 'min-volatility', constraints: { l2: 1 } });
    const hhi = (w: Record<string, number>) => Object.values(w).reduce((s, x) => s + x * x, 0);
    expect(hhi(l2.weights)).toBeLessThan(hhi(plain.weights));
    kktOk(l2);
  });

  it('tracking-error cap binds at the cap', async () => {
    const bench = Object.fromEntries(prices.tickers.map((t) => [t, 1 / 12]));
    const free = await run({ objective: 'max-utility', targets: { riskAversion: 2 } });
    const r = await run({ objective: 'max-utility', targets: { riskAversion: 2 }, constraints: { trackingError: 0.02, benchmarkWeights: bench } });
    const te = (r.diagnostics.extras as Record<string, number>).trackingError!;
    expect(te).toBeLessThanOrEqual(0.02 * (1 + 1e-9));
    expect(te).toBeGreaterThan(0.02 * (1 - 1e-6));
    expect(r.performance.expectedReturn).toBeLessThan(free.performance.expectedReturn);
  });
});

describe('targets and typed errors', () => {
  it('efficient-risk meets the volatility target and beats the min-volatility return', async () => {
    const mv = await run({ objective: 'min-volatility' });
    const target = mv.performance.volatility * 1.3;
    const r = await run({ objective: 'efficient-risk', targets: { targetVolatility: target } });
    expect(Math.abs(r.performance.volatility - target)).toBeLessThan(1e-9);
    expect(r.performance.expectedReturn).toBeGreaterThan(mv.performance.expectedReturn);
  });

  it('efficient-return meets the return target', async () => {
    const mv = await run({ objective: 'min-volatility' });
    const r = await run({ objective: 'efficient-return', targets: { targetReturn: mv.performance.expectedReturn + 0.02 } });
    expect(r.performance.expectedReturn).toBeGreaterThanOrEqual(mv.performance.expectedReturn + 0.02 - 1e-12);
    kktOk(r);
  });

  it('an unreachable return target names the target and the best reachable return', async () => {
    const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ objective: 'efficient-return', targets: { targetReturn: 5 } }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('infeasible');
      expect(r.error.message).toMatch(/target return 5 is above/);
    }
  });

  it('conflicting bounds and budget are named', async () => {
    const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ constraints: { bounds: [0, 0.05] } }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('infeasible');
      expect(r.error.message).toMatch(/budget/);
      expect(r.error.message).toMatch(/upper bound/);
    }
  });

  it('max-sharpe says plainly when every expected return is at or below rf', async () => {
    const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ objective: 'max-sharpe', targets: { rf: 10 } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/every expected return is at or below the risk-free rate/);
  });
});

describe('frontier', () => {
  it('critical-line turning points lie on the QP frontier', async () => {
    const prep = prepareProblem(prices, optimizeOptionsSchema.parse({ constraints: { bounds: [0, 0.4] } }));
    if (!prep.ok) throw new Error(prep.error.message);
    const cla = criticalLine(prep.value.problem);
    if (!cla.ok) throw new Error(cla.error.message);
    expect(cla.value.turningPoints.length).toBeGreaterThan(2);
    const mu = prep.value.problem.mu;
    for (const w of cla.value.turningPoints.slice(1, -1)) {
      const target = w.reduce((s, x, i) => s + x * mu[i]!, 0);
      const qp = await optimizePortfolio(
        prices,
        optimizeOptionsSchema.parse({ objective: 'efficient-return', targets: { targetReturn: target }, constraints: { bounds: [0, 0.4] } }),
      );
      if (!qp.ok) throw new Error(qp.error.message);
      const n = mu.length;
      let v = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) v += w[i]! * w[j]! * prep.value.problem.cov[i * n + j]!;
      expect(Math.abs(Math.sqrt(v) - qp.value.performance.volatility)).toBeLessThan(1e-9);
    }
  });

  it('N-point frontier: increasing return and volatility, progress reported', async () => {
    const seen: number[] = [];
    const f = await efficientFrontier(prices, optimizeOptionsSchema.parse({ constraints: { groups: [{ name: 'g', tickers: ['S00', 'S01'], max: 0.1 }] } }), 15, {
      progress: (d) => seen.push(d),
      isCancelled: () => false,
    });
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.points).toHaveLength(15);
    for (let k = 1; k < 15; k++) {
      expect(f.value.points[k]!.expectedReturn).toBeGreaterThan(f.value.points[k - 1]!.expectedReturn);
      expect(f.value.points[k]!.volatility).toBeGreaterThanOrEqual(f.value.points[k - 1]!.volatility - 1e-12);
    }
    expect(f.value.assets).toHaveLength(12);
    expect(f.value.turningPoints).toBeUndefined(); // groups: no critical-line turning points
    expect(seen.length).toBeGreaterThan(10);
  });

  it('bounds-only frontier (read off the critical line) equals efficient-return QPs at its returns', async () => {
    const opts = { constraints: { bounds: [0, 0.3] as [number, number] } };
    const f = await efficientFrontier(prices, optimizeOptionsSchema.parse(opts), 9);
    if (!f.ok) throw new Error(f.error.message);
    expect(f.value.points).toHaveLength(9);
    expect(f.value.turningPoints!.length).toBeGreaterThan(2);
    for (const pt of f.value.points.slice(1, -1)) {
      const qp = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ ...opts, objective: 'efficient-return', targets: { targetReturn: pt.expectedReturn } }));
      if (!qp.ok) throw new Error(qp.error.message);
      expect(Math.abs(qp.value.performance.volatility - pt.volatility)).toBeLessThan(1e-10);
      for (const t of prices.tickers) expect(Math.abs(qp.value.weights[t]! - pt.weights[t]!)).toBeLessThan(1e-8);
    }
  });

  it('cancellation stops the frontier', async () => {
    let calls = 0;
    const groups = [{ name: 'g', tickers: ['S00'], max: 0.5 }];
    await expect(
      efficientFrontier(prices, optimizeOptionsSchema.parse({ constraints: { groups } }), 30, { progress: () => calls++, isCancelled: () => calls > 3 }),
    ).rejects.toBeInstanceOf(JobCancelled);
  });
});

describe('windows', () => {
  it('last N keeps N returns; start/end filter dates; complete rows drop gaps', () => {
    const w = applyWindow(prices, { completeRows: false, last: 100 });
    expect(w.ok && w.value.dates.length).toBe(101);
    const s = applyWindow(prices, { completeRows: false, start: prices.dates[10], end: prices.dates[19] });
    expect(s.ok && s.value.dates).toEqual(prices.dates.slice(10, 20));
    const gappy = { ...prices, values: prices.values.slice() };
    gappy.values[5 * 12 + 3] = NaN;
    const c = applyWindow(gappy, { completeRows: true });
    expect(c.ok && c.value.dates.length).toBe(prices.dates.length - 1);
  });
});
