/**
 * Correlation shock: what the portfolio's volatility and CVaR become if pairwise correlations rise to
 * a level (as in liquidation events), volatilities unchanged. Raising some entries of a correlation
 * matrix can break positive semi-definiteness, so the shocked matrix is repaired by eigenvalue
 * clipping and rescaled to a unit diagonal (which keeps every volatility as it was).
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { historicalShock } from './historical-shock.js';
import { weightedColumns } from './portfolio-returns.js';
import { normalPdf, normalQuantile } from '../stats/distributions.js';
export { normalQuantile };

export interface CorrelationShockSettings {
  /** Target pairwise correlation in [−1, 1]. */
  level: number;
  /** 'floor': correlations below the level rise to it (default); 'set': every pair becomes the level. */
  mode?: 'floor' | 'set';
  /** CVaR confidence (default 0.95). */
  beta?: number;
  periodsPerYear?: number;
}

export interface RiskFigures {
  /** Annualised volatility, fraction. */
  volatility: number;
  /** Parametric (normal) daily CVaR at beta, positive loss fraction. */
  cvar: number;
  /**
   * Historical daily CVaR at beta (positive loss fraction) of the historical scenarios, for `shocked`
   * transformed to the shocked covariance (historical-shock.ts); null when they cannot be (see `historicalNote`).
   */
  historicalCvar: number | null;
  /** Weighted average pairwise correlation Σ_{i≠j} w_i w_j ρ_ij / Σ_{i≠j} |w_i w_j|. */
  averageCorrelation: number;
}

export interface CorrelationShockResult {
  level: number;
  mode: 'floor' | 'set';
  beta: number;
  base: RiskFigures;
  shocked: RiskFigures;
  /** True when the shocked matrix had negative eigenvalues and was repaired. */
  repaired: boolean;
  /** Smallest eigenvalue of the shocked correlation matrix before repair. */
  minEigenvalue: number;
  tickers: string[];
  /** Days (rows where every weighted asset has a return) behind the historical CVaRs. */
  historicalScenarios: number;
  /** Why the historical CVaRs are null; null when they are given. */
  historicalNote: string | null;
}

/** Daily means and pairwise-complete sample covariance (ddof 1) of simple returns of the columns. */
function dailyMoments(prices: PriceMatrix, cols: number[]): { mu: number[]; cov: Matrix } {
  const m = prices.tickers.length;
  const n = prices.dates.length;
  const k = cols.length;
  const ret: Float64Array[] = cols.map((j) => {
    const r = new Float64Array(n - 1).fill(Number.NaN);
    for (let t = 1; t < n; t++) r[t - 1] = prices.values[t * m + j]! / prices.values[(t - 1) * m + j]! - 1;
    return r;
  });
  const mu = ret.map((r) => {
    let s = 0;
    let c = 0;
    for (const x of r) if (!Number.isNaN(x)) (s += x), c++;
    return s / c;
  });
  const cov = new Matrix(k, k);
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      const ra = ret[a]!;
      const rb = ret[b]!;
      let sa = 0;
      let sb = 0;
      let c = 0;
      for (let t = 0; t < n - 1; t++) if (!Number.isNaN(ra[t]!) && !Number.isNaN(rb[t]!)) (sa += ra[t]!), (sb += rb[t]!), c++;
      const ma = sa / c;
      const mb = sb / c;
      let s = 0;
      for (let t = 0; t < n - 1; t++) if (!Number.isNaN(ra[t]!) && !Number.isNaN(rb[t]!)) s += (ra[t]! - ma) * (rb[t]! - mb);
      const v = c > 1 ? s / (c - 1) : Number.NaN;
      cov.set(a, b, v);
      cov.set(b, a, v);
    }
  }
  return { mu, cov };
}

/** Nearest PSD correlation by clipping negative eigenvalues to 0 and rescaling to a unit diagonal. */
export function repairCorrelation(corr: Matrix): { matrix: Matrix; minEigenvalue: number; repaired: boolean } {
  const eig = new EigenvalueDecomposition(corr, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const minEigenvalue = Math.min(...values);
  if (minEigenvalue >= -1e-12) return { matrix: corr, minEigenvalue, repaired: false };
  const v = eig.eigenvectorMatrix;
  const clipped = Matrix.diag(values.map((x) => Math.max(x, 0)));
  const rebuilt = v.mmul(clipped).mmul(v.transpose());
  const k = corr.rows;
  const out = new Matrix(k, k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) out.set(i, j, rebuilt.get(i, j) / Math.sqrt(rebuilt.get(i, i) * rebuilt.get(j, j)));
  }
  return { matrix: out, minEigenvalue, repaired: true };
}

