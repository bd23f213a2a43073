/**
 * Risk parity (equal or budgeted risk contributions), long-only, via Spinu's convex program
 *   min ½ xᵀΣx − Σ b_i ln x_i,  x > 0,
 * whose optimum has x_i (Σx)_i = b_i; the weights are x / Σx. Solved by cyclical coordinate descent
 * (each coordinate is a closed-form quadratic root; Σx kept up to date in O(n)), O(n²) per sweep.
 */
import { fail, ok, type CoreResult } from '../result.js';

export interface RiskParityResult {
  /** Weights summing to 1 (fractions). */
  weights: Float64Array;
  /** Share of each asset in portfolio variance: w_i (Σw)_i / wᵀΣw (sums to 1). */
  riskShares: Float64Array;
  sweeps: number;
  /** Largest |risk share − budget|. */
  maxDeviation: number;
}

/** Equal-risk-contribution weights for an n×n covariance (any scale); `budgets` default to 1/n. */
export function riskParity(
  cov: Float64Array,
  n: number,
  budgets?: Float64Array,
  opts: { tol?: number; maxSweeps?: number } = {},
): CoreResult<RiskParityResult> {
  if (cov.length !== n * n) return fail('invalid-input', `covariance must be ${n}×${n}`);
  const b = new Float64Array(n);
  if (budgets) {
    if (budgets.length !== n) return fail('invalid-input', `risk budgets must have ${n} entries`);
    let s = 0;
    for (let i = 0; i < n; i++) {
      if (!(budgets[i]! > 0)) return fail('invalid-input', `risk budget ${i} must be positive, got ${budgets[i]}`);
      s += budgets[i]!;
    }
    for (let i = 0; i < n; i++) b[i] = budgets[i]! / s;
  } else b.fill(1 / n);
  const bad: number[] = [];
  for (let i = 0; i < n; i++) if (!(cov[i * n + i]! > 0)) bad.push(i);
  if (bad.length > 0) return fail('singular-covariance', 'risk parity needs a positive variance for every asset', { assets: bad });

  const tol = opts.tol ?? 1e-12;
  const maxSweeps = opts.maxSweeps ?? 10_000;
  // start from inverse volatility scaled so that xᵀΣx ≈ 1: already close for weakly correlated assets
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.sqrt(b[i]!) / Math.sqrt(cov[i * n + i]!);
  const sx = new Float64Array(n); // Σx
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * x[j]!;
    sx[i] = s;
  }
  let sweeps = 0;
  let dev = Infinity;
  while (sweeps < maxSweeps) {
    sweeps++;
    for (let i = 0; i < n; i++) {
      const sii = cov[i * n + i]!;
      const c = sx[i]! - sii * x[i]!; // Σ_{j≠i} Σ_ij x_j
      const xi = (-c + Math.sqrt(c * c + 4 * sii * b[i]!)) / (2 * sii);
      const delta = xi - x[i]!;
      if (delta !== 0) {
        x[i] = xi;
        const row = i * n;
        for (let k = 0; k < n; k++) sx[k] = sx[k]! + cov[row + k]! * delta;
      }
    }
    // optimality: x_i (Σx)_i = b_i, measured relative to the budget
    dev = 0;
    for (let i = 0; i < n; i++) dev = Math.max(dev, Math.abs(x[i]! * sx[i]! - b[i]!) / b[i]!);
    if (dev <= tol) break;
  }
  // recompute Σx exactly (the incremental updates drift by rounding)
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i]!;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = x[i]! / total;
  const shares = riskShares(cov, n, w);
  let maxDeviation = 0;
  for (let i = 0; i < n; i++) maxDeviation = Math.max(maxDeviation, Math.abs(shares[i]! - b[i]!));
  if (dev > tol * 1e3) {
    return fail('not-converged', `risk parity did not converge in ${sweeps} sweeps (deviation ${dev.toExponential(2)})`);
  }
  return ok({ weights: w, riskShares: shares, sweeps, maxDeviation });
}

/** Fraction of portfolio variance from each asset: w_i (Σw)_i / wᵀΣw. */
export function riskShares(cov: Float64Array, n: number, w: ArrayLike<number>): Float64Array {
  const out = new Float64Array(n);
  let v = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += cov[i * n + j]! * w[j]!;
    out[i] = w[i]! * s;
    v += out[i]!;
  }
  for (let i = 0; i < n; i++) out[i] = out[i]! / v;
  return out;
}

export interface BoundedRiskParityResult extends RiskParityResult {
  /** λ of the constrained program below (the common value of x_i (Σx)_i / b_i for assets off their bounds). */
  lambda: number;
  /** Indices of assets held at their lower / upper bound. */
  atLower: number[];
  atUpper: number[];
  /** Largest violation of the program's optimality conditions, relative to λ·b_i. */
  kktResidual: number;
}

/**
 * Risk budgeting with per-asset bounds lo ≤ w ≤ hi, Σw = 1 (fractions), after Richard & Roncalli (2019),
 * "Constrained risk budgeting portfolios": w = x*(λ) where
 *   x*(λ) = argmin_{lo ≤ x ≤ hi} ½ xᵀΣx − λ Σ b_i ln x_i
 * and λ is chosen (bisection on ln λ; Σ x*(λ) increases with λ) so that Σ x* = 1. Assets off their bounds
 * get risk contributions in the budget ratios; an asset at its upper bound gets less than its budget, at
 * its lower bound more. Coordinate descent with each coordinate's minimiser clipped to its interval solves
 * the inner program (convex, separable box). Needs hi > 0 for every asset and Σmax(lo,0) ≤ 1 ≤ Σhi.
 */
