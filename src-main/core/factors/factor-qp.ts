/**
 * The optimiser's shortcut for the factor risk model: a QP whose only constraints are the budget and the
 * bounds (min-volatility, max-utility, with L2) is solved on B, Σ_F and D by the low-rank dual
 * (low-rank-qp.ts) instead of the dense n×n QP. Anything else, or a dual that does not converge, returns
 * null and the dense solver runs.
 */
import type { PreparedProblem, Solution } from '../optimize/problem.js';
import type { QpSpec } from '../optimize/qp-build.js';
import { hasFactorLimits } from './constraints.js';
import { solveLowRankQp } from './low-rank-qp.js';

/** True when `spec` on `p` is budget + bounds (+ L2) over the factor covariance. */
function applies(p: PreparedProblem, spec: QpSpec): boolean {
  const c = p.options.constraints;
  return (
    p.factorModel !== undefined &&
    p.options.estimators.risk === 'factor' &&
    p.options.blackLitterman === undefined &&
    spec.hessian === undefined &&
    spec.tracking === undefined &&
    (spec.extraIneq ?? []).length === 0 &&
    spec.sigmaFactor > 0 &&
    c.groups.length === 0 &&
    c.txCost === 0 &&
    c.maxTurnover === undefined &&
    !hasFactorLimits(p)
  );
}

/** Solves through the factor structure, or null when it does not apply (the caller then builds the dense QP). */
export function solveWithFactorStructure(p: PreparedProblem, spec: QpSpec, label: string): Solution | null {
  if (!applies(p, spec)) return null;
  const m = p.factorModel!;
  const c = p.options.constraints;
  const ridge = new Float64Array(p.n).fill(2 * c.l2 + (spec.ridge ?? 0));
  const t0 = performance.now();
  const r = solveLowRankQp({
    n: p.n,
    k: m.factors.length,
    loadings: m.loadings,
    factorCov: m.factorCov,
    specific: m.specificVar,
    a: spec.sigmaFactor,
    ridge,
    q: spec.linear,
    budget: c.marketNeutral ? 0 : 1,
    lower: p.lower,
    upper: p.upper,
  }, 1e-11);
  if (!r || !r.converged) return null;
  const active: string[] = [];
  for (let i = 0; i < p.n; i++) {
    if (r.weights[i] === p.lower[i]) active.push(`lower bound ${p.tickers[i]}`);
    else if (r.weights[i] === p.upper[i]) active.push(`upper bound ${p.tickers[i]}`);
  }
  return {
    weights: r.weights,
    solver: 'factor-dual-newton',
    iterations: r.iterations,
    status: 'optimal',
    kkt: { stationarity: 0, feasibility: r.residual, complementarity: 0 },
    activeConstraints: [c.marketNeutral ? 'market-neutral' : 'budget', ...active],
    extras: { solveTimeMs: performance.now() - t0 },
    warnings: [`${label} solved on the factor structure (B, Σ_F, D) by its ${m.factors.length + 1}-dimensional dual, not on the dense covariance`],
  };
}
