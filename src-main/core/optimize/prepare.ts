/** From prices and options to a PreparedProblem: price window, moment estimation, bound merging. */
import type { EstimatorSettings, OptimizeOptions } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { capmReturn, emaHistoricalReturn, meanHistoricalReturn } from '../stats/expected-returns.js';
import { completeReturnRows, countPerAsset, returnsFromPrices, type ReturnMatrix } from '../stats/returns.js';

export { completeReturnRows };
import { gramKernelName } from '../stats/gram.js';
import { correlationOfReturns } from '../stats/correlation.js';
import { expCov, fixNonPsd, sampleCov, semicovariance } from '../stats/risk-models.js';
import {
  ledoitWolfConstantCorrelation,
  ledoitWolfConstantVariance,
  ledoitWolfSingleFactor,
} from '../stats/shrinkage.js';
import type { FactorModelOptions } from '../../../shared/domain/factors.js';
import { fitFactorModel } from '../factors/model.js';
import { factorCovariance, type FactorModel } from '../factors/risk.js';
import { shrunkMean } from '../robust/shrunk-mean.js';
import { blendCovariance, diversificationOf, turbulenceSplit, type Diversification } from '../robust/turbulence.js';
import type { PreparedProblem } from './problem.js';
import { annualiseByCalendar, periodsPerYear } from '../fx/calendar.js';

export { applyWindow } from '../price-matrix.js';

export interface Moments {
  tickers: string[];
  /** Annualised expected returns (fraction). */
  expectedReturns: Float64Array;
  /** Annualised n×n covariance, row-major. */
  covariance: Float64Array;
  warnings: string[];
  /** Returns of the universe (market column removed), as estimated. */
  returns: ReturnMatrix;
  /** Shrinkage intensity of the Ledoit–Wolf models. */
  shrinkage?: number;
  /** Shrunk-mean facts (α on the sample mean, β on the annualised target b). */
  shrunkMean?: { alpha: number; beta: number; target: number };
  /** Turbulence-blend facts: days in the turbulent set, the index threshold, diversification quiet vs turbulent. */
  turbulence?: { turbulentDays: number; threshold: number; quiet: Diversification; turbulent: Diversification };
  /** Cross-product kernel that estimated the covariance ("native-avx512f", "js", …; see stats/gram.ts). */
  covarianceKernel?: string;
  /** The fitted factor model when the options name one (its Σ is the covariance when risk is 'factor'). */
  factorModel?: FactorModel;
}

/** Splits off the CAPM market column when `est.market` names one. */
function universe(prices: PriceMatrix, est: EstimatorSettings): CoreResult<{ assets: PriceMatrix; market?: PriceMatrix }> {
  if (est.market === undefined) return ok({ assets: prices });
  const m = prices.tickers.indexOf(est.market);
  if (m < 0) return fail('invalid-input', `the market series ${est.market} is not among the price columns`, { market: est.market });
  const n = prices.tickers.length;
  const T = prices.dates.length;
  const assets = new Float64Array(T * (n - 1));
  const market = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let k = 0;
    for (let j = 0; j < n; j++) {
      if (j === m) market[t] = prices.values[t * n + j]!;
      else assets[t * (n - 1) + k++] = prices.values[t * n + j]!;
    }
  }
  return ok({
    assets: { dates: prices.dates, tickers: prices.tickers.filter((_, j) => j !== m), values: assets },
    market: { dates: prices.dates, tickers: [est.market], values: market },
  });
}

/**
 * Returns of `prices` (log or simple, per period), failing when there are no assets or an asset has fewer
 * than 2 returns. Shared by `estimateMoments` and the walk-forward re-optimiser so both fail alike.
 */
export function checkedReturns(prices: PriceMatrix, logReturns: boolean): CoreResult<ReturnMatrix> {
  const r = returnsFromPrices(prices, logReturns);
  if (r.n === 0) return fail('invalid-input', 'no assets to estimate');
  // NaN is a missing price; ±Infinity (a price or a return off a zero price) would be taken as real.
  const infinite = r.tickers.filter((_, j) => {
    for (let t = 0; t < prices.dates.length; t++) if (Math.abs(prices.values[t * r.n + j]!) === Infinity) return true;
    for (let t = 0; t < r.dates.length; t++) if (Math.abs(r.values[t * r.n + j]!) === Infinity) return true;
    return false;
  });
  if (infinite.length > 0) {
    return fail('invalid-input', `prices or returns of ${infinite.join(', ')} are not finite numbers: fix or remove ${infinite.length === 1 ? 'that series' : 'those series'}`, { tickers: infinite });
  }
  const counts = countPerAsset(r);
  const short = r.tickers.filter((_, j) => counts[j]! < 2);
  if (short.length > 0) {
    return fail('insufficient-data', `fewer than 2 returns in the window for ${short.join(', ')}`, { tickers: short });
  }
  return ok(r);
}

