/** Solves min-CVaR / min-CDaR (optionally with a return floor) with HiGHS and certifies the answer. */
import { Cancelled } from '../../hooks.js';
import { fail, ok, type CoreResult } from '../../result.js';
import type { Solution } from '../problem.js';
import { loadHighs, runModel, type LpOutcome } from './highs-runtime.js';
import { certify } from './lp-check.js';
import { addCols, addRow, rowActivities, toModelData, type LpBuilder } from './lp-builder.js';
import { bindingPortfolioConstraints, type PortfolioSpec } from './portfolio-lp.js';
import { buildCdarLp, buildCvarLp } from './scenario-lp.js';
import { historicalCdar, historicalCvar } from './risk-measures.js';
import { explainInfeasible } from './infeasibility.js';
import { solveViaDual } from './dual-solve.js';

export type ScenarioMeasure = 'cvar' | 'cdar';

export interface ScenarioInput {
  spec: PortfolioSpec;
  /** T×n row-major daily simple returns. */
  returns: Float64Array;
  T: number;
  /** Confidence level, e.g. 0.95. */
  beta: number;
  measure: ScenarioMeasure;
  /** HiGHS options (e.g. { solver: 'ipm' }); defaults chosen by bench/engine-lp.ts. */
  highsOptions?: Record<string, string | number | boolean>;
  /** Cancellation: polled inside the solve; a cancelled solve throws Cancelled. */
  isCancelled?: () => boolean;
  /**
   * 'auto' / 'primal' (default): the model as built. 'dual': continuous LPs through their explicit dual
   * (dual-solve.ts), falling back to the primal when the dual does not solve or fails the certificate.
   * The dual was not faster in WASM HiGHS (bench/engine-lp.ts), hence not the default.
   */
  formulation?: 'auto' | 'primal' | 'dual';
  /**
   * Max μᵀw (− γ‖w‖²) with the risk measure as a constraint ≤ cap (daily fraction) instead of the
   * objective: PyPortfolioOpt's EfficientCVaR / EfficientCDaR `efficient_risk`.
   */
  maxReturnCap?: { mu: Float64Array; cap: number };
}

/** Turns a min-risk scenario LP into max μᵀw s.t. risk ≤ cap: the risk's cost row becomes a constraint. */
function capRisk(built: ReturnType<typeof buildCvarLp>, n: number, cap: { mu: Float64Array; cap: number }): void {
  const { lp } = built;
  const idx: number[] = [];
  const val: number[] = [];
  for (let j = n; j < lp.colCost.length; j++) {
    const c = lp.colCost[j]!;
    if (c !== 0 && !lp.colNames[j]!.startsWith('buy') && !lp.colNames[j]!.startsWith('sell')) {
      idx.push(j);
      val.push(c);
      lp.colCost[j] = 0;
    }
  }
  addRow(lp, -Infinity, cap.cap, idx, val, 'risk-cap');
  for (let i = 0; i < n; i++) lp.colCost[i] = lp.colCost[i]! - cap.mu[i]!;
}

// Tolerances for the certificate: HiGHS works to 1e-7 feasibility by default; we ask for 1e-9.
const DEFAULT_OPTIONS = {
  primal_feasibility_tolerance: 1e-9,
  dual_feasibility_tolerance: 1e-9,
  mip_rel_gap: 1e-9,
  mip_feasibility_tolerance: 1e-9,
};
const CERT_TOL = 1e-8;

