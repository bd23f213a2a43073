/**
 * Risk-measure objectives of the registry: min-CVaR / efficient-CVaR, min-CDaR / efficient-CDaR
 * (HiGHS LP, MIP with max-holdings), risk parity (Spinu, coordinate descent; constrained risk budgeting
 * when bounds bind) and HRP.
 * Efficient-CVaR / -CDaR minimise the risk measure subject to μᵀw ≥ targetReturn (annualised), as
 * PyPortfolioOpt's `efficient_return`.
 */
import { factorRows, hasFactorLimits } from '../factors/constraints.js';
import type { Objective } from '../../../shared/domain/optimize.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { hrp } from './hrp.js';
import type { PortfolioSpec } from './lp/portfolio-lp.js';
import { historicalCdar, historicalCvar } from './lp/risk-measures.js';
import { solveScenarioRisk, type ScenarioMeasure } from './lp/solve-scenario.js';
import type { ObjectiveSolver, PreparedProblem, Solution } from './problem.js';
import { groupMembers, weightVector } from './qp-build.js';
import { boundedRiskParity, riskParity } from './risk-parity.js';
import { describeConstraints } from './solve-qp.js';

/** The portfolio constraints of a prepared problem in LP form; `withTarget` adds μᵀw ≥ targetReturn. */
export function portfolioSpecOf(p: PreparedProblem, withTarget: boolean): CoreResult<PortfolioSpec> {
  const c = p.options.constraints;
  if (c.trackingError !== undefined) {
    return fail('unsupported', 'a tracking-error cap is a quadratic constraint; CVaR/CDaR objectives support linear constraints only', {
      constraints: ['tracking-error'],
    });
  }
  const groups = groupMembers(p);
  if (!groups.ok) return groups;
  const current = weightVector(p, c.currentWeights, 'current weights');
  if (!current.ok) return current;
  const factors = factorRows(p);
  if (!factors.ok) return factors;
  const spec: PortfolioSpec = {
    linear: factors.value,
    tickers: p.tickers,
    lower: p.lower,
    upper: p.upper,
    budget: c.marketNeutral ? 0 : 1,
    groups: groups.value,
    current: current.value,
    txCost: c.txCost,
    l2: c.l2,
    ...(c.maxTurnover === undefined ? {} : { maxTurnover: c.maxTurnover }),
    ...(c.maxHoldings === undefined ? {} : { maxHoldings: c.maxHoldings }),
  };
  if (withTarget) {
    const target = p.options.targets.targetReturn;
    if (target === undefined) {
      return fail('invalid-input', `${p.options.objective} needs a target return (--target-return, annualised fraction)`, {
        field: 'targets.targetReturn',
      });
    }
    spec.returnFloor = { mu: p.mu, value: target };
  }
  return ok(spec);
}

function checkCancelled(ctx?: CoreHooks): void {
  if (ctx?.isCancelled()) throw new Cancelled();
}

function scenarioSolver(measure: ScenarioMeasure, withTarget: boolean): ObjectiveSolver {
  return async (p, ctx) => {
    checkCancelled(ctx);
    const spec = portfolioSpecOf(p, withTarget);
    if (!spec.ok) return spec;
    ctx?.progress(0, 1, `solving min-${measure.toUpperCase()} LP`);
    const res = await solveScenarioRisk({
      spec: spec.value,
      returns: p.returns,
      T: p.T,
      beta: p.options.targets.beta,
      measure,
      ...(ctx ? { isCancelled: () => ctx.isCancelled() } : {}),
    });
    ctx?.progress(1, 1);
    if (!res.ok) return res;
    // report both measures so any result can be compared on either
    const other = measure === 'cvar' ? 'cdar' : 'cvar';
    const w = res.value.weights;
    const value =
      other === 'cvar' ? historicalCvar(p.returns, p.T, p.n, w, p.options.targets.beta) : historicalCdar(p.returns, p.T, p.n, w, p.options.targets.beta);
    return ok({ ...res.value, extras: { ...res.value.extras, [other]: value } });
  };
}

