/**
 * API methods for backtests and stress tests, and the shapes of their results.
 * Units: returns, weights, volatilities and drawdowns are fractions (0.05 = 5 %); volatility, CAGR,
 * Sharpe and friends are annualised (252 days); VaR/CVaR are daily positive losses; drawdown depths
 * are negative; values are in the currency of `initialValue`.
 */
import { z } from 'zod';
import { optimizeOptionsSchema, windowSchema } from '../domain/optimize.js';

const ticker = z.string().min(1).max(64);
const tickers = z.array(ticker).min(1).max(5000);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const jobId = z.string().min(1).max(100).optional();
const isoDate = z.iso.date();

export const rebalanceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('calendar'), every: z.enum(['monthly', 'quarterly', 'annually']) }),
  /** Trade when any weight is more than `band` (absolute fraction) away from its target. */
  z.object({ kind: z.literal('band'), band: finite.gt(0).lt(1) }),
]);
export type RebalanceSetting = z.output<typeof rebalanceSchema>;

export const walkForwardSchema = z.discriminatedUnion('kind', [
  /** Estimation window of `days` price rows ending on the rebalance day. */
  z.object({ kind: z.literal('rolling'), days: z.number().int().min(20).max(100_000) }),
  z.object({ kind: z.literal('expanding') }),
]);
export type WalkForwardSetting = z.output<typeof walkForwardSchema>;

export const backtestSettingsSchema = z.object({
  rebalance: rebalanceSchema.default({ kind: 'calendar', every: 'monthly' }),
  /** Static target weights (fractions; the rest is cash). Absent without walkForward: optimised once on the whole window (in-sample). */
  weights: z.record(ticker, finite).optional(),
  /** Re-optimise the scenario's objective at each rebalance on this window. */
  walkForward: walkForwardSchema.optional(),
  /** Proportional cost in basis points of traded value. */
  costBps: finite.min(0).max(10_000).default(0),
  /** Fixed cost per traded asset, in currency. */
  fixedCost: finite.min(0).default(0),
  initialValue: finite.positive().default(10_000),
  /** Prices an asset needs before it may be bought (default 1; walk-forward min(252, window)). */
  minHistory: z.number().int().positive().optional(),
  /** Ticker of a benchmark series from the same price source. */
  benchmark: ticker.optional(),
});
export type BacktestSettingsInput = z.input<typeof backtestSettingsSchema>;
export type BacktestSettingsParsed = z.output<typeof backtestSettingsSchema>;

export const stressWindowSchema = z.object({ name: z.string().min(1).max(200), start: isoDate, end: isoDate });

export const stressSettingsSchema = z.object({
  /** Portfolio weights by ticker (fractions). */
  weights: z.record(ticker, finite),
  /** Correlation level for the shock, e.g. 0.9. */
  correlation: finite.min(-1).max(1).default(0.9),
  correlationMode: z.enum(['floor', 'set']).default('floor'),
  shocks: z
    .object({
      assets: z.record(ticker, finite.gt(-1)).optional(),
      groups: z.array(z.object({ name: z.string().min(1), tickers: z.array(ticker).min(1), shock: finite.gt(-1) })).optional(),
    })
    .optional(),
  /** Historical windows; absent = the built-in crisis list. */
  windows: z.array(stressWindowSchema).max(100).optional(),
  monteCarlo: z
    .object({
      paths: z.number().int().min(100).max(100_000).default(10_000),
      horizons: z.array(finite.positive().max(50)).min(1).max(5).default([1, 5]),
      blockLength: z.number().int().min(1).max(2520).default(21),
      seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
      lossThresholds: z.array(finite.gt(0).lt(1)).max(10).default([0.1, 0.2, 0.3]),
    })
    .default({ paths: 10_000, horizons: [1, 5], blockLength: 21, seed: 1, lossThresholds: [0.1, 0.2, 0.3] }),
  benchmark: ticker.optional(),
});
export type StressSettingsInput = z.input<typeof stressSettingsSchema>;
export type StressSettingsParsed = z.output<typeof stressSettingsSchema>;

