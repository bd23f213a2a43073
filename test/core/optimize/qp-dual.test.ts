/** The dual active-set QP solver: exact KKT points, agreement with HiGHS, named conflicts. */
import { describe, expect, it } from 'vitest';
import { solveQpHighs } from '../../../src-main/core/optimize/highs-qp.js';
import { qpKkt, solveQpDual, type QpInput } from '../../../src-main/core/optimize/qp-dual.js';
import { seedSet, solveQpScreened, type ScreenStats } from '../../../src-main/core/optimize/qp-screen.js';
import { normal, rng } from './synthetic.js';

function randomQp(n: number, seed: number, cap: number): QpInput {
  const u = rng(seed);
  const T = n + 30;
  const X = Float64Array.from({ length: T * n }, () => normal(u));
  const P = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += X[t * n + i]! * X[t * n + j]!;
      P[i * n + j] = s / T;
    }
  const group = new Float64Array(n);
  for (let i = 0; i < n; i += 3) group[i] = -1;
  return {
    n,
    P,
    q: Float64Array.from({ length: n }, () => 0.2 * (u() - 0.5)),
    eq: [{ name: 'budget', a: new Float64Array(n).fill(1), b: 1 }],
    ineq: [{ name: 'group g max', a: group, b: -0.3 }],
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(cap),
    varNames: Array.from({ length: n }, (_, i) => `A${i}`),
  };
}

const objective = (qp: QpInput, x: Float64Array) => {
  let s = 0;
  for (let i = 0; i < qp.n; i++) {
    let r = 0;
    for (let j = 0; j < qp.n; j++) r += qp.P[i * qp.n + j]! * x[j]!;
    s += 0.5 * x[i]! * r + qp.q[i]! * x[i]!;
  }
  return s;
};

describe('solveQpDual', () => {
  for (const [n, seed] of [
    [5, 1],
    [20, 2],
    [60, 3],
  ] as const) {
    it(`n=${n}: KKT residuals at rounding level and the same optimum as HiGHS`, async () => {
      const qp = randomQp(n, seed, 0.25);
      const r = solveQpDual(qp);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const kkt = qpKkt(qp, r.value);
      expect(kkt.stationarity).toBeLessThan(1e-12);
      expect(kkt.feasibility).toBeLessThan(1e-12);
      expect(kkt.complementarity).toBeLessThan(1e-12);
      const h = await solveQpHighs(qp);
      expect(h.ok).toBe(true);
      if (!h.ok) return;
      // HiGHS is accurate to its tolerances; ours may only be better
      expect(objective(qp, r.value.x)).toBeLessThanOrEqual(objective(qp, h.value.x) + 1e-9);
      expect(Math.abs(objective(qp, r.value.x) - objective(qp, h.value.x))).toBeLessThan(1e-7);
    });
  }

  it('names the constraints in conflict when infeasible', () => {
    const qp = randomQp(6, 4, 0.1); // six assets capped at 10 % cannot sum to 1
    const r = solveQpDual(qp);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.reason).toBe('infeasible');
    expect(r.conflict).toContain('budget');
    expect(r.conflict.filter((c) => c.startsWith('upper bound')).length).toBeGreaterThan(0);
  });

  it('reuses a factorisation cache with the same answer', () => {
    const qp = randomQp(15, 5, 0.3);
    const cache = {};
    const a = solveQpDual({ ...qp, cache });
    const b = solveQpDual({ ...qp, cache });
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(Array.from(b.value.x)).toEqual(Array.from(a.value.x));
  });

  it('variable screening reaches the same KKT point as the full solve with a smaller working set', () => {
    const qp = randomQp(150, 6, 0.1);
    const full = solveQpDual(qp);
    const stats: ScreenStats = { rounds: 0, workingSet: 0 };
    const screened = solveQpScreened(qp, seedSet(qp, 10), stats);
    expect(full.ok && screened.ok).toBe(true);
    if (!full.ok || !screened.ok) return;
    const kkt = qpKkt(qp, screened.value);
    expect(Math.max(kkt.stationarity, kkt.feasibility, kkt.complementarity)).toBeLessThan(1e-12);
    for (let i = 0; i < qp.n; i++) expect(Math.abs(screened.value.x[i]! - full.value.x[i]!)).toBeLessThan(1e-10);
    expect(stats.workingSet).toBeLessThan(qp.n);
  });
});
