/**
 * Optimisation settings and results shared by the engine, the API, the CLI, saved scenarios and the UI.
 * Units: returns and volatilities are annualised fractions (0.08 = 8 %) unless a field says otherwise.
 */
import { z } from 'zod';
import { factorModelSchema, type FactorRisk } from './factors.js';
import { currencySettingsSchema, type CalendarResult, type CurrencyResult } from '../api/fx.js';
import { optionBookExposureSchema, type OptionsExposureOut } from './options.js';

export const RETURN_ESTIMATORS = ['historical', 'arithmetic', 'ema', 'capm', 'james-stein', 'bayes-stein', 'bodnar-okhrin'] as const;
/** Shrinkage targets of the shrunk means: the grand mean, or the minimum-variance portfolio's mean. */
export const SHRINK_TARGETS = ['grand-mean', 'min-variance'] as const;
export const RISK_MODELS = [
  'sample',
  'ledoit-wolf',
  'ledoit-wolf-single-factor',
  'ledoit-wolf-constant-correlation',
  'exp',
  'semicovariance',
  'factor',
  'turbulence-blend',
] as const;
export const OBJECTIVES = [
  'min-volatility',
  'max-sharpe',
  'efficient-risk',
  'efficient-return',
  'max-utility',
  'max-return',
  'risk-parity',
  'hrp',
  'min-cvar',
  'efficient-cvar',
  'min-cdar',
  'efficient-cdar',
  'min-semivariance',
  'worst-case-mv',
  'crisis-robust',
] as const;

export type ReturnEstimator = (typeof RETURN_ESTIMATORS)[number];
export type RiskModel = (typeof RISK_MODELS)[number];
export type Objective = (typeof OBJECTIVES)[number];

const ticker = z.string().min(1).max(64);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const estimatorSchema = z.object({
  returns: z.enum(RETURN_ESTIMATORS).default('historical'),
  /** EMA / EWMA span in periods (days). */
  span: z.number().int().positive().default(500),
  logReturns: z.boolean().default(false),
  risk: z.enum(RISK_MODELS).default('sample'),
  /** Semicovariance benchmark, per period (daily) return. */
  benchmark: finite.default(0),
  /** Periods per year. */
  frequency: z.number().int().positive().default(252),
  /** Ticker of the market series for CAPM (must be in the price source); absent = equal-weighted universe. */
  market: ticker.optional(),
  /** Target of the shrunk means (james-stein, bayes-stein, bodnar-okhrin). */
  shrinkTarget: z.enum(SHRINK_TARGETS).default('grand-mean'),
  /**
   * Turbulence split (Kritzman–Li): `share` of the days with the highest Mahalanobis distance form the
   * turbulent set; `blend` is p in p·Σ_turbulent + (1 − p)·Σ_quiet for the turbulence-blend risk model.
   */
  turbulence: z
    .object({ share: finite.gt(0).lt(1).default(0.1), blend: finite.min(0).max(1).default(0.5) })
    .default({ share: 0.1, blend: 0.5 }),
  /** Calendar per ticker (issue 16): calendar-days assets are annualised per 365 calendar days; absent = `frequency` for all. */
  calendars: z.record(ticker, z.enum(['trading-days', 'calendar-days'])).optional(),
});
export type EstimatorSettings = z.output<typeof estimatorSchema>;

export const boundsSchema = z.tuple([finite, finite]);

export const groupSchema = z.object({
  name: z.string().min(1),
  tickers: z.array(ticker).min(1),
  min: finite.optional(),
  max: finite.optional(),
});
export type GroupConstraint = z.output<typeof groupSchema>;

export const constraintsSchema = z.object({
  /** Global weight bounds [lo, hi] (fractions); shorting when lo < 0. */
  bounds: boundsSchema.default([0, 1]),
  /** Per-asset bounds overriding the global ones. */
  assetBounds: z.record(ticker, boundsSchema).default({}),
  marketNeutral: z.boolean().default(false),
  groups: z.array(groupSchema).default([]),
  /** L2 regularisation γ (adds γ‖w‖² to the minimised objective). */
  l2: finite.nonnegative().default(0),
  /** Proportional transaction cost k (adds k‖w − w₀‖₁). */
  txCost: finite.nonnegative().default(0),
  currentWeights: z.record(ticker, finite).optional(),
  maxTurnover: finite.positive().optional(),
  maxHoldings: z.number().int().positive().optional(),
  trackingError: finite.positive().optional(),
  benchmarkWeights: z.record(ticker, finite).optional(),
});
export type Constraints = z.output<typeof constraintsSchema>;

