/**
 * Ledoit–Wolf shrinkage estimators (daily, un-annualised), following PyPortfolioOpt's CovarianceShrinkage:
 * missing returns count as 0, the constant-variance target uses scikit-learn's formula (ddof 0), the
 * single-factor and constant-correlation targets the Ledoit–Wolf (2003, 2004) formulas.
 */
import { crossProduct } from './gram.js';
import type { ReturnMatrix } from './returns.js';

export interface Shrunk {
  /** n×n daily covariance. */
  cov: Float64Array;
  /** Shrinkage intensity δ in [0, 1]. */
  delta: number;
}

/** Demeaned columns (n×T column-major) of the NaN→0 returns; `means` receives the column means. */
function centredColumns(r: ReturnMatrix, means = new Float64Array(r.n)): Float64Array {
  const { n, T, values } = r;
  const c = new Float64Array(n * T);
  for (let t = 0; t < T; t++)
    for (let j = 0; j < n; j++) {
      const x = values[t * n + j]!;
      c[j * T + t] = x === x ? x : 0;
    }
  for (let j = 0; j < n; j++) {
    let m = 0;
    for (let t = 0; t < T; t++) m += c[j * T + t]!;
    m /= T;
    means[j] = m;
    for (let t = 0; t < T; t++) c[j * T + t] = c[j * T + t]! - m;
  }
  return c;
}

/** YᵀY (n×n) of the n×T column-major series `c`, through the shared cross-product kernel. */
function gram(c: Float64Array, n: number, T: number): Float64Array {
  const g = new Float64Array(n * n);
  crossProduct({ x: c, rows: T, rowStride: 1, colStride: T, cols: allColumns(n), centre: false, scale: 1 }, g, n);
  return g;
}

/**
 * The cross products of two n×T column-major blocks A and B at once, as blocks of the Gram matrix of the
 * stacked 2n series: AᵀA, AᵀB (row i from A, column j from B) and BᵀB, each n×n row-major.
 */
function stackedGram(A: Float64Array, B: Float64Array, n: number, T: number): { AA: Float64Array; AB: Float64Array; BB: Float64Array } {
  const stacked = new Float64Array(2 * n * T);
  stacked.set(A, 0);
  stacked.set(B, n * T);
  const m = 2 * n;
  const g = new Float64Array(m * m);
  crossProduct({ x: stacked, rows: T, rowStride: 1, colStride: T, cols: allColumns(m), centre: false, scale: 1 }, g, m);
  const AA = new Float64Array(n * n), AB = new Float64Array(n * n), BB = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    AA.set(g.subarray(i * m, i * m + n), i * n);
    AB.set(g.subarray(i * m + n, i * m + m), i * n);
    BB.set(g.subarray((n + i) * m + n, (n + i) * m + m), i * n);
  }
  return { AA, AB, BB };
}

function allColumns(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, j) => j);
}

/** Constant-variance target (scikit-learn `ledoit_wolf`): (1−δ)S₀ + δ·mean(diag S₀)·I, S₀ with ddof 0. */
export function ledoitWolfConstantVariance(r: ReturnMatrix): Shrunk {
  const { n, T } = r;
  const X = centredColumns(r);
  const S = gram(X, n, T);
  for (let i = 0; i < S.length; i++) S[i] = S[i]! / T;
  let mu = 0;
  for (let i = 0; i < n; i++) mu += S[i * n + i]!;
  mu /= n;
  // beta_ = Σ (X²)ᵀ(X²); delta_ = Σ (XᵀX)² / T²
  const X2 = gram(X.map((x) => x * x), n, T);
  let betaSum = 0;
  for (let i = 0; i < X2.length; i++) betaSum += X2[i]!;
  let deltaSum = 0;
  for (let i = 0; i < S.length; i++) deltaSum += S[i]! * S[i]!;
  let beta = (1 / (n * T)) * (betaSum / T - deltaSum);
  let trace = 0;
  for (let i = 0; i < n; i++) trace += S[i * n + i]!;
  let delta = (deltaSum - 2 * mu * trace + n * mu * mu) / n;
  beta = Math.min(beta, delta);
  const shrinkage = beta === 0 ? 0 : beta / delta;
  const cov = new Float64Array(n * n);
  for (let i = 0; i < S.length; i++) cov[i] = (1 - shrinkage) * S[i]!;
  for (let i = 0; i < n; i++) cov[i * n + i] = cov[i * n + i]! + shrinkage * mu;
  delta = shrinkage;
  return { cov, delta };
}

