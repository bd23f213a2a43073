/**
 * Risk parity with per-asset bounds (constrained risk budgeting): closed forms on diagonal covariances,
 * the optimality conditions on a correlated problem, and the objective's reporting.
 */
import { describe, expect, it } from 'vitest';
import { riskObjectives } from '../../../src-main/core/optimize/objectives-risk.js';
import { boundedRiskParity, riskShares } from '../../../src-main/core/optimize/risk-parity.js';
import { lcgScenarios, problemFrom } from '../optimize-lp/problem-support.js';

function diagonal(sig: number[]): Float64Array {
  const n = sig.length;
  const cov = new Float64Array(n * n);
  sig.forEach((s, i) => (cov[i * n + i] = s * s));
  return cov;
}
const fill = (n: number, v: number) => new Float64Array(n).fill(v);

describe('boundedRiskParity', () => {
  const sig = [0.1, 0.2, 0.4]; // unconstrained equal-risk weights ∝ 1/σ: 0.571, 0.286, 0.143

  it('an upper bound caps the least risky asset; the others split the rest in equal risk (∝ 1/σ)', () => {
    const r = boundedRiskParity(diagonal(sig), 3, fill(3, 0), fill(3, 0.45));
    if (!r.ok) throw new Error(r.error.message);
    const w = r.value.weights;
    expect(w[0]).toBeCloseTo(0.45, 12);
    expect(w[1]).toBeCloseTo((0.55 * 2) / 3, 12);
    expect(w[2]).toBeCloseTo(0.55 / 3, 12);
    expect(r.value.atUpper).toEqual([0]);
    expect(r.value.atLower).toEqual([]);
  });

  it('a lower bound lifts the riskiest asset, which then carries more than its budget', () => {
    const r = boundedRiskParity(diagonal(sig), 3, fill(3, 0.2), fill(3, 1));
    if (!r.ok) throw new Error(r.error.message);
    const w = r.value.weights;
    expect(w[2]).toBeCloseTo(0.2, 12);
    expect(w[0]).toBeCloseTo((0.8 * 2) / 3, 12);
    expect(w[1]).toBeCloseTo(0.8 / 3, 12);
    const shares = riskShares(diagonal(sig), 3, w);
    expect(shares[2]).toBeGreaterThan(1 / 3);
    expect(shares[0]).toBeCloseTo(shares[1]!, 12);
    expect(r.value.atLower).toEqual([2]);
  });

  it('correlated assets with budgets: bounds hold, free assets share risk in budget ratios, bound assets on the right side', () => {
    const p = problemFrom(lcgScenarios(400, 7), 400, 7, { objective: 'risk-parity' });
    const n = 7;
    const budgets = Float64Array.from([1, 1, 1, 1, 2, 3, 6]);
    const lo = fill(n, 0.06);
    const hi = fill(n, 0.25);
    const r = boundedRiskParity(p.cov, n, lo, hi, budgets);
    if (!r.ok) throw new Error(r.error.message);
    const w = r.value.weights;
    expect(w.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 14);
    for (let i = 0; i < n; i++) {
      expect(w[i]).toBeGreaterThanOrEqual(lo[i]! - 1e-12);
      expect(w[i]).toBeLessThanOrEqual(hi[i]! + 1e-12);
    }
    expect(r.value.atLower.length + r.value.atUpper.length).toBeGreaterThan(0); // the bounds do bind here
    // Risk contribution per unit of budget, computed independently from the weights.
    const shares = riskShares(p.cov, n, w);
    const ratio = Array.from(shares, (s, i) => s / (budgets[i]! / 16));
    const free = ratio.filter((_, i) => !r.value.atLower.includes(i) && !r.value.atUpper.includes(i));
    expect(free.length).toBeGreaterThan(1);
    for (const q of free) expect(q).toBeCloseTo(free[0]!, 9);
    for (const i of r.value.atUpper) expect(ratio[i]).toBeLessThanOrEqual(free[0]! + 1e-9);
    for (const i of r.value.atLower) expect(ratio[i]).toBeGreaterThanOrEqual(free[0]! - 1e-9);
    expect(r.value.kktResidual).toBeLessThan(1e-8);
  });

  it('refuses bounds no fully invested long-only portfolio meets', () => {
    const r = boundedRiskParity(diagonal(sig), 3, fill(3, 0), fill(3, 0.3));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('infeasible');
  });
});

describe('risk-parity objective with bounds', () => {
  const n = 7;
  const R = lcgScenarios(400, n);

  it('enforces binding bounds, says so and names the active bounds', async () => {
    const r = await riskObjectives['risk-parity']!(problemFrom(R, 400, n, { objective: 'risk-parity', constraints: { bounds: [0, 0.16] } }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.solver).toBe('risk-budgeting-bounded-ccd');
    for (const x of r.value.weights) expect(x).toBeLessThanOrEqual(0.16 + 1e-12);
    expect(r.value.warnings?.join(' ')).toMatch(/bounds are binding/);
    expect(r.value.warnings?.join(' ')).not.toMatch(/outside the bounds/);
    expect(r.value.activeConstraints.some((c) => c.startsWith('upper bound '))).toBe(true);
  });

  it('keeps the plain solver when the bounds do not bind', async () => {
    const r = await riskObjectives['risk-parity']!(problemFrom(R, 400, n, { objective: 'risk-parity', constraints: { bounds: [0, 0.9] } }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.solver).toBe('risk-parity-ccd');
    expect(r.value.warnings ?? []).toEqual([]);
  });
});