export function boundedRiskParity(
  cov: Float64Array,
  n: number,
  lower: Float64Array,
  upper: Float64Array,
  budgets?: Float64Array,
  opts: { tol?: number; maxSweeps?: number } = {},
): CoreResult<BoundedRiskParityResult> {
  const b = new Float64Array(n).fill(1 / n);
  if (budgets) {
    let s = 0;
    for (let i = 0; i < n; i++) s += budgets[i]!;
    for (let i = 0; i < n; i++) b[i] = budgets[i]! / s;
  }
  // x > 0 inside the log barrier, so a non-positive lower bound never binds.
  const lo = Float64Array.from(lower, (v) => Math.max(v, 0));
  const hi = upper;
  let sumLo = 0, sumHi = 0;
  for (let i = 0; i < n; i++) {
    if (!(hi[i]! > 0)) return fail('infeasible', `risk parity is long-only: asset ${i} has an upper bound of ${hi[i]}`, { constraints: ['bounds'] });
    if (lo[i]! > hi[i]!) return fail('infeasible', `asset ${i}: lower bound above upper bound`, { constraints: ['bounds'] });
    sumLo += lo[i]!;
    sumHi += hi[i]!;
  }
  if (sumLo > 1 + 1e-12 || sumHi < 1 - 1e-12) return fail('infeasible', 'no fully invested long-only portfolio fits the bounds', { constraints: ['bounds'] });
  const tol = opts.tol ?? 1e-12;
  const maxSweeps = opts.maxSweeps ?? 10_000;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = Math.min(hi[i]!, Math.max(lo[i]!, 1 / n));
  const sx = new Float64Array(n);
  const refresh = () => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += cov[i * n + j]! * x[j]!;
      sx[i] = s;
    }
  };
  refresh();
  let sweepsTotal = 0;
  /** Inner solve at λ (warm-started from the current x); returns Σx. */
  const solveAt = (lambda: number): number => {
    for (let sweep = 0; sweep < maxSweeps; sweep++) {
      sweepsTotal++;
      let change = 0;
      for (let i = 0; i < n; i++) {
        const sii = cov[i * n + i]!;
        const c = sx[i]! - sii * x[i]!;
        const free = (-c + Math.sqrt(c * c + 4 * sii * lambda * b[i]!)) / (2 * sii);
        const xi = Math.min(hi[i]!, Math.max(lo[i]!, free));
        const delta = xi - x[i]!;
        if (delta !== 0) {
          x[i] = xi;
          const row = i * n;
          for (let k = 0; k < n; k++) sx[k] = sx[k]! + cov[row + k]! * delta;
          change = Math.max(change, Math.abs(delta) / xi);
        }
      }
      if (change <= tol) break;
    }
    refresh();
    let s = 0;
    for (let i = 0; i < n; i++) s += x[i]!;
    return s;
  };
  // Bracket ln λ around Σx = 1, then bisect; the variance scale sets λ's scale (λ ≈ xᵀΣx at the solution).
  let diagMean = 0;
  for (let i = 0; i < n; i++) diagMean += cov[i * n + i]! / n;
  let a = Math.log(diagMean / n) - 2, z = a + 4;
  // Capped: with Σlo or Σhi equal to 1 (within rounding) the limits are reached only asymptotically.
  for (let k = 0; k < 100 && solveAt(Math.exp(a)) > 1; k++) a -= 4;
  for (let k = 0; k < 100 && solveAt(Math.exp(z)) < 1; k++) z += 4;
  let lambda = Math.exp(z);
  for (let k = 0; k < 200; k++) {
    const mid = 0.5 * (a + z);
    const s = solveAt(Math.exp(mid));
    lambda = Math.exp(mid);
    if (Math.abs(s - 1) <= tol) break;
    if (s > 1) z = mid;
    else a = mid;
    if (z - a < 1e-15) break;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += x[i]!;
  const w = Float64Array.from(x, (v) => v / total);
  // Optimality of the inner program at λ: g_i = (Σx)_i − λ b_i / x_i is 0 off the bounds, ≥ 0 at the
  // lower bound, ≤ 0 at the upper bound (relative to λ b_i / x_i).
  const atLower: number[] = [];
  const atUpper: number[] = [];
  let kkt = 0;
  for (let i = 0; i < n; i++) {
    const g = (x[i]! * sx[i]! - lambda * b[i]!) / (lambda * b[i]!);
    const eps = 1e-12 * Math.max(1, x[i]!);
    if (x[i]! <= lo[i]! + eps && lo[i]! > 0) {
      atLower.push(i);
      kkt = Math.max(kkt, -g);
    } else if (x[i]! >= hi[i]! - eps) {
      atUpper.push(i);
      kkt = Math.max(kkt, g);
    } else kkt = Math.max(kkt, Math.abs(g));
  }
  const shares = riskShares(cov, n, w);
  let maxDeviation = 0;
  for (let i = 0; i < n; i++) maxDeviation = Math.max(maxDeviation, Math.abs(shares[i]! - b[i]!));
  if (kkt > 1e-6) return fail('not-converged', `bounded risk parity did not converge (optimality residual ${kkt.toExponential(2)})`);
  return ok({ weights: w, riskShares: shares, sweeps: sweepsTotal, maxDeviation, lambda, atLower, atUpper, kktResidual: Math.max(kkt, 0) });
}
