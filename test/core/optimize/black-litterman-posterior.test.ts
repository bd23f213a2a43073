/**
 * The factored, Gram-kernel posterior against a straightforward reference written here: P, Ω and
 * A = PτΣPᵀ + Ω formed element by element, A inverted by Gauss–Jordan, μ and Σ_post by plain loops.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { viewsSchema } from '../../../shared/domain/optimize.js';
import { blackLitterman } from '../../../src-main/core/optimize/black-litterman.js';
import { gramKernelName, useGramKernel } from '../../../src-main/core/stats/gram.js';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A covariance-like SPD matrix: a factor part plus a diagonal, annualised scale (~0.04). */
function spd(n: number, seed: number): Float64Array {
  const r = rng(seed);
  const T = n + 20;
  const x = Float64Array.from({ length: T * n }, () => r() - 0.5);
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let t = 0; t < T; t++) s += x[t * n + i]! * x[t * n + j]!;
      c[i * n + j] = c[j * n + i] = (0.5 * s) / T + (i === j ? 0.01 : 0);
    }
  return c;
}

function invert(a: number[][]): number[][] {
  const K = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: K }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < K; c++) {
    let p = c;
    for (let r = c + 1; r < K; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const d = m[c]![c]!;
    for (let j = 0; j < 2 * K; j++) m[c]![j]! /= d;
    for (let r = 0; r < K; r++)
      if (r !== c) {
        const f = m[r]![c]!;
        for (let j = 0; j < 2 * K; j++) m[r]![j] = m[r]![j]! - f * m[c]![j]!;
      }
  }
  return m.map((row) => row.slice(K));
}

/** Reference posterior (proportional Ω, or Idzorek's α·τ·pΣpᵀ) from a dense P. */
function reference(cov: Float64Array, n: number, pi: Float64Array, P: number[][], Q: number[], tau: number, conf?: number[]) {
  const K = P.length;
  const S = (i: number, j: number) => cov[i * n + j]!;
  const tSP = Array.from({ length: n }, (_, i) => P.map((p) => tau * p.reduce((s, pj, j) => s + S(i, j) * pj, 0)));
  const A = P.map((pa) => Array.from({ length: K }, (_, b) => pa.reduce((s, x, j) => s + x * tSP[j]![b]!, 0)));
  for (let k = 0; k < K; k++) {
    const base = A[k]![k]!;
    A[k]![k] = base + (conf ? ((1 - conf[k]!) / conf[k]!) * base : base);
  }
  const Ai = invert(A);
  const resid = P.map((p, k) => Q[k]! - p.reduce((s, x, j) => s + x * pi[j]!, 0));
  const w = Ai.map((row) => row.reduce((s, x, b) => s + x * resid[b]!, 0));
  const mu = Array.from({ length: n }, (_, i) => pi[i]! + tSP[i]!.reduce((s, x, k) => s + x * w[k]!, 0));
  const sigma: number[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) c += tSP[i]![a]! * Ai[a]![b]! * tSP[j]![b]!;
      sigma.push((1 + tau) * S(i, j) - c);
    }
  return { mu, sigma };
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe.each(['auto', 'js'] as const)('Black–Litterman posterior (%s kernel)', (kernel) => {
  afterEach(() => useGramKernel('auto'));

  for (const n of [7, 61, 130]) {
    it(`n=${n}: μ and Σ_post agree with the reference to 1e-12 (10 views, absolute and relative, proportional and Idzorek)`, () => {
      useGramKernel(kernel);
      if (kernel === 'js') expect(gramKernelName()).toBe('js');
      const cov = spd(n, n);
      const r = rng(3 * n);
      const tickers = Array.from({ length: n }, (_, i) => `A${i}`);
      const pi = Float64Array.from({ length: n }, () => 0.02 + 0.1 * r());
      const K = Math.min(10, n);
      const rawViews = Array.from({ length: K }, (_, k) =>
        k % 3 === 0
          ? { asset: tickers[(k * 5) % n]!, return: 0.05 + 0.01 * k, confidence: 0.2 + 0.07 * k }
          : { long: tickers.filter((_, i) => i % K === k), short: tickers.filter((_, i) => i % 7 === k % 7 && i % K !== k), return: 0.01 * k, confidence: 0.5 },
      );
      for (const omega of ['proportional', 'idzorek'] as const) {
        const s = viewsSchema.parse({ prior: 'none', tau: 0.05, omega, views: rawViews });
        const got = blackLitterman(tickers, cov, pi, s, 2.5);
        if (!got.ok) throw new Error(got.error.message);
        const { P, Q } = got.value;
        const Pd = Array.from({ length: K }, (_, k) => Array.from(P.subarray(k * n, (k + 1) * n)));
        const conf = omega === 'idzorek' ? rawViews.map((v) => v.confidence) : undefined;
        const want = reference(cov, n, pi, Pd, Array.from(Q), 0.05, conf);
        expect(maxDiff(got.value.posteriorReturns, want.mu)).toBeLessThan(1e-12);
        expect(maxDiff(got.value.posteriorCov, want.sigma)).toBeLessThan(1e-12);
        // The views carry information: the posterior differs from (1 + τ)Σ by far more than the tolerance.
        expect(maxDiff(got.value.posteriorCov, cov.map((x) => 1.05 * x))).toBeGreaterThan(1e-6);
        // Symmetric, as the kernel mirrors one half.
        const pc = got.value.posteriorCov;
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(pc[i * n + j]).toBe(pc[j * n + i]);
      }
    });
  }

  it('no views: (1 + τ)Σ and the prior, with the warning', () => {
    useGramKernel(kernel);
    const n = 5;
    const cov = spd(n, 1);
    const pi = new Float64Array(n).fill(0.03);
    const got = blackLitterman(Array.from({ length: n }, (_, i) => `A${i}`), cov, pi, viewsSchema.parse({ prior: 'none' }), 1);
    if (!got.ok) throw new Error(got.error.message);
    expect(maxDiff(got.value.posteriorCov, cov.map((x) => 1.05 * x))).toBe(0);
    expect(Array.from(got.value.posteriorReturns)).toEqual(Array.from(pi));
    expect(got.value.warnings[0]).toMatch(/without views/);
  });
});
