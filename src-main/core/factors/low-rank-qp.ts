/**
 * min ½·wᵀ(a(BΣ_FBᵀ + D) + diag(r))w + qᵀw  s.t. 1ᵀw = β, l ≤ w ≤ u, solved through its k-dimensional
 * dual: with y = Bᵀw and multipliers ν (for y = Bᵀw) and η (budget), the inner minimum is separable,
 * w_i = clip((η − q_i − b_iᵀν)/d_i, l_i, u_i) with d_i = a·D_i + r_i, and the concave piecewise-quadratic
 * dual (η eliminated exactly per ν: Σw is monotone in η) is maximised by a semismooth Newton method with
 * backtracking. Each iteration is O(n·k²) plus the η search, so a
 * 2000-asset problem never touches an n×n matrix.
 */
import { solveSpd } from '../stats/linalg.js';

export interface LowRankQp {
  n: number;
  k: number;
  /** n×k loadings. */
  loadings: Float64Array;
  /** k×k factor covariance (SPD). */
  factorCov: Float64Array;
  /** n specific variances (≥ 0). */
  specific: Float64Array;
  /** Multiple a of the covariance. */
  a: number;
  /** Extra diagonal (2γ of L2, ridges), per asset. */
  ridge: Float64Array;
  q: Float64Array;
  budget: number;
  lower: Float64Array;
  upper: Float64Array;
}

export interface LowRankSolution {
  weights: Float64Array;
  iterations: number;
  /** max(|1ᵀw − β|, ‖Bᵀw − y‖∞): the primal residual of the dual iterate. */
  residual: number;
  converged: boolean;
}

