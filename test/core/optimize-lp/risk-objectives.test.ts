import { describe, expect, it } from 'vitest';
import { riskObjectives } from '../../../src-main/core/optimize/objectives-risk.js';
import { hrp, leafOrder, singleLinkage } from '../../../src-main/core/optimize/hrp.js';
import { riskParity, riskShares } from '../../../src-main/core/optimize/risk-parity.js';
import { historicalCdar, historicalCvar } from '../../../src-main/core/optimize/lp/risk-measures.js';
import { lcgScenarios, problemFrom } from './problem-support.js';

describe('risk parity', () => {
  it('diagonal covariance: weights ∝ 1/σ (equal budgets) and ∝ √b/σ (budgets)', () => {
    const sig = [0.1, 0.2, 0.4];
    const cov = new Float64Array(9);
    sig.forEach((s, i) => (cov[i * 3 + i] = s * s));
    const r = riskParity(cov, 3);
    if (!r.ok) throw new Error(r.error.message);
    const inv = sig.map((s) => 1 / s);
    const tot = inv.reduce((a, v) => a + v, 0);
    inv.forEach((v, i) => expect(r.value.weights[i]).toBeCloseTo(v / tot, 12));
    const b = Float64Array.from([0.5, 0.3, 0.2]);
    const rb = riskParity(cov, 3, b);
    if (!rb.ok) throw new Error(rb.error.message);
    const raw = sig.map((s, i) => Math.sqrt(b[i]!) / s);
    const t2 = raw.reduce((a, v) => a + v, 0);
    raw.forEach((v, i) => expect(rb.value.weights[i]).toBeCloseTo(v / t2, 12));
    riskShares(cov, 3, rb.value.weights).forEach((s, i) => expect(s).toBeCloseTo(b[i]!, 12));
  });

  it('correlated assets: every asset carries the same share of variance', () => {
    const p = problemFrom(lcgScenarios(300, 7), 300, 7, { objective: 'risk-parity' });
    const r = riskParity(p.cov, 7);
    if (!r.ok) throw new Error(r.error.message);
    riskShares(p.cov, 7, r.value.weights).forEach((s) => expect(s).toBeCloseTo(1 / 7, 11));
    expect(r.value.weights.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 14);
  });

  it('reports a zero variance instead of dividing by it', () => {
    const r = riskParity(Float64Array.from([0.04, 0, 0, 0]), 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('singular-covariance');
  });
});

describe('HRP', () => {
  it('two assets: inverse-variance weights', () => {
    const cov = Float64Array.from([0.04, 0.006, 0.006, 0.09]);
    const r = hrp(cov, 2);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.weights[0]).toBeCloseTo(0.09 / 0.13, 14);
    expect(r.value.weights[1]).toBeCloseTo(0.04 / 0.13, 14);
  });

  it('single linkage by hand: merges in distance order with scipy numbering, leaves left to right', () => {
    // distances: (0,2)=0.1, (1,3)=0.2, {0,2}-{1,3} via (2,3)=0.5
    const d = Float64Array.from([0, 0.9, 0.1, 0.8, 0.9, 0, 0.7, 0.2, 0.1, 0.7, 0, 0.5, 0.8, 0.2, 0.5, 0]);
    const link = singleLinkage(d, 4);
    expect(link).toEqual([
      [0, 2, 0.1, 2],
      [1, 3, 0.2, 2],
      [4, 5, 0.5, 4],
    ]);
    expect(leafOrder(link, 4)).toEqual([0, 2, 1, 3]);
  });

  it('block structure: clusters split first, weights sum to 1', () => {
    // two uncorrelated blocks of two perfectly-ish correlated assets with different vols
    const v = [0.04, 0.0625, 0.01, 0.0225];
    const rho = (i: number, j: number) => (i === j ? 1 : Math.floor(i / 2) === Math.floor(j / 2) ? 0.9 : 0);
    const cov = new Float64Array(16);
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) cov[i * 4 + j] = rho(i, j) * Math.sqrt(v[i]! * v[j]!);
    const r = hrp(cov, 4);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.weights.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 14);
    // the low-volatility block gets more weight
    expect(r.value.weights[2]! + r.value.weights[3]!).toBeGreaterThan(r.value.weights[0]! + r.value.weights[1]!);
    expect(new Set([r.value.order.slice(0, 2).sort().join(), r.value.order.slice(2).sort().join()])).toEqual(new Set(['0,1', '2,3']));
  });
});

