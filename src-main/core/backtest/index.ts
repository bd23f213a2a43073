/** Backtests, drawdowns, metrics and stress tests: the public surface of core/backtest. */
export * from './types.js';
export { periodKey, calendarRebalanceRows } from './calendar.js';
export { runBacktest } from './engine.js';
export { underwater, drawdownEpisodes, worstDrawdowns, type Drawdown } from './drawdown.js';
export { computeMetrics, dailyReturns, periodReturns, type Metrics, type MetricsInput, type BenchmarkMetrics, type PeriodReturn } from './metrics.js';
export { historicalTail, markToLast } from './series.js';
export { constantMixReturns, weightedColumns } from './portfolio-returns.js';
export {
  historicalStress,
  userShocks,
  DEFAULT_STRESS_WINDOWS,
  type StressWindow,
  type WindowOutcome,
  type ShockSpec,
  type ShockOutcome,
} from './stress.js';
export {
  correlationShock,
  repairCorrelation,
  shockCorrelation,
  normalQuantile,
  type CorrelationShockSettings,
  type CorrelationShockResult,
  type RiskFigures,
} from './correlation-shock.js';
export {
  blockBootstrap,
  FAN_PERCENTILES,
  type MonteCarloSettings,
  type MonteCarloResult,
  type FanPoint,
  type HorizonSummary,
} from './monte-carlo.js';
export { historicalShock, recolourScenarios, symmetricPower, type HistoricalShock } from './historical-shock.js';
export { mulberry32 } from './prng.js';
export { applySourceWindow, buildBacktestReport, buildStressReport, splitBenchmark } from './report.js';
export { windowEstimator, type WindowEstimates, type WindowEstimator } from './window-estimates.js';
export { walkForwardOptimiser, usesIncrementalCovariance } from './walk-forward-optimiser.js';