/**
 * The n×n covariance (row-major, annualised; n = tickers.length) made usable: fails when a pair has no
 * overlapping returns (NaN entry), otherwise clips negative eigenvalues, with a warning when it had to.
 */
export function checkedCovariance(cov: Float64Array, tickers: readonly string[]): CoreResult<{ covariance: Float64Array; warnings: string[] }> {
  const n = tickers.length;
  const missingPairs: string[] = [];
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) if (cov[i * n + j] !== cov[i * n + j]) missingPairs.push(`${tickers[i]}/${tickers[j]}`);
  if (missingPairs.length > 0) {
    return fail('insufficient-data', `no overlapping returns for ${missingPairs.slice(0, 10).join(', ')}${missingPairs.length > 10 ? ' …' : ''}`, {
      pairs: missingPairs,
    });
  }
  const warnings: string[] = [];
  const fixed = fixNonPsd(cov, n);
  if (fixed.repaired) {
    warnings.push(`the covariance matrix was not positive semidefinite (smallest eigenvalue ${fixed.minEigenvalue.toExponential(3)}); negative eigenvalues were clipped to 0`);
  }
  return ok({ covariance: fixed.matrix, warnings });
}

/** Expected returns and covariance (annualised) under the estimator settings; data problems are typed errors. */
export function estimateMoments(prices: PriceMatrix, est: EstimatorSettings, rf = 0, factorOptions?: FactorModelOptions): CoreResult<Moments> {
  const split = universe(prices, est);
  if (!split.ok) return split;
  const { assets, market } = split.value;
  const returns = checkedReturns(assets, est.logReturns);
  if (!returns.ok) return returns;
  const r = returns.value;
  const n = r.n;
  const f = est.frequency;
  let mu: Float64Array;
  let shrunk: Moments['shrunkMean'];
  switch (est.returns) {
    case 'historical':
      mu = meanHistoricalReturn(r, f, true);
      break;
    case 'arithmetic':
      mu = meanHistoricalReturn(r, f, false);
      break;
    case 'ema':
      mu = emaHistoricalReturn(r, f, est.span, true);
      break;
    case 'capm': {
      let mkt: Float64Array | undefined;
      if (market) {
        const mr = returnsFromPrices({ dates: prices.dates, tickers: market.tickers, values: market.values }, est.logReturns);
        // Align on the return dates of the universe.
        const byDate = new Map(mr.dates.map((d, t) => [d, mr.values[t]!]));
        mkt = Float64Array.from(r.dates, (d) => byDate.get(d) ?? NaN);
      }
      mu = capmReturn(r, f, rf, mkt, true);
      if (mu.some((x) => x !== x)) {
        const short = r.tickers.filter((_, j) => mu[j] !== mu[j]);
        return fail('insufficient-data', `fewer than 2 dates with both a return and a market return for ${short.join(', ')} (CAPM betas)`, { tickers: short });
      }
      break;
    }
    case 'james-stein':
    case 'bayes-stein':
    case 'bodnar-okhrin': {
      const s = shrunkMean(r, est.returns, est.shrinkTarget, f);
      if (!s.ok) return s;
      mu = s.value.mu;
      shrunk = { alpha: s.value.alpha, beta: s.value.beta, target: s.value.target };
      break;
    }
  }
  let cov: Float64Array;
  let shrinkage: number | undefined;
  let factorModel: FactorModel | undefined;
  if (factorOptions) {
    const fitted = fitFactorModel(r, factorOptions, f);
    if (!fitted.ok) return fitted;
    factorModel = fitted.value;
  } else if (est.risk === 'factor') {
    return fail('invalid-input', 'the factor risk model needs a factor model (--factor-model pca:K|ts:SET|xs)', { field: 'factorModel' });
  }
  let turbulence: Moments['turbulence'];
  switch (est.risk) {
    case 'factor':
      cov = factorCovariance(factorModel!);
      break;
    case 'sample':
      cov = sampleCov(r, f);
      break;
    case 'semicovariance':
      cov = semicovariance(r, f, est.benchmark);
      break;
    case 'exp':
      cov = expCov(r, f, est.span);
      break;
    case 'ledoit-wolf':
    case 'ledoit-wolf-single-factor':
    case 'ledoit-wolf-constant-correlation': {
      const s =
        est.risk === 'ledoit-wolf'
          ? ledoitWolfConstantVariance(r)
          : est.risk === 'ledoit-wolf-single-factor'
            ? ledoitWolfSingleFactor(r)
            : ledoitWolfConstantCorrelation(r, sampleCov(r, 1));
      cov = s.cov.map((x) => x * f);
      shrinkage = s.delta;
      break;
    }
    case 'turbulence-blend': {
      const rows = completeReturnRows(r);
      const split = turbulenceSplit(rows.values, rows.T, n, est.turbulence.share, f, r.tickers);
      if (!split.ok) return split;
      cov = blendCovariance(split.value.turbulent, split.value.quiet, est.turbulence.blend);
      turbulence = {
        turbulentDays: split.value.turbulentRows.length,
        threshold: split.value.threshold,
        quiet: diversificationOf(split.value.quiet, n),
        turbulent: diversificationOf(split.value.turbulent, n),
      };
      break;
    }
  }
  if (est.calendars) ({ mu, cov } = annualiseByCalendar(mu, cov, f, periodsPerYear(assets, est.calendars, f), est.returns !== 'arithmetic'));
  // Exact symmetry (products like r̄·σᵢσⱼ round differently from r̄·σⱼσᵢ).
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (cov[i * n + j]! + cov[j * n + i]!);
      cov[i * n + j] = v;
      cov[j * n + i] = v;
    }
  // BΣ_FBᵀ + D is PSD by construction (Σ_F a sample covariance, D ≥ 0): no O(n³) check or repair.
  const checked = est.risk === 'factor' ? ok({ covariance: cov, warnings: [] as string[] }) : checkedCovariance(cov, r.tickers);
  if (!checked.ok) return checked;
  return ok({
    tickers: r.tickers,
    expectedReturns: mu,
    covariance: checked.value.covariance,
    warnings: [...(factorModel?.warnings ?? []), ...checked.value.warnings],
    ...(factorModel ? { factorModel } : {}),
    returns: r,
    ...(shrinkage === undefined ? {} : { shrinkage }),
    ...(shrunk ? { shrunkMean: shrunk } : {}),
    ...(turbulence ? { turbulence } : {}),
    covarianceKernel: gramKernelName(),
  });
}