export const backtestRequests = {
  'backtest-run': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    /** The scenario's optimisation settings: used for walk-forward (and rf for cash and Sharpe). */
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    settings: backtestSettingsSchema.default(backtestSettingsSchema.parse({})),
    jobId,
  }),
  'stress-run': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    /** rf (targets.rf) for the Monte Carlo cash leg. */
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    settings: stressSettingsSchema,
    jobId,
  }),
};

export interface DatedValue {
  date: string;
  value: number;
}

export interface PeriodReturnOut {
  period: string;
  return: number;
}

export interface BacktestMetrics {
  start: string;
  end: string;
  days: number;
  totalReturn: number;
  cagr: number;
  volatility: number;
  sharpe: number;
  sortino: number;
  maxDrawdown: number;
  calmar: number;
  var95: number;
  cvar95: number;
  bestYear: PeriodReturnOut | null;
  worstYear: PeriodReturnOut | null;
  bestMonth: PeriodReturnOut | null;
  worstMonth: PeriodReturnOut | null;
  /** Average one-way turnover per year after the first allocation. */
  turnover: number;
  /** Total costs as a fraction of the initial value. */
  costs: number;
  benchmark?: {
    beta: number;
    alpha: number;
    trackingError: number;
    informationRatio: number;
    correlation: number;
    cagr: number;
    volatility: number;
    maxDrawdown: number;
  };
}

export interface DrawdownOut {
  start: string;
  trough: string;
  /** Recovery date; null = not recovered. */
  end: string | null;
  depth: number;
  /** Trading days from peak to recovery (or to the last date). */
  length: number;
  toTrough: number;
}

export interface RebalanceOut {
  date: string;
  weights: Record<string, number>;
  turnover: number;
  cost: number;
  trades: number;
}

export interface BacktestReport {
  equity: DatedValue[];
  /** Benchmark valued from the same initial value, on the same dates. */
  benchmark?: DatedValue[];
  /** Underwater series (≤ 0). */
  drawdown: DatedValue[];
  metrics: BacktestMetrics;
  drawdowns: DrawdownOut[];
  rebalances: RebalanceOut[];
  annualReturns: PeriodReturnOut[];
  initialValue: number;
  warnings: string[];
}

export interface StressWindowOut {
  name: string;
  start: string;
  end: string;
  /** First and last dates with data (base = last close before the window when there is one). */
  from: string | null;
  to: string | null;
  /** True when the data spans the whole window. */
  covered: boolean;
  /** Return over the window, fraction; null without data. */
  portfolioReturn: number | null;
  /** Worst peak-to-trough inside the window, negative fraction. */
  portfolioMaxDrawdown: number | null;
  benchmarkReturn: number | null;
  benchmarkMaxDrawdown: number | null;
}

export interface RiskFiguresOut {
  volatility: number;
  cvar: number;
  averageCorrelation: number;
}

export interface FanPointOut {
  /** Trading days from today. */
  day: number;
  /** Growth of 1 at the 5/25/50/75/95th percentiles. */
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface HorizonSummaryOut {
  years: number;
  days: number;
  /** Percentiles of the total return at the horizon (fractions). */
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  /** Share of paths ending with a return below −threshold. */
  lossProbabilities: { threshold: number; probability: number }[];
}
export interface StressReport {
  windows: StressWindowOut[];
  correlationShock: {
    level: number;
    mode: 'floor' | 'set';
    beta: number;
    base: RiskFiguresOut;
    shocked: RiskFiguresOut;
    repaired: boolean;
    minEigenvalue: number;
    tickers: string[];
  };
  shocks: {
    pnl: number;
    contributions: { ticker: string; weight: number; shock: number; pnl: number; source: string }[];
  } | null;
  monteCarlo: {
    paths: number;
    blockLength: number;
    seed: number;
    fan: FanPointOut[];
    horizons: HorizonSummaryOut[];
    /** Days of history the bootstrap drew from. */
    historyDays: number;
  };
}

export interface BacktestResponses {
  'backtest-run': BacktestReport;
  'stress-run': StressReport;
}
