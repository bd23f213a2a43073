/**
 * Critical line method (Markowitz) for the long-only / boxed frontier with a budget: the exact frontier
 * is piecewise linear in λ (min ½wᵀΣw − λμᵀw), and its turning points are where an asset enters or
 * leaves the free set. Parametric form after Niedermayer & Hammerschmid: along a segment
 *   w_F(λ) = α + λβ,  budget multiplier η(λ) = η₀ + λη₁,
 * and a bounded asset i frees when its reduced gradient γᵢ(λ) = (Σw)ᵢ − λμᵢ − η(λ) crosses 0.
 * Σ_FF⁻¹ is kept by bordering updates (O(|F|²) per event) and refreshed periodically for accuracy.
 */
import { hasFactorLimits } from '../factors/constraints.js';
import { fail, ok, type CoreResult } from '../result.js';
import { solveSpd } from '../stats/linalg.js';
import type { PreparedProblem } from './problem.js';

export interface ClaResult {
  /** Turning-point weights, from the max-return end (λ large) to the min-variance end (λ = 0). */
  turningPoints: Float64Array[];
  lambdas: number[];
  iterations: number;
}

/** True when the problem is a budget + finite bounds problem the CLA solves exactly. */
export function claApplies(p: PreparedProblem): boolean {
  const c = p.options.constraints;
  return (
    !c.marketNeutral &&
    c.groups.length === 0 &&
    !hasFactorLimits(p) &&
    c.l2 === 0 &&
    c.txCost === 0 &&
    c.maxTurnover === undefined &&
    c.trackingError === undefined &&
    (c.maxHoldings === undefined || c.maxHoldings >= p.n) &&
    p.lower.every(Number.isFinite) &&
    p.upper.every(Number.isFinite)
  );
}

