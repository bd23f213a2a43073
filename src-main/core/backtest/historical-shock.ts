/**
 * Historical CVaR under a correlation shock. The parametric figure assumes normal returns; this one keeps
 * the history's fat tails and skew: the daily return scenarios x_t (days where every weighted asset has a
 * return) are transformed to y_t = μ + Σ*^½·S^−½·(x_t − μ), where S is their sample covariance and
 * Σ* = D·R*·D the shocked one (same volatilities D, shocked and repaired correlation R*). Then the y_t
 * have mean μ and sample covariance exactly Σ*. Symmetric square roots (not Cholesky factors) make the
 * result independent of the order of the assets and leave the scenarios untouched when Σ* = S.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { PriceMatrix } from '../price-matrix.js';
import { historicalTail } from './series.js';

export interface HistoricalShock {
  /** Historical daily CVaR of the portfolio's scenarios (positive loss fraction); null below 2 scenarios. */
  base: number | null;
  /** The same after transforming the scenarios to the shocked covariance; null when it cannot be done. */
  shocked: number | null;
  /** Scenarios (days) used. */
  scenarios: number;
  /** Why a figure is null, else null. */
  note: string | null;
}

/** V·diag(λᵖ)·Vᵀ of a symmetric PSD matrix (eigenvalues ≤ 1e-14·max count as 0); null if p < 0 and it is singular. */
export function symmetricPower(a: Matrix, p: number): Matrix | null {
  const eig = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const values = eig.realEigenvalues;
  const top = Math.max(...values.map(Math.abs));
  if (p < 0 && !(Math.min(...values) > 1e-12 * top)) return null;
  const v = eig.eigenvectorMatrix;
  // Eigenvalues at rounding level are zeros (a rank-deficient shocked matrix): their square roots would not be.
  const floor = 1e-14 * top;
  return v.mmul(Matrix.diag(values.map((x) => (x > floor ? x ** p : 0)))).mmul(v.transpose());
}

/**
 * Scenarios (T×k) transformed to the shocked covariance: y_t = μ + Σ*^½·S^−½·(x_t − μ) with S their
 * sample covariance (ddof 1) and Σ* = D·shock(corr(S))·D. A string says why it cannot be done.
 */
export function recolourScenarios(x: Matrix, shock: (corr: Matrix) => Matrix, names: readonly string[]): Matrix | string {
  const T = x.rows;
  const k = x.columns;
  if (T <= k) return `${T} days for ${k} assets: too few to fix their covariance`;
  const mu = x.mean('column');
  const centred = x.clone();
  for (let t = 0; t < T; t++) for (let j = 0; j < k; j++) centred.set(t, j, x.get(t, j) - mu[j]!);
  const s = centred.transpose().mmul(centred).div(T - 1);
  const sd = Array.from({ length: k }, (_, i) => Math.sqrt(s.get(i, i)));
  const flat = names.filter((_, i) => !(sd[i]! > 0));
  if (flat.length > 0) return `no price moves for ${flat.join(', ')} on the scenario days`;
  const corr = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) corr.set(i, j, i === j ? 1 : s.get(i, j) / (sd[i]! * sd[j]!));
  const shocked = shock(corr);
  const target = new Matrix(k, k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) target.set(i, j, sd[i]! * sd[j]! * shocked.get(i, j));
  const whiten = symmetricPower(s, -0.5);
  if (whiten === null) return 'the scenarios’ covariance is singular (one asset moves as a combination of others)';
  // Row form: (y_t − μ)ᵀ = (x_t − μ)ᵀ·(Σ*^½·S^−½)ᵀ.
  const y = centred.mmul(symmetricPower(target, 0.5)!.mmul(whiten).transpose());
  for (let t = 0; t < T; t++) for (let j = 0; j < k; j++) y.set(t, j, y.get(t, j) + mu[j]!);
  return y;
}

/**
 * Base and shocked historical daily CVaR at `beta` of weights `w` on columns `cols` (cash earns nothing,
 * as in the parametric figures). `shock` maps the scenarios' correlation matrix to the shocked, PSD one.
 */
export function historicalShock(
  prices: PriceMatrix,
  cols: readonly number[],
  w: readonly number[],
  shock: (corr: Matrix) => Matrix,
  beta: number,
): HistoricalShock {
  const m = prices.tickers.length;
  const k = cols.length;
  const rows: number[][] = [];
  for (let t = 1; t < prices.dates.length; t++) {
    const x: number[] = [];
    for (const j of cols) {
      const r = prices.values[t * m + j]! / prices.values[(t - 1) * m + j]! - 1;
      if (!Number.isFinite(r)) break;
      x.push(r);
    }
    if (x.length === k) rows.push(x);
  }
  const T = rows.length;
  if (T < 2) return { base: null, shocked: null, scenarios: T, note: 'fewer than two days where every weighted asset has a return' };
  const cvarOf = (x: Matrix): number => historicalTail(Float64Array.from(x.mmul(Matrix.columnVector([...w])).getColumn(0)), beta).cvar;
  const scenarios = new Matrix(rows);
  const base = cvarOf(scenarios);
  const y = recolourScenarios(scenarios, shock, cols.map((j) => prices.tickers[j]!));
  if (typeof y === 'string') return { base, shocked: null, scenarios: T, note: y };
  return { base, shocked: cvarOf(y), scenarios: T, note: null };
}