/** Solves the problem to a primal residual ≤ tol; null when a specific variance is 0 (the dual is not smooth there). */
export function solveLowRankQp(p: LowRankQp, tol = 1e-12, maxIter = 200): LowRankSolution | null {
  const { n, k, loadings: B } = p;
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = p.a * p.specific[i]! + p.ridge[i]!;
    if (!(d[i]! > 0)) return null;
  }
  // (aΣ_F)⁻¹ by k solves.
  const fa = p.factorCov.map((v) => v * p.a);
  const finv = new Float64Array(k * k);
  for (let c = 0; c < k; c++) {
    const e = new Float64Array(k);
    e[c] = 1;
    const x = solveSpd(fa, k, e);
    if (!x) return null;
    for (let r = 0; r < k; r++) finv[r * k + c] = x[r]!;
  }
  let lowSum = 0, highSum = 0;
  for (let i = 0; i < n; i++) {
    lowSum += p.lower[i]!;
    highSum += p.upper[i]!;
  }
  if (lowSum > p.budget || highSum < p.budget) return null;
  let nu = new Float64Array(k);
  const w = new Float64Array(n);
  const free = new Uint8Array(n);
  const c = new Float64Array(n);
  const wAt = (eta: number, i: number) => {
    const raw = (eta - c[i]!) / d[i]!;
    return raw < p.lower[i]! ? p.lower[i]! : raw > p.upper[i]! ? p.upper[i]! : raw;
  };
  const total = (eta: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += wAt(eta, i);
    return s;
  };
  /** η(ν): the budget multiplier solving 1ᵀw(ν, η) = β (Σw is nondecreasing in η), exact on the final linear piece. */
  const budgetMultiplier = (): number => {
    let lo = -1, hi = 1;
    while (total(lo) > p.budget) lo *= 2;
    while (total(hi) < p.budget) hi *= 2;
    for (let it = 0; it < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(lo), Math.abs(hi)); it++) {
      const mid = 0.5 * (lo + hi);
      // Exact solve on the piece of `mid`: free assets linear in η, the others fixed.
      let fixed = 0, sc = 0, sd = 0;
      for (let i = 0; i < n; i++) {
        const raw = (mid - c[i]!) / d[i]!;
        if (raw <= p.lower[i]!) fixed += p.lower[i]!;
        else if (raw >= p.upper[i]!) fixed += p.upper[i]!;
        else {
          sc += c[i]! / d[i]!;
          sd += 1 / d[i]!;
        }
      }
      if (sd > 0) {
        const eta = (p.budget - fixed + sc) / sd;
        if (eta >= lo && eta <= hi && Math.abs(total(eta) - p.budget) <= 1e-13 * Math.max(1, Math.abs(p.budget)) + 1e-15 * n) return eta;
      }
      if (total(mid) < p.budget) lo = mid;
      else hi = mid;
    }
    return 0.5 * (lo + hi);
  };
  /** Inner minimiser w(ν, η(ν)) and the reduced dual value g̃(ν). */
  const evaluate = (v: Float64Array): number => {
    for (let i = 0; i < n; i++) {
      let s = p.q[i]!;
      for (let a = 0; a < k; a++) s += B[i * k + a]! * v[a]!;
      c[i] = s;
    }
    const eta = budgetMultiplier();
    let g = p.budget * eta;
    for (let i = 0; i < n; i++) {
      const raw = (eta - c[i]!) / d[i]!;
      const x = wAt(eta, i);
      free[i] = x === raw ? 1 : 0;
      w[i] = x;
      g += 0.5 * d[i]! * x * x + (c[i]! - eta) * x;
    }
    let quad = 0;
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) quad += v[a]! * finv[a * k + b]! * v[b]!;
    return g - 0.5 * quad;
  };
  let g = evaluate(nu);
  const grad = new Float64Array(k);
  const H = new Float64Array(k * k);
  const hb = new Float64Array(k);
  let residual = Infinity;
  for (let it = 1; it <= maxIter; it++) {
    // ∇g̃ = Bᵀw − (aΣ_F)⁻¹ν (envelope theorem: η is optimal). −∇²g̃ = (aΣ_F)⁻¹ + Σ_free b bᵀ/d − h hᵀ/s
    // with h = Σ_free b/d, s = Σ_free 1/d: the Schur complement of the budget row, always SPD.
    grad.fill(0);
    H.fill(0);
    hb.fill(0);
    let sinv = 0;
    for (let i = 0; i < n; i++) {
      for (let a = 0; a < k; a++) grad[a] = grad[a]! + B[i * k + a]! * w[i]!;
      if (!free[i]) continue;
      const inv = 1 / d[i]!;
      sinv += inv;
      for (let a = 0; a < k; a++) {
        const ba = B[i * k + a]! * inv;
        hb[a] = hb[a]! + ba;
        for (let b = 0; b <= a; b++) H[a * k + b] = H[a * k + b]! + ba * B[i * k + b]!;
      }
    }
    let budgetGap = -p.budget;
    for (let i = 0; i < n; i++) budgetGap += w[i]!;
    let yGap = 0;
    for (let a = 0; a < k; a++) {
      let fy = 0;
      for (let b = 0; b < k; b++) fy += finv[a * k + b]! * nu[b]!;
      grad[a] = grad[a]! - fy;
      yGap = Math.max(yGap, Math.abs(grad[a]!));
    }
    residual = Math.max(Math.abs(budgetGap), yGap);
    if (residual <= tol) return { weights: w.slice(), iterations: it - 1, residual, converged: true };
    for (let a = 0; a < k; a++)
      for (let b = 0; b <= a; b++) {
        const v = H[a * k + b]! + finv[a * k + b]! - (sinv > 0 ? (hb[a]! * hb[b]!) / sinv : 0);
        H[a * k + b] = v;
        H[b * k + a] = v;
      }
    const step = solveSpd(H, k, grad) ?? grad.slice();
    let slope = 0;
    for (let a = 0; a < k; a++) slope += grad[a]! * step[a]!;
    let t = 1;
    let accepted = false;
    for (let ls = 0; ls < 60; ls++) {
      const trial = nu.map((v, a) => v + t * step[a]!);
      const gt = evaluate(trial);
      if (gt >= g + 1e-4 * t * slope || (ls > 40 && gt >= g)) {
        nu = trial;
        g = gt;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      evaluate(nu);
      break;
    }
  }
  return { weights: w.slice(), iterations: maxIter, residual, converged: residual <= tol };
}
