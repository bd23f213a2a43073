/** From prices and options to a PreparedProblem: price window, moment estimation, bound merging. */
import type { EstimatorSettings, OptimizeOptions, PriceWindow } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { capmReturn, emaHistoricalReturn, meanHistoricalReturn } from '../stats/expected-returns.js';
import { countPerAsset, returnsFromPrices, type ReturnMatrix } from '../stats/returns.js';
import { gramKernelName } from '../stats/gram.js';
import { expCov, fixNonPsd, sampleCov, semicovariance } from '../stats/risk-models.js';
import {
  ledoitWolfConstantCorrelation,
  ledoitWolfConstantVariance,
  ledoitWolfSingleFactor,
} from '../stats/shrinkage.js';
import type { PreparedProblem } from './problem.js';
import { annualiseByCalendar, periodsPerYear } from '../fx/calendar.js';

/** Restricts prices to [start, end], then (optionally) complete rows, then the last N returns (N+1 prices). */
export function applyWindow(prices: PriceMatrix, window: PriceWindow): CoreResult<PriceMatrix> {
  const n = prices.tickers.length;
  const keep: number[] = [];
  for (let t = 0; t < prices.dates.length; t++) {
    const d = prices.dates[t]!;
    if (window.start !== undefined && d < window.start) continue;
    if (window.end !== undefined && d > window.end) continue;
    if (window.completeRows) {
      let complete = true;
      for (let j = 0; j < n && complete; j++) {
        const v = prices.values[t * n + j]!;
        if (v !== v) complete = false;
      }
      if (!complete) continue;
    }
    keep.push(t);
  }
  const rows = window.last !== undefined ? keep.slice(Math.max(0, keep.length - window.last - 1)) : keep;
  if (rows.length < 3) {
    return fail('insufficient-data', `the price window keeps ${rows.length} dates; at least 3 are needed`, {
      window,
      dates: rows.length,
    });
  }
  const values = new Float64Array(rows.length * n);
  rows.forEach((t, k) => values.set(prices.values.subarray(t * n, (t + 1) * n), k * n));
  return ok({ dates: rows.map((t) => prices.dates[t]!), tickers: prices.tickers.slice(), values });
}

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
  /** Cross-product kernel that estimated the covariance ("native-avx512f", "js", …; see stats/gram.ts). */
  covarianceKernel?: string;
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
export function estimateMoments(prices: PriceMatrix, est: EstimatorSettings, rf = 0): CoreResult<Moments> {
  const split = universe(prices, est);
  if (!split.ok) return split;
  const { assets, market } = split.value;
  const returns = checkedReturns(assets, est.logReturns);
  if (!returns.ok) return returns;
  const r = returns.value;
  const n = r.n;
  const f = est.frequency;
  let mu: Float64Array;
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
      if (mu.some((x) => x !== x)) return fail('insufficient-data', 'fewer than 2 dates where every asset and the market have returns (CAPM betas)');
      break;
    }
  }
  let cov: Float64Array;
  let shrinkage: number | undefined;
  switch (est.risk) {
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
  }
  if (est.calendars) ({ mu, cov } = annualiseByCalendar(mu, cov, f, periodsPerYear(assets, est.calendars, f), est.returns !== 'arithmetic'));
  // Exact symmetry (products like r̄·σᵢσⱼ round differently from r̄·σⱼσᵢ).
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (cov[i * n + j]! + cov[j * n + i]!);
      cov[i * n + j] = v;
      cov[j * n + i] = v;
    }
  const checked = checkedCovariance(cov, r.tickers);
  if (!checked.ok) return checked;
  return ok({
    tickers: r.tickers,
    expectedReturns: mu,
    covariance: checked.value.covariance,
    warnings: checked.value.warnings,
    returns: r,
    ...(shrinkage === undefined ? {} : { shrinkage }),
    covarianceKernel: gramKernelName(),
  });
}

/** Rows of `r` where every asset has a return (scenario objectives need complete scenarios). */
export function completeReturnRows(r: ReturnMatrix): { values: Float64Array; T: number } {
  const { n } = r;
  const out = new Float64Array(r.T * n);
  let T = 0;
  for (let t = 0; t < r.T; t++) {
    let complete = true;
    for (let j = 0; j < n && complete; j++) if (r.values[t * n + j] !== r.values[t * n + j]) complete = false;
    if (!complete) continue;
    out.set(r.values.subarray(t * n, (t + 1) * n), T * n);
    T++;
  }
  return { values: out.slice(0, T * n), T };
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
  });
}
