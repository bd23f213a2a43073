/**
 * Fits a factor model of the assets' returns (pca:K, ts:SET, xs) into B, Σ_F and D, annualised, with
 * per-asset t-statistics and R². Every path ends in the same FactorModel, so the covariance, the
 * decomposition and the constraints do not care where the loadings came from.
 */
import { parseFactorModel, type FactorModelOptions } from '../../../shared/domain/factors.js';
import { fail, ok, type CoreResult } from '../result.js';
import { sampleCov } from '../stats/risk-models.js';
import type { ReturnMatrix } from '../stats/returns.js';
import { alignWithFactors } from './align.js';
import { fitCrossSection } from './cross-section.js';
import { regressOnFactors } from './ols.js';
import { marchenkoPasturK, pcaOfCovariance } from './pca.js';
import type { FactorModel } from './risk.js';

/** Sample covariance (ddof 1) of the columns of a T×k matrix, rows with a NaN skipped, × scale. */
function columnCovariance(x: Float64Array, T: number, k: number, scale: number): Float64Array {
  const rows: number[] = [];
  for (let t = 0; t < T; t++) {
    let okRow = true;
    for (let a = 0; a < k; a++) if (x[t * k + a] !== x[t * k + a]) okRow = false;
    if (okRow) rows.push(t);
  }
  const m = rows.length;
  const mean = new Float64Array(k);
  for (const t of rows) for (let a = 0; a < k; a++) mean[a] = mean[a]! + x[t * k + a]! / m;
  const out = new Float64Array(k * k);
  for (const t of rows)
    for (let a = 0; a < k; a++)
      for (let b = 0; b <= a; b++) out[a * k + b] = out[a * k + b]! + (x[t * k + a]! - mean[a]!) * (x[t * k + b]! - mean[b]!);
  for (let a = 0; a < k; a++)
    for (let b = 0; b <= a; b++) {
      const v = (out[a * k + b]! * scale) / (m - 1);
      out[a * k + b] = v;
      out[b * k + a] = v;
    }
  return out;
}

function completeRows(r: ReturnMatrix): { values: Float64Array; T: number; dates: string[] } {
  const { n } = r;
  const keep: number[] = [];
  for (let t = 0; t < r.T; t++) {
    let full = true;
    for (let j = 0; j < n && full; j++) if (r.values[t * n + j] !== r.values[t * n + j]) full = false;
    if (full) keep.push(t);
  }
  const values = new Float64Array(keep.length * n);
  keep.forEach((t, s) => values.set(r.values.subarray(t * n, (t + 1) * n), s * n));
  return { values, T: keep.length, dates: keep.map((t) => r.dates[t]!) };
}

function failedAssets(r: ReturnMatrix, betas: Float64Array, k: number): string[] {
  return r.tickers.filter((_, j) => !Number.isFinite(betas[j * k]!));
}

/**
 * Fits `options.model` on per-period returns `r`; `frequency` (periods a year) annualises the PCA and xs
 * models (a ts set's own frequency wins: 12 for monthly sets). Specific variance is the residual
 * variance SSR/(T − k − 1) (xs: the residuals' variance) × periods a year.
 */
