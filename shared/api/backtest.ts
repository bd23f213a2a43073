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

/**
 * What a walk-forward backtest does when a rebalance cannot be solved: `hold` keeps the previous
 * weights (cash before the first solved rebalance), `cash` sells everything, `stop` fails the backtest
 * with the error (the default: no result that did not happen).
 */
export const ON_FAIL = ['hold', 'cash', 'stop'] as const;
export type OnFail = (typeof ON_FAIL)[number];

/** A rebalance whose re-optimisation failed and what was done instead. */
export interface Fallback {
  date: string;
  /** The solver's message. */
  reason: string;
  /** What the portfolio did: kept the previous weights, or went to cash. */
  action: 'held' | 'cash';
}

/** One warning repeated on many rebalances, said once, with every date behind it. */
export interface WarningGroup {
  /** The text, with figures that vary between rebalances shown as "…". */
  message: string;
  dates: string[];
  /** The full text said on each of `dates`, when it differs from `message`. */
  details?: string[];
}

/** "n of m rebalances fell back": carried by the metrics of every walk-forward backtest. */
export interface FallbackFlag {
  fellBack: number;
  rebalances: number;
  policy: OnFail;
}

const POLICY_TEXT: Record<OnFail, string> = { hold: 'held the previous weights', cash: 'went to cash', stop: 'stop on failure' };

/** "4 of 31 rebalances fell back (held the previous weights)": one wording for the app, the CLI and the PDF. */
export function fallbackSummary(f: FallbackFlag): string {
  const of = `${f.fellBack} of ${f.rebalances} rebalance${f.rebalances === 1 ? '' : 's'}`;
  return f.fellBack === 0 ? `${of} fell back` : `${of} fell back (${POLICY_TEXT[f.policy]})`;
}

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
  /** Walk-forward: what a rebalance that cannot be solved does (hold previous weights, go to cash, stop). */
  onFail: z.enum(ON_FAIL).default('stop'),
});
export type BacktestSettingsInput = z.input<typeof backtestSettingsSchema>;
export type BacktestSettingsParsed = z.output<typeof backtestSettingsSchema>;

export const stressWindowSchema = z.object({ name: z.string().min(1).max(200), start: isoDate, end: isoDate });

/**
 * Which weights a stress test ran on: the static target of the backtest settings (optimised or equal)
 * or the walk-forward backtest's last rebalance (`date`). Echoed in the result so every place that shows
 * it can say so.
 */
export const stressWeightsFromSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('static'), source: z.enum(['optimised', 'equal', 'given']).default('given') }),
  z.object({ kind: z.literal('walk-forward-last'), date: isoDate }),
]);
export type StressWeightsFrom = z.output<typeof stressWeightsFromSchema>;

/** "the walk-forward backtest's last weights (rebalance of 2024-06-03)": one wording for the app and the PDF. */
export function stressWeightsText(from: StressWeightsFrom | undefined): string {
  if (from === undefined) return 'the weights given';
  if (from.kind === 'walk-forward-last') return `the walk-forward backtest's last weights (rebalance of ${from.date})`;
  return from.source === 'optimised' ? 'the static target weights (optimised)' : from.source === 'equal' ? 'the static target weights (equal)' : 'the static target weights given';
}