/** Minimises historical CVaR or CDaR (daily, at β) subject to the portfolio constraints. */
export async function solveScenarioRisk(input: ScenarioInput): Promise<CoreResult<Solution>> {
  const { spec, returns, T, beta, measure } = input;
  const n = spec.tickers.length;
  if (returns.length !== T * n) return fail('invalid-input', `returns must be T×n = ${T}×${n}, got ${returns.length} values`);
  if (T < 2) return fail('insufficient-data', `${measure.toUpperCase()} needs at least 2 return scenarios, got ${T}`);
  if (!(beta > 0 && beta < 1)) return fail('invalid-input', `beta must be in (0, 1), got ${beta}`);
  for (let k = 0; k < returns.length; k++) {
    if (!Number.isFinite(returns[k]!)) return fail('invalid-input', 'scenario returns contain NaN or infinite values');
  }
  const highs = await loadHighs();
  const run = {
    options: { ...DEFAULT_OPTIONS, ...input.highsOptions },
    ...(input.isCancelled ? { shouldStop: input.isCancelled } : {}),
  };
  // HiGHS's QP solver does not finish the CDaR model with an L2 term (hours, or "model not solved"):
  // CDaR + γ‖w‖² goes through outer tangents of w², exact in the limit. CVaR + L2 is a QP HiGHS solves.
  if ((spec.l2 ?? 0) > 0 && (measure === 'cdar' || spec.maxHoldings !== undefined)) return solveL2ByTangents(highs, input, run);
  const built = measure === 'cvar' ? buildCvarLp(spec, returns, T, beta) : buildCdarLp(spec, returns, T, beta);
  if (input.maxReturnCap) capRisk(built, n, input.maxReturnCap);
  const continuous = !built.lp.integer.some((b) => b) && built.lp.diagQ.size === 0;
  const formulation = input.formulation ?? 'auto';
  const viaDual = continuous && formulation === 'dual';
  if (viaDual) {
    const out = solveViaDual(highs, built.lp, run);
    if (out.status === 'interrupted' && input.isCancelled?.()) throw new Cancelled();
    if (out.optimal) {
      const cert = certify(built.lp, out);
      if (Math.max(cert.feasibility, cert.stationarity, cert.complementarity) <= CERT_TOL) {
        return ok(toSolution(built.lp, spec, out, built.alphaCol, input, 'highs-lp-dual'));
      }
    }
    // otherwise solve the primal: it is the one that names infeasible constraints
  }
  const out = runModel(highs, toModelData(built.lp), run);
  if (out.status === 'interrupted' && input.isCancelled?.()) throw new Cancelled();
  if (!out.optimal) return failure(built.lp, spec, out);
  return ok(toSolution(built.lp, spec, out, built.alphaCol, input));
}

function failure(lp: LpBuilder, spec: PortfolioSpec, out: LpOutcome): CoreResult<Solution> {
  if (out.status === 'infeasible' || out.status === 'unbounded-or-infeasible') {
    const named = explainInfeasible(spec, lp, out.iisRows, out.iisCols);
    return fail('infeasible', `The constraints cannot all hold: ${named.join('; ')}`, { constraints: named });
  }
  return fail('solver-failed', `HiGHS stopped with status ${out.status}`, { status: out.status });
}

