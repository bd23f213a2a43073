/**
 * Efficient frontiers in CVaR or CDaR (PyPortfolioOpt's EfficientCVaR/EfficientCDaR traced over target
 * returns): the min-risk portfolio, then min CVaR (CDaR) subject to μᵀw ≥ target at evenly spaced
 * targets up to the maximum return, each an LP solved by HiGHS under the scenario's constraints.
 */
import type { FrontierPoint, FrontierResult } from '../../../shared/domain/optimize.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import { fail, ok, type CoreResult } from '../result.js';
import { dot } from '../stats/linalg.js';
import { maxReturn } from '../optimize/mean-variance.js';
import { objectives } from '../optimize/objectives.js';
import type { PreparedProblem } from '../optimize/problem.js';
import { toFrontierPoint } from '../optimize/results.js';

export type RiskMeasure = 'variance' | 'cvar' | 'cdar';

/** `points` min-CVaR (or min-CDaR) portfolios from the min-risk return to the max return; CVaR/CDaR daily fractions. */
export async function riskMeasureFrontier(p: PreparedProblem, measure: 'cvar' | 'cdar', points: number, ctx?: CoreHooks): Promise<CoreResult<FrontierResult & { diagnostics: { failedPoints: number; solveTimeMs: number; riskMeasure: string } }>> {
  const t0 = performance.now();
  const minName = measure === 'cvar' ? 'min-cvar' : 'min-cdar';
  const effName = measure === 'cvar' ? 'efficient-cvar' : 'efficient-cdar';
  const lowest = await objectives[minName]({ ...p, options: { ...p.options, objective: minName } });
  if (!lowest.ok) return lowest;
  const highest = await maxReturn(p);
  if (!highest.ok) return highest;
  const rMin = dot(p.mu, lowest.value.weights);
  const rMax = dot(p.mu, highest.value.weights);
  const point = (w: Float64Array, risk: number | undefined): FrontierPoint => ({ ...toFrontierPoint(p, w), ...(risk === undefined ? {} : { [measure]: risk }) });
  const out: FrontierPoint[] = [point(lowest.value.weights, lowest.value.extras?.[measure])];
  let failed = 0;
  for (let k = 1; k < points && rMax > rMin; k++) {
    if (ctx?.isCancelled()) throw new Cancelled();
    ctx?.progress(k, points, `${measure} frontier point ${k + 1} of ${points}`);
    const target = k === points - 1 ? rMax - 1e-9 * (rMax - rMin) : rMin + ((rMax - rMin) * k) / (points - 1);
    const r = await objectives[effName]({ ...p, options: { ...p.options, objective: effName, targets: { ...p.options.targets, targetReturn: target } } });
    if (!r.ok) {
      failed++;
      continue;
    }
    out.push(point(r.value.weights, r.value.extras?.[measure]));
  }
  if (out.length < Math.min(2, points)) return fail('solver-failed', `the ${measure} frontier could not be traced`);
  ctx?.progress(points, points);
  return ok({
    points: out,
    assets: p.tickers.map((t, i) => ({ ticker: t, expectedReturn: p.mu[i]!, volatility: Math.sqrt(p.cov[i * p.n + i]!) })),
    diagnostics: { failedPoints: failed, solveTimeMs: performance.now() - t0, riskMeasure: measure },
  });
}
