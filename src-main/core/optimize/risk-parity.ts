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
