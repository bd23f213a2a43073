/** The integer allocation under a time limit: the best solution found (never worse than greedy) and its gap. */
import { describe, expect, it } from 'vitest';
import { greedyAllocation, integerAllocation, type Allocation, type AllocationInput } from '../../../src-main/core/allocate/discrete.js';

/** 80 tickers with skewed weights and prices 5–405: seconds to prove optimal, so small limits stop it. */
function universe(seed: number): AllocationInput {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const tickers = Array.from({ length: 80 }, (_, i) => `T${i}`);
  const raw = tickers.map(() => rnd() ** 3);
  const total = raw.reduce((a, b) => a + b, 0);
  return { tickers, weights: raw.map((x) => x / total), prices: tickers.map(() => 5 + rnd() * 400), cash: 1_000_000 };
}

/** The model's objective: Σ|w·V − n·p| + leftover (currency). */
function objective(input: AllocationInput, a: Allocation): number {
  let spent = 0;
  let dev = 0;
  input.tickers.forEach((t, i) => {
    const bought = (a.shares[t] ?? 0) * input.prices[i]!;
    spent += bought;
    dev += Math.abs(input.weights[i]! * input.cash - bought);
  });
  return dev + (input.cash - spent);
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('integer allocation with a time limit', () => {
  const input = universe(7);
  const greedy = unwrap(greedyAllocation(input));

  it('at a zero limit returns the greedy start as the best found, not as optimal', async () => {
    const r = unwrap(await integerAllocation(input, { timeLimit: 0 }));
    expect(r.solve?.status).toBe('best-found');
    expect(r.solve?.timeLimit).toBe(0);
    expect(r.method).toBe('lp');
    expect(objective(input, r)).toBeCloseTo(objective(input, greedy), 6);
    expect(r.leftover).toBeGreaterThanOrEqual(0);
  });

  it('at a small limit stops early with a solution no worse than greedy and a non-negative gap', async () => {
    const r = unwrap(await integerAllocation(input, { timeLimit: 0.3 }));
    expect(r.solve?.status).toBe('best-found');
    expect(objective(input, r)).toBeLessThanOrEqual(objective(input, greedy) + 1e-6);
    expect(r.leftover).toBeGreaterThanOrEqual(-1e-6);
    if (r.solve?.gap !== undefined) expect(r.solve.gap).toBeGreaterThanOrEqual(0);
  });

  it('a small universe within the limit is proven optimal', async () => {
    const small = { tickers: ['A', 'B', 'C'], weights: [0.45, 0.35, 0.2], prices: [97.5, 61.2, 23.9], cash: 1500 };
    const r = unwrap(await integerAllocation(small, { timeLimit: 30 }));
    expect(r.solve).toMatchObject({ status: 'optimal', timeLimit: 30 });
    expect(r.solve?.gap).toBeUndefined();
  });
});