export const targetsSchema = z.object({
  /** Annual risk-free rate (fraction). */
  rf: finite.default(0),
  targetVolatility: finite.positive().optional(),
  targetReturn: finite.optional(),
  riskAversion: finite.positive().default(1),
  /** CVaR / CDaR confidence level. */
  beta: finite.gt(0).lt(1).default(0.95),
  /** Risk-parity budgets per ticker (positive, normalised to sum 1); absent = equal risk contributions. */
  riskBudgets: z.record(ticker, finite.positive()).optional(),
});
export type Targets = z.output<typeof targetsSchema>;

const viewConfidence = finite.min(0).max(1).optional();
export const viewSchema = z.union([
  z.object({ asset: ticker, return: finite, confidence: viewConfidence }),
  z.object({
    long: z.array(ticker).min(1),
    short: z.array(ticker).default([]),
    return: finite,
    confidence: viewConfidence,
  }),
]);
export type View = z.output<typeof viewSchema>;

export const viewsSchema = z.object({
  prior: z
    .union([z.enum(['market', 'equal', 'historical', 'none']), z.record(ticker, finite)])
    .default('historical'),
  /** Market capitalisations (≥ 0; a cap of 0 gives the asset no weight in the market portfolio). */
  marketCaps: z.record(ticker, finite.nonnegative()).optional(),
  riskAversion: z.union([finite.positive(), z.literal('market')]).optional(),
  /** Ticker of the market series used to imply δ when riskAversion is "market". */
  marketTicker: ticker.optional(),
  tau: finite.positive().default(0.05),
  omega: z.enum(['proportional', 'idzorek']).default('proportional'),
  views: z.array(viewSchema).default([]),
  /**
   * Covariance of the unconstrained BL portfolio (δΣ)⁻¹μ_post reported in diagnostics: "prior" (Σ, as
   * PyPortfolioOpt's bl_weights) or "posterior" (Σ_post). Objectives always run on the posterior.
   */
  weightsCovariance: z.enum(['prior', 'posterior']).optional(),
});
export type BlackLittermanSettings = z.output<typeof viewsSchema>;

export const RISK_MEASURES = ['volatility', 'semideviation', 'cvar', 'cdar'] as const;
export type RiskMeasure = (typeof RISK_MEASURES)[number];

/** Price-window fields (also used by `advanced.expectedReturnsWindow`). */
const windowFields = {
  start: z.iso.date().optional(),
  end: z.iso.date().optional(),
  /** Keep only dates where every ticker has a price. */
  completeRows: z.boolean().default(false),
  /** Keep only the last N returns. */
  last: z.number().int().positive().optional(),
};

/** Options beyond the base request: other risk measures for efficient-risk / max-utility, resampling. */
export const advancedSchema = z.object({
  /**
   * Risk measure of efficient-risk (the cap) and max-utility (the penalty): volatility (default),
   * semideviation (annualised, below estimators.benchmark), cvar or cdar (daily, at targets.beta).
   */
  riskMeasure: z.enum(RISK_MEASURES).default('volatility'),
  /** efficient-risk cap in the measure's units (semideviation annualised; CVaR / CDaR daily fractions). */
  riskTarget: finite.positive().optional(),
  /**
   * Resample prices before estimating: the first price of each week (Monday–Sunday) or calendar month,
   * as pandas `resample("W"/"M").first()`; the periods per year become 52 / 12.
   */
  resample: z.enum(['daily', 'weekly', 'monthly']).default('daily'),
  /** Window of the prices for the expected returns when it differs from the scenarios' window. */
  expectedReturnsWindow: z.object(windowFields).optional(),
});
export type AdvancedOptions = z.output<typeof advancedSchema>;
/** Uncertainty set of the worst-case mean-variance objective. */
export const robustSchema = z.object({
  /** box: |μ − μ̂| ≤ δ per asset; ellipsoid: (μ − μ̂)ᵀΩ⁻¹(μ − μ̂) ≤ κ². */
  uncertainty: z.enum(['box', 'ellipsoid']).default('box'),
  /** Confidence level of the set: δ = z((1+c)/2)·SE for the box, κ² = χ²_n(c) for the ellipsoid. */
  confidence: finite.gt(0).lt(1).default(0.95),
});
export type RobustSettings = z.output<typeof robustSchema>;

