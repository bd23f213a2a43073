import { describe, expect, it } from 'vitest';
import { meanVarianceScore, solveWithCardinality, withMaxHoldings } from '../../../src-main/core/optimize/cardinality.js';
import { maxSharpe, minVolatility } from '../../../src-main/core/optimize/mean-variance.js';
import type { ObjectiveSolver } from '../../../src-main/core/optimize/problem.js';
import { minSemivariance, semivarianceOf } from '../../../src-main/core/optimize/semivariance.js';
import type { PreparedProblem } from '../../../src-main/core/optimize/problem.js';
import { problemFrom } from './problem-support.js';

// weakly correlated assets of similar volatility: the unconstrained minimum-variance portfolio holds all
function diversified(T: number, n: number, seed: number): Float64Array {
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    const market = (rnd() - 0.5) * 0.01;
    for (let j = 0; j < n; j++) out[t * n + j] = 0.0003 + market * (0.3 + 0.05 * j) + (rnd() - 0.5) * 0.02 * (1 + 0.08 * j);
  }
  return out;
}

function variance(p: PreparedProblem) {
  return (w: Float64Array) => {
    let v = 0;
    for (let i = 0; i < p.n; i++) for (let j = 0; j < p.n; j++) v += w[i]! * p.cov[i * p.n + j]! * w[j]!;
    return v;
  };
}

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let i = start; i < n; i++) {
    acc.push(i);
    yield* subsets(n, k, i + 1, acc);
    acc.pop();
  }
}

// brute force: the solver on every support of size K (the exact answer, from the same solver)
async function bruteForce(p: PreparedProblem, K: number, solver: ObjectiveSolver = minVolatility, score = variance(p)): Promise<number> {
  let best = Infinity;
  for (const S of subsets(p.n, K)) {
    const upper = Float64Array.from(p.upper, (u, i) => (S.includes(i) ? u : 0));
    const { maxHoldings: _m, ...constraints } = p.options.constraints;
    const r = await solver({ ...p, upper, options: { ...p.options, constraints } });
    if (r.ok) best = Math.min(best, score(r.value.weights));
  }
  return best;
}

describe('max-holdings for a mean-variance objective (heuristic + branch-and-bound on supports)', () => {
  const T = 260;
  const n = 9;
  const R = diversified(T, n, 41);

  it('the test data is not trivially sparse: the relaxation holds every asset', async () => {
    const p = problemFrom(R, T, n, { objective: 'min-volatility' });
    const r = await minVolatility(p);
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.weights].filter((w) => w > 1e-6).length).toBe(n);
  });

  it('exact stage by enumeration (C(9,3) = 84 supports): equals the brute-force best support', async () => {
    const p = problemFrom(R, T, n, { objective: 'min-volatility', constraints: { maxHoldings: 3 } });
    const r = await solveWithCardinality(p, minVolatility, { score: variance(p) });
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.weights].filter((w) => Math.abs(w) > 1e-10).length).toBeLessThanOrEqual(3);
    expect(variance(p)(r.value.weights)).toBeCloseTo(await bruteForce(p, 3), 12);
    expect(r.value.extras!.cardinalityGap!).toBeLessThanOrEqual(1e-9);
    expect(r.value.status).toBe('optimal');
  });

  it('branch-and-bound path (enumeration disabled), with an upper bound and a group, K = 4', async () => {
    const p = problemFrom(R, T, n, {
      objective: 'min-volatility',
      constraints: { bounds: [0, 0.4], maxHoldings: 4, groups: [{ name: 'g', tickers: ['T0', 'T1', 'T2'], max: 0.3 }] },
    });
    const r = await solveWithCardinality(p, minVolatility, { score: variance(p), maxEnumerate: 0 });
    if (!r.ok) throw new Error(r.error.message);
    const w = r.value.weights;
    expect(r.value.extras!.cardinalityLowerBound).toBeLessThanOrEqual(variance(p)(w) + 1e-15);
    expect(w[0]! + w[1]! + w[2]!).toBeLessThanOrEqual(0.3 + 1e-9);
    expect([...w].filter((x) => Math.abs(x) > 1e-10).length).toBeLessThanOrEqual(4);
    expect(variance(p)(w)).toBeCloseTo(await bruteForce(p, 4), 12);
  });

  it('heuristic only (exact: false): feasible, flagged as not proven, no better than exact', async () => {
    const p = problemFrom(R, T, n, { objective: 'min-volatility', constraints: { maxHoldings: 2 } });
    const r = await solveWithCardinality(p, minVolatility, { score: variance(p), exact: false });
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.weights].filter((x) => Math.abs(x) > 1e-10).length).toBeLessThanOrEqual(2);
    expect(variance(p)(r.value.weights)).toBeGreaterThanOrEqual((await bruteForce(p, 2)) - 1e-15);
    expect(r.value.status).toBe('optimal-inaccurate');
    expect(r.value.warnings?.join(' ')).toMatch(/heuristic/);
  });

  it('a relaxation that already holds ≤ K assets is returned as is', async () => {
    const p = problemFrom(R, T, n, { objective: 'min-volatility', constraints: { maxHoldings: n - 1 } });
    const relaxed = await minVolatility({ ...p, options: { ...p.options, constraints: { ...p.options.constraints, maxHoldings: undefined } } });
    if (!relaxed.ok) throw new Error(relaxed.error.message);
    const held = [...relaxed.value.weights].filter((x) => Math.abs(x) > 1e-10).length;
    const r = await solveWithCardinality(p, minVolatility, { score: variance(p) });
    if (!r.ok) throw new Error(r.error.message);
    if (held <= n - 1) expect(r.value.extras!.cardinalitySolves).toBe(1);
    expect([...r.value.weights].filter((x) => Math.abs(x) > 1e-10).length).toBeLessThanOrEqual(n - 1);
  });

  it('withMaxHoldings(maxSharpe): the best Sharpe ratio over all 3-asset supports', async () => {
    const p = problemFrom(R, T, n, { objective: 'max-sharpe', targets: { rf: 0.01 }, constraints: { maxHoldings: 3 } });
    const score = meanVarianceScore(p)!;
    const r = await withMaxHoldings(maxSharpe)(p);
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.weights].filter((x) => Math.abs(x) > 1e-10).length).toBeLessThanOrEqual(3);
    expect(score(r.value.weights)).toBeCloseTo(await bruteForce(p, 3, maxSharpe, score), 10);
    expect(r.value.activeConstraints).toContain('max-holdings');
  });

  it('withMaxHoldings(minSemivariance): score agrees with semivariance.ts and the optimum with brute force', async () => {
    const p = problemFrom(R, T, n, { objective: 'min-semivariance', constraints: { maxHoldings: 3 } });
    const score = meanVarianceScore(p)!;
    const k = Math.sqrt(252 / T);
    const B = Float64Array.from(R, (x) => x * k);
    const w = Float64Array.from({ length: n }, (_, i) => (i + 1) / ((n * (n + 1)) / 2));
    expect(score(w)).toBeCloseTo(semivarianceOf(B, T, n, w), 14);
    const r = await withMaxHoldings(minSemivariance)(p);
    if (!r.ok) throw new Error(r.error.message);
    expect([...r.value.weights].filter((x) => Math.abs(x) > 1e-10).length).toBeLessThanOrEqual(3);
    expect(score(r.value.weights)).toBeCloseTo(await bruteForce(p, 3, minSemivariance, score), 10);
  });
});