/** Per-asset bounds: asset-specific where given, the global ones otherwise. */
export function mergeBounds(tickers: string[], options: OptimizeOptions): CoreResult<{ lower: Float64Array; upper: Float64Array }> {
  const c = options.constraints;
  const unknown = Object.keys(c.assetBounds).filter((t) => !tickers.includes(t));
  if (unknown.length > 0) return fail('invalid-input', `bounds given for tickers not in the universe: ${unknown.join(', ')}`, { tickers: unknown });
  const lower = new Float64Array(tickers.length);
  const upper = new Float64Array(tickers.length);
  const bad: string[] = [];
  tickers.forEach((t, i) => {
    const b = c.assetBounds[t] ?? c.bounds;
    lower[i] = b[0];
    upper[i] = b[1];
    if (b[0] > b[1]) bad.push(t);
  });
  if (bad.length > 0) return fail('infeasible', `lower bound above upper bound for ${bad.join(', ')}`, { constraints: bad.map((t) => `bounds ${t}`) });
  return ok({ lower, upper });
}

/** Builds the PreparedProblem from given moments (historical or Black–Litterman posterior). */
export function prepareFromMoments(m: Moments, options: OptimizeOptions): CoreResult<PreparedProblem> {
  const b = mergeBounds(m.tickers, options);
  if (!b.ok) return b;
  const sc = completeReturnRows(m.returns);
  // Scenario objectives work on simple returns even when the estimators used log returns.
  if (options.estimators.logReturns) for (let i = 0; i < sc.values.length; i++) sc.values[i] = Math.expm1(sc.values[i]!);
  return ok({
    tickers: m.tickers,
    n: m.tickers.length,
    mu: m.expectedReturns,
    cov: m.covariance,
    returns: sc.values,
    T: sc.T,
    lower: b.value.lower,
    upper: b.value.upper,
    options,
    // PyPortfolioOpt's HRPOpt(returns) clusters on returns.corr() (pairwise complete); with any other
    // risk model (or a posterior) it is HRPOpt(cov_matrix=S), clustering on the correlation of S.
    ...(options.objective === 'hrp' && options.estimators.risk === 'sample' && !options.blackLitterman ? { correlation: correlationOfReturns(m.returns) } : {}),
    ...(m.factorModel ? { factorModel: m.factorModel } : {}),
  });
}