/**
 * The shock applied to a correlation matrix: off-diagonal entries below `level` raised to it ('floor') or
 * all set to it ('set'), then repaired to PSD with a unit diagonal.
 */
export function shockCorrelation(corr: Matrix, level: number, mode: 'floor' | 'set'): { matrix: Matrix; minEigenvalue: number; repaired: boolean } {
  const k = corr.rows;
  const shocked = new Matrix(k, k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) shocked.set(i, j, i === j ? 1 : mode === 'set' ? level : Math.max(corr.get(i, j), level));
  }
  return repairCorrelation(shocked);
}

function figures(w: number[], mu: number[], sd: number[], corr: Matrix, beta: number, ppy: number): Omit<RiskFigures, 'historicalCvar'> {
  let variance = 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < w.length; i++) {
    for (let j = 0; j < w.length; j++) {
      variance += w[i]! * w[j]! * sd[i]! * sd[j]! * corr.get(i, j);
      if (i !== j) {
        num += w[i]! * w[j]! * corr.get(i, j);
        den += Math.abs(w[i]! * w[j]!);
      }
    }
  }
  const sigma = Math.sqrt(Math.max(variance, 0));
  const mean = w.reduce((s, x, i) => s + x * mu[i]!, 0);
  const z = normalQuantile(beta);
  return {
    volatility: sigma * Math.sqrt(ppy),
    cvar: -mean + (sigma * normalPdf(z)) / (1 - beta),
    averageCorrelation: den > 0 ? num / den : Number.NaN,
  };
}

/**
 * Volatility (annualised), parametric daily CVaR and historical daily CVaR (scenarios re-coloured to the
 * shocked covariance) before and after raising correlations to `level`.
 */
export function correlationShock(
  prices: PriceMatrix,
  weights: Record<string, number>,
  settings: CorrelationShockSettings,
): CoreResult<CorrelationShockResult> {
  const { level } = settings;
  const mode = settings.mode ?? 'floor';
  const beta = settings.beta ?? 0.95;
  const ppy = settings.periodsPerYear ?? 252;
  if (!(level >= -1 && level <= 1)) return fail('invalid-input', 'the correlation level must be in [−1, 1]');
  if (!(beta > 0 && beta < 1)) return fail('invalid-input', 'beta must be in (0, 1)');
  const wc = weightedColumns(prices, weights);
  if (!wc.ok) return wc;
  const { cols, w } = wc.value;
  const { mu, cov } = dailyMoments(prices, cols);
  const k = cols.length;
  const sd = Array.from({ length: k }, (_, i) => Math.sqrt(cov.get(i, i)));
  const bad = cols.filter((_, i) => !(sd[i]! > 0) || !Number.isFinite(mu[i]!)).map((j) => prices.tickers[j]!);
  if (bad.length > 0) return fail('insufficient-data', `no usable return history for ${bad.join(', ')}`, { tickers: bad });
  const corr = new Matrix(k, k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = i === j ? 1 : cov.get(i, j) / (sd[i]! * sd[j]!);
      if (Number.isNaN(c)) return fail('insufficient-data', `${prices.tickers[cols[i]!]} and ${prices.tickers[cols[j]!]} share too few days`);
      corr.set(i, j, c);
    }
  }
  const base = repairCorrelation(corr).matrix; // pairwise-complete estimates can be indefinite too
  const repaired = shockCorrelation(corr, level, mode);
  const hist = historicalShock(prices, cols, w, (c) => shockCorrelation(c, level, mode).matrix, beta);
  return ok({
    level,
    mode,
    beta,
    base: { ...figures(w, mu, sd, base, beta, ppy), historicalCvar: hist.base },
    shocked: { ...figures(w, mu, sd, repaired.matrix, beta, ppy), historicalCvar: hist.shocked },
    repaired: repaired.repaired,
    minEigenvalue: repaired.minEigenvalue,
    tickers: cols.map((j) => prices.tickers[j]!),
    historicalScenarios: hist.scenarios,
    historicalNote: hist.note,
  });
}
