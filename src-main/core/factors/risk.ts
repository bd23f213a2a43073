/** The factor covariance Σ = B Σ_F Bᵀ + D and the decomposition of a portfolio's variance under it. */

/** A fitted factor model (annualised): loadings B (n×k row-major), Σ_F (k×k), specific variances D (n). */
export interface FactorModel {
  model: string;
  tickers: string[];
  factors: string[];
  loadings: Float64Array;
  factorCov: Float64Array;
  specificVar: Float64Array;
  /** n×k t-statistics of the loadings; absent when the loadings are inputs (xs). */
  tStats?: Float64Array;
  /** Per-asset R² (NaN when undefined). */
  r2: Float64Array;
  frequency: number;
  observations: number;
  explained?: Float64Array;
  warnings: string[];
}

/** Dense n×n annualised covariance BΣ_FBᵀ + D (row-major), exactly symmetric. */
export function factorCovariance(m: FactorModel): Float64Array {
  const n = m.tickers.length;
  const k = m.factors.length;
  const { loadings: B, factorCov: F } = m;
  const bf = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < k; a++) {
      let s = 0;
      for (let b = 0; b < k; b++) s += B[i * k + b]! * F[b * k + a]!;
      bf[i * k + a] = s;
    }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let a = 0; a < k; a++) s += bf[i * k + a]! * B[j * k + a]!;
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  for (let i = 0; i < n; i++) out[i * n + i] = out[i * n + i]! + m.specificVar[i]!;
  return out;
}

/** Portfolio exposures b = Bᵀw (per unit of factor return). */
export function portfolioExposures(m: FactorModel, w: Float64Array): Float64Array {
  const k = m.factors.length;
  const b = new Float64Array(k);
  for (let i = 0; i < m.tickers.length; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    for (let a = 0; a < k; a++) b[a] = b[a]! + m.loadings[i * k + a]! * wi;
  }
  return b;
}

export interface Decomposition {
  exposures: Float64Array;
  /** b_a (Σ_F b)_a per factor: annualised variance; their sum is bᵀΣ_F b. */
  contributions: Float64Array;
  /** wᵀDw, annualised variance. */
  specific: number;
  total: number;
}

/** Splits wᵀΣw into factor contributions and the specific part (they sum to the total exactly up to rounding). */
export function decompose(m: FactorModel, w: Float64Array): Decomposition {
  const k = m.factors.length;
  const b = portfolioExposures(m, w);
  const contributions = new Float64Array(k);
  for (let a = 0; a < k; a++) {
    let s = 0;
    for (let c = 0; c < k; c++) s += m.factorCov[a * k + c]! * b[c]!;
    contributions[a] = b[a]! * s;
  }
  let specific = 0;
  for (let i = 0; i < m.tickers.length; i++) specific += w[i]! * w[i]! * m.specificVar[i]!;
  let total = specific;
  for (let a = 0; a < k; a++) total += contributions[a]!;
  return { exposures: b, contributions, specific, total };
}
