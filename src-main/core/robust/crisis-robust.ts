/**
 * Crisis-robust objective: minimise the worse of the normal and the turbulent variance,
 *   min_w max(wᵀΣ_n w, wᵀΣ_t w)  under every constraint of the scenario.
 * By the minimax theorem this equals max_p g(p) with g(p) = min_w wᵀ(pΣ_t + (1−p)Σ_n)w, a concave
 * function of the blend weight p ∈ [0, 1] whose slope is wᵀ(Σ_t − Σ_n)w at the minimiser. So the
 * optimum is p = 0 or p = 1 when one variance dominates there, else the root of that slope, found by
 * the Illinois (regula falsi) method. Every g(p) is a lower bound on the optimum, so the gap
 * max(v_n, v_t) − g(p) certifies the answer.
 */
import { Cancelled, type CoreHooks } from '../hooks.js';
import { ok, type CoreResult } from '../result.js';
import { quadForm } from '../stats/linalg.js';
import { minVolatility } from '../optimize/mean-variance.js';
import type { ObjectiveSolver, PreparedProblem, Solution } from '../optimize/problem.js';
import { blendCovariance, turbulenceSplit } from './turbulence.js';

const GAP_TOL = 1e-9;

/** The terms every minimum-variance solve adds to wᵀΣw: γ‖w‖² and k‖w − w₀‖₁ (the same for any blend). */
function penalty(p: PreparedProblem, w: Float64Array): number {
  const c = p.options.constraints;
  let s = 0;
  for (let i = 0; i < p.n; i++) {
    s += c.l2 * w[i]! * w[i]!;
    if (c.txCost > 0) s += c.txCost * Math.abs(w[i]! - (c.currentWeights?.[p.tickers[i]!] ?? 0));
  }
  return s;
}

interface Evaluated {
  p: number;
  s: Solution;
  normal: number;
  turbulent: number;
  /** g(p): the blended objective at its minimiser (a lower bound of the minimax value). */
  bound: number;
  /** γ‖w‖² + k‖w − w₀‖₁ at the minimiser. */
  pen: number;
}

/** The turbulent covariance of a prepared problem's complete daily scenario rows (annualised). */
export function turbulentCovariance(p: PreparedProblem): CoreResult<Float64Array> {
  const est = p.options.estimators;
  const split = turbulenceSplit(p.returns, p.T, p.n, est.turbulence.share, est.frequency, p.tickers);
  if (!split.ok) return split;
  return ok(split.value.turbulent);
}

export const crisisRobust: ObjectiveSolver = async (p: PreparedProblem, ctx?: CoreHooks) => {
  const turb = turbulentCovariance(p);
  if (!turb.ok) return turb;
  return minimaxVariance(p, turb.value, ctx);
};

/** min_w max(wᵀΣw, wᵀS_t w) + the scenario's penalties, Σ = p.cov, under p's constraints (annualised). */
export async function minimaxVariance(p: PreparedProblem, St: Float64Array, ctx?: CoreHooks): Promise<CoreResult<Solution>> {
  const Sn = p.cov;
  let solves = 0;
  const at = async (pw: number): Promise<CoreResult<Evaluated>> => {
    if (ctx?.isCancelled()) throw new Cancelled();
    solves++;
    const cov = pw === 0 ? Sn : pw === 1 ? St : blendCovariance(St, Sn, pw);
    const r = await minVolatility({ ...p, cov });
    if (!r.ok) return r;
    const w = r.value.weights;
    const normal = quadForm(Sn, p.n, w);
    const turbulent = quadForm(St, p.n, w);
    const pen = penalty(p, w);
    return ok({ p: pw, s: r.value, normal, turbulent, pen, bound: pw * turbulent + (1 - pw) * normal + pen });
  };
  const finish = (e: Evaluated, best: number, note: string): CoreResult<Solution> => {
    const worst = Math.max(e.normal, e.turbulent) + e.pen;
    const gap = Math.max(0, worst - best);
    return ok({
      ...e.s,
      solver: `crisis-robust(${e.s.solver})`,
      status: gap <= GAP_TOL * worst && e.s.status === 'optimal' ? 'optimal' : 'optimal-inaccurate',
      extras: {
        ...e.s.extras,
        blendWeight: e.p,
        normalVolatility: Math.sqrt(e.normal),
        turbulentVolatility: Math.sqrt(e.turbulent),
        minimaxGap: gap,
        blendSolves: solves,
      },
      warnings: [...(e.s.warnings ?? []), note],
    });
  };
  const lo = await at(0);
  if (!lo.ok) return lo;
  if (lo.value.turbulent <= lo.value.normal) return finish(lo.value, lo.value.bound, 'the normal variance dominates at the minimum-variance portfolio: the crisis-robust portfolio is the normal one');
  const hi = await at(1);
  if (!hi.ok) return hi;
  if (hi.value.normal <= hi.value.turbulent) return finish(hi.value, hi.value.bound, 'the turbulent variance dominates at its own minimum: the crisis-robust portfolio is the turbulent minimum-variance one');
  // φ(p) = v_t − v_n is decreasing: positive at 0, negative at 1. Illinois regula falsi on it.
  let a = lo.value;
  let b = hi.value;
  let fa = a.turbulent - a.normal;
  let fb = b.turbulent - b.normal;
  let best = Math.max(a.bound, b.bound);
  const value = (e: Evaluated) => Math.max(e.normal, e.turbulent) + e.pen;
  let incumbent = value(a) <= value(b) ? a : b;
  let side = 0;
  for (let k = 0; k < 60; k++) {
    const pw = Math.min(1 - 1e-15, Math.max(1e-15, a.p - (fa * (b.p - a.p)) / (fb - fa)));
    const m = await at(pw);
    if (!m.ok) return m;
    const e = m.value;
    best = Math.max(best, e.bound);
    if (value(e) < value(incumbent)) incumbent = e;
    const worst = value(incumbent);
    if (worst - best <= GAP_TOL * worst) break;
    const fm = e.turbulent - e.normal;
    if (fm > 0) {
      a = e;
      fa = fm;
      if (side === 1) fb /= 2;
      side = 1;
    } else {
      b = e;
      fb = fm;
      if (side === -1) fa /= 2;
      side = -1;
    }
    if (b.p - a.p <= 1e-15) break;
  }
  return finish(incumbent, best, `minimax of the normal and turbulent variances solved over the blend weight (${solves} minimum-variance solves)`);
}
