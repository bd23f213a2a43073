/**
 * Public entry points of the optimisation engine (run in worker threads via jobs/kinds/optimize.ts):
 * price windowing, moment estimation, one optimisation, and efficient frontiers.
 */
import type { EstimatorSettings, FrontierResult, OptimizeOptions, OptimizeResult, PriceWindow } from '../../../shared/domain/optimize.js';
import { Cancelled, type CoreHooks } from '../hooks.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { gramKernelName } from '../stats/gram.js';
import { periodsPerYear, resamplePrices } from '../stats/resample.js';
import { applyBlackLitterman, blackLittermanWeights } from './black-litterman.js';
import { checkFeasible } from './feasibility.js';
import { frontierOf } from './frontier.js';
import { objectives } from './objectives.js';
import { applyWindow as windowPrices, checkedCovariance, estimateMoments as estimate, prepareFromMoments, type Moments } from './prepare.js';
import type { PreparedProblem } from './problem.js';
import { toOptimizeResult, toRecord } from './results.js';
import type { FactorModelOptions, FactorRisk } from '../../../shared/domain/factors.js';
import { factorRiskOf } from '../factors/results.js';
import { weightVector } from './qp-build.js';

/** The factor decomposition of w, with active exposures against the benchmark (else current) weights when given. */
function factorRiskFor(p: PreparedProblem, w: Float64Array): FactorRisk {
  const c = p.options.constraints;
  const against = c.benchmarkWeights ? 'benchmark' : c.currentWeights ? 'current' : null;
  const ref = against ? weightVector(p, against === 'benchmark' ? c.benchmarkWeights : c.currentWeights, `${against} weights`) : null;
  return factorRiskOf(p.factorModel!, w, ref?.ok && against ? { weights: ref.value, against } : undefined);
}

export type { PreparedProblem, Solution, ObjectiveSolver } from './problem.js';

/** Restricts prices to the window (start/end dates, complete rows, last N returns). */
export function applyWindow(prices: PriceMatrix, window: PriceWindow): CoreResult<PriceMatrix> {
  return windowPrices(prices, window);
}

/**
 * The prices an optimisation runs on: resampled first (advanced.resample; the estimators' periods per year
 * become 52 / 12), then restricted to `window`; plus, with advanced.expectedReturnsWindow, the prices of
 * that other window for the expected returns. Jobs and tests call this before optimizePortfolio.
 */
export function pricesForOptions(
  prices: PriceMatrix,
  window: PriceWindow,
  options: OptimizeOptions,
): CoreResult<{ prices: PriceMatrix; options: OptimizeOptions; expectedReturnsPrices?: PriceMatrix }> {
  const period = options.advanced?.resample ?? 'daily';
  let base = prices;
  let opts = options;
  if (period !== 'daily') {
    base = resamplePrices(prices, period);
    opts = { ...options, estimators: { ...options.estimators, frequency: periodsPerYear(period) } };
  }
  const main = windowPrices(base, window);
  if (!main.ok) return main;
  const muWindow = options.advanced?.expectedReturnsWindow;
  if (!muWindow) return ok({ prices: main.value, options: opts });
  const mu = windowPrices(base, muWindow);
  if (!mu.ok) return mu;
  return ok({ prices: main.value, options: opts, expectedReturnsPrices: mu.value });
}

/** Annualised expected returns and covariance (row-major n×n) of the price columns under `est`. */
export function estimateMoments(
  prices: PriceMatrix,
  est: EstimatorSettings,
  rf = 0,
  factorModel?: FactorModelOptions,
): CoreResult<{ tickers: string[]; expectedReturns: Float64Array; covariance: Float64Array; warnings: string[]; covarianceKernel: string }> {
  const m = estimate(prices, est, rf, factorModel);
  if (!m.ok) return m;
  const { tickers, expectedReturns, covariance, warnings } = m.value;
  // The kernel that ran (native ISA or js) is named so a user can tell which path estimated the matrix.
  return ok({ tickers, expectedReturns, covariance, warnings, covarianceKernel: m.value.covarianceKernel ?? gramKernelName() });
}

interface Prepared {
  problem: PreparedProblem;
  warnings: string[];
  /** Facts of the robust estimators for the diagnostics (shrunk-mean weights, turbulence split). */
  estimatorFacts?: Pick<Moments, 'shrunkMean' | 'turbulence'>;
  prior?: Record<string, number>;
  posterior?: Record<string, number>;
  /** Black–Litterman facts for the diagnostics: δ, τ, diag(Ω) and the unconstrained BL portfolio. */
  blackLitterman?: { delta: number; tau: number; omega: number[]; weights: Record<string, number> | null; weightsCovariance: 'prior' | 'posterior' };
}

