/**
 * The native blocked Cholesky (native/src/cholesky.c) against the JS one (linalg.choleskyInPlace) on every
 * instruction set this CPU supports: sizes around the block edge, the failing pivot of indefinite and NaN
 * matrices, and fixNonPsd giving the same answer through either kernel.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { choleskyFactor } from '../../../src-main/core/stats/cholesky.js';
import { crossProduct, gramKernelName, useGramKernel } from '../../../src-main/core/stats/gram.js';
import { choleskyInPlace } from '../../../src-main/core/stats/linalg.js';
import { loadNativeKernel } from '../../../src-main/core/stats/native-kernel.js';
import { fixNonPsd } from '../../../src-main/core/stats/risk-models.js';
import { normal, rng } from '../optimize/synthetic.js';

const disabled = process.env.FRONTIER_NO_NATIVE === '1';

/** A covariance-like SPD matrix: XᵀX/T of T = n + extra correlated observations (extra ≤ 0 gives a singular one). */
function covariance(n: number, seed: number, extra = 40): Float64Array {
  const u = rng(seed);
  const T = Math.max(1, n + extra);
  const x = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    const f = normal(u);
    for (let j = 0; j < n; j++) x[t * n + j] = 0.01 * (0.6 * f + normal(u)) * (1 + (j % 5));
  }
  const out = new Float64Array(n * n);
  crossProduct({ x, rows: T, rowStride: n, colStride: 1, cols: Int32Array.from({ length: n }, (_, j) => j), centre: true, scale: 252 / T }, out, n);
  return out;
}

/** Largest |L_native − L_js| relative to √a_ii of the row (the scale of row i of L). */
function relErr(a: Float64Array, l1: Float64Array, l2: Float64Array, n: number): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const s = Math.sqrt(a[i * n + i]!);
    for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(l1[i * n + j]! - l2[i * n + j]!) / s);
  }
  return worst;
}

afterEach(() => useGramKernel('auto'));

describe.skipIf(disabled)('native Cholesky', () => {
  const { kernel, reason } = loadNativeKernel();

  it('is in the loaded addon', () => {
    expect(kernel, reason).not.toBeNull();
    expect(typeof kernel!.cholesky).toBe('function');
  });

  const sizes = [1, 2, 3, 17, 95, 96, 97, 191, 250];
  for (const isa of kernel?.isas() ?? []) {
    it(`${isa}: agrees with the JS factor to 1e-12 around the block edges, upper triangle zeroed`, () => {
      for (const n of sizes) {
        const a = covariance(n, n * 7 + 1);
        const js = a.slice();
        const native = a.slice();
        expect(choleskyInPlace(js, n)).toBe(-1);
        expect(kernel!.cholesky(native, n, isa), `n=${n}`).toBe(-1);
        expect(relErr(a, native, js, n), `n=${n}`).toBeLessThan(1e-12);
        for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(native[i * n + j]).toBe(0);
      }
    });

    it(`${isa}: reports the same failing pivot as JS for indefinite and NaN matrices`, () => {
      for (const [n, bad] of [[5, 3], [130, 120], [200, 40]] as const) {
        const a = covariance(n, n + bad);
        // Make row/column `bad` a copy of row/column 0 scaled by 2 and lower its diagonal: pivot `bad` turns negative.
        for (let j = 0; j < n; j++) {
          a[bad * n + j] = 2 * a[j]!;
          a[j * n + bad] = 2 * a[j]!;
        }
        a[bad * n + bad] = 4 * a[0]! - 1e-3;
        expect(choleskyInPlace(a.slice(), n)).toBe(bad);
        expect(kernel!.cholesky(a.slice(), n, isa)).toBe(bad);
      }
      const nan = covariance(100, 3);
      nan[99 * 100 + 50] = Number.NaN;
      expect(choleskyInPlace(nan.slice(), 100)).toBe(99);
      expect(kernel!.cholesky(nan.slice(), 100, isa)).toBe(99);
    });
  }

  it('refuses bad arguments with a message naming them', () => {
    expect(() => kernel!.cholesky(new Float64Array(3), 2)).toThrow(/shorter than n \* n/);
    expect(() => kernel!.cholesky(new Float64Array(4), 2, 'sse9')).toThrow(/not supported/);
    expect(() => kernel!.cholesky(new Float64Array(4), 1.5)).toThrow(/non-negative integer/);
  });

  it('choleskyFactor follows the thread kernel choice: native by default, JS after useGramKernel("js")', () => {
    const n = 120;
    const a = covariance(n, 5);
    const viaNative = a.slice();
    expect(choleskyFactor(viaNative, n)).toBe(-1);
    expect(gramKernelName()).not.toBe('js');
    useGramKernel('js');
    const viaJs = a.slice();
    expect(choleskyFactor(viaJs, n)).toBe(-1);
    const direct = a.slice();
    choleskyInPlace(direct, n);
    expect(viaJs).toEqual(direct);
    expect(relErr(a, viaNative, viaJs, n)).toBeLessThan(1e-12);
  });
});

describe('fixNonPsd through either kernel', () => {
  it('leaves a PSD covariance alone and repairs a singular-indefinite one the same way', () => {
    const n = 150;
    const ok = covariance(n, 9);
    // Fewer observations than assets plus a nudge: a rank-deficient matrix with negative eigenvalues.
    const bad = covariance(n, 11, -60);
    for (let i = 0; i < n; i++) bad[i * n + i] = bad[i * n + i]! - 1e-9;
    const results = (['auto', 'js'] as const).map((kind) => {
      useGramKernel(kind);
      return { ok: fixNonPsd(ok, n), bad: fixNonPsd(bad, n) };
    });
    for (const r of results) {
      expect(r.ok.repaired).toBe(false);
      expect(r.ok.matrix).toBe(ok);
      expect(r.bad.repaired).toBe(true);
      expect(r.bad.minEigenvalue).toBeLessThan(0);
    }
    expect(results[0]!.bad.matrix).toEqual(results[1]!.bad.matrix);
  });
});