/** Everything needed to run one optimisation, apart from the prices. */
export const optimizeOptionsSchema = z.object({
  objective: z.enum(OBJECTIVES).default('min-volatility'),
  estimators: estimatorSchema.default(estimatorSchema.parse({})),
  targets: targetsSchema.default(targetsSchema.parse({})),
  constraints: constraintsSchema.default(constraintsSchema.parse({})),
  blackLitterman: viewsSchema.optional(),
  advanced: advancedSchema.optional(),
  /** Factor risk model (with `estimators.risk: 'factor'`), factor constraints and factor risk parity. */
  factorModel: factorModelSchema.optional(),
  robust: robustSchema.default(robustSchema.parse({})),
  /** Base currency, hedges and the rate fill (issue 16); absent = prices used as stored. */
  currency: currencySettingsSchema.optional(),
  /** Options: the stored option book's delta-equivalent exposure joins the current weights. */
  optionBook: optionBookExposureSchema.optional(),
});
export type OptimizeOptions = z.output<typeof optimizeOptionsSchema>;
export type OptimizeOptionsInput = z.input<typeof optimizeOptionsSchema>;

/** Which price rows feed the estimators. */
export const windowSchema = z.object(windowFields);
export type PriceWindow = z.output<typeof windowSchema>;

export interface Performance {
  expectedReturn: number;
  volatility: number;
  sharpe: number;
  cvar?: number;
  cdar?: number;
}

export interface Diagnostics {
  solver: string;
  iterations: number;
  solveTimeMs: number;
  /** Largest KKT residuals (stationarity, primal feasibility, complementarity). */
  kkt?: { stationarity: number; feasibility: number; complementarity: number };
  activeConstraints: string[];
  riskContributions: Record<string, number>;
  estimators: EstimatorSettings;
  warnings: string[];
  [extra: string]: unknown;
}

export interface OptimizeResult {
  weights: Record<string, number>;
  performance: Performance;
  status: 'optimal' | 'optimal-inaccurate';
  diagnostics: Diagnostics;
  prior?: Record<string, number>;
  posterior?: Record<string, number>;
  /** Factor decomposition of the portfolio's variance when a factor model is set (annualised). */
  factorRisk?: FactorRisk;
  /** With options.currency: exposures and the local/currency risk split of the weights. */
  currency?: CurrencyResult;
  /** When a calendar-days (24/7) asset is in the universe: the calendars and the weekday alignment. */
  calendar?: CalendarResult;
  /** The option book's delta-equivalent weights added to the current weights (options.optionBook). */
  optionsExposure?: OptionsExposureOut;
}

/** The figures of given weights (`portfolio-evaluate`): what a current portfolio shows next to the optimal one. */
export interface PortfolioEvaluation {
  /** The weights evaluated, one per ticker (0 where none was given). */
  weights: Record<string, number>;
  /** Σ weights (fraction); the rest is cash earning the risk-free rate. */
  invested: number;
  /** Annualised; the cash share included at rf. */
  performance: Performance;
  /** Share of portfolio variance per asset, w_i(Σw)_i / wᵀΣw (sums to 1). */
  riskContributions: Record<string, number>;
  warnings: string[];
  estimators: OptimizeOptions['estimators'];
  covarianceKernel: string;
  prior?: Record<string, number>;
  posterior?: Record<string, number>;
}

export interface FrontierPoint {
  expectedReturn: number;
  volatility: number;
  sharpe: number;
  weights: Record<string, number>;
  /** Daily CVaR / CDaR (positive loss fractions) on a CVaR or CDaR frontier. */
  cvar?: number;
  cdar?: number;
}

export interface FrontierResult {
  points: FrontierPoint[];
  turningPoints?: FrontierPoint[];
  /** Single assets as (return, volatility) for plotting. */
  assets?: { ticker: string; expectedReturn: number; volatility: number }[];
  /** With options.currency: exposures and risk split of the max-Sharpe point. */
  currency?: CurrencyResult;
  calendar?: CalendarResult;
}
