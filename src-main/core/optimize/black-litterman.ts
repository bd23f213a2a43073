/**
 * Black–Litterman (PyPortfolioOpt's conventions): prior π, views P·μ = Q with uncertainty Ω, posterior
 * μ = π + τΣPᵀ(PτΣPᵀ + Ω)⁻¹(Q − Pπ) and Σ_post = Σ + τΣ − τΣPᵀ(PτΣPᵀ + Ω)⁻¹PτΣ.
 * Only one K×K factorisation (K = number of views) is formed; no n×n inverse. The correction to Σ is a
 * Gram product through the covariance kernel (core/stats/gram.ts).
 */
import type { BlackLittermanSettings, OptimizeOptions } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { crossProduct } from '../stats/gram.js';
import { choleskyInPlace, solveLower, solveLowerT, solveSpd } from '../stats/linalg.js';
import type { Moments } from './prepare.js';

export interface BlackLittermanOutput {
  /** Prior expected returns π (annualised). */
  prior: Float64Array;
  posteriorReturns: Float64Array;
  posteriorCov: Float64Array;
  /** Risk aversion δ used (given, implied from the market, or 1). */
  delta: number;
  /** View matrix P (K×n row-major), Q and diag(Ω). */
  P: Float64Array;
  Q: Float64Array;
  omega: Float64Array;
  warnings: string[];
}

/** δ implied by a market price series: (f·mean(r) − rf) / (f·var(r)), var with ddof 1. */
export function impliedRiskAversion(marketPrices: Float64Array, frequency: number, rf: number): number {
  const r: number[] = [];
  for (let t = 1; t < marketPrices.length; t++) {
    const a = marketPrices[t - 1]!, b = marketPrices[t]!;
    if (a > 0 && b > 0) r.push(b / a - 1);
  }
  const m = r.reduce((s, x) => s + x, 0) / r.length;
  const v = r.reduce((s, x) => s + (x - m) ** 2, 0) / (r.length - 1);
  return (m * frequency - rf) / (v * frequency);
}

/** Views into P (K×n) and Q; unknown tickers are an error. */
export function viewMatrices(tickers: string[], s: BlackLittermanSettings): CoreResult<{ P: Float64Array; Q: Float64Array; conf: (number | undefined)[] }> {
  const n = tickers.length;
  const K = s.views.length;
  const index = new Map(tickers.map((t, i) => [t, i]));
  const P = new Float64Array(K * n);
  const Q = new Float64Array(K);
  const conf: (number | undefined)[] = [];
  for (let k = 0; k < K; k++) {
    const v = s.views[k]!;
    Q[k] = v.return;
    conf.push(v.confidence);
    if ('asset' in v) {
      const i = index.get(v.asset);
      if (i === undefined) return fail('invalid-input', `view ${k + 1} names ${v.asset}, which is not in the universe`, { view: k });
      P[k * n + i] = 1;
    } else {
      for (const [list, sign] of [[v.long, 1], [v.short, -1]] as const) {
        for (const t of list) {
          const i = index.get(t);
          if (i === undefined) return fail('invalid-input', `view ${k + 1} names ${t}, which is not in the universe`, { view: k });
          P[k * n + i] = P[k * n + i]! + sign / list.length;
        }
      }
    }
  }
  return ok({ P, Q, conf });
}

/** Posterior returns and covariance from the prior, the views and Σ (annualised). */
export function blackLitterman(
  tickers: string[],
  cov: Float64Array,
  pi: Float64Array,
  s: BlackLittermanSettings,
  delta: number,
): CoreResult<BlackLittermanOutput> {
  const n = tickers.length;
  const vm = viewMatrices(tickers, s);
  if (!vm.ok) return vm;
  const { P, Q, conf } = vm.value;
  const K = Q.length;
  const tau = s.tau;
  const tSP = viewCovariance(cov, n, P, K, tau);
  const A = new Float64Array(K * K);
  for (let a = 0; a < K; a++)
    for (let b = 0; b < K; b++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += P[a * n + j]! * tSP[j * K + b]!;
      A[a * K + b] = acc;
    }
  const omega = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const base = A[k * K + k]!; // τ·p_kΣp_kᵀ
    if (s.omega === 'proportional') omega[k] = base;
    else {
      const c = conf[k];
      if (c === undefined) return fail('invalid-input', `Idzorek's method needs a confidence for every view (view ${k + 1} has none)`, { view: k });
      // Idzorek: α = (1 − c)/c, ω = α·τ·pΣpᵀ; zero confidence = a view with (almost) no weight.
      omega[k] = c === 0 ? 1e6 : ((1 - c) / c) * base;
    }
    A[k * K + k] = A[k * K + k]! + omega[k]!;
  }
  const resid = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let acc = 0;
    for (let j = 0; j < n; j++) acc += P[k * n + j]! * pi[j]!;
    resid[k] = Q[k]! - acc;
  }
  const warnings: string[] = [];
  const post = pi.slice();
  let postCov: Float64Array;
  if (K > 0) {
    // A = LLᵀ once; every solve below reuses L.
    const L = A.slice();
    if (choleskyInPlace(L, K) >= 0) return fail('singular-views', 'the views are linearly dependent with zero uncertainty (PτΣPᵀ + Ω is singular)');
    const sol = resid.slice();
    solveLower(L, K, sol);
    solveLowerT(L, K, sol);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let k = 0; k < K; k++) acc += tSP[i * K + k]! * sol[k]!;
      post[i] = post[i]! + acc;
    }
    postCov = posteriorCovariance(cov, n, tSP, L, K, tau);
  } else {
    postCov = new Float64Array(n * n);
    for (let i = 0; i < n * n; i++) postCov[i] = cov[i]! * (1 + tau);
    warnings.push('Black–Litterman without views: the posterior is the prior');
  }
  return ok({ prior: pi, posteriorReturns: post, posteriorCov: postCov, delta, P, Q, omega, warnings });
}