function toSolution(lp: LpBuilder, spec: PortfolioSpec, out: LpOutcome, alphaCol: number, input: ScenarioInput, solver?: string): Solution {
  const n = spec.tickers.length;
  const weights = Float64Array.from(out.colValue.subarray(0, n));
  const cert = certify(lp, out);
  const act = rowActivities(lp, out.colValue);
  const risk =
    input.measure === 'cvar'
      ? historicalCvar(input.returns, input.T, n, weights, input.beta)
      : historicalCdar(input.returns, input.T, n, weights, input.beta);
  const warnings: string[] = [];
  const worst = Math.max(cert.feasibility, cert.stationarity, cert.complementarity, cert.integrality);
  if (worst > CERT_TOL) warnings.push(`optimality certificate residual ${worst.toExponential(2)} exceeds ${CERT_TOL}`);
  const extras: Record<string, number> = {
    [input.measure]: risk,
    [input.measure === 'cvar' ? 'var' : 'dar']: out.colValue[alphaCol]!,
    objective: out.objective,
    beta: input.beta,
    solveMs: out.solveMs,
    dualityGap: cert.dualityGap,
  };
  if (out.isMip) extras.mipIntegrality = cert.integrality;
  const active = bindingPortfolioConstraints(lp, spec, out.colValue, act);
  return {
    weights,
    solver: solver ?? (out.isMip ? 'highs-mip' : 'highs-lp'),
    iterations: out.iterations,
    status: worst > CERT_TOL ? 'optimal-inaccurate' : 'optimal',
    kkt: { stationarity: cert.stationarity, feasibility: cert.feasibility, complementarity: cert.complementarity },
    activeConstraints: active,
    extras,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/**
 * min risk(w) + γ‖w‖² by Kelley's cutting planes on the separable term: s_i ≥ 2a·w_i − a² for tangent
 * points a (every s_i under-estimates w_i²), cost γ·Σs_i, one LP per round with the previous answer as
 * the start, a new tangent at each w_i until γ·Σ(w_i² − s_i) ≤ 1e-8 of the objective. The reported
 * objective is the exact risk + γ‖w‖² at the final weights; the gap left is in extras.l2Gap.
 */
const L2_GAP = 1e-8;

async function solveL2ByTangents(highs: Awaited<ReturnType<typeof loadHighs>>, input: ScenarioInput, run: { options: Record<string, string | number | boolean>; shouldStop?: () => boolean }): Promise<CoreResult<Solution>> {
  const { spec, returns, T, beta, measure } = input;
  const n = spec.tickers.length;
  const gamma = spec.l2!;
  const base: PortfolioSpec = { ...spec, l2: 0 };
  const points: number[][] = Array.from({ length: n }, (_, i) => {
    const lo = Number.isFinite(spec.lower[i]!) ? spec.lower[i]! : -1;
    const hi = Number.isFinite(spec.upper[i]!) ? spec.upper[i]! : 1;
    const grid = [lo, hi, 1 / n, 0].filter((a) => a >= lo && a <= hi);
    for (let k = 1; k < 8; k++) grid.push(lo + ((hi - lo) * k) / 8);
    return grid;
  });
  let start: Float64Array | undefined;
  let gap = Infinity;
  let rounds = 0;
  let last: { built: ReturnType<typeof buildCvarLp>; out: LpOutcome } | undefined;
  for (; rounds < 60; rounds++) {
    const built = measure === 'cvar' ? buildCvarLp(base, returns, T, beta) : buildCdarLp(base, returns, T, beta);
    if (input.maxReturnCap) capRisk(built, n, input.maxReturnCap);
    const s0 = addCols(built.lp, n, gamma, 0, Infinity, 's');
    for (let i = 0; i < n; i++) for (const a of points[i]!) addRow(built.lp, -a * a, Infinity, [i, s0 + i], [-2 * a, 1], 'l2-tangent');
    // primal simplex: the default (dual) strategy stops with HiGHS status -1 on the CDaR model with
    // tangent rows, and the primal one re-starts well from the previous round's answer
    const opts = { ...run, options: { simplex_strategy: 4, ...run.options } };
    const out = runModel(highs, toModelData(built.lp), start && start.length === built.lp.colCost.length ? { ...opts, start } : opts);
    if (out.status === 'interrupted' && input.isCancelled?.()) throw new Cancelled();
    if (!out.optimal) return failure(built.lp, base, out);
    last = { built, out };
    const x = out.colValue;
    let total = 0;
    gap = 0;
    for (let i = 0; i < n; i++) {
      const w = x[i]!;
      const miss = w * w - x[s0 + i]!;
      gap += gamma * Math.max(0, miss);
      total += gamma * w * w;
      if (miss > 1e-15) points[i]!.push(w);
    }
    const objective = out.objective + gap;
    if (gap <= L2_GAP * Math.max(Math.abs(objective), 1e-12) || total === 0) break;
    // the next model has one more row per new tangent; start from this answer (columns are unchanged)
    start = Float64Array.from(x);
  }
  const { built, out } = last!;
  const sol = toSolution(built.lp, base, out, built.alphaCol, input);
  const w = sol.weights;
  const l2 = gamma * w.reduce((a, b) => a + b * b, 0);
  const risk = sol.extras![measure]!;
  const main = input.maxReturnCap ? -w.reduce((a, x, i) => a + x * input.maxReturnCap!.mu[i]!, 0) : risk;
  const converged = gap <= L2_GAP * Math.max(Math.abs(main + l2), 1e-12);
  return ok({
    ...sol,
    solver: `${sol.solver}-l2-tangents`,
    status: converged && sol.status === 'optimal' ? 'optimal' : 'optimal-inaccurate',
    activeConstraints: sol.activeConstraints.filter((a) => !a.startsWith('l2-tangent')),
    extras: { ...sol.extras, objective: main + l2, l2Gap: gap, l2Rounds: rounds + 1 },
    warnings: [
      ...(sol.warnings ?? []),
      ...(converged ? [] : [`L2 term solved by outer tangents: ${rounds + 1} LP rounds left a gap of ${gap.toExponential(2)} in the objective`]),
    ],
  });
}
