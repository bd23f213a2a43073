/** Shared problem and solution shapes of the optimisation engine (mean-variance and risk-based objectives). */
import type { OptimizeOptions } from '../../../shared/domain/optimize.js';
import type { CoreHooks } from '../hooks.js';
import type { CoreResult } from '../result.js';
import type { FactorModel } from '../factors/risk.js';

/** Estimated inputs plus merged bounds: everything an objective solver needs. */
export interface PreparedProblem {
  tickers: string[];
  n: number;
  /** Annualised expected returns (fraction). */
  mu: Float64Array;
  /** n×n annualised covariance, row-major. */
  cov: Float64Array;
  /** T×n daily simple returns used for scenario objectives (CVaR/CDaR/semivariance); NaN-free. */
  returns: Float64Array;
  T: number;
  /** Per-asset bounds after merging global and per-asset bounds (fractions). */
  lower: Float64Array;
  upper: Float64Array;
  /** Parsed options with defaults filled. */
  options: OptimizeOptions;
  /** n×n pairwise-complete correlation of the estimation returns (HRP with the sample risk model only). */
  correlation?: Float64Array;
  /** Fitted factor model (options.factorModel): loadings for factor constraints and the decomposition. */
  factorModel?: FactorModel;
}

export interface KktResiduals {
  stationarity: number;
  feasibility: number;
  complementarity: number;
}

export interface Solution {
  weights: Float64Array;
  solver: string;
  iterations: number;
  status: 'optimal' | 'optimal-inaccurate';
  kkt?: KktResiduals;
  activeConstraints: string[];
  extras?: Record<string, number>;
  warnings?: string[];
  /** Structured facts for the result's diagnostics, under their own keys (e.g. `hrp`). */
  details?: Record<string, unknown>;
}

export type ObjectiveSolver = (p: PreparedProblem, ctx?: CoreHooks) => Promise<CoreResult<Solution>>;
