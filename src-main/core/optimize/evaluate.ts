/**
 * The figures of *given* weights (a current portfolio, a typed allocation) under the same estimators and
 * Black–Litterman posterior as an optimisation, so they are comparable with its results and frontier.
 */
import { optimizeOptionsSchema, type OptimizeOptions, type PortfolioEvaluation } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { gramKernelName } from '../stats/gram.js';
import { dot, matVec } from '../stats/linalg.js';
import { prepareProblem } from './index.js';
import { riskContributions, toRecord } from './results.js';

/** Weights this small are no position (the optimiser's own tolerance is about 1e-9). */
const NEGLIGIBLE = 1e-9;

/**
 * Annualised expected return, volatility and Sharpe of `weights` (fractions by ticker; tickers left out
 * hold 0). Weight left uninvested (1 − Σw) is cash earning the risk-free rate. Only the options'
 * estimators, rf and Black–Litterman settings are used: the weights are given, so no constraint applies.
 */
export function evaluatePortfolio(prices: PriceMatrix, options: OptimizeOptions, weights: Readonly<Record<string, number>>): CoreResult<PortfolioEvaluation> {
  const stray = Object.keys(weights).filter((t) => !prices.tickers.includes(t));
  if (stray.length > 0) return fail('invalid-input', `weights name tickers outside the portfolio: ${stray.join(', ')}`, { stray });
  const w = Float64Array.from(prices.tickers, (t) => weights[t] ?? 0);
  const invested = w.reduce((a, x) => a + x, 0);
  if (!w.some((x) => Math.abs(x) > NEGLIGIBLE)) return fail('invalid-input', 'the weights hold nothing to evaluate');
  // Constraints and objective play no part: the estimators, rf and views alone define the figures.
  const evaluation = optimizeOptionsSchema.parse({
    estimators: options.estimators,
    targets: { rf: options.targets.rf },
    ...(options.blackLitterman ? { blackLitterman: options.blackLitterman } : {}),
  });
  const prep = prepareProblem(prices, evaluation);
  if (!prep.ok) return prep;
  const p = prep.value.problem;
  const rf = options.targets.rf;
  const expectedReturn = dot(p.mu, w) + (1 - invested) * rf;
  const volatility = Math.sqrt(Math.max(0, dot(w, matVec(p.cov, p.n, w))));
  return ok({
    weights: toRecord(p.tickers, w),
    invested,
    performance: { expectedReturn, volatility, sharpe: volatility > 0 ? (expectedReturn - rf) / volatility : 0 },
    riskContributions: toRecord(p.tickers, riskContributions(p, w)),
    warnings: prep.value.warnings,
    estimators: options.estimators,
    covarianceKernel: gramKernelName(),
    ...(prep.value.prior ? { prior: prep.value.prior } : {}),
    ...(prep.value.posterior ? { posterior: prep.value.posterior } : {}),
  });
}