/** τΣPᵀ (n×K row-major, units of Σ) from the nonzeros of each view: Σ is read row by row, once. */
function viewCovariance(cov: Float64Array, n: number, P: Float64Array, K: number, tau: number): Float64Array {
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  for (let k = 0; k < K; k++) {
    const nz: number[] = [];
    for (let j = 0; j < n; j++) if (P[k * n + j] !== 0) nz.push(j);
    idx.push(Int32Array.from(nz));
    val.push(Float64Array.from(nz, (j) => P[k * n + j]!));
  }
  const tSP = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k < K; k++) {
      const ix = idx[k]!, v = val[k]!;
      let acc = 0;
      for (let q = 0; q < ix.length; q++) acc += cov[row + ix[q]!]! * v[q]!;
      tSP[i * K + k] = tau * acc;
    }
  }
  return tSP;
}

/**
 * Σ_post = (1 + τ)Σ − tSP·A⁻¹·tSPᵀ with A = LLᵀ: the correction is YᵀY for Y = L⁻¹·tSPᵀ (K×n), a Gram
 * product over K "rows", so it goes through the covariance kernel, which computes one half and mirrors it.
 */
function posteriorCovariance(cov: Float64Array, n: number, tSP: Float64Array, L: Float64Array, K: number, tau: number): Float64Array {
  const Y = new Float64Array(K * n);
  const y = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < K; k++) y[k] = tSP[i * K + k]!;
    solveLower(L, K, y);
    for (let k = 0; k < K; k++) Y[k * n + i] = y[k]!;
  }
  const out = new Float64Array(n * n);
  crossProduct({ x: Y, rows: K, rowStride: n, colStride: 1, cols: Int32Array.from({ length: n }, (_, i) => i), centre: false, scale: 1 }, out, n);
  // One contiguous pass over the square (the correction is already symmetric); Σ is taken as given, so
  // an input that is not exactly symmetric keeps its own entries on both sides as before.
  const f = 1 + tau;
  for (let i = 0; i < n * n; i++) out[i] = cov[i]! * f - out[i]!;
  return out;
}

/** The prior π and δ from the settings, then the posterior, for the optimiser. */
export function applyBlackLitterman(prices: PriceMatrix, m: Moments, s: BlackLittermanSettings, options: OptimizeOptions): CoreResult<BlackLittermanOutput> {
  const n = m.tickers.length;
  const rf = options.targets.rf;
  let delta = 1;
  if (s.riskAversion === 'market') {
    const mt = s.marketTicker ?? options.estimators.market;
    const j = mt === undefined ? -1 : prices.tickers.indexOf(mt);
    if (j < 0) return fail('invalid-input', 'riskAversion "market" needs a market series (marketTicker) among the price columns', { field: 'blackLitterman.marketTicker' });
    const w = prices.tickers.length;
    const series = Float64Array.from(prices.dates, (_, t) => prices.values[t * w + j]!).filter((x) => x === x);
    delta = impliedRiskAversion(series, options.estimators.frequency, rf);
    if (!(delta > 0)) return fail('invalid-input', `the market series implies a risk aversion of ${delta}; give riskAversion explicitly`);
  } else if (typeof s.riskAversion === 'number') delta = s.riskAversion;
  let pi: Float64Array;
  if (s.prior === 'market') {
    if (!s.marketCaps) return fail('invalid-input', 'a market prior needs market caps (marketCaps)', { field: 'blackLitterman.marketCaps' });
    const missing = m.tickers.filter((t) => s.marketCaps![t] === undefined);
    if (missing.length > 0) return fail('invalid-input', `market caps missing for ${missing.join(', ')}`, { tickers: missing });
    const caps = Float64Array.from(m.tickers, (t) => s.marketCaps![t]!);
    const total = caps.reduce((a, b) => a + b, 0);
    if (!(total > 0)) return fail('invalid-input', 'market caps sum to 0: at least one must be positive', { field: 'blackLitterman.marketCaps' });
    pi = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += m.covariance[i * n + j]! * (caps[j]! / total);
      pi[i] = delta * acc + rf;
    }
  } else if (s.prior === 'equal') pi = new Float64Array(n).fill(1 / n);
  else if (s.prior === 'historical') pi = m.expectedReturns.slice();
  else if (s.prior === 'none') pi = new Float64Array(n);
  else {
    const rec = s.prior;
    const missing = m.tickers.filter((t) => rec[t] === undefined);
    if (missing.length > 0) return fail('invalid-input', `prior returns missing for ${missing.join(', ')}`, { tickers: missing });
    pi = Float64Array.from(m.tickers, (t) => rec[t]!);
  }
  return blackLitterman(m.tickers, m.covariance, pi, s, delta);
}

/** The unconstrained BL portfolio (δΣ)⁻¹μ, normalised to sum to 1 as PyPortfolioOpt's bl_weights; null if Σ is singular. */
export function blackLittermanWeights(cov: Float64Array, n: number, mu: Float64Array, delta: number): Float64Array | null {
  const a = cov.map((x) => x * delta);
  const raw = solveSpd(a, n, mu);
  if (!raw) return null;
  const s = raw.reduce((x, y) => x + y, 0);
  return raw.map((x) => x / s);
}
