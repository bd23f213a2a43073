import { describe, expect, it } from 'vitest';
import { solveScenarioRisk } from '../../../src-main/core/optimize/lp/solve-scenario.js';
import { JobCancelled } from '../../../src-main/jobs/job-context.js';
import { drawdowns, historicalCdar, historicalCvar, tailMean } from '../../../src-main/core/optimize/lp/risk-measures.js';
import type { PortfolioSpec } from '../../../src-main/core/optimize/lp/portfolio-lp.js';

// Deterministic pseudo-random scenarios (LCG) so the cases are reproducible without fixtures.
function scenarios(T: number, n: number, seed = 7): Float64Array {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    const market = (rnd() - 0.5) * 0.04;
    for (let j = 0; j < n; j++) out[t * n + j] = 0.0004 * (j + 1) + market * (0.5 + j * 0.3) + (rnd() - 0.5) * 0.02 * (1 + j * 0.2);
  }
  return out;
}

function spec(n: number, extra: Partial<PortfolioSpec> = {}): PortfolioSpec {
  return {
    tickers: Array.from({ length: n }, (_, i) => `A${i}`),
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(1),
    budget: 1,
    groups: [],
    ...extra,
  };
}

// CVaR as the mean of the k largest losses when (1 − β)T = k is an integer (the textbook definition).
function worstMean(losses: number[], k: number): number {
  return [...losses].sort((a, b) => b - a).slice(0, k).reduce((a, v) => a + v, 0) / k;
}

function certificateOk(kkt: { stationarity: number; feasibility: number; complementarity: number } | undefined): void {
  expect(kkt).toBeDefined();
  expect(kkt!.feasibility).toBeLessThanOrEqual(1e-8);
  expect(kkt!.stationarity).toBeLessThanOrEqual(1e-8);
  expect(kkt!.complementarity).toBeLessThanOrEqual(1e-8);
}

describe('risk measures of a fixed portfolio', () => {
  it('tail mean equals the mean of the worst (1−β)T losses', () => {
    const losses = Float64Array.from([0.03, -0.01, 0.05, 0.02, -0.04, 0.01, 0.07, 0.0, -0.02, 0.04]);
    expect(tailMean(losses, 0.8).value).toBeCloseTo(worstMean([...losses], 2), 15);
    expect(tailMean(losses, 0.5).value).toBeCloseTo(worstMean([...losses], 5), 15);
  });

  it('drawdowns of uncompounded cumulative returns, by hand', () => {
    const dd = drawdowns(Float64Array.from([0.1, -0.05, -0.05, 0.2, -0.1]));
    // cumulative 0.1, 0.05, 0, 0.2, 0.1 → peaks 0.1, 0.1, 0.1, 0.2, 0.2
    [0, 0.05, 0.1, 0, 0.1].forEach((v, t) => expect(dd[t]).toBeCloseTo(v, 15));
    // a first loss is a drawdown from the starting capital (peak includes C_0 = 0)
    expect(drawdowns(Float64Array.from([-0.02, 0.01]))[0]).toBeCloseTo(0.02, 15);
  });
});

