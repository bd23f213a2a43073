/**
 * Performance metrics of a value series. Conventions: daily simple returns, `periodsPerYear` (252)
 * periods a year, annualised figures are fractions; ratios use the daily risk-free rate
 * (1 + rf)^(1/252) − 1. VaR/CVaR are daily positive losses; drawdowns are negative fractions.
 */
import type { BenchmarkMetricsOf, MetricsOf, PeriodReturnOut as PeriodReturn } from '../../../shared/api/backtest.js';
import { seriesReturns } from '../stats/returns.js';
import { periodKey } from './calendar.js';
import { drawdownEpisodes, underwater } from './drawdown.js';
import { covariance, historicalTail, markToLast, mean, stdev } from './series.js';
import type { RebalanceRecord } from './types.js';

export type { PeriodReturnOut as PeriodReturn } from '../../../shared/api/backtest.js';

/** Benchmark-relative metrics with NaN where undefined (the shape is defined once, in shared/api/backtest.ts). */
export type BenchmarkMetrics = BenchmarkMetricsOf<number>;

/** Backtest metrics with NaN where undefined; `metricsForApi` turns them into the API's (null) form. */
export type Metrics = MetricsOf<number>;

export interface MetricsInput {
  dates: readonly string[];
  /** Portfolio value at each date. */
  equity: ArrayLike<number>;
  /** Value before the first allocation (defaults to equity[0]). */
  initialValue?: number;
  /** Annual risk-free rate, fraction. */
  rf?: number;
  periodsPerYear?: number;
  rebalances?: readonly RebalanceRecord[];
  totalCosts?: number;
  /** Benchmark prices on the same dates (NaN = no price; valued at the last observed price). */
  benchmark?: ArrayLike<number>;
}

/** Compounded returns per calendar period from values at each date (the first period starts at values[0]). */
export function periodReturns(dates: readonly string[], values: ArrayLike<number>, period: 'monthly' | 'annually'): PeriodReturn[] {
  const out: PeriodReturn[] = [];
  let base = values[0]!;
  for (let i = 0; i < dates.length; i++) {
    const key = periodKey(dates[i]!, period);
    const lastOfPeriod = i === dates.length - 1 || periodKey(dates[i + 1]!, period) !== key;
    if (lastOfPeriod) {
      out.push({ period: key, return: values[i]! / base - 1 });
      base = values[i]!;
    }
  }
  return dates.length > 1 ? out : [];
}

function extremes(periods: PeriodReturn[]): [PeriodReturn | null, PeriodReturn | null] {
  if (periods.length === 0) return [null, null];
  let best = periods[0]!;
  let worst = periods[0]!;
  for (const p of periods) {
    if (p.return > best.return) best = p;
    if (p.return < worst.return) worst = p;
  }
  return [best, worst];
}

export { seriesReturns as dailyReturns };

function benchmarkMetrics(input: MetricsInput, rp: Float64Array, rfd: number, ppy: number): BenchmarkMetrics | undefined {
  const marked = markToLast(input.benchmark!);
  const first = marked.findIndex((v) => !Number.isNaN(v));
  if (first < 0 || first >= marked.length - 1) return undefined;
  // Days where both have a return: from the benchmark's first price on.
  const p = rp.subarray(first);
  const b = seriesReturns(marked.subarray(first));
  const active = p.map((x, i) => x - b[i]!);
  const beta = covariance(p, b) / covariance(b, b);
  const te = stdev(active) * Math.sqrt(ppy);
  const bValues = marked.subarray(first);
  const bTail = bValues[bValues.length - 1]! / bValues[0]!;
  return {
    beta,
    alpha: ppy * (mean(p) - rfd - beta * (mean(b) - rfd)),
    trackingError: te,
    informationRatio: (mean(active) * ppy) / te,
    correlation: covariance(p, b) / (stdev(p) * stdev(b)),
    cagr: bTail ** (ppy / b.length) - 1,
    volatility: stdev(b) * Math.sqrt(ppy),
    maxDrawdown: underwater(bValues).reduce((lo, x) => Math.min(lo, x), 0),
  };
}

/** All metrics of a value series; annualised fractions unless a field says otherwise. */
export function computeMetrics(input: MetricsInput): Metrics {
  const { dates, equity } = input;
  const ppy = input.periodsPerYear ?? 252;
  const rfd = (1 + (input.rf ?? 0)) ** (1 / ppy) - 1;
  const initial = input.initialValue ?? equity[0]!;
  const r = seriesReturns(equity);
  const days = r.length;
  const excess = r.map((x) => x - rfd);
  const totalReturn = equity[equity.length - 1]! / initial - 1;
  const cagr = days > 0 ? (1 + totalReturn) ** (ppy / days) - 1 : Number.NaN;
  let downside = 0;
  for (const x of excess) if (x < 0) downside += x * x;
  const downsideDev = Math.sqrt(downside / days) * Math.sqrt(ppy);
  const episodes = drawdownEpisodes(dates, equity);
  const maxDrawdown = episodes.length > 0 ? episodes[0]!.depth : 0;
  const tail = historicalTail(r, 0.95);
  const [bestYear, worstYear] = extremes(periodReturns(dates, equity, 'annually'));
  const [bestMonth, worstMonth] = extremes(periodReturns(dates, equity, 'monthly'));
  const later = (input.rebalances ?? []).slice(1);
  const turnover = days > 0 ? later.reduce((s, x) => s + x.turnover, 0) / (days / ppy) : 0;
  const metrics: Metrics = {
    start: dates[0]!,
    end: dates[dates.length - 1]!,
    days,
    totalReturn,
    cagr,
    volatility: stdev(r) * Math.sqrt(ppy),
    sharpe: (mean(excess) / stdev(excess)) * Math.sqrt(ppy),
    sortino: (mean(excess) * ppy) / downsideDev,
    maxDrawdown,
    calmar: maxDrawdown < 0 ? cagr / -maxDrawdown : Number.NaN,
    var95: tail.var,
    cvar95: tail.cvar,
    bestYear,
    worstYear,
    bestMonth,
    worstMonth,
    turnover,
    costs: (input.totalCosts ?? 0) / initial,
  };
  if (input.benchmark !== undefined) {
    const bm = benchmarkMetrics(input, r, rfd, ppy);
    if (bm !== undefined) metrics.benchmark = bm;
  }
  return metrics;
}
