/**
 * Time-series regression of many assets on the same factors, with an intercept (OLS, optional ridge):
 * y_i = α_i + X β_i + ε_i over the rows where the asset has a value. Per-period units throughout.
 */
import { solveSpd } from '../stats/linalg.js';

export interface RegressionResult {
  /** Assets × factors, row-major (per-period return per unit of factor return). */
  betas: Float64Array;
  standardErrors: Float64Array;
  tStats: Float64Array;
  /** Per-period intercepts. */
  alpha: Float64Array;
  /** Centred R² per asset. */
  r2: Float64Array;
  /** Residual variance per period, SSR / (T − k − 1). */
  residualVariance: Float64Array;
  /** Rows used per asset. */
  observations: Int32Array;
}

/** k×k inverse of an SPD matrix by k solves; null when singular. */
function inverseSpd(a: Float64Array, k: number): Float64Array | null {
  const inv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    const e = new Float64Array(k);
    e[c] = 1;
    const x = solveSpd(a, k, e);
    if (!x) return null;
    for (let r = 0; r < k; r++) inv[r * k + c] = x[r]!;
  }
  return inv;
}

/** (A⁻¹ G A⁻¹) for the ridge sandwich; equals A⁻¹ when G = A. */
function sandwich(ainv: Float64Array, g: Float64Array, k: number): Float64Array {
  const tmp = new Float64Array(k * k);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let l = 0; l < k; l++) s += ainv[i * k + l]! * g[l * k + j]!;
    tmp[i * k + j] = s;
  }
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) {
    let s = 0;
    for (let l = 0; l < k; l++) s += tmp[i * k + l]! * ainv[l * k + j]!;
    out[i * k + j] = s;
  }
  return out;
}

interface Design {
  mean: Float64Array;
  gram: Float64Array;
  ainv: Float64Array;
  cov: Float64Array;
}