describe('min-CVaR LP (HiGHS)', () => {
  it('matches a brute-force grid search on two assets', async () => {
    const T = 40;
    const R = scenarios(T, 2, 3);
    const res = await solveScenarioRisk({ spec: spec(2), returns: R, T, beta: 0.9, measure: 'cvar' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    let best = Infinity;
    for (let k = 0; k <= 20000; k++) {
      const w = k / 20000;
      const losses = Array.from({ length: T }, (_, t) => -(R[2 * t]! * w + R[2 * t + 1]! * (1 - w)));
      best = Math.min(best, worstMean(losses, 4));
    }
    const x = res.value.weights;
    const losses = Array.from({ length: T }, (_, t) => -(R[2 * t]! * x[0]! + R[2 * t + 1]! * x[1]!));
    expect(worstMean(losses, 4)).toBeCloseTo(res.value.extras!.cvar!, 12);
    // the LP optimum is no worse than any grid point and within the grid's resolution of the best
    expect(res.value.extras!.cvar!).toBeLessThanOrEqual(best + 1e-12);
    expect(best - res.value.extras!.cvar!).toBeLessThan(1e-5);
    expect(x[0]! + x[1]!).toBeCloseTo(1, 12);
    certificateOk(res.value.kkt);
    expect(res.value.status).toBe('optimal');
  });

  it('the dual formulation and the primal (default) agree, both certified on the primal model', async () => {
    const T = 300;
    const n = 8;
    const R = scenarios(T, n, 37);
    const s = spec(n, { upper: new Float64Array(n).fill(0.35), groups: [{ name: 'g', members: [0, 1, 2], min: 0.2, max: 0.5 }] });
    const dual = await solveScenarioRisk({ spec: s, returns: R, T, beta: 0.95, measure: 'cvar', formulation: 'dual' });
    const primal = await solveScenarioRisk({ spec: s, returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!dual.ok || !primal.ok) throw new Error('solve failed');
    expect(dual.value.solver).toBe('highs-lp-dual');
    expect(primal.value.solver).toBe('highs-lp');
    expect(dual.value.extras!.objective).toBeCloseTo(primal.value.extras!.objective!, 13);
    certificateOk(dual.value.kkt);
    // CDaR through its dual too, same optimum
    const cd = await solveScenarioRisk({ spec: s, returns: R, T, beta: 0.9, measure: 'cdar', formulation: 'dual' });
    const cp = await solveScenarioRisk({ spec: s, returns: R, T, beta: 0.9, measure: 'cdar' });
    if (!cd.ok || !cp.ok) throw new Error('solve failed');
    expect(cd.value.solver).toBe('highs-lp-dual');
    expect(cd.value.extras!.objective).toBeCloseTo(cp.value.extras!.objective!, 13);
  });

  it('LP objective equals the historical CVaR of its weights; α is the VaR', async () => {
    const T = 250;
    const n = 6;
    const R = scenarios(T, n);
    const res = await solveScenarioRisk({ spec: spec(n), returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!res.ok) throw new Error(res.error.message);
    const e = res.value.extras!;
    expect(e.objective).toBeCloseTo(historicalCvar(R, T, n, res.value.weights, 0.95), 12);
    expect(e.cvar).toBeGreaterThanOrEqual(e.var!);
    expect(Math.abs(e.dualityGap!)).toBeLessThan(1e-9);
    certificateOk(res.value.kkt);
  });

  it('a binding return floor is met and reported; CVaR rises with the target', async () => {
    const T = 250;
    const n = 5;
    const R = scenarios(T, n);
    const mu = Float64Array.from([0.05, 0.08, 0.11, 0.14, 0.17]);
    const free = await solveScenarioRisk({ spec: spec(n), returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!free.ok) throw new Error(free.error.message);
    let freeRet = 0;
    for (let i = 0; i < n; i++) freeRet += mu[i]! * free.value.weights[i]!;
    const target = (freeRet + 0.17) / 2;
    const res = await solveScenarioRisk({ spec: spec(n, { returnFloor: { mu, value: target } }), returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!res.ok) throw new Error(res.error.message);
    let ret = 0;
    for (let i = 0; i < n; i++) ret += mu[i]! * res.value.weights[i]!;
    expect(ret).toBeGreaterThanOrEqual(target - 1e-9);
    expect(res.value.activeConstraints).toContain('target-return');
    expect(res.value.extras!.cvar!).toBeGreaterThan(free.value.extras!.cvar!);
    certificateOk(res.value.kkt);
  });

  it('enforces bounds and group limits and names the binding ones', async () => {
    const T = 200;
    const n = 6;
    const R = scenarios(T, n, 11);
    const s = spec(n, {
      upper: new Float64Array(n).fill(0.3),
      groups: [{ name: 'low', members: [0, 1], max: 0.35 }, { name: 'high', members: [4, 5], min: 0.25 }],
    });
    const res = await solveScenarioRisk({ spec: s, returns: R, T, beta: 0.9, measure: 'cvar' });
    if (!res.ok) throw new Error(res.error.message);
    const w = res.value.weights;
    w.forEach((x) => expect(x).toBeLessThanOrEqual(0.3 + 1e-9));
    expect(w[0]! + w[1]!).toBeLessThanOrEqual(0.35 + 1e-9);
    expect(w[4]! + w[5]!).toBeGreaterThanOrEqual(0.25 - 1e-9);
    expect(res.value.activeConstraints.some((c) => c.startsWith('group:'))).toBe(true);
    certificateOk(res.value.kkt);
  });

  it('market-neutral: weights sum to zero within the bounds', async () => {
    const T = 200;
    const n = 4;
    const R = scenarios(T, n, 5);
    const s = spec(n, { budget: 0, lower: new Float64Array(n).fill(-0.5), upper: new Float64Array(n).fill(0.5) });
    const res = await solveScenarioRisk({ spec: s, returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!res.ok) throw new Error(res.error.message);
    expect(res.value.weights.reduce((a, v) => a + v, 0)).toBeCloseTo(0, 12);
    certificateOk(res.value.kkt);
  });

  it('turnover cap and transaction costs against current weights', async () => {
    const T = 200;
    const n = 5;
    const R = scenarios(T, n, 9);
    const current = Float64Array.from([0, 0, 0, 0, 1]);
    const free = await solveScenarioRisk({ spec: spec(n), returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!free.ok) throw new Error(free.error.message);
    const l1 = (w: Float64Array) => w.reduce((a, v, i) => a + Math.abs(v - current[i]!), 0);
    expect(l1(free.value.weights)).toBeGreaterThan(0.5);
    const capped = await solveScenarioRisk({ spec: spec(n, { current, maxTurnover: 0.5 }), returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!capped.ok) throw new Error(capped.error.message);
    expect(l1(capped.value.weights)).toBeLessThanOrEqual(0.5 + 1e-9);
    expect(capped.value.activeConstraints).toContain('max-turnover');
    // a prohibitive cost keeps the current portfolio
    const costly = await solveScenarioRisk({ spec: spec(n, { current, txCost: 10 }), returns: R, T, beta: 0.95, measure: 'cvar' });
    if (!costly.ok) throw new Error(costly.error.message);
    expect(l1(costly.value.weights)).toBeLessThan(1e-9);
    certificateOk(capped.value.kkt);
  });

  it('max-holdings via MIP equals the best single asset when K = 1', async () => {
    const T = 150;
    const n = 5;
    const R = scenarios(T, n, 13);
    const res = await solveScenarioRisk({ spec: spec(n, { maxHoldings: 1 }), returns: R, T, beta: 0.9, measure: 'cvar' });
    if (!res.ok) throw new Error(res.error.message);
    const held = [...res.value.weights].filter((w) => w > 1e-9);
    expect(held).toHaveLength(1);
    const single = Array.from({ length: n }, (_, i) => historicalCvar(R, T, n, Array.from({ length: n }, (_, j) => (j === i ? 1 : 0)), 0.9));
    expect(res.value.extras!.cvar!).toBeCloseTo(Math.min(...single), 10);
    expect(res.value.solver).toBe('highs-mip');
  });

  it('max-holdings K = 2 beats or equals every pair solved without cardinality', async () => {
    const T = 120;
    const n = 5;
    const R = scenarios(T, n, 17);
    const res = await solveScenarioRisk({ spec: spec(n, { maxHoldings: 2 }), returns: R, T, beta: 0.9, measure: 'cvar' });
    if (!res.ok) throw new Error(res.error.message);
    expect([...res.value.weights].filter((w) => w > 1e-9).length).toBeLessThanOrEqual(2);
    let bestPair = Infinity;
    for (let a = 0; a < n; a++) {
      for (let b = a + 1; b < n; b++) {
        const upper = Float64Array.from({ length: n }, (_, i) => (i === a || i === b ? 1 : 0));
        const r = await solveScenarioRisk({ spec: spec(n, { upper }), returns: R, T, beta: 0.9, measure: 'cvar' });
        if (r.ok) bestPair = Math.min(bestPair, r.value.extras!.cvar!);
      }
    }
    expect(res.value.extras!.cvar!).toBeCloseTo(bestPair, 9);
  });

  it('infeasible constraints come back as an error naming them', async () => {
    const T = 50;
    const n = 3;
    const R = scenarios(T, n);
    const mu = Float64Array.from([0.05, 0.06, 0.07]);
    const high = await solveScenarioRisk({ spec: spec(n, { returnFloor: { mu, value: 0.5 } }), returns: R, T, beta: 0.95, measure: 'cvar' });
    expect(high.ok).toBe(false);
    if (!high.ok) {
      expect(high.error.code).toBe('infeasible');
      expect(high.error.message).toMatch(/target return/);
    }
    const groups = await solveScenarioRisk({
      spec: spec(n, { upper: new Float64Array(n).fill(0.2), groups: [{ name: 'tech', members: [0, 1], min: 0.5 }] }),
      returns: R,
      T,
      beta: 0.95,
      measure: 'cvar',
    });
    expect(groups.ok).toBe(false);
    if (!groups.ok) expect(groups.error.message).toMatch(/group tech|budget/);
  });

  it('rejects NaN scenarios and a bad β', async () => {
    const R = scenarios(10, 2);
    R[3] = NaN;
    const r1 = await solveScenarioRisk({ spec: spec(2), returns: R, T: 10, beta: 0.95, measure: 'cvar' });
    expect(r1.ok).toBe(false);
    const r2 = await solveScenarioRisk({ spec: spec(2), returns: scenarios(10, 2), T: 10, beta: 1, measure: 'cvar' });
    expect(r2.ok).toBe(false);
  });
});

describe('min-CDaR LP (HiGHS)', () => {
  it('LP objective equals the historical CDaR of its weights and beats a grid on two assets', async () => {
    const T = 60;
    const R = scenarios(T, 2, 21);
    const res = await solveScenarioRisk({ spec: spec(2), returns: R, T, beta: 0.9, measure: 'cdar' });
    if (!res.ok) throw new Error(res.error.message);
    const cdar = (w: number) => historicalCdar(R, T, 2, [w, 1 - w], 0.9);
    let best = Infinity;
    for (let k = 0; k <= 10000; k++) best = Math.min(best, cdar(k / 10000));
    expect(res.value.extras!.objective!).toBeCloseTo(res.value.extras!.cdar!, 12);
    expect(res.value.extras!.cdar!).toBeLessThanOrEqual(best + 1e-12);
    expect(best - res.value.extras!.cdar!).toBeLessThan(1e-4);
    // (1 − β)T = 6 worst drawdowns, by the textbook definition
    const dd = drawdowns(Float64Array.from({ length: T }, (_, t) => R[2 * t]! * res.value.weights[0]! + R[2 * t + 1]! * res.value.weights[1]!));
    expect(worstMean([...dd], 6)).toBeCloseTo(res.value.extras!.cdar!, 12);
    certificateOk(res.value.kkt);
  });

  it('max-holdings and a return floor together', async () => {
    const T = 120;
    const n = 5;
    const R = scenarios(T, n, 23);
    const mu = Float64Array.from([0.04, 0.07, 0.1, 0.13, 0.16]);
    const res = await solveScenarioRisk({
      spec: spec(n, { maxHoldings: 2, returnFloor: { mu, value: 0.12 } }),
      returns: R,
      T,
      beta: 0.95,
      measure: 'cdar',
    });
    if (!res.ok) throw new Error(res.error.message);
    const w = res.value.weights;
    expect([...w].filter((x) => x > 1e-9).length).toBeLessThanOrEqual(2);
    expect(w.reduce((a, v, i) => a + v * mu[i]!, 0)).toBeGreaterThanOrEqual(0.12 - 1e-9);
    expect(res.value.extras!.cdar!).toBeCloseTo(historicalCdar(R, T, n, w, 0.95), 9);
  });
});

describe('cancellation', () => {
  it('a cancelled job stops inside the HiGHS solve and throws JobCancelled', async () => {
    const T = 1500;
    const n = 40;
    const R = scenarios(T, n, 29);
    let polls = 0;
    const run = solveScenarioRisk({ spec: spec(n), returns: R, T, beta: 0.95, measure: 'cvar', isCancelled: () => ++polls > 2 });
    await expect(run).rejects.toBeInstanceOf(JobCancelled);
    expect(polls).toBeGreaterThan(2);
    // not cancelled: the same problem solves
    const ok = await solveScenarioRisk({ spec: spec(n), returns: R, T, beta: 0.95, measure: 'cvar', isCancelled: () => false });
    expect(ok.ok).toBe(true);
  });
});
