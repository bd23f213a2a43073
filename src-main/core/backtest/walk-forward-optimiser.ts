/**
 * The re-optimiser of walk-forward backtests: re-solves the scenario's objective on each window. With
 * the sample covariance (the default risk model) it takes the covariance from the engine's incremental
 * sums instead of re-estimating it (the bulk of the per-solve cost); everything else is estimated on the
 * window exactly as `optimizePortfolio` does, so both give the same weights. Other risk models, CAPM
 * returns, a market series and Black–Litterman estimate from scratch.
 */
import type { OptimizeOptions } from '../../../shared/domain/optimize.js';
import { optimizePortfolio } from '../optimize/index.js';
import { objectives } from '../optimize/objectives.js';
import { checkedCovariance, checkedReturns, prepareFromMoments, type Moments } from '../optimize/prepare.js';
import { toRecord } from '../optimize/results.js';
import type { PriceMatrix } from '../price-matrix.js';
import { Cancelled } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { emaHistoricalReturn, meanHistoricalReturn } from '../stats/expected-returns.js';
import type { Reoptimize } from './types.js';
import type { WindowEstimates } from './window-estimates.js';
import { optionsForWindow } from './window-options.js';

/** True when the window's moments can use the carried sample covariance (see the file comment). */
export function usesIncrementalCovariance(options: OptimizeOptions): boolean {
  const est = options.estimators;
  // Only the means windowMoments computes (historical, arithmetic, ema) may take the carried covariance.
  const plainMean = est.returns === 'historical' || est.returns === 'arithmetic' || est.returns === 'ema';
  return est.risk === 'sample' && plainMean && est.market === undefined && options.blackLitterman === undefined;
}

/**
 * Moments of the window as `estimateMoments` computes them for the sample risk model (its checks and PSD
 * repair, via `checkedReturns`/`checkedCovariance`), with the covariance taken from `estimates`. Annualised fractions.
 */
function windowMoments(window: PriceMatrix, options: OptimizeOptions, estimates: WindowEstimates): CoreResult<Moments> {
  const est = options.estimators;
  const returns = checkedReturns(window, est.logReturns);
  if (!returns.ok) return returns;
  const r = returns.value;
  const f = est.frequency;
  const mu = est.returns === 'ema' ? emaHistoricalReturn(r, f, est.span, true) : meanHistoricalReturn(r, f, est.returns === 'historical');
  const checked = checkedCovariance(estimates.sampleCovariance(f, est.logReturns), r.tickers);
  if (!checked.ok) return checked;
  return ok({ tickers: r.tickers, expectedReturns: mu, covariance: checked.value.covariance, warnings: checked.value.warnings, returns: r });
}

/**
 * Weights (fractions by ticker) of the scenario's objective on each window it is given. Views and group
 * members apply once the window holds their assets (`optionsForWindow`; deferrals go to `note`). Solvers
 * get no job context: their progress would overwrite the backtest's; cancellation is checked per window.
 */
export function walkForwardOptimiser(scenario: OptimizeOptions, isCancelled?: () => boolean): Reoptimize {
  const incremental = usesIncrementalCovariance(scenario);
  return async (window, estimates, note) => {
    if (isCancelled?.() === true) throw new Cancelled();
    const restricted = optionsForWindow(scenario, window.tickers);
    for (const text of restricted.notes) note?.(text);
    const options = restricted.options;
    if (!incremental || estimates === undefined) {
      const r = await optimizePortfolio(window, options);
      return r.ok ? ok(r.value.weights) : r;
    }
    const moments = windowMoments(window, options, estimates);
    if (!moments.ok) return moments;
    const problem = prepareFromMoments(moments.value, options);
    if (!problem.ok) return problem;
    const s = await objectives[options.objective](problem.value);
    return s.ok ? ok(toRecord(problem.value.tickers, s.value.weights)) : s;
  };
}