export const stressSettingsSchema = z.object({
  /** Portfolio weights by ticker (fractions). */
  weights: z.record(ticker, finite),
  /** Where the weights come from (described in the result; absent = "the weights given"). */
  weightsFrom: stressWeightsFromSchema.optional(),
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

/**
 * Benchmark-relative metrics (one definition for the engine and the API; see MetricsOf for `N`).
 */
export interface BenchmarkMetricsOf<N> {
  /** Regression slope of portfolio on benchmark daily returns. */
  beta: N;
  /** Jensen's alpha, annualised: 252·(mean(rp − rf) − β·mean(rb − rf)). */
  alpha: N;
  /** Annualised standard deviation of daily active returns (rp − rb). */
  trackingError: N;
  /** Annualised mean active return / tracking error. */
  informationRatio: N;
  correlation: N;
  /** The benchmark's own CAGR, volatility and max drawdown over the same days. */
  cagr: N;
  volatility: N;
  maxDrawdown: N;
}

/**
 * Metrics of a backtest, one definition for the engine and the API. `N` is the type of a figure that
 * can be undefined (Sharpe of a flat series, Sortino without a losing day, Calmar without a drawdown):
 * `number` with NaN/±Infinity in core (`Metrics`), `number | null` on the wire (`BacktestMetrics`, as
 * JSON has no NaN). `metricsForApi` converts one into the other.
 */
export interface MetricsOf<N> {
  start: string;
  end: string;
  /** Number of daily returns. */
  days: number;
  /** End value / initial value − 1 (includes the costs of the first allocation). */
  totalReturn: N;
  /** (end / initial)^(252 / days) − 1. */
  cagr: N;
  /** Annualised standard deviation of daily returns. */
  volatility: N;
  /** √252 · mean(r − rf_d) / std(r − rf_d). */
  sharpe: N;
  /** 252 · mean(r − rf_d) / (√252 · √mean(min(0, r − rf_d)²)). */
  sortino: N;
  /** Deepest peak-to-trough loss, negative fraction. */
  maxDrawdown: N;
  /** CAGR / |max drawdown|. */
  calmar: N;
  /** Historical daily VaR / CVaR 95 %, positive losses. */
  var95: N;
  cvar95: N;
  bestYear: PeriodReturnOut | null;
  worstYear: PeriodReturnOut | null;
  bestMonth: PeriodReturnOut | null;
  worstMonth: PeriodReturnOut | null;
  /** Average one-way turnover per year after the first allocation (1 = whole portfolio once a year). */
  turnover: N;
  /** Total costs as a fraction of the initial value. */
  costs: N;
  benchmark?: BenchmarkMetricsOf<N>;
  /** Walk-forward: how many rebalances fell back (absent for static weights). */
  fallback?: FallbackFlag;
}

export type BacktestMetrics = MetricsOf<number | null>;

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

function mapFigures<A, B>(m: MetricsOf<A>, f: (x: A) => B): MetricsOf<B> {
  const out: MetricsOf<B> = {
    start: m.start,
    end: m.end,
    days: m.days,
    totalReturn: f(m.totalReturn),
    cagr: f(m.cagr),
    volatility: f(m.volatility),
    sharpe: f(m.sharpe),
    sortino: f(m.sortino),
    maxDrawdown: f(m.maxDrawdown),
    calmar: f(m.calmar),
    var95: f(m.var95),
    cvar95: f(m.cvar95),
    bestYear: m.bestYear,
    worstYear: m.worstYear,
    bestMonth: m.bestMonth,
    worstMonth: m.worstMonth,
    turnover: f(m.turnover),
    costs: f(m.costs),
  };
  if (m.fallback !== undefined) out.fallback = m.fallback;
  if (m.benchmark !== undefined) {
    const b = m.benchmark;
    out.benchmark = {
      beta: f(b.beta),
      alpha: f(b.alpha),
      trackingError: f(b.trackingError),
      informationRatio: f(b.informationRatio),
      correlation: f(b.correlation),
      cagr: f(b.cagr),
      volatility: f(b.volatility),
      maxDrawdown: f(b.maxDrawdown),
    };
  }
  return out;
}

/** Engine metrics (NaN where undefined) as the API sends them: non-finite figures become null. */
export function metricsForApi(m: MetricsOf<number>): BacktestMetrics {
  return mapFigures(m, finiteOrNull);
}

/** One drawdown episode, as the engine computes it (core/backtest/drawdown.ts) and the API sends it. */
export interface DrawdownOut {
  /** Date of the peak the drawdown starts from. */
  start: string;
  /** Date of the lowest value. */
  trough: string;
  /** First date back at or above the peak; null = not recovered by the last date. */
  end: string | null;
  /** Peak-to-trough loss as a negative fraction (−0.25 = 25 % below the peak). */
  depth: number;
  /** Trading days from the peak to the recovery (or to the last date when not recovered). */
  length: number;
  /** Trading days from the peak to the trough. */
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
  /** One line per warning group (a warning repeated on many rebalances is said once). */
  warnings: string[];
  /** The same groups with their dates (absent in backtests saved before grouping existed). */
  warningGroups?: WarningGroup[];
  /** Rebalances that fell back (absent in backtests saved before fallbacks were recorded). */
  fallbacks?: Fallback[];
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
  /** Parametric (normal) daily CVaR, positive loss fraction. */
  cvar: number;
  /** Historical daily CVaR of the scenarios (shocked: re-coloured to the shocked covariance); null = see historicalNote. */
  historicalCvar: number | null;
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
  /** The weights the tests ran on (fractions by ticker) and where they came from. */
  weights?: Record<string, number>;
  weightsFrom?: StressWeightsFrom;
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
    /** Days (every weighted asset has a return) behind the historical CVaRs. */
    historicalScenarios: number;
    /** Why a historical CVaR is null, else null. */
    historicalNote: string | null;
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