/**
 * Max μᵀw (− γ‖w‖²) s.t. CVaR / CDaR ≤ advanced.riskTarget (daily, at targets.beta): PyPortfolioOpt's
 * EfficientCVaR / EfficientCDaR `efficient_risk`. A cap below the minimum reachable is reported as such.
 */
export function efficientScenarioRisk(measure: ScenarioMeasure): ObjectiveSolver {
  return async (p, ctx) => {
    checkCancelled(ctx);
    const cap = p.options.advanced?.riskTarget;
    if (cap === undefined) return fail('invalid-input', `efficient-risk on ${measure.toUpperCase()} needs a cap (advanced.riskTarget, daily fraction)`, { field: 'advanced.riskTarget' });
    const spec = portfolioSpecOf(p, false);
    if (!spec.ok) return spec;
    const common = { returns: p.returns, T: p.T, beta: p.options.targets.beta, measure, ...(ctx ? { isCancelled: () => ctx.isCancelled() } : {}) };
    const res = await solveScenarioRisk({ ...common, spec: spec.value, maxReturnCap: { mu: p.mu, cap } });
    if (!res.ok) {
      if (res.error.code !== 'infeasible') return res;
      // name the real cause when the constraints alone are feasible: the cap is below the minimum
      const floor = await solveScenarioRisk({ ...common, spec: { ...spec.value, l2: 0, txCost: 0 } });
      if (floor.ok && floor.value.extras![measure]! > cap) {
        return fail('infeasible', `${measure.toUpperCase()} cap ${cap} is below the minimum ${measure.toUpperCase()} reachable under the constraints (${floor.value.extras![measure]!.toPrecision(6)})`, { constraints: [`${measure} cap`] });
      }
      return res;
    }
    const other = measure === 'cvar' ? 'cdar' : 'cvar';
    const w = res.value.weights;
    const value = other === 'cvar' ? historicalCvar(p.returns, p.T, p.n, w, p.options.targets.beta) : historicalCdar(p.returns, p.T, p.n, w, p.options.targets.beta);
    return ok({ ...res.value, extras: { ...res.value.extras, [other]: value } });
  };
}

/** Number of weights outside their per-asset bounds (1e-12 slack). */
function outsideBounds(p: PreparedProblem, w: Float64Array): number {
  let outside = 0;
  for (let i = 0; i < p.n; i++) if (w[i]! < p.lower[i]! - 1e-12 || w[i]! > p.upper[i]! + 1e-12) outside++;
  return outside;
}

/** Warnings for constraints a closed-form allocation (risk parity, HRP) does not enforce. */
function ignoredConstraints(p: PreparedProblem, w: Float64Array, what: string): string[] {
  const c = p.options.constraints;
  const out: string[] = [];
  const outside = outsideBounds(p, w);
  if (outside > 0) out.push(`${what} is long-only and fully invested by construction; ${outside} weight(s) fall outside the bounds`);
  const ignored = [
    c.groups.length > 0 ? 'group limits' : '',
    c.marketNeutral ? 'market-neutral' : '',
    c.maxHoldings !== undefined ? 'max-holdings' : '',
    c.maxTurnover !== undefined ? 'max-turnover' : '',
    c.txCost > 0 ? 'transaction costs' : '',
    c.l2 > 0 ? 'L2 regularisation' : '',
    c.trackingError !== undefined ? 'tracking-error cap' : '',
    hasFactorLimits(p) ? 'factor exposure limits' : '',
  ].filter((s) => s !== '');
  if (ignored.length > 0) out.push(`${what} does not use: ${ignored.join(', ')}`);
  return out;
}

function riskBudgets(p: PreparedProblem): CoreResult<Float64Array | undefined> {
  const rec = p.options.targets.riskBudgets;
  if (rec === undefined) return ok(undefined);
  const index = new Map(p.tickers.map((t, i) => [t, i]));
  const unknown = Object.keys(rec).filter((t) => !index.has(t));
  if (unknown.length > 0) return fail('invalid-input', `risk budgets name tickers not in the universe: ${unknown.join(', ')}`);
  const missing = p.tickers.filter((t) => rec[t] === undefined);
  if (missing.length > 0) return fail('invalid-input', `risk budgets missing for: ${missing.join(', ')}`, { tickers: missing });
  return ok(Float64Array.from(p.tickers, (t) => rec[t]!));
}