/** Estimation (+ Black–Litterman when options.blackLitterman is set) into a PreparedProblem. */
export function prepareProblem(prices: PriceMatrix, options: OptimizeOptions, expectedReturnsPrices?: PriceMatrix): CoreResult<Prepared> {
  const est = estimate(prices, options.estimators, options.targets.rf, options.factorModel);
  if (!est.ok) return est;
  let m = est;
  if (expectedReturnsPrices) {
    // expected returns from their own window; covariance and scenarios from `prices`
    const other = estimate(expectedReturnsPrices, options.estimators, options.targets.rf, options.factorModel);
    if (!other.ok) return other;
    if (other.value.tickers.join() !== est.value.tickers.join()) return fail('invalid-input', 'the expected-returns window must hold the same tickers');
    m = { ok: true, value: { ...est.value, expectedReturns: other.value.expectedReturns } };
  }
  let moments: Moments = m.value;
  let prior: Record<string, number> | undefined;
  let posterior: Record<string, number> | undefined;
  let blInfo: Prepared['blackLitterman'];
  if (options.blackLitterman) {
    const bl = applyBlackLitterman(prices, m.value, options.blackLitterman, options);
    if (!bl.ok) return bl;
    moments = { ...m.value, expectedReturns: bl.value.posteriorReturns, covariance: bl.value.posteriorCov, warnings: [...m.value.warnings, ...bl.value.warnings] };
    prior = toRecord(m.value.tickers, bl.value.prior);
    posterior = toRecord(m.value.tickers, bl.value.posteriorReturns);
    const n = m.value.tickers.length;
    // PyPortfolioOpt's bl_weights: (δΣ)⁻¹μ_post with the prior Σ; the posterior Σ on request.
    const wCov = options.blackLitterman.weightsCovariance === 'posterior' ? bl.value.posteriorCov : m.value.covariance;
    const w = blackLittermanWeights(wCov, n, bl.value.posteriorReturns, bl.value.delta);
    blInfo = {
      delta: bl.value.delta,
      tau: options.blackLitterman.tau,
      omega: Array.from(bl.value.omega),
      weights: w ? toRecord(m.value.tickers, w) : null,
      weightsCovariance: options.blackLitterman.weightsCovariance ?? 'prior',
    };
  }
  const p = prepareFromMoments(moments, options);
  if (!p.ok) return p;
  const facts = { ...(m.value.shrunkMean ? { shrunkMean: m.value.shrunkMean } : {}), ...(m.value.turbulence ? { turbulence: m.value.turbulence } : {}) };
  return ok({
    problem: p.value,
    ...(Object.keys(facts).length > 0 ? { estimatorFacts: facts } : {}),
    warnings: moments.warnings,
    ...(prior ? { prior } : {}),
    ...(posterior ? { posterior } : {}),
    ...(blInfo ? { blackLitterman: blInfo } : {}),
  });
}

/** One optimisation: estimate, solve the objective, report weights, performance and diagnostics. */
export async function optimizePortfolio(prices: PriceMatrix, options: OptimizeOptions, ctx?: CoreHooks, expectedReturnsPrices?: PriceMatrix): Promise<CoreResult<OptimizeResult>> {
  const prep = prepareProblem(prices, options, expectedReturnsPrices);
  if (!prep.ok) return prep;
  if (ctx?.isCancelled()) throw new Cancelled();
  const r = await solvePrepared(prep.value.problem, prep.value.warnings, ctx);
  if (!r.ok) return r;
  const result = r.value;
  if (prep.value.prior) result.prior = prep.value.prior;
  if (prep.value.posterior) result.posterior = prep.value.posterior;
  if (prep.value.blackLitterman) result.diagnostics.blackLitterman = prep.value.blackLitterman;
  if (prep.value.estimatorFacts?.shrunkMean) result.diagnostics.shrunkMean = prep.value.estimatorFacts.shrunkMean;
  if (prep.value.estimatorFacts?.turbulence) result.diagnostics.turbulence = prep.value.estimatorFacts.turbulence;
  return ok(result);
}

/**
 * One optimisation on given moments instead of prices: annualised expected returns `mu` (fractions) and
 * covariance `cov` (n×n row-major, annualised). Scenario objectives (CVaR, CDaR, semivariance) need
 * returns and fail here with a typed error; so do Black–Litterman settings (they need the prices).
 */
export async function optimizeFromMoments(
  tickers: string[],
  mu: Float64Array,
  cov: Float64Array,
  options: OptimizeOptions,
  ctx?: CoreHooks,
): Promise<CoreResult<OptimizeResult>> {
  const n = tickers.length;
  if (mu.length !== n || cov.length !== n * n) return fail('invalid-input', `expected returns must have ${n} values and the covariance ${n}×${n}`);
  if (options.blackLitterman) return fail('invalid-input', 'Black–Litterman views need prices; give them with the prices instead of --mu/--cov', { field: 'blackLitterman' });
  const checked = checkedCovariance(cov, tickers);
  if (!checked.ok) return checked;
  const returns = { dates: [], tickers: tickers.slice(), values: new Float64Array(0), T: 0, n };
  const p = prepareFromMoments({ tickers, expectedReturns: mu, covariance: checked.value.covariance, warnings: checked.value.warnings, returns }, options);
  if (!p.ok) return p;
  return solvePrepared(p.value, checked.value.warnings, ctx);
}

/** Feasibility check, then the objective's solver, then the result shape (shared by both entry points). */
async function solvePrepared(problem: PreparedProblem, warnings: string[], ctx?: CoreHooks): Promise<CoreResult<OptimizeResult>> {
  const t0 = performance.now();
  const feasible = await checkFeasible(problem);
  if (!feasible.ok) return feasible;
  const s = await objectives[problem.options.objective](problem, ctx);
  const ms = performance.now() - t0;
  if (!s.ok) return s;
  const result = toOptimizeResult(problem, s.value, ms, warnings);
  if (problem.factorModel) result.factorRisk = factorRiskFor(problem, s.value.weights);
  return ok(result);
}

/**
 * Efficient frontier: `points` minimum-variance portfolios at evenly spaced target returns between the
 * min-volatility and max-return portfolios under the constraints, plus (long-only, bounds only) the
 * exact turning points of the critical line method.
 */
export async function efficientFrontier(prices: PriceMatrix, options: OptimizeOptions, points: number, ctx?: CoreHooks): Promise<CoreResult<FrontierResult>> {
  const prep = prepareProblem(prices, options);
  if (!prep.ok) return prep;
  return frontierOf(prep.value.problem, points, ctx);
}