export function fitFactorModel(r: ReturnMatrix, options: FactorModelOptions, frequency: number): CoreResult<FactorModel> {
  const spec = parseFactorModel(options.model);
  if (!spec) return fail('invalid-input', `factor model "${options.model}" is not pca:K, pca, ts:SET or xs`);
  const { n, tickers } = r;
  if (spec.kind === 'pca') {
    const full = completeRows(r);
    if (full.T < 3) return fail('insufficient-data', `PCA needs dates where every asset has a return; the window has ${full.T}`);
    const S = sampleCov({ dates: full.dates, tickers, values: full.values, n, T: full.T }, 1);
    const k = spec.k === 'mp' ? marchenkoPasturK(S, n, full.T) : spec.k;
    if (k >= n || k > full.T - 3) return fail('invalid-input', `pca:${k} needs fewer factors than assets (${n}) and than dates − 2 (${full.T - 2})`);
    const pca = pcaOfCovariance(S, n, k);
    const warnings: string[] = [];
    if (!pca.converged) warnings.push(`PCA: the leading ${k} eigenvectors did not converge in ${pca.iterations} iterations`);
    if (spec.k === 'mp') warnings.push(`PCA: k = ${k} from the Marchenko–Pastur edge (1 + √(n/T))² of the correlation eigenvalues`);
    // Factor returns f_t = (r_t − r̄)ᵀV; regressing on them gives back V as loadings, with t-stats and R².
    const mean = new Float64Array(n);
    for (let t = 0; t < full.T; t++) for (let j = 0; j < n; j++) mean[j] = mean[j]! + full.values[t * n + j]! / full.T;
    const f = new Float64Array(full.T * k);
    for (let t = 0; t < full.T; t++)
      for (let j = 0; j < n; j++) {
        const v = full.values[t * n + j]! - mean[j]!;
        for (let a = 0; a < k; a++) f[t * k + a] = f[t * k + a]! + v * pca.vectors[j * k + a]!;
      }
    const reg = regressOnFactors(full.values, full.T, n, f, k, 0);
    const factors = Array.from({ length: k }, (_, a) => `PC${a + 1}`);
    return ok({
      model: options.model,
      tickers,
      factors,
      loadings: reg.betas,
      factorCov: columnCovariance(f, full.T, k, frequency),
      specificVar: reg.residualVariance.map((v) => v * frequency),
      tStats: reg.tStats,
      r2: reg.r2,
      frequency,
      observations: full.T,
      explained: pca.explained,
      warnings,
    });
  }
  if (spec.kind === 'ts') {
    const series = options.data?.series;
    if (!series || series.set !== spec.set) return fail('invalid-input', `factor set ${spec.set} was not loaded (import it with frontier factors import FILE --set ${spec.set})`);
    const aligned = alignWithFactors(r, series, options.factors);
    if ('error' in aligned) return fail('invalid-input', aligned.error);
    const k = aligned.factors.length;
    const T = aligned.dates.length;
    if (T < k + 3) return fail('insufficient-data', `only ${T} dates shared by the prices and factor set ${spec.set}; need at least ${k + 3}`);
    const reg = regressOnFactors(aligned.y, T, n, aligned.x, k, options.ridge);
    const bad = failedAssets(r, reg.betas, k);
    if (bad.length > 0) return fail('insufficient-data', `fewer than ${k + 2} dates with returns for ${bad.join(', ')} against factor set ${spec.set}`, { tickers: bad });
    const warnings: string[] = [];
    if (!aligned.excessOfRf) warnings.push(`factor set ${spec.set} has no RF column: raw returns were regressed, not excess returns`);
    if (series.frequency === 'monthly') warnings.push(`factor set ${spec.set} is monthly: asset returns were compounded to calendar months and the model annualised ×12`);
    const ppy = aligned.periodsPerYear;
    return ok({
      model: options.model,
      tickers,
      factors: aligned.factors,
      loadings: reg.betas,
      factorCov: columnCovariance(aligned.x, T, k, ppy),
      specificVar: reg.residualVariance.map((v) => v * ppy),
      tStats: reg.tStats,
      r2: reg.r2,
      frequency: ppy,
      observations: T,
      warnings,
    });
  }
  const c = options.data?.characteristics;
  if (!c) return fail('invalid-input', 'the characteristics model needs the stored classification and exposures (not loaded)');
  const xs = fitCrossSection(r, c);
  if ('error' in xs) return fail('insufficient-data', xs.error);
  const k = xs.factors.length;
  if (xs.regressed < k + 2) return fail('insufficient-data', `only ${xs.regressed} dates could be regressed cross-sectionally; need at least ${k + 2}`);
  const specificVar = new Float64Array(n);
  const r2 = new Float64Array(n).fill(NaN);
  const missing: string[] = [];
  for (let j = 0; j < n; j++) {
    let m = 0, s = 0, ss = 0, ys = 0, yss = 0;
    for (let t = 0; t < r.T; t++) {
      const e = xs.residuals[t * n + j]!;
      if (e !== e) continue;
      const y = r.values[t * n + j]!;
      m++;
      s += e;
      ss += e * e;
      ys += y;
      yss += y * y;
    }
    if (m < 2) {
      missing.push(tickers[j]!);
      continue;
    }
    specificVar[j] = ((ss - (s * s) / m) / (m - 1)) * frequency;
    const sst = yss - (ys * ys) / m;
    r2[j] = sst > 0 ? 1 - (ss - (s * s) / m) / sst : NaN;
  }
  if (missing.length > 0) return fail('insufficient-data', `no characteristics on enough dates for ${missing.join(', ')}`, { tickers: missing });
  const warnings: string[] = [];
  if (xs.dropped.length > 0) warnings.push(`characteristics dropped as collinear with earlier ones or all zero: ${xs.dropped.join(', ')}`);
  warnings.push(xs.capWeighted > 0 ? `√cap weights on ${xs.capWeighted} of ${xs.regressed} dates (equal weights where an asset had no cap)` : 'equal weights (no market caps imported as factor "cap")');
  return ok({
    model: options.model,
    tickers,
    factors: xs.factors,
    loadings: xs.lastExposures,
    factorCov: columnCovariance(xs.factorReturns, r.T, k, frequency),
    specificVar,
    r2,
    frequency,
    observations: xs.regressed,
    warnings,
  });
}
