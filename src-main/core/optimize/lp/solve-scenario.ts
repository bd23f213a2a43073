/** Solves min-CVaR / min-CDaR (optionally with a return floor) with HiGHS and certifies the answer. */
import { Cancelled } from '../../hooks.js';
import { fail, ok, type CoreResult } from '../../result.js';
import type { Solution } from '../problem.js';
import { loadHighs, runModel, type LpOutcome } from './highs-runtime.js';
import { certify } from './lp-check.js';
import { rowActivities, toModelData, type LpBuilder } from './lp-builder.js';
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
  const built = measure === 'cvar' ? buildCvarLp(spec, returns, T, beta) : buildCdarLp(spec, returns, T, beta);
  const run = {
    options: { ...DEFAULT_OPTIONS, ...input.highsOptions },
    ...(input.isCancelled ? { shouldStop: input.isCancelled } : {}),
  };
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
