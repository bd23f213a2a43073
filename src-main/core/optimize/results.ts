/** Turns solver output into the shared result shapes: performance, risk contributions, diagnostics. */
import type { Diagnostics, FrontierPoint, OptimizeResult, Performance } from '../../../shared/domain/optimize.js';
import { gramKernelName } from '../stats/gram.js';
import { dot, matVec } from '../stats/linalg.js';
import type { PreparedProblem, Solution } from './problem.js';

export function toRecord(tickers: string[], v: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  tickers.forEach((t, i) => (out[t] = v[i]!));
  return out;
}

/** Annualised expected return, volatility and Sharpe (rf from the targets) of weights w. */
export function performanceOf(p: PreparedProblem, w: Float64Array, extras?: Record<string, number>): Performance {
  const ret = dot(p.mu, w);
  const sw = matVec(p.cov, p.n, w);
  const vol = Math.sqrt(Math.max(0, dot(w, sw)));
  const rf = p.options.targets.rf;
  const perf: Performance = { expectedReturn: ret, volatility: vol, sharpe: vol > 0 ? (ret - rf) / vol : 0 };
  if (extras?.cvar !== undefined) perf.cvar = extras.cvar;
  if (extras?.cdar !== undefined) perf.cdar = extras.cdar;
  return perf;
}

/** Share of portfolio variance per asset, w_i(Σw)_i / wᵀΣw (sums to 1). */
export function riskContributions(p: PreparedProblem, w: Float64Array): Float64Array {
  const sw = matVec(p.cov, p.n, w);
  const v = dot(w, sw);
  return w.map((x, i) => (v > 0 ? (x * sw[i]!) / v : 0));
}

export function toOptimizeResult(p: PreparedProblem, s: Solution, solveTimeMs: number, estimatorWarnings: string[]): OptimizeResult {
  const diagnostics: Diagnostics = {
    solver: s.solver,
    iterations: s.iterations,
    solveTimeMs,
    activeConstraints: s.activeConstraints,
    riskContributions: toRecord(p.tickers, riskContributions(p, s.weights)),
    estimators: p.options.estimators,
    warnings: [...estimatorWarnings, ...(s.warnings ?? [])],
    objective: p.options.objective,
    // Which cross-product kernel estimated the covariance in this thread ("native-avx512f", "js", …).
    covarianceKernel: gramKernelName(),
    ...(s.kkt ? { kkt: s.kkt } : {}),
    ...(s.extras ? { extras: s.extras } : {}),
    ...(s.details ?? {}),
  };
  return {
    weights: toRecord(p.tickers, s.weights),
    performance: performanceOf(p, s.weights, s.extras),
    status: s.status,
    diagnostics,
  };
}

export function toFrontierPoint(p: PreparedProblem, w: Float64Array): FrontierPoint {
  const perf = performanceOf(p, w);
  return { expectedReturn: perf.expectedReturn, volatility: perf.volatility, sharpe: perf.sharpe, weights: toRecord(p.tickers, w) };
}
