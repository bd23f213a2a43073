import { describe, expect, it } from 'vitest';
import { greedyAllocation, integerAllocation } from '../../../src-main/core/allocate/discrete.js';
import { hrp } from '../../../src-main/core/optimize/hrp.js';
import { hasSharedData } from '../../support/shared-data.js';
import { loadFixture, loadReference } from '../optimize-lp/reference-data.js';

const tickers = ['A', 'B', 'C'];

describe('greedy allocation', () => {
  it('by hand: floors first, then the most under-weight affordable asset', () => {
    // V = 1000: targets 500, 300, 200 at prices 120, 70, 45 → floors 4, 4, 4 = 480 + 280 + 180 = 940, 60 left
    // round 2: achieved weights 480/940, 280/940, 180/940 → deficits −0.011, 0.002, 0.009 → C (45) → 15 left
    // then deficits A 0.013, B 0.016, C −0.028: B and A cost more than 15 → stop
    const r = greedyAllocation({ tickers, weights: [0.5, 0.3, 0.2], prices: [120, 70, 45], cash: 1000 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.shares).toEqual({ A: 4, B: 4, C: 5 });
    expect(r.value.leftover).toBeCloseTo(15, 10);
  });

  it('never spends more than the cash and leaves zero-weight assets out', () => {
    const r = greedyAllocation({ tickers, weights: [0.7, 0, 0.3], prices: [33.3, 10, 7.77], cash: 5000 });
    if (!r.ok) throw new Error(r.error.message);
    const spent = (r.value.shares.A ?? 0) * 33.3 + (r.value.shares.C ?? 0) * 7.77;
    expect(spent).toBeLessThanOrEqual(5000);
    expect(r.value.leftover).toBeCloseTo(5000 - spent, 9);
    expect(r.value.leftover).toBeLessThan(7.77);
    expect(r.value.shares.B).toBeUndefined();
  });

  it('rejects negative weights, weights above 1 and missing prices', () => {
    expect(greedyAllocation({ tickers, weights: [0.5, -0.1, 0.6], prices: [1, 1, 1], cash: 100 }).ok).toBe(false);
    expect(greedyAllocation({ tickers, weights: [0.5, 0.4, 0.3], prices: [1, 1, 1], cash: 100 }).ok).toBe(false);
    expect(greedyAllocation({ tickers, weights: [0.5, 0.5, 0], prices: [1, NaN, 1], cash: 100 }).ok).toBe(false);
    expect(greedyAllocation({ tickers, weights: [0.5, 0.5, 0], prices: [1, 1, 1], cash: 0 }).ok).toBe(false);
  });
});

describe('integer (exact) allocation', () => {
  it('beats or ties greedy on the objective Σ|w·V − n·p| + leftover, checked by enumeration', async () => {
    const w = [0.45, 0.35, 0.2];
    const p = [97.5, 61.2, 23.9];
    const V = 1500;
    const r = await integerAllocation({ tickers, weights: w, prices: p, cash: V });
    if (!r.ok) throw new Error(r.error.message);
    const objective = (n: number[]) => n.reduce((a, k, i) => a + Math.abs(w[i]! * V - k * p[i]!), 0) + (V - n.reduce((a, k, i) => a + k * p[i]!, 0));
    let best = Infinity;
    for (let a = 0; a * p[0]! <= V; a++) {
      for (let b = 0; a * p[0]! + b * p[1]! <= V; b++) {
        for (let c = 0; a * p[0]! + b * p[1]! + c * p[2]! <= V; c++) best = Math.min(best, objective([a, b, c]));
      }
    }
    const got = tickers.map((t) => r.value.shares[t] ?? 0);
    expect(objective(got)).toBeCloseTo(best, 8);
    const g = greedyAllocation({ tickers, weights: w, prices: p, cash: V });
    if (!g.ok) throw new Error(g.error.message);
    expect(objective(got)).toBeLessThanOrEqual(objective(tickers.map((t) => g.value.shares[t] ?? 0)) + 1e-9);
    expect(r.value.leftover).toBeGreaterThanOrEqual(0);
  });
});

describe.skipIf(!hasSharedData)('allocation vs the cross-check script on reference data (HRP weights, latest prices)', () => {
  for (const dataset of ['pypfopt', 'riskfolio'] as const) {
    it(dataset, async () => {
      const ref = loadReference(dataset);
      const fixture = loadFixture(dataset);
      const h = hrp(ref.cov, ref.tickers.length);
      if (!h.ok) throw new Error(h.error.message);
      for (const run of fixture.allocation.runs) {
        const input = { tickers: ref.tickers, weights: h.value.weights, prices: ref.last, cash: run.cash };
        const g = greedyAllocation(input);
        if (!g.ok) throw new Error(g.error.message);
        expect(ref.tickers.map((t) => g.value.shares[t] ?? 0)).toEqual(run.greedy.shares);
        expect(g.value.leftover).toBeCloseTo(run.greedy.leftover, 6);
        const l = await integerAllocation(input);
        if (!l.ok) throw new Error(l.error.message);
        const shares = ref.tickers.map((t) => l.value.shares[t] ?? 0);
        const obj = shares.reduce((a, k, i) => a + Math.abs(h.value.weights[i]! * run.cash - k * ref.last[i]!), 0) + l.value.leftover;
        // integer optima may tie: compare the objective, not the share vector
        expect(obj).toBeCloseTo(run.lp.objective, 6);
      }
    });
  }
});