const riskParitySolver: ObjectiveSolver = async (p, ctx) => {
  checkCancelled(ctx);
  const budgets = riskBudgets(p);
  if (!budgets.ok) return budgets;
  const t0 = performance.now();
  const r = riskParity(p.cov, p.n, budgets.value);
  if (!r.ok) return r;
  // Bounds that the plain solution breaks are enforced by constrained risk budgeting (risk-parity.ts);
  // with an upper bound ≤ 0 (shorting-only assets) risk parity has no long-only answer, so warn instead.
  if (outsideBounds(p, r.value.weights) > 0 && p.upper.every((u) => u > 0)) {
    const bounded = boundedRiskParity(p.cov, p.n, p.lower, p.upper, budgets.value);
    if (!bounded.ok) return bounded;
    const v = bounded.value;
    const rest = ignoredConstraints(p, v.weights, 'risk parity');
    const warnings = [
      `bounds are binding for ${v.atLower.length + v.atUpper.length} asset(s): their risk shares differ from the budgets (constrained risk budgeting, Richard & Roncalli 2019)`,
      ...rest,
    ];
    return ok({
      weights: v.weights,
      solver: 'risk-budgeting-bounded-ccd',
      iterations: v.sweeps,
      status: v.kktResidual <= 1e-8 ? 'optimal' : 'optimal-inaccurate',
      activeConstraints: describeConstraints([...v.atLower.map((i) => `lower bound ${p.tickers[i]}`), ...v.atUpper.map((i) => `upper bound ${p.tickers[i]}`)]),
      extras: { maxRiskShareDeviation: v.maxDeviation, kktResidual: v.kktResidual, solveMs: performance.now() - t0 },
      warnings,
    } satisfies Solution);
  }
  const warnings = ignoredConstraints(p, r.value.weights, 'risk parity');
  const solution: Solution = {
    weights: r.value.weights,
    solver: 'risk-parity-ccd',
    iterations: r.value.sweeps,
    status: r.value.maxDeviation <= 1e-8 ? 'optimal' : 'optimal-inaccurate',
    activeConstraints: [],
    extras: { maxRiskShareDeviation: r.value.maxDeviation, solveMs: performance.now() - t0 },
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  return ok(solution);
};

const hrpSolver: ObjectiveSolver = async (p, ctx) => {
  checkCancelled(ctx);
  const t0 = performance.now();
  const r = hrp(p.cov, p.n, p.correlation);
  if (!r.ok) return r;
  const warnings = ignoredConstraints(p, r.value.weights, 'HRP');
  const names = (ix: number[]) => ix.map((i) => p.tickers[i]!);
  // Order and bisection steps (cluster variances annualised, in the covariance's units) for diagnostics.
  const details = {
    hrp: {
      clustering: p.correlation ? 'pairwise correlation of returns' : 'correlation of the covariance',
      order: names(r.value.order),
      splits: r.value.splits.map((s) => ({ left: names(s.left), right: names(s.right), leftVariance: s.leftVariance, rightVariance: s.rightVariance, alpha: s.alpha })),
    },
  };
  return ok({
    weights: r.value.weights,
    solver: 'hrp',
    iterations: 1,
    status: 'optimal',
    activeConstraints: [],
    extras: { solveMs: performance.now() - t0 },
    details,
    ...(warnings.length > 0 ? { warnings } : {}),
  } satisfies Solution);
};

export const riskObjectives: Partial<Record<Objective, ObjectiveSolver>> = {
  'min-cvar': scenarioSolver('cvar', false),
  'efficient-cvar': scenarioSolver('cvar', true),
  'min-cdar': scenarioSolver('cdar', false),
  'efficient-cdar': scenarioSolver('cdar', true),
  'risk-parity': riskParitySolver,
  hrp: hrpSolver,
};
