/**
 * Worst-case mean-variance (robust optimisation over an uncertainty set for μ), with max-utility's
 * convention for the risk term, so δ = 0 or κ = 0 gives the classical max-utility portfolio:
 *   box:       max μ̂ᵀw − δᵀ|w| − ½λ wᵀΣw        (|w| by split variables when shorting is allowed: a QP)
 *   ellipsoid: max μ̂ᵀw − κ‖Ω^½ w‖ − ½λ wᵀΣw     (Ω = diag of the squared standard errors of the means)
 * The ellipsoid's norm is handled exactly through κ‖x‖ = min_{t>0} (κ/2)(‖x‖²/t + t): for fixed t the
 * problem is a QP with Hessian λΣ + (κ/t)Ω, and the optimal t is the root of s(w(t)) − t (decreasing
 * in t, since the value over t is concave), found by regula falsi; at the root the QP's solution is
 * the exact optimum of the conic problem.
 */
import { Cancelled, type CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { chiSquareQuantile, normalQuantile } from '../stats/distributions.js';
import { dot, quadForm } from '../stats/linalg.js';
import { minVolatility, solveSpec } from '../optimize/mean-variance.js';
import type { ObjectiveSolver, PreparedProblem, Solution } from '../optimize/problem.js';
import { buildQp, type BuiltQp } from '../optimize/qp-build.js';
import type { LinearRow } from '../optimize/qp-dual.js';
import { runQp } from '../optimize/solve-qp.js';

/** Annualised standard error of each annualised mean: √(Σᵢᵢ·f/T) with T complete daily rows. */
export function meanStandardErrors(p: PreparedProblem): Float64Array {
  const f = p.options.estimators.frequency;
  return Float64Array.from({ length: p.n }, (_, i) => Math.sqrt((p.cov[i * p.n + i]! * f) / Math.max(1, p.T)));
}

/** Adds a_i ≥ |w_i| (a_i ≥ w_i, a_i ≥ −w_i) with cost δ_i a_i to a built QP; HiGHS solves it (no curvature on a). */
function withAbsoluteCost(built: BuiltQp, delta: Float64Array): BuiltQp {
  const { qp, n } = built;
  const N0 = qp.n;
  const N = N0 + n;
  const P = new Float64Array(N * N);
  for (let i = 0; i < N0; i++) P.set(qp.P.subarray(i * N0, (i + 1) * N0), i * N);
  const q = new Float64Array(N);
  q.set(qp.q);
  for (let i = 0; i < n; i++) q[N0 + i] = delta[i]! * built.scale;
  const pad = (r: LinearRow): LinearRow => {
    const a = new Float64Array(N);
    a.set(r.a);
    return { name: r.name, a, b: r.b };
  };
  const ineq = qp.ineq.map(pad);
  for (let i = 0; i < n; i++) {
    const up = new Float64Array(N);
    up[N0 + i] = 1;
    up[i] = -1;
    ineq.push({ name: `abs+ ${qp.varNames[i]}`, a: up, b: 0 });
    const dn = new Float64Array(N);
    dn[N0 + i] = 1;
    dn[i] = 1;
    ineq.push({ name: `abs- ${qp.varNames[i]}`, a: dn, b: 0 });
  }
  const lower = new Float64Array(N);
  lower.set(qp.lower);
  const upper = new Float64Array(N).fill(Infinity);
  upper.set(qp.upper);
  const varNames = [...qp.varNames, ...qp.varNames.slice(0, n).map((t) => `|${t}|`)];
  return { ...built, qp: { n: N, P, q, eq: qp.eq.map(pad), ineq, lower, upper, varNames }, tradeFirst: built.tradeFirst >= 0 ? built.tradeFirst : n };
}

/** Box worst case with per-asset half-widths δ (annualised, fractions); δ = 0 is max-utility. */
export async function worstCaseBox(p: PreparedProblem, delta: Float64Array): Promise<CoreResult<Solution>> {
  const lambda = p.options.targets.riskAversion;
  const longOnly = p.lower.every((l) => l >= 0);
  let s: Solution;
  if (longOnly) {
    // With w ≥ 0, |w| = w: the worst case is max-utility on μ̂ − δ.
    const r = await solveSpec(p, { sigmaFactor: lambda, linear: p.mu.map((m, i) => -(m - delta[i]!)) }, 'worst-case-mv');
    if (!r.ok) return r;
    s = r.value;
  } else {
    if (p.options.constraints.trackingError !== undefined) return fail('unsupported', 'worst-case-mv with a box set and shorting does not take a tracking-error cap');
    const built = buildQp(p, { sigmaFactor: lambda, linear: p.mu.map((m) => -m) });
    if (!built.ok) return built;
    const r = await runQp(withAbsoluteCost(built.value, delta), 'worst-case-mv');
    if (!r.ok) return r;
    s = r.value.solution;
  }
  const w = s.weights;
  let worst = dot(p.mu, w);
  for (let i = 0; i < p.n; i++) worst -= delta[i]! * Math.abs(w[i]!);
  return ok({ ...s, solver: `worst-case-box(${s.solver})`, extras: { ...s.extras, worstCaseReturn: worst } });
}

/** Ellipsoid worst case with radius κ and diagonal Ω (annualised squared standard errors); κ = 0 is max-utility. */
export async function worstCaseEllipsoid(p: PreparedProblem, kappa: number, omega: Float64Array, ctx?: CoreHooks): Promise<CoreResult<Solution>> {
  const lambda = p.options.targets.riskAversion;
  const n = p.n;
  const omegaNorm = (w: Float64Array) => Math.sqrt(w.reduce((acc, x, i) => acc + omega[i]! * x * x, 0));
  let solves = 0;
  const solveAt = async (t: number) => {
    if (ctx?.isCancelled()) throw new Cancelled();
    solves++;
    const H = new Float64Array(n * n);
    for (let k = 0; k < n * n; k++) H[k] = lambda * p.cov[k]!;
    if (t > 0) for (let i = 0; i < n; i++) H[i * n + i] = H[i * n + i]! + (kappa / t) * omega[i]!;
    return solveSpec(p, { sigmaFactor: lambda, hessian: H, linear: p.mu.map((m) => -m) }, 'worst-case-mv');
  };
  const classical = await solveAt(0);
  if (!classical.ok) return classical;
  const report = (s: Solution, t: number, note: string): CoreResult<Solution> => {
    const sw = omegaNorm(s.weights);
    const worst = dot(p.mu, s.weights) - kappa * sw;
    const value = worst - 0.5 * lambda * quadForm(p.cov, n, s.weights);
    const gapBound = t > 0 ? (kappa / (2 * t)) * (sw - t) ** 2 : 0;
    const accurate = s.status === 'optimal' && gapBound <= 1e-9 * Math.max(1e-12, Math.abs(value));
    return ok({
      ...s,
      solver: `worst-case-ellipsoid(${s.solver})`,
      status: accurate ? 'optimal' : 'optimal-inaccurate',
      extras: { ...s.extras, worstCaseReturn: worst, kappa, normRadius: t, normGap: gapBound, ellipsoidSolves: solves },
      warnings: [...(s.warnings ?? []), note],
    });
  };
  if (kappa === 0) return report(classical.value, 0, 'κ = 0: the classical max-utility portfolio');
  const t0 = omegaNorm(classical.value.weights);
  // The smallest ‖Ω^½w‖ over the constraints brackets the root from below: φ(s_min) ≥ 0 ≥ φ(t0).
  const mvOmega = await minVolatility({ ...p, cov: Float64Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? omega[k / (n + 1)]! : 0)) });
  if (!mvOmega.ok) return mvOmega;
  const sMin = omegaNorm(mvOmega.value.weights);
  if (!(t0 > 0)) return report(classical.value, t0, 'the classical portfolio has no estimation risk');
  let a = Math.max(sMin, 1e-12 * t0);
  let b = t0;
  const ra = await solveAt(a);
  if (!ra.ok) return ra;
  let fa = omegaNorm(ra.value.weights) - a;
  const rb = await solveAt(b);
  if (!rb.ok) return rb;
  let fb = omegaNorm(rb.value.weights) - b;
  let best = Math.abs(fa) / a <= Math.abs(fb) / b ? { s: ra.value, t: a, f: fa } : { s: rb.value, t: b, f: fb };
  if (fa <= 0) return report(ra.value, a, 'the estimation-risk norm is at its smallest reachable value');
  let side = 0;
  for (let k = 0; k < 80 && fb < 0; k++) {
    const t = a - (fa * (b - a)) / (fb - fa);
    const r = await solveAt(t);
    if (!r.ok) return r;
    const ft = omegaNorm(r.value.weights) - t;
    if (Math.abs(ft) / t < Math.abs(best.f) / best.t) best = { s: r.value, t, f: ft };
    if (Math.abs(ft) <= 1e-12 * t) break;
    if (ft > 0) {
      a = t;
      fa = ft;
      if (side === 1) fb /= 2;
      side = 1;
    } else {
      b = t;
      fb = ft;
      if (side === -1) fa /= 2;
      side = -1;
    }
    if (b - a <= 1e-15 * b) break;
  }
  return report(best.s, best.t, `ellipsoidal worst case solved as QPs over the norm radius t (${solves} solves; exact at the root t = ‖Ω^½w‖)`);
}

/** The worst-case-mv objective: box or ellipsoid set at the scenario's confidence level. */
export const worstCaseMv: ObjectiveSolver = async (p, ctx) => {
  const { uncertainty, confidence } = p.options.robust;
  const se = meanStandardErrors(p);
  if (uncertainty === 'box') {
    const z = normalQuantile((1 + confidence) / 2);
    return worstCaseBox(p, se.map((x) => z * x));
  }
  const kappa = Math.sqrt(chiSquareQuantile(confidence, p.n));
  return worstCaseEllipsoid(p, kappa, se.map((x) => x * x), ctx);
};
