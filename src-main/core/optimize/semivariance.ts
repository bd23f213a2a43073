/**
 * Min-semivariance, PyPortfolioOpt's EfficientSemivariance objective: min Σₜ min(Bₜw, 0)² with
 * B = (R − benchmark)·√(f/T), i.e. the annualised semivariance below the (daily) benchmark.
 * The objective is a convex piecewise quadratic, so it is solved as a sequence of QPs over the set D of
 * scenarios below the benchmark (Hessian 2·B_DᵀB_D) until D no longer changes, with a backtracking step
 * on the true objective so the sequence descends; at a fixed D the QP's KKT conditions are exactly the
 * problem's. HiGHS (the sparse QP with 2T extra columns) is the fallback.
 */
import { fail, ok, type CoreResult } from '../result.js';
import { loadHighs, runModel } from './lp/highs-runtime.js';
import { certify } from './lp/lp-check.js';
import { addCols, addDenseRow, newLp, rowActivities, toModelData } from './lp/lp-builder.js';
import { addPortfolio, bindingPortfolioConstraints } from './lp/portfolio-lp.js';
import { portfolioSpecOf } from './objectives-risk.js';
import type { ObjectiveSolver, PreparedProblem, Solution } from './problem.js';
import { buildQp } from './qp-build.js';
import { runQp } from './solve-qp.js';

function scenarios(p: PreparedProblem): Float64Array {
  const { n, T } = p;
  const k = Math.sqrt(p.options.estimators.frequency / T);
  const bench = p.options.estimators.benchmark;
  const B = new Float64Array(T * n);
  for (let i = 0; i < B.length; i++) B[i] = (p.returns[i]! - bench) * k;
  return B;
}

/** Annualised semivariance Σ min(Bₜw, 0)² of weights w. */
export function semivarianceOf(B: Float64Array, T: number, n: number, w: ArrayLike<number>): number {
  let s = 0;
  for (let t = 0; t < T; t++) {
    let x = 0;
    for (let i = 0; i < n; i++) x += B[t * n + i]! * w[i]!;
    if (x < 0) s += x * x;
  }
  return s;
}

function downSet(B: Float64Array, T: number, n: number, w: ArrayLike<number>): Uint8Array {
  const d = new Uint8Array(T);
  for (let t = 0; t < T; t++) {
    let x = 0;
    for (let i = 0; i < n; i++) x += B[t * n + i]! * w[i]!;
    d[t] = x < 0 ? 1 : 0;
  }
  return d;
}

async function activeSetSemivariance(p: PreparedProblem, B: Float64Array): Promise<CoreResult<Solution>> {
  const { n, T } = p;
  let w: Float64Array = new Float64Array(n).fill(1 / n);
  let D = downSet(B, T, n, w);
  let fw = semivarianceOf(B, T, n, w);
  let last: Solution | undefined;
  for (let iter = 0; iter < 60; iter++) {
    const H = new Float64Array(n * n);
    for (let t = 0; t < T; t++) {
      if (!D[t]) continue;
      const o = t * n;
      for (let i = 0; i < n; i++) {
        const bi = 2 * B[o + i]!;
        for (let j = 0; j < n; j++) H[i * n + j] = H[i * n + j]! + bi * B[o + j]!;
      }
    }
    const built = buildQp(p, { sigmaFactor: 0, linear: new Float64Array(n), hessian: H });
    if (!built.ok) return built;
    const r = await runQp(built.value, 'min-semivariance');
    if (!r.ok) return r;
    const cand = r.value.solution.weights;
    const Dn = downSet(B, T, n, cand);
    if (Dn.every((x, t) => x === D[t]) || last === undefined) {
      if (Dn.every((x, t) => x === D[t])) {
        return ok({ ...r.value.solution, iterations: r.value.solution.iterations, extras: { ...r.value.solution.extras, semivariance: semivarianceOf(B, T, n, cand), outerIterations: iter + 1 } });
      }
    }
    last = r.value.solution;
    // Backtrack on the true objective so the iteration descends.
    let step = 1;
    let next = cand;
    let fn = semivarianceOf(B, T, n, cand);
    while (fn > fw && step > 1e-6) {
      step /= 2;
      next = w.map((x, i) => x + step * (cand[i]! - x));
      fn = semivarianceOf(B, T, n, next);
    }
    w = next;
    fw = fn;
    D = downSet(B, T, n, w);
  }
  return fail('solver-failed', 'min-semivariance: the scenario set did not settle');
}

async function highsSemivariance(p: PreparedProblem, B: Float64Array): Promise<CoreResult<Solution>> {
  const spec = portfolioSpecOf(p, false);
  if (!spec.ok) return spec;
  const { n, T } = p;
  const lp = newLp(T * (n + 2) + 4 * n);
  addPortfolio(lp, spec.value);
  const up = addCols(lp, T, 0, 0, Infinity, 'up');
  const down = addCols(lp, T, 0, 0, Infinity, 'down');
  for (let t = 0; t < T; t++) addDenseRow(lp, 0, 0, 0, B, t * n, n, [up + t, down + t], [-1, 1], `scenario ${t}`);
  for (let t = 0; t < T; t++) lp.diagQ.set(down + t, 2);
  const highs = await loadHighs();
  const out = runModel(highs, toModelData(lp), { options: { primal_feasibility_tolerance: 1e-9, dual_feasibility_tolerance: 1e-9 } });
  if (!out.optimal) return fail(out.status === 'infeasible' ? 'infeasible' : 'solver-failed', `min-semivariance: HiGHS stopped with status ${out.status}`, { constraints: [] });
  const cert = certify(lp, out);
  const weights = Float64Array.from(out.colValue.subarray(0, n));
  const worst = Math.max(cert.stationarity, cert.feasibility, cert.complementarity);
  return ok({
    weights,
    solver: 'highs-qp',
    iterations: out.iterations,
    status: worst <= 1e-8 ? 'optimal' : 'optimal-inaccurate',
    kkt: { stationarity: cert.stationarity, feasibility: cert.feasibility, complementarity: cert.complementarity },
    activeConstraints: bindingPortfolioConstraints(lp, spec.value, out.colValue, rowActivities(lp, out.colValue)),
    extras: { semivariance: semivarianceOf(B, T, n, weights), solveTimeMs: out.solveMs },
  });
}

/**
 * PyPortfolioOpt adds γ‖w‖² to the daily semivariance Σ min((r_t − b)w, 0)²/T; this objective is that
 * quantity × f (annualised), so the same γ enters here as f·γ.
 */
function withDailyL2(p: PreparedProblem): PreparedProblem {
  const c = p.options.constraints;
  if (c.l2 === 0) return p;
  return { ...p, options: { ...p.options, constraints: { ...c, l2: c.l2 * p.options.estimators.frequency } } };
}

export const minSemivariance: ObjectiveSolver = async (input) => {
  if (input.options.constraints.trackingError !== undefined) return fail('unsupported', 'min-semivariance does not support a tracking-error cap');
  if (input.T < 2) return fail('insufficient-data', 'min-semivariance needs at least 2 dates where every asset has a return');
  const p = withDailyL2(input);
  const B = scenarios(p);
  const own = await activeSetSemivariance(p, B);
  if (own.ok || own.error.code === 'infeasible' || own.error.code === 'invalid-input') return own;
  const h = await highsSemivariance(p, B);
  if (h.ok) h.value.warnings = [...(h.value.warnings ?? []), `the scenario active-set method failed (${own.error.message}); HiGHS solved the QP`];
  return h;
};