/** Single-factor (market = equal-weighted mean of the demeaned returns) target, Ledoit & Wolf (2003). */
export function ledoitWolfSingleFactor(r: ReturnMatrix): Shrunk {
  const { n, T } = r;
  const X = centredColumns(r);
  // Market = row mean of the demeaned returns, used demeaned everywhere (also in z = Xm·xmkt), as
  // PyPortfolioOpt's _ledoit_wolf_single_factor (an older release added the mean back inside z).
  const xm = new Float64Array(T);
  for (let j = 0; j < n; j++) for (let t = 0; t < T; t++) xm[t] = xm[t]! + X[j * T + t]! / n;
  const S = gram(X, n, T);
  for (let i = 0; i < S.length; i++) S[i] = S[i]! / T;
  const betas = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < T; t++) s += X[j * T + t]! * xm[t]!;
    betas[j] = s / T;
  }
  let varmkt = 0;
  for (let t = 0; t < T; t++) varmkt += xm[t]! * xm[t]!;
  varmkt /= T;
  const F = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) F[i * n + j] = i === j ? S[i * n + i]! : (betas[i]! * betas[j]!) / varmkt;
  let c = 0;
  for (let i = 0; i < F.length; i++) c += (S[i]! - F[i]!) ** 2;
  // z = X * xmkt (per column); yᵀy, yᵀz and zᵀz come from one stacked cross product (y = X²).
  const Z = new Float64Array(n * T);
  for (let j = 0; j < n; j++) for (let t = 0; t < T; t++) Z[j * T + t] = X[j * T + t]! * xm[t]!;
  const { AA: Y, AB: YZ, BB: ZZ } = stackedGram(X.map((x) => x * x), Z, n, T);
  let p = 0;
  let sumS2 = 0;
  for (let i = 0; i < Y.length; i++) {
    p += Y[i]! / T;
    sumS2 += S[i]! * S[i]!;
  }
  p -= sumS2;
  let rdiag = 0;
  let diagS2 = 0;
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let t = 0; t < T; t++) s += X[j * T + t]! ** 4;
    rdiag += s / T;
    diagS2 += S[j * n + j]! ** 2;
  }
  rdiag -= diagS2;
  // v1 = yᵀz/T − β_i S_ij ; v3 = zᵀz/T − varmkt S
  let roff1 = 0;
  let roff1diag = 0;
  let roff3 = 0;
  let roff3diag = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const yz = YZ[i * n + j]!;
      const zz = ZZ[i * n + j]!;
      // np.tile(betas, (n,)) has element [i,j] = betas[i]
      const v1 = yz / T - betas[i]! * S[i * n + j]!;
      const v3 = zz / T - varmkt * S[i * n + j]!;
      roff1 += v1 * betas[j]!;
      roff3 += v3 * betas[i]! * betas[j]!;
      if (i === j) {
        roff1diag += v1 * betas[i]!;
        roff3diag += v3 * betas[i]! ** 2;
      }
    }
  const roff = 2 * (roff1 / varmkt - roff1diag / varmkt) - (roff3 / varmkt ** 2 - roff3diag / varmkt ** 2);
  const rr = rdiag + roff;
  const k = (p - rr) / c;
  const delta = Math.max(0, Math.min(1, k / T));
  const cov = new Float64Array(n * n);
  for (let i = 0; i < cov.length; i++) cov[i] = delta * F[i]! + (1 - delta) * S[i]!;
  return { cov, delta };
}

/**
 * Constant-correlation target, Ledoit & Wolf (2004), with S = the pairwise sample covariance (ddof 1)
 * as PyPortfolioOpt uses it. `sample` is that daily covariance.
 */
export function ledoitWolfConstantCorrelation(r: ReturnMatrix, sample: Float64Array): Shrunk {
  const { n, T } = r;
  const X = centredColumns(r);
  const S = sample;
  const std = new Float64Array(n);
  for (let i = 0; i < n; i++) std[i] = Math.sqrt(S[i * n + i]!);
  let rsum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rsum += S[i * n + j]! / (std[i]! * std[j]!);
  const rBar = (rsum - n) / (n * (n - 1));
  const F = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) F[i * n + j] = i === j ? S[i * n + i]! : rBar * std[i]! * std[j]!;
  const Y = gram(X.map((x) => x * x), n, T);
  // (X³)ᵀX for theta and XᵀX from one stacked cross product.
  const { AB: X3X, BB: XX } = stackedGram(X.map((x) => x * x * x), X, n, T);
  let piHat = 0;
  let piDiag = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const k = i * n + j;
      const pi = Y[k]! / T - (2 * XX[k]! * S[k]!) / T + S[k]! ** 2;
      piHat += pi;
      if (i === j) piDiag += pi;
    }
  // theta[i,j] = (Xm³)ᵀXm /T − help_ii S_ij − help_ij var_j... following the reference's tiling
  let thetaSum = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const t1 = X3X[i * n + j]! / T;
      const helpIJ = XX[i * n + j]! / T;
      const helpII = XX[i * n + i]! / T;
      const varI = S[i * n + i]!; // np.tile(var, (n,)) has [i,j] = var[i]
      const theta = t1 - helpII * S[i * n + j]! - helpIJ * varI + varI * S[i * n + j]!;
      thetaSum += (std[j]! / std[i]!) * theta;
    }
  const rhoHat = piDiag + rBar * thetaSum;
  let gammaHat = 0;
  for (let k = 0; k < S.length; k++) gammaHat += (S[k]! - F[k]!) ** 2;
  const kappa = (piHat - rhoHat) / gammaHat;
  const delta = Math.max(0, Math.min(1, kappa / T));
  const cov = new Float64Array(n * n);
  for (let k = 0; k < cov.length; k++) cov[k] = delta * F[k]! + (1 - delta) * S[k]!;
  return { cov, delta };
}
