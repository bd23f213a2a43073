/**
 * Cross-product (Gram) matrices, the whole cost of the covariance estimators: the native kernel when it
 * loaded (native-kernel.ts), else the blocked JS kernel below. Missing data is handled by the callers
 * (they pass only complete columns): the no-missing case is the hot path.
 */
import { loadNativeKernel, type NativeGram } from './native-kernel.js';

export interface GramInput {
  /** Values; element (t, c) is x[t·rowStride + c·colStride]. */
  x: Float64Array;
  rows: number;
  rowStride: number;
  colStride: number;
  /** Columns to use (indices into the input and the output). */
  cols: Int32Array;
  /** Subtract each column's mean (over the rows) first. */
  centre: boolean;
  /** Optional factor per row applied to every value of the row (after centring). */
  rowScale?: Float64Array;
  /** Multiplies every entry. */
  scale: number;
}

let preference: 'auto' | 'js' = 'auto';

/** Chooses the kernel for this thread: "auto" (native when loaded) or "js"; benchmarks and tests compare both. */
export function useGramKernel(kind: 'auto' | 'js'): void {
  preference = kind;
}

/** The native kernel when this thread uses it (loaded and not switched to "js"), else null; cholesky.ts dispatches on it too. */
export function activeNativeKernel(): NativeGram | null {
  return preference === 'auto' ? loadNativeKernel().kernel : null;
}

/** Name of the kernel this thread uses: "native-<isa>" or "js" (FRONTIER_NO_NATIVE=1, not built, or chosen). */
export function gramKernelName(): string {
  const kernel = activeNativeKernel();
  return kernel ? `native-${kernel.isa()}` : 'js';
}

/** Writes out[i·ldo + j] = scale·Σ_t y_ti·y_tj for every pair i, j of `cols` (units of x² × scale). */
export function crossProduct(g: GramInput, out: Float64Array, ldo: number): void {
  const native = activeNativeKernel();
  if (native) {
    native.gram(g.x, g.rows, g.rowStride, g.colStride, g.cols, g.centre, g.rowScale ?? null, g.scale, out, ldo);
    return;
  }
  crossProductJs(g, out, ldo);
}

/** The JS kernel: copies the columns contiguous (centred, row-scaled), then 4×4 blocked dot products. */
function crossProductJs(g: GramInput, out: Float64Array, ldo: number): void {
  const { x, rows: T, rowStride, colStride, cols } = g;
  const m = cols.length;
  const c = new Float64Array(m * T);
  for (let a = 0; a < m; a++) {
    const base = cols[a]! * colStride;
    let mean = 0;
    if (g.centre) {
      for (let t = 0; t < T; t++) mean += x[base + t * rowStride]!;
      mean /= T;
    }
    for (let t = 0; t < T; t++) c[a * T + t] = (x[base + t * rowStride]! - mean) * (g.rowScale ? g.rowScale[t]! : 1);
  }
  gramBlocked(c, T, cols, out, ldo, g.scale);
}

/** Σ_t a_t b_t over contiguous series, 4 accumulators so the loop pipelines. */
function dotAt(c: Float64Array, a: number, b: number, T: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  let t = 0;
  for (; t + 3 < T; t += 4) {
    s0 += c[a + t]! * c[b + t]!;
    s1 += c[a + t + 1]! * c[b + t + 1]!;
    s2 += c[a + t + 2]! * c[b + t + 2]!;
    s3 += c[a + t + 3]! * c[b + t + 3]!;
  }
  for (; t < T; t++) s0 += c[a + t]! * c[b + t]!;
  return s0 + s1 + s2 + s3;
}

/**
 * out[cols[a], cols[b]] = scale·⟨c_a, c_b⟩ over the m contiguous series of `c` (m×T), in 4×4 blocks: each
 * pass over t loads 8 values for 16 products, twice the arithmetic per load of a pairwise dot product.
 */
function gramBlocked(c: Float64Array, T: number, cols: Int32Array, out: Float64Array, ldo: number, scale: number): void {
  const m = cols.length;
  const m4 = m - (m % 4);
  for (let bi = 0; bi < m4; bi += 4) {
    const i0 = bi * T, i1 = i0 + T, i2 = i1 + T, i3 = i2 + T;
    for (let bj = bi; bj < m4; bj += 4) {
      const j0 = bj * T, j1 = j0 + T, j2 = j1 + T, j3 = j2 + T;
      let s00 = 0, s01 = 0, s02 = 0, s03 = 0, s10 = 0, s11 = 0, s12 = 0, s13 = 0;
      let s20 = 0, s21 = 0, s22 = 0, s23 = 0, s30 = 0, s31 = 0, s32 = 0, s33 = 0;
      for (let t = 0; t < T; t++) {
        const a0 = c[i0 + t]!, a1 = c[i1 + t]!, a2 = c[i2 + t]!, a3 = c[i3 + t]!;
        const b0 = c[j0 + t]!, b1 = c[j1 + t]!, b2 = c[j2 + t]!, b3 = c[j3 + t]!;
        s00 += a0 * b0; s01 += a0 * b1; s02 += a0 * b2; s03 += a0 * b3;
        s10 += a1 * b0; s11 += a1 * b1; s12 += a1 * b2; s13 += a1 * b3;
        s20 += a2 * b0; s21 += a2 * b1; s22 += a2 * b2; s23 += a2 * b3;
        s30 += a3 * b0; s31 += a3 * b1; s32 += a3 * b2; s33 += a3 * b3;
      }
      const sums = [s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33];
      for (let p = 0; p < 4; p++)
        for (let q = 0; q < 4; q++) {
          const i = cols[bi + p]!, j = cols[bj + q]!;
          const v = sums[p * 4 + q]! * scale;
          out[i * ldo + j] = v;
          out[j * ldo + i] = v;
        }
    }
  }
  // Remainder columns (m mod 4) against everything.
  for (let a = m4; a < m; a++)
    for (let b = 0; b < m; b++) {
      const i = cols[a]!, j = cols[b]!;
      const v = dotAt(c, a * T, b * T, T) * scale;
      out[i * ldo + j] = v;
      out[j * ldo + i] = v;
    }
}
