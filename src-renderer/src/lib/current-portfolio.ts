/**
 * The current holdings as a point on the risk/return plane. The engine evaluates them: an
 * optimisation whose every weight is pinned to the (normalised) holding returns exactly that
 * portfolio, with the same estimators and Black-Litterman posterior as the optimal one, so the
 * "Current" marker is comparable with the frontier. Cash (holdings summing below 1) earns rf.
 */
import type { OptimizeOptionsInput, Performance } from '../../../shared/domain/optimize.js';

export interface CurrentEvaluation {
  /** Options for optimize-run that can only return the normalised holdings. */
  options: OptimizeOptionsInput;
  /** Sum of the holdings' weights (1 − cash), fraction. */
  invested: number;
}

/** Holdings below this (as a fraction) count as none: the optimiser's own tolerance is about 1e-9. */
const NEGLIGIBLE = 1e-9;

/**
 * The evaluation request for `holdings` (fractions by ticker) over `tickers`, or null when there is
 * nothing to evaluate (no holdings, or they net to zero).
 */
export function currentEvaluation(tickers: readonly string[], holdings: Readonly<Record<string, number>>, options: OptimizeOptionsInput): CurrentEvaluation | null {
  const invested = tickers.reduce((a, t) => a + (holdings[t] ?? 0), 0);
  if (Math.abs(invested) < NEGLIGIBLE || !tickers.some((t) => Math.abs(holdings[t] ?? 0) > NEGLIGIBLE)) return null;
  const weights = tickers.map((t) => (holdings[t] ?? 0) / invested);
  // The last weight closes the budget exactly, so rounding cannot make the pinned problem infeasible.
  const last = weights.length - 1;
  weights[last] = 1 - weights.slice(0, last).reduce((a, w) => a + w, 0);
  const assetBounds: Record<string, [number, number]> = {};
  tickers.forEach((t, i) => (assetBounds[t] = [weights[i]!, weights[i]!]));
  return {
    invested,
    options: {
      // Min-volatility is the best-conditioned objective; with every weight pinned any objective gives the same point.
      objective: 'min-volatility',
      ...(options.estimators ? { estimators: options.estimators } : {}),
      targets: { rf: options.targets?.rf ?? 0 },
      constraints: { bounds: [Math.min(0, ...weights), Math.max(1, ...weights)], assetBounds },
      ...(options.blackLitterman ? { blackLitterman: options.blackLitterman } : {}),
    },
  };
}

/** The performance of the whole holding (invested part plus cash at rf) from the normalised one. */
export function withCash(normalised: Performance, invested: number, rf: number): Performance {
  const expectedReturn = (1 - invested) * rf + invested * normalised.expectedReturn;
  const volatility = Math.abs(invested) * normalised.volatility;
  return { expectedReturn, volatility, sharpe: volatility > 0 ? (expectedReturn - rf) / volatility : Number.NaN };
}