export function criticalLine(p: PreparedProblem, maxIter = 20 * p.n + 100): CoreResult<ClaResult> {
  const { n, cov, lower, upper } = p;
  const mu = p.mu.slice();
  let lsum = 0, usum = 0;
  for (let i = 0; i < n; i++) {
    lsum += lower[i]!;
    usum += upper[i]!;
  }
  if (lsum > 1 + 1e-12 || usum < 1 - 1e-12) return fail('infeasible', 'the bounds cannot sum to 1', { constraints: ['budget', 'bounds'] });
  // Start: everything at its lower bound, then fill from the highest return up to the budget.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => mu[b]! - mu[a]!);
  const w = Float64Array.from(lower);
  let rest = 1 - lsum;
  let firstFree = order[0]!;
  for (const i of order) {
    const room = upper[i]! - lower[i]!;
    if (room >= rest) {
      w[i] = lower[i]! + rest;
      firstFree = i;
      rest = 0;
      break;
    }
    w[i] = upper[i]!;
    rest -= room;
  }
  const free: number[] = [firstFree];
  const isFree = new Uint8Array(n);
  isFree[firstFree] = 1;
  // A = Σ_FF⁻¹ (dense, stride n)
  let A = new Float64Array(n * n);
  A[0] = 1 / cov[firstFree * n + firstFree]!;
  const turningPoints: Float64Array[] = [w.slice()];
  const lambdas: number[] = [Infinity];
  let lam = Infinity;
  let updates = 0;
  const alpha = new Float64Array(n);
  const beta = new Float64Array(n);

  const refresh = () => {
    const f = free.length;
    const S = new Float64Array(f * f);
    for (let a = 0; a < f; a++) for (let b = 0; b < f; b++) S[a * f + b] = cov[free[a]! * n + free[b]!]!;
    const e = new Float64Array(f);
    const fresh = new Float64Array(n * n);
    for (let b = 0; b < f; b++) {
      e.fill(0);
      e[b] = 1;
      const col = solveSpd(S, f, e);
      if (!col) return false;
      for (let a = 0; a < f; a++) fresh[a * n + b] = col[a]!;
    }
    A = fresh;
    updates = 0;
    return true;
  };

  let iter = 0;
  for (; iter < maxIter; iter++) {
    const f = free.length;
    // u1 = A·1, um = A·μ_F, uB = A·(Σ_FB w_B)
    const sFB = new Float64Array(f);
    let sumB = 0;
    for (let i = 0; i < n; i++) if (!isFree[i]) sumB += w[i]!;
    for (let a = 0; a < f; a++) {
      let acc = 0;
      const ra = free[a]! * n;
      for (let j = 0; j < n; j++) if (!isFree[j]) acc += cov[ra + j]! * w[j]!;
      sFB[a] = acc;
    }
    const u1 = new Float64Array(f), um = new Float64Array(f), uB = new Float64Array(f);
    for (let a = 0; a < f; a++) {
      let s1 = 0, sm = 0, sb = 0;
      for (let b = 0; b < f; b++) {
        const v = A[a * n + b]!;
        s1 += v;
        sm += v * mu[free[b]!]!;
        sb += v * sFB[b]!;
      }
      u1[a] = s1;
      um[a] = sm;
      uB[a] = sb;
    }
    let g1 = 0, gm = 0, gB = 0;
    for (let a = 0; a < f; a++) {
      g1 += u1[a]!;
      gm += um[a]!;
      gB += uB[a]!;
    }
    const eta1 = -gm / g1;
    const eta0 = (1 - sumB + gB) / g1;
    for (let a = 0; a < f; a++) {
      alpha[a] = -uB[a]! + eta0 * u1[a]!;
      beta[a] = um[a]! + eta1 * u1[a]!;
    }
    // Next event below the current λ: a free asset hits a bound, or a bounded asset frees.
    let best = -Infinity;
    let kind: 'in' | 'out' | null = null;
    let who = -1;
    let bound = 0;
    for (let a = 0; a < f; a++) {
      const i = free[a]!;
      const b = beta[a]!;
      if (Math.abs(b) < 1e-300) continue;
      const target = b > 0 ? lower[i]! : upper[i]!;
      const l = (target - alpha[a]!) / b;
      if (l < lam * (1 - 1e-12) && l > best && f > 1) {
        best = l;
        kind = 'out';
        who = a;
        bound = target;
      }
    }
    for (let i = 0; i < n; i++) {
      if (isFree[i]) continue;
      const ri = i * n;
      let sa = 0, sb = 0;
      for (let a = 0; a < f; a++) {
        const c = cov[ri + free[a]!]!;
        sa += c * alpha[a]!;
        sb += c * beta[a]!;
      }
      let sw = 0;
      for (let j = 0; j < n; j++) if (!isFree[j]) sw += cov[ri + j]! * w[j]!;
      const a0 = sa + sw - eta0;
      const b0 = sb - mu[i]! - eta1;
      if (Math.abs(b0) < 1e-300) continue;
      const l = -a0 / b0;
      // At a lower bound the gradient must turn negative below λ (b0 > 0), at an upper bound positive.
      const atLower = w[i] === lower[i];
      if ((atLower ? b0 > 0 : b0 < 0) && l < lam * (1 - 1e-12) && l > best) {
        best = l;
        kind = 'in';
        who = i;
      }
    }
    const stop = kind === null || best <= 0;
    const lNew = stop ? 0 : best;
    for (let a = 0; a < f; a++) w[free[a]!] = alpha[a]! + lNew * beta[a]!;
    if (stop) {
      turningPoints.push(w.slice());
      lambdas.push(0);
      break;
    }
    if (kind === 'out') {
      const i = free[who]!;
      w[i] = bound;
      // Remove position `who` from A: A' = E − f fᵀ/g.
      const g = A[who * n + who]!;
      const next = new Float64Array(n * n);
      for (let a = 0, a2 = 0; a < f; a++) {
        if (a === who) continue;
        for (let b = 0, b2 = 0; b < f; b++) {
          if (b === who) continue;
          next[a2 * n + b2] = A[a * n + b]! - (A[a * n + who]! * A[who * n + b]!) / g;
          b2++;
        }
        a2++;
      }
      A = next;
      free.splice(who, 1);
      isFree[i] = 0;
    } else {
      const i = who;
      // Bordering: u = A c, s = 1/(Σ_ii − cᵀu).
      const c = Float64Array.from(free, (j) => cov[i * n + j]!);
      const u = new Float64Array(f);
      for (let a = 0; a < f; a++) {
        let acc = 0;
        for (let b = 0; b < f; b++) acc += A[a * n + b]! * c[b]!;
        u[a] = acc;
      }
      let cu = 0;
      for (let a = 0; a < f; a++) cu += c[a]! * u[a]!;
      const s = 1 / (cov[i * n + i]! - cu);
      for (let a = 0; a < f; a++) {
        for (let b = 0; b < f; b++) A[a * n + b] = A[a * n + b]! + s * u[a]! * u[b]!;
        A[a * n + f] = -s * u[a]!;
        A[f * n + a] = -s * u[a]!;
      }
      A[f * n + f] = s;
      free.push(i);
      isFree[i] = 1;
    }
    lam = lNew;
    turningPoints.push(w.slice());
    lambdas.push(lam);
    if (++updates >= 50 && !refresh()) return fail('singular-covariance', 'the covariance of the free assets is singular');
  }
  if (iter >= maxIter) return fail('solver-failed', 'the critical line method did not reach the minimum-variance end');
  return ok({ turningPoints: dedupe(turningPoints, lambdas), lambdas, iterations: iter + 1 });
}

/** Drops consecutive duplicates (events at the same λ give the same portfolio). */
function dedupe(points: Float64Array[], lambdas: number[]): Float64Array[] {
  const out: Float64Array[] = [];
  const keep: number[] = [];
  points.forEach((w, k) => {
    const prev = out[out.length - 1];
    if (prev && w.every((x, i) => Math.abs(x - prev[i]!) < 1e-12)) return;
    out.push(w);
    keep.push(lambdas[k]!);
  });
  lambdas.splice(0, lambdas.length, ...keep);
  return out;
}

/** Frontier weights at return `target` by linear interpolation between adjacent turning points. */
export function interpolateFrontier(points: Float64Array[], mu: Float64Array, target: number): Float64Array | null {
  const ret = (w: Float64Array) => w.reduce((s, x, i) => s + x * mu[i]!, 0);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k]!, b = points[k + 1]!;
    const ra = ret(a), rb = ret(b);
    const lo = Math.min(ra, rb), hi = Math.max(ra, rb);
    if (target < lo - 1e-15 || target > hi + 1e-15) continue;
    const t = hi === lo ? 0 : (target - ra) / (rb - ra);
    return a.map((x, i) => x + t * (b[i]! - x));
  }
  return null;
}
