/**
 * Pairwise-complete sample covariance of a sliding window of return rows, kept as sums that are updated
 * when rows enter or leave the window. Walk-forward re-estimation then costs O(m²) per row moved instead
 * of O(m²·T) per window.
 *
 * Per pair (i, j) over the rows where both have a return: the count k, Σ(xᵢ − cᵢ), Σ(xⱼ − cⱼ) and
 * Σ(xᵢ − cᵢ)(xⱼ − cⱼ): the first three as per-asset totals minus what rows with gaps add, the last as
 * Gram matrices of the rows moved (the shared kernel of gram.ts, native when built). Covariance is
 * shift-invariant, and shifting by cᵢ = the asset's mean when the sums were last rebuilt keeps the
 * one-pass formula (Σxy − ΣxΣy/k)/(k − 1) from cancelling. Additions and removals still round, so the
 * sums are rebuilt from scratch after `rebuildEvery` row updates.
 */

import { crossProduct } from './gram.js';

/** Fills `out` (length m) with the daily returns of return row r; NaN = no return. */
export type ReturnRow = (r: number, out: Float64Array) => void;

export interface RollingCovariance {
  /** Moves the window to return rows first..last (inclusive) by adding and removing rows, or rebuilds. */
  moveTo(first: number, last: number): void;
  /**
   * Pairwise-complete covariance (ddof 1) × frequency of the listed columns, k×k row-major in their
   * order (daily returns × 252 = annualised); NaN where a pair has fewer than 2 common rows.
   */
  covariance(cols: readonly number[], frequency: number): Float64Array;
  /** How many times the sums were rebuilt from scratch (the first fill counts). */
  rebuilds(): number;
}

/** Sums for m assets; `row` is only ever asked for rows inside the window last passed to moveTo. */
export function rollingCovariance(m: number, row: ReturnRow, rebuildEvery = 1024): RollingCovariance {
  if (!(Number.isInteger(rebuildEvery) && rebuildEvery >= 1)) throw new RangeError('rebuildEvery must be an integer ≥ 1');
  // Per asset: rows with a return and Σ(x − c). Per pair, only what gaps change: rows (and Σ(xᵢ − cᵢ)
  // over rows) where i has a return and j has none. Complete rows then cost one product per pair.
  const seen = new Int32Array(m);
  const total = new Float64Array(m);
  const cross = new Float64Array(m * m); // upper triangle (i ≤ j): Σ(xᵢ − cᵢ)(xⱼ − cⱼ) over common rows
  const gapCount = new Int32Array(m * m); // [i·m + j]: rows where i has a return and j does not
  const gapSum = new Float64Array(m * m); // [i·m + j]: Σ(xᵢ − cᵢ) over those rows
  const shift = new Float64Array(m);
  const buf = new Float64Array(m);
  const gaps = new Int32Array(m);
  let first = 0;
  let last = -1; // empty
  let updates = 0;
  let rebuildCount = 0;

  const all = Int32Array.from({ length: m }, (_, j) => j);
  const gram = new Float64Array(m * m);
  let block = new Float64Array(0);

  /**
   * Adds (sign 1) or removes (−1) return rows f..l. Cross products: one Gram matrix of the block with
   * gaps as 0 (a missing value adds nothing to its pairs), by the shared kernel (native when built).
   * Counts and sums per asset, and per pair for the rows with gaps, are O(m) per row.
   */
  const apply = (f: number, l: number, sign: 1 | -1): void => {
    const k = l - f + 1;
    if (k <= 0) return;
    if (block.length < k * m) block = new Float64Array(k * m);
    for (let r = f; r <= l; r++) {
      row(r, buf);
      const o = (r - f) * m;
      let q = 0;
      for (let j = 0; j < m; j++) {
        const x = buf[j]!;
        if (x !== x) {
          block[o + j] = 0;
          gaps[q++] = j;
          continue;
        }
        const y = x - shift[j]!;
        block[o + j] = y;
        seen[j] = seen[j]! + sign;
        total[j] = total[j]! + sign * y;
      }
      if (q === 0) continue;
      for (let i = 0; i < m; i++) {
        const y = block[o + i]!;
        if (buf[i]! !== buf[i]!) continue;
        for (let g = 0; g < q; g++) {
          const u = i * m + gaps[g]!;
          gapCount[u] = gapCount[u]! + sign;
          gapSum[u] = gapSum[u]! + sign * y;
        }
      }
    }
    crossProduct({ x: block, rows: k, rowStride: m, colStride: 1, cols: all, centre: false, scale: 1 }, gram, m);
    for (let i = 0; i < m; i++) for (let j = i; j < m; j++) cross[i * m + j] = cross[i * m + j]! + sign * gram[i * m + j]!;
  };

  const rebuild = (f: number, l: number): void => {
    seen.fill(0);
    total.fill(0);
    cross.fill(0);
    gapCount.fill(0);
    gapSum.fill(0);
    shift.fill(0);
    const k = new Int32Array(m);
    for (let r = f; r <= l; r++) {
      row(r, buf);
      for (let j = 0; j < m; j++) {
        const x = buf[j]!;
        if (x !== x) continue;
        shift[j] = shift[j]! + x;
        k[j] = k[j]! + 1;
      }
    }
    for (let j = 0; j < m; j++) shift[j] = k[j]! > 0 ? shift[j]! / k[j]! : 0;
    apply(f, l, 1);
    first = f;
    last = l;
    updates = 0;
    rebuildCount++;
  };

  return {
    moveTo(f, l) {
      if (l < f) {
        rebuild(f, l);
        return;
      }
      const moved = Math.max(0, l - last) + Math.max(0, f - first);
      if (last < first || f < first || l < last || f > last || updates + moved > rebuildEvery) {
        rebuild(f, l);
        return;
      }
      apply(last + 1, l, 1);
      apply(first, f - 1, -1);
      first = f;
      last = l;
      updates += moved;
    },
    covariance(cols, frequency) {
      const k = cols.length;
      const out = new Float64Array(k * k);
      for (let a = 0; a < k; a++) {
        const i = cols[a]!;
        for (let b = a; b < k; b++) {
          const j = cols[b]!;
          const c = seen[i]! - gapCount[i * m + j]!;
          const si = total[i]! - gapSum[i * m + j]!;
          const sj = total[j]! - gapSum[j * m + i]!;
          const v = c < 2 ? NaN : ((cross[i <= j ? i * m + j : j * m + i]! - (si * sj) / c) / (c - 1)) * frequency;
          out[a * k + b] = v;
          out[b * k + a] = v;
        }
      }
      return out;
    },
    rebuilds: () => rebuildCount,
  };
}