describe('risk objective registry (PreparedProblem in, Solution out)', () => {
  const T = 300;
  const n = 6;
  const R = lcgScenarios(T, n, 31);

  it('min-cvar and min-cdar report both measures consistently', async () => {
    const p = problemFrom(R, T, n, { objective: 'min-cvar' });
    const r = await riskObjectives['min-cvar']!(p);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.extras!.cvar).toBeCloseTo(historicalCvar(R, T, n, r.value.weights, 0.95), 12);
    expect(r.value.extras!.cdar).toBeCloseTo(historicalCdar(R, T, n, r.value.weights, 0.95), 12);
    const q = await riskObjectives['min-cdar']!(problemFrom(R, T, n, { objective: 'min-cdar' }));
    if (!q.ok) throw new Error(q.error.message);
    // each objective is the better one on its own measure
    expect(q.value.extras!.cdar!).toBeLessThanOrEqual(r.value.extras!.cdar! + 1e-12);
    expect(r.value.extras!.cvar!).toBeLessThanOrEqual(q.value.extras!.cvar! + 1e-12);
  });

  it('efficient-cvar needs a target return and meets it', async () => {
    const missing = await riskObjectives['efficient-cvar']!(problemFrom(R, T, n, { objective: 'efficient-cvar' }));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.message).toMatch(/target return/);
    const p = problemFrom(R, T, n, { objective: 'efficient-cvar', targets: { targetReturn: 0.25, beta: 0.9 } });
    const r = await riskObjectives['efficient-cvar']!(p);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.weights.reduce((a, w, i) => a + w * p.mu[i]!, 0)).toBeGreaterThanOrEqual(0.25 - 1e-9);
    expect(r.value.extras!.beta).toBe(0.9);
  });

  it('groups and per-asset bounds by ticker; unknown group tickers are named', async () => {
    const p = problemFrom(R, T, n, {
      objective: 'min-cdar',
      constraints: { assetBounds: { T0: [0, 0.1] }, groups: [{ name: 'tail', tickers: ['T4', 'T5'], min: 0.3 }] },
    });
    const r = await riskObjectives['min-cdar']!(p);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.weights[0]).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(r.value.weights[4]! + r.value.weights[5]!).toBeGreaterThanOrEqual(0.3 - 1e-9);
    const bad = await riskObjectives['min-cdar']!(problemFrom(R, T, n, { constraints: { groups: [{ name: 'x', tickers: ['ZZZ'], max: 0.2 }] } }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/ZZZ/);
  });

  it('tracking-error cap is refused plainly for scenario objectives', async () => {
    const r = await riskObjectives['min-cvar']!(problemFrom(R, T, n, { constraints: { trackingError: 0.05, benchmarkWeights: { T0: 1 } } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unsupported');
  });

  it('risk parity with budgets from the options, HRP with a warning about ignored bounds', async () => {
    const p = problemFrom(R, T, n, { objective: 'risk-parity', targets: { riskBudgets: { T0: 1, T1: 1, T2: 1, T3: 1, T4: 2, T5: 4 } } });
    const r = await riskObjectives['risk-parity']!(p);
    if (!r.ok) throw new Error(r.error.message);
    const shares = riskShares(p.cov, n, r.value.weights);
    expect(shares[5]).toBeCloseTo(0.4, 10);
    expect(shares[0]).toBeCloseTo(0.1, 10);
    const h = await riskObjectives.hrp!(problemFrom(R, T, n, { objective: 'hrp', constraints: { bounds: [0, 0.1] } }));
    if (!h.ok) throw new Error(h.error.message);
    expect(h.value.warnings?.join(' ')).toMatch(/outside the bounds/);
  });
});
