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
import type { LinearRow } from './qp-dual.js';
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

function rowDot(B: Float64Array, t: number, n: number, w: ArrayLike<number>): number {
  let x = 0;
  for (let i = 0; i < n; i++) x += B[t * n + i]! * w[i]!;
  return x;
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

/** What to minimise: a·SV(w) + cᵀw (+ the problem's L2) subject to the constraints and extra rows. */
interface SemiObjective {
  /** Weight a of the annualised semivariance (1 for min-semivariance, δ/2 for utility). */
  a: number;
  linear: Float64Array;
  extraIneq: LinearRow[];
}

function objectiveValue(p: PreparedProblem, B: Float64Array, o: SemiObjective, w: ArrayLike<number>): number {
  let v = o.a * semivarianceOf(B, p.T, p.n, w);
  const g = p.options.constraints.l2;
  for (let i = 0; i < p.n; i++) v += o.linear[i]! * w[i]! + g * w[i]! * w[i]!;
  return v;
}

async function activeSetSemivariance(p: PreparedProblem, B: Float64Array, o: SemiObjective): Promise<CoreResult<Solution>> {
  const { n, T } = p;
  let w: Float64Array = new Float64Array(n).fill(p.options.constraints.marketNeutral ? 0 : 1 / n);
  let D = downSet(B, T, n, w);
  let fw = objectiveValue(p, B, o, w);
  let last: Solution | undefined;
  for (let iter = 0; iter < 200; iter++) {
    const H = new Float64Array(n * n);
    for (let t = 0; t < T; t++) {
      if (!D[t]) continue;
      const off = t * n;
      for (let i = 0; i < n; i++) {
        const bi = 2 * o.a * B[off + i]!;
        for (let j = 0; j < n; j++) H[i * n + j] = H[i * n + j]! + bi * B[off + j]!;
      }
    }
    const built = buildQp(p, { sigmaFactor: 0, linear: o.linear, hessian: H, extraIneq: o.extraIneq });
    if (!built.ok) return built;
    const r = await runQp(built.value, p.options.objective);
    if (!r.ok) return r;
    const cand = r.value.solution.weights;
    const Dn = downSet(B, T, n, cand);
    // settled: the down set is unchanged, or changes only on scenarios at 0 (where both pieces agree)
    if (Dn.every((x, t) => x === D[t] || Math.abs(rowDot(B, t, n, cand)) <= 1e-12)) {
      return ok({ ...r.value.solution, iterations: r.value.solution.iterations, extras: { ...r.value.solution.extras, semivariance: semivarianceOf(B, T, n, cand), outerIterations: iter + 1 } });
    }
    // Backtrack on the true objective so the iteration descends; the first QP answer is taken whole
    // (the equal-weight start need not meet a return floor, so its objective is no yardstick).
    const first = last === undefined;
    last = r.value.solution;
    let step = 1;
    let next = cand;
    let fn = objectiveValue(p, B, o, cand);
    while (!first && fn > fw && step > 1e-6) {
      step /= 2;
      next = w.map((x, i) => x + step * (cand[i]! - x));
      fn = objectiveValue(p, B, o, next);
    }
    w = next;
    fw = fn;
    D = downSet(B, T, n, w);
  }
  return fail('solver-failed', `${p.options.objective}: the scenario set did not settle`);
}

async function highsSemivariance(p: PreparedProblem, B: Float64Array, o: SemiObjective): Promise<CoreResult<Solution>> {
  const spec = portfolioSpecOf(p, o.extraIneq.length > 0);
  if (!spec.ok) return spec;
  const { n, T } = p;
  const lp = newLp(T * (n + 2) + 4 * n);
  addPortfolio(lp, spec.value);
  const up = addCols(lp, T, 0, 0, Infinity, 'up');
  const down = addCols(lp, T, 0, 0, Infinity, 'down');
  for (let t = 0; t < T; t++) addDenseRow(lp, 0, 0, 0, B, t * n, n, [up + t, down + t], [-1, 1], `scenario ${t}`);
  for (let t = 0; t < T; t++) lp.diagQ.set(down + t, 2 * o.a);
  for (let i = 0; i < n; i++) lp.colCost[i] = lp.colCost[i]! + o.linear[i]!;
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

async function solveSemi(input: PreparedProblem, objective: (p: PreparedProblem) => SemiObjective, dailyL2 = true): Promise<CoreResult<Solution>> {
  if (input.options.constraints.trackingError !== undefined) return fail('unsupported', `${input.options.objective} with semivariance does not support a tracking-error cap`);
  if (input.T < 2) return fail('insufficient-data', `${input.options.objective} with semivariance needs at least 2 dates where every asset has a return`);
  const p = dailyL2 ? withDailyL2(input) : input;
  const B = scenarios(p);
  const o = objective(p);
  const own = await activeSetSemivariance(p, B, o);
  if (own.ok || own.error.code === 'infeasible' || own.error.code === 'invalid-input') return own;
  const h = await highsSemivariance(p, B, o);
  if (h.ok) h.value.warnings = [...(h.value.warnings ?? []), `the scenario active-set method failed (${own.error.message}); HiGHS solved the QP`];
  return h;
}

/** The return floor μᵀw ≥ targets.targetReturn (PyPortfolioOpt's EfficientSemivariance.efficient_return). */
function returnFloor(p: PreparedProblem): LinearRow[] {
  const target = p.options.targets.targetReturn;
  return target === undefined ? [] : [{ name: 'target-return', a: p.mu, b: target }];
}

/** Min semivariance, with a return floor when targets.targetReturn is set. */
export const minSemivariance: ObjectiveSolver = (input) =>
  solveSemi(input, (p) => ({ a: 1, linear: new Float64Array(p.n), extraIneq: returnFloor(p) }));

/** Mean-semivariance utility: max μᵀw − δ/2·SV(w), SV annualised (PyPortfolioOpt's max_quadratic_utility). */
export const maxSemivarianceUtility: ObjectiveSolver = (input) =>
  solveSemi(input, (p) => ({ a: p.options.targets.riskAversion / 2, linear: p.mu.map((x) => -x), extraIneq: [] }));

/**
 * Max μᵀw s.t. semideviation √SV(w) ≤ cap (advanced.riskTarget, annualised): bisection on δ of the
 * utility problem (its semideviation falls as δ grows; the utility at that δ is the Lagrangian).
 */
export const efficientSemideviation: ObjectiveSolver = async (input) => {
  const cap = input.options.advanced?.riskTarget;
  if (cap === undefined) return fail('invalid-input', 'efficient-risk on semideviation needs a cap (advanced.riskTarget, annualised)', { field: 'advanced.riskTarget' });
  const semi = (s: Solution) => Math.sqrt(s.extras?.semivariance ?? NaN);
  const floor = await solveSemi({ ...input, options: { ...input.options, constraints: { ...input.options.constraints, l2: 0, txCost: 0 }, targets: { ...input.options.targets, targetReturn: undefined } } }, (p) => ({ a: 1, linear: new Float64Array(p.n), extraIneq: [] }));
  if (!floor.ok) return floor;
  if (semi(floor.value) > cap * (1 + 1e-9)) {
    return fail('infeasible', `semideviation cap ${cap} is below the minimum semideviation reachable under the constraints (${semi(floor.value).toPrecision(6)})`, { constraints: ['semideviation cap'] });
  }
  // PyPortfolioOpt's efficient_risk adds γ‖w‖² to the annual return (not to a daily quantity)
  const at = (delta: number) => solveSemi(input, (p) => ({ a: delta / 2, linear: p.mu.map((x) => -x), extraIneq: [] }), false);
  let lo = 1e-6;
  let hi = 1e-6;
  let best: Solution | undefined;
  for (let k = 0; k < 40; k++) {
    const r = await at(hi);
    if (!r.ok) return r;
    if (semi(r.value) <= cap) {
      best = r.value;
      break;
    }
    lo = hi;
    hi *= 10;
  }
  if (!best) return fail('solver-failed', 'efficient-risk (semideviation): no risk aversion met the cap');
  if (hi === lo) return ok({ ...best, warnings: [...(best.warnings ?? []), 'the semideviation cap does not bind'] });
  for (let k = 0; k < 100 && hi / lo - 1 > 1e-12; k++) {
    const mid = Math.sqrt(lo * hi);
    const r = await at(mid);
    if (!r.ok) return r;
    const v = semi(r.value);
    if (v <= cap) {
      best = r.value;
      hi = mid;
    } else lo = mid;
    if (Math.abs(v - cap) <= 1e-10 * cap && v <= cap) break;
  }
  return ok({ ...best, activeConstraints: [...best.activeConstraints, 'semideviation cap'], extras: { ...best.extras, riskAversion: hi } });
};
