import { describe, expect, it } from 'vitest';
import { blockBootstrap } from '../../../src-main/core/backtest/index.js';

function value<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('block-bootstrap Monte Carlo', () => {
  it('a constant return gives a fan with no spread', () => {
    const r = value(blockBootstrap(new Float64Array(50).fill(0.001), { paths: 200, horizons: [1], step: 63 }));
    expect(r.fan.map((f) => f.day)).toEqual([0, 63, 126, 189, 252]);
    for (const f of r.fan) {
      expect(f.p5).toBeCloseTo(1.001 ** f.day, 10);
      expect(f.p95).toBeCloseTo(1.001 ** f.day, 10);
    }
    expect(r.horizons[0]!.p50).toBeCloseTo(1.001 ** 252 - 1, 10);
    expect(r.horizons[0]!.lossProbabilities.every((x) => x.probability === 0)).toBe(true);
  });

  it('paths are made of whole circular blocks', () => {
    // One block spanning the whole history: every path is a rotation, so every path ends at Π(1 + r).
    const returns = [0.05, -0.1, 0.2, -0.03, 0.01, 0.07, -0.12];
    const product = returns.reduce((p, x) => p * (1 + x), 1);
    const r = value(blockBootstrap(returns, { paths: 300, horizons: [7], periodsPerYear: 1, blockLength: 7, step: 7 }));
    expect(r.horizons[0]!.p5).toBeCloseTo(product - 1, 12);
    expect(r.horizons[0]!.p95).toBeCloseTo(product - 1, 12);
    // With blocks of one day the ends spread out.
    const iid = value(blockBootstrap(returns, { paths: 300, horizons: [7], periodsPerYear: 1, blockLength: 1, step: 7 }));
    expect(iid.horizons[0]!.p95 - iid.horizons[0]!.p5).toBeGreaterThan(0.1);
  });

  it('estimates the probability of a loss worse than X', () => {
    // One-day horizon, two equally likely outcomes: −20 % and +10 %.
    const r = value(blockBootstrap([-0.2, 0.1], { paths: 20_000, horizons: [1], periodsPerYear: 1, blockLength: 1, lossThresholds: [0.1, 0.25] }));
    const [p10, p25] = r.horizons[0]!.lossProbabilities;
    expect(p10!.probability).toBeGreaterThan(0.48);
    expect(p10!.probability).toBeLessThan(0.52);
    expect(p25!.probability).toBe(0);
  });

  it('is reproducible from its seed and percentiles are ordered', () => {
    const returns = Array.from({ length: 500 }, (_, i) => 0.01 * Math.sin(i * 1.7) + 0.0003);
    const a = value(blockBootstrap(returns, { paths: 500, seed: 42 }));
    const b = value(blockBootstrap(returns, { paths: 500, seed: 42 }));
    const c = value(blockBootstrap(returns, { paths: 500, seed: 43 }));
    expect(a).toEqual(b);
    expect(c.horizons[1]!.p50).not.toBe(a.horizons[1]!.p50);
    expect(a.horizons.map((h) => h.days)).toEqual([252, 1260]);
    for (const f of a.fan) expect(f.p5 <= f.p25 && f.p25 <= f.p50 && f.p50 <= f.p75 && f.p75 <= f.p95).toBe(true);
  });

  it('rejects too little data', () => {
    expect(blockBootstrap([0.01]).ok).toBe(false);
  });
});