/** Centred normal equations over `rows` (null = all); ridge λ scales the mean diagonal of the centred Gram. */
function design(x: Float64Array, T: number, k: number, rows: Int32Array | null, ridge: number): Design | null {
  const m = rows ? rows.length : T;
  const mean = new Float64Array(k);
  for (let s = 0; s < m; s++) {
    const t = rows ? rows[s]! : s;
    for (let f = 0; f < k; f++) mean[f] = mean[f]! + x[t * k + f]!;
  }
  for (let f = 0; f < k; f++) mean[f] = mean[f]! / m;
  const gram = new Float64Array(k * k);
  for (let s = 0; s < m; s++) {
    const t = rows ? rows[s]! : s;
    for (let a = 0; a < k; a++) {
      const xa = x[t * k + a]! - mean[a]!;
      for (let b = 0; b <= a; b++) gram[a * k + b] = gram[a * k + b]! + xa * (x[t * k + b]! - mean[b]!);
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) gram[b * k + a] = gram[a * k + b]!;
  let trace = 0;
  for (let a = 0; a < k; a++) trace += gram[a * k + a]!;
  const penalised = gram.slice();
  if (ridge > 0) for (let a = 0; a < k; a++) penalised[a * k + a] = penalised[a * k + a]! + (ridge * trace) / k;
  const ainv = inverseSpd(penalised, k);
  if (!ainv) return null;
  return { mean, gram, ainv, cov: ridge > 0 ? sandwich(ainv, gram, k) : ainv };
}

/**
 * Regresses every column of `y` (T×n row-major, NaN = missing) on the factor returns `x` (T×k row-major,
 * complete) with an intercept. `ridge` ≥ 0 is relative: λ·tr(X̃ᵀX̃)/k is added to the slope block of the
 * centred normal equations (the intercept is never penalised); standard errors then use the sandwich
 * σ²A⁻¹X̃ᵀX̃A⁻¹. Assets with fewer than k + 2 rows, or a singular design, get NaN throughout.
 */
export function regressOnFactors(y: Float64Array, T: number, n: number, x: Float64Array, k: number, ridge = 0): RegressionResult {
  const betas = new Float64Array(n * k).fill(NaN);
  const se = new Float64Array(n * k).fill(NaN);
  const tStats = new Float64Array(n * k).fill(NaN);
  const alpha = new Float64Array(n).fill(NaN);
  const r2 = new Float64Array(n).fill(NaN);
  const residualVariance = new Float64Array(n).fill(NaN);
  const observations = new Int32Array(n);
  const complete: number[] = [];
  const gappy: number[] = [];
  for (let j = 0; j < n; j++) {
    let c = 0;
    for (let t = 0; t < T; t++) if (y[t * n + j] === y[t * n + j]) c++;
    observations[j] = c;
    if (c === T) complete.push(j);
    else if (c >= k + 2) gappy.push(j);
  }
  const finish = (j: number, d: Design, b: Float64Array, ybar: number, ssr: number, sst: number, m: number) => {
    const s2 = ssr / (m - k - 1);
    let xb = 0;
    for (let f = 0; f < k; f++) {
      betas[j * k + f] = b[f]!;
      xb += d.mean[f]! * b[f]!;
      const sd = Math.sqrt(s2 * d.cov[f * k + f]!);
      se[j * k + f] = sd;
      tStats[j * k + f] = b[f]! / sd;
    }
    alpha[j] = ybar - xb;
    r2[j] = sst > 0 ? 1 - ssr / sst : NaN;
    residualVariance[j] = s2;
  };
  if (complete.length > 0 && T >= k + 2) {
    const d = design(x, T, k, null, ridge);
    if (d) fitComplete(y, T, n, x, k, Int32Array.from(complete), d, finish);
  }
  for (const j of gappy) {
    const rows: number[] = [];
    for (let t = 0; t < T; t++) if (y[t * n + j] === y[t * n + j]) rows.push(t);
    const idx = Int32Array.from(rows);
    const d = design(x, T, k, idx, ridge);
    if (!d) continue;
    const m = idx.length;
    let ybar = 0;
    for (const t of idx) ybar += y[t * n + j]!;
    ybar /= m;
    const xty = new Float64Array(k);
    for (const t of idx) {
      const yc = y[t * n + j]! - ybar;
      for (let f = 0; f < k; f++) xty[f] = xty[f]! + (x[t * k + f]! - d.mean[f]!) * yc;
    }
    const b = new Float64Array(k);
    for (let a = 0; a < k; a++) for (let c = 0; c < k; c++) b[a] = b[a]! + d.ainv[a * k + c]! * xty[c]!;
    let ssr = 0, sst = 0;
    for (const t of idx) {
      let e = y[t * n + j]! - ybar;
      sst += e * e;
      for (let f = 0; f < k; f++) e -= (x[t * k + f]! - d.mean[f]!) * b[f]!;
      ssr += e * e;
    }
    finish(j, d, b, ybar, ssr, sst, m);
  }
  return { betas, standardErrors: se, tStats, alpha, r2, residualVariance, observations };
}

/** The shared-design fast path: one pass for X̃ᵀY over all complete assets, one for the residuals. */
function fitComplete(
  y: Float64Array,
  T: number,
  n: number,
  x: Float64Array,
  k: number,
  cols: Int32Array,
  d: Design,
  finish: (j: number, d: Design, b: Float64Array, ybar: number, ssr: number, sst: number, m: number) => void,
): void {
  const m = cols.length;
  const dense = m === n;
  // Gather into a T×m block only when some columns are left out, so the inner loops stay contiguous.
  const Y = dense ? y : new Float64Array(T * m);
  if (!dense) for (let t = 0; t < T; t++) for (let c = 0; c < m; c++) Y[t * m + c] = y[t * n + cols[c]!]!;
  const xc = new Float64Array(T * k);
  for (let t = 0; t < T; t++) for (let f = 0; f < k; f++) xc[t * k + f] = x[t * k + f]! - d.mean[f]!;
  const ybar = new Float64Array(m);
  const xty = new Float64Array(k * m);
  for (let t = 0; t < T; t++) {
    const off = t * m;
    for (let c = 0; c < m; c++) ybar[c] = ybar[c]! + Y[off + c]!;
    for (let f = 0; f < k; f++) {
      const xf = xc[t * k + f]!;
      const o = f * m;
      for (let c = 0; c < m; c++) xty[o + c] = xty[o + c]! + xf * Y[off + c]!;
    }
  }
  for (let c = 0; c < m; c++) ybar[c] = ybar[c]! / T;
  const b = new Float64Array(k * m);
  for (let a = 0; a < k; a++)
    for (let e = 0; e < k; e++) {
      const v = d.ainv[a * k + e]!;
      const oa = a * m, oe = e * m;
      for (let c = 0; c < m; c++) b[oa + c] = b[oa + c]! + v * xty[oe + c]!;
    }
  const ssr = new Float64Array(m);
  const sst = new Float64Array(m);
  const res = new Float64Array(m);
  for (let t = 0; t < T; t++) {
    const off = t * m;
    for (let c = 0; c < m; c++) {
      const v = Y[off + c]! - ybar[c]!;
      sst[c] = sst[c]! + v * v;
      res[c] = v;
    }
    for (let f = 0; f < k; f++) {
      const xf = xc[t * k + f]!;
      const o = f * m;
      for (let c = 0; c < m; c++) res[c] = res[c]! - xf * b[o + c]!;
    }
    for (let c = 0; c < m; c++) ssr[c] = ssr[c]! + res[c]! * res[c]!;
  }
  const bj = new Float64Array(k);
  for (let c = 0; c < m; c++) {
    for (let f = 0; f < k; f++) bj[f] = b[f * m + c]!;
    finish(cols[c]!, d, bj, ybar[c]!, ssr[c]!, sst[c]!, T);
  }
}
