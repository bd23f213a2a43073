import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { largestEigenvalue, shrunkMean, type ShrinkTarget, type ShrunkMeanMethod } from '../../../src-main/core/robust/shrunk-mean.js';
import { estimateMoments } from '../../../src-main/core/optimize/prepare.js';
import { estimatorSchema } from '../../../shared/domain/optimize.js';
import { symEigen } from '../../../src-main/core/stats/linalg.js';
import type { ReturnMatrix } from '../../../src-main/core/stats/returns.js';
import { repoRoot } from '../../support/shared-data.js';

interface Fixture {
  returns: number[][];
  cases: { method: ShrunkMeanMethod; target: ShrinkTarget; dailyMean: number[]; dailyTarget: number }[];
}
const fixture = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/robust/shrunk-mean.json'), 'utf8')) as Fixture;
const T = fixture.returns.length;
const n = fixture.returns[0]!.length;
const matrix: ReturnMatrix = { dates: [], tickers: Array.from({ length: n }, (_, j) => `A${j}`), values: Float64Array.from(fixture.returns.flat()), T, n };

describe('shrunk expected returns', () => {
  for (const c of fixture.cases) {
    it(`${c.method} towards the ${c.target} matches numpy to 1e-12 (annualised × 252)`, () => {
      const r = shrunkMean(matrix, c.method, c.target, 252);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      r.value.mu.forEach((m, j) => expect(m).toBeCloseTo(c.dailyMean[j]! * 252, 11));
      expect(r.value.target).toBeCloseTo(c.dailyTarget * 252, 12);
    });
  }

  it('Bayes–Stein by hand: β = (n+2)/(T·d + n + 2) on two uncorrelated assets', () => {
    // Two assets, 4 days: means 0.01 and 0.03, grand mean 0.02.
    const values = Float64Array.from([0.0, 0.02, 0.02, 0.04, 0.0, 0.04, 0.02, 0.02]);
    const r: ReturnMatrix = { dates: [], tickers: ['X', 'Y'], values, T: 4, n: 2 };
    const s = shrunkMean(r, 'bayes-stein', 'grand-mean', 1);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    // Sample covariance: var X = var Y = 0.0004/3·... computed directly below.
    const x = [0, 0.02, 0, 0.02];
    const y = [0.02, 0.04, 0.04, 0.02];
    const mx = 0.01, my = 0.03;
    const vxx = x.reduce((a, v) => a + (v - mx) ** 2, 0) / 3;
    const vyy = y.reduce((a, v) => a + (v - my) ** 2, 0) / 3;
    const vxy = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0) / 3;
    const det = vxx * vyy - vxy * vxy;
    const d = [-0.01, 0.01];
    const q = (d[0]! * d[0]! * vyy - 2 * d[0]! * d[1]! * vxy + d[1]! * d[1]! * vxx) / det;
    const beta = 4 / (4 * q + 4);
    expect(s.value.beta).toBeCloseTo(beta, 14);
    expect(s.value.mu[0]).toBeCloseTo((1 - beta) * 0.01 + beta * 0.02, 14);
  });

  it('power iteration finds the largest eigenvalue', () => {
    const a = Float64Array.from([4, 1, 0.5, 1, 3, 0.2, 0.5, 0.2, 1]);
    const { values } = symEigen(a, 3);
    expect(largestEigenvalue(a, 3)).toBeCloseTo(Math.max(...values), 12);
  });

  it('is usable wherever historical is: estimateMoments reports the shrunk means', () => {
    const dates = Array.from({ length: T + 1 }, (_, t) => `2020-01-${String(1 + (t % 28)).padStart(2, '0')}-${t}`);
    const values = new Float64Array((T + 1) * n).fill(100);
    for (let t = 1; t <= T; t++) for (let j = 0; j < n; j++) values[t * n + j] = values[(t - 1) * n + j]! * (1 + fixture.returns[t - 1]![j]!);
    const m = estimateMoments({ dates, tickers: matrix.tickers, values }, estimatorSchema.parse({ returns: 'james-stein' }));
    expect(m.ok).toBe(true);
    if (!m.ok) return;
    const expected = fixture.cases.find((c) => c.method === 'james-stein' && c.target === 'grand-mean')!;
    m.value.expectedReturns.forEach((v, j) => expect(v).toBeCloseTo(expected.dailyMean[j]! * 252, 9));
    expect(m.value.shrunkMean?.beta).toBeGreaterThan(0);
  });

  it('refuses a window with fewer complete rows than assets + 2, naming the counts', () => {
    const r: ReturnMatrix = { dates: [], tickers: ['A', 'B', 'C'], values: Float64Array.from([0.01, 0.02, 0.03, 0.0, 0.01, -0.01]), T: 2, n: 3 };
    const s = shrunkMean(r, 'james-stein', 'grand-mean', 252);
    expect(s.ok).toBe(false);
    if (!s.ok) expect(s.error.message).toMatch(/more dates/);
  });
});
