/**
 * Assembles the API's backtest and stress reports from the engine, the metrics and the stress tests:
 * splits the benchmark column from the traded assets, chooses static or walk-forward weights, and turns
 * typed arrays into dated JSON rows. Pure: the re-optimiser is injected.
 */
import {
  metricsForApi,
  type BacktestReport,
  type BacktestSettingsParsed,
  type DatedValue,
  type StressReport,
  type StressSettingsParsed,
} from '../../../shared/api/backtest.js';
import type { PriceWindow } from '../../../shared/domain/optimize.js';
import { applyWindow } from '../optimize/index.js';
import { selectColumns, selectRows, type PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { correlationShock } from './correlation-shock.js';
import { underwater, worstDrawdowns } from './drawdown.js';
import { runBacktest } from './engine.js';
import { computeMetrics, periodReturns } from './metrics.js';
import { blockBootstrap, type MonteCarloHooks } from './monte-carlo.js';
import { constantMixReturns } from './portfolio-returns.js';
import { markToLast } from './series.js';
import { DEFAULT_STRESS_WINDOWS, historicalStress, userShocks } from './stress.js';
import type { BacktestHooks, BacktestSettings, Reoptimize } from './types.js';

interface Split {
  assets: PriceMatrix;
  benchmark: Float64Array | undefined;
}

/** Separates the traded columns from the benchmark and drops rows where no traded asset has a price. */
export function splitBenchmark(prices: PriceMatrix, assets: readonly string[], benchmark?: string): CoreResult<Split> {
  const picked = selectColumns(prices, assets);
  if ('missing' in picked) return fail('invalid-input', `no prices for ${picked.missing.join(', ')}`, { missing: picked.missing });
  let bench: Float64Array | undefined;
  if (benchmark !== undefined) {
    const b = selectColumns(prices, [benchmark]);
    if ('missing' in b) return fail('invalid-input', `no prices for the benchmark ${benchmark}`);
    bench = b.values;
  }
  const m = assets.length;
  const keep: number[] = [];
  for (let t = 0; t < picked.dates.length; t++) {
    let any = false;
    for (let j = 0; j < m && !any; j++) any = !Number.isNaN(picked.values[t * m + j]!);
    if (any) keep.push(t);
  }
  if (keep.length === picked.dates.length) return ok({ assets: picked, benchmark: bench });
  const values = new Float64Array(keep.length * m);
  keep.forEach((t, k) => values.set(picked.values.subarray(t * m, t * m + m), k * m));
  return ok({
    assets: { dates: keep.map((t) => picked.dates[t]!), tickers: picked.tickers, values },
    benchmark: bench === undefined ? undefined : Float64Array.from(keep, (t) => bench[t]!),
  });
}

/**
 * Applies the source's window to backtest or stress prices: start/end, then (`completeRows`) only dates
 * where every traded asset has a price, then (`last`) the last N returns, i.e. N + 1 dates with a traded
 * price. The benchmark column never removes a date; it is kept on the dates that remain.
 */
export function applySourceWindow(prices: PriceMatrix, assets: readonly string[], window: PriceWindow): CoreResult<PriceMatrix> {
  if (window.start === undefined && window.end === undefined && !window.completeRows && window.last === undefined) return ok(prices);
  const split = splitBenchmark(prices, assets);
  if (!split.ok) return split;
  const kept = applyWindow(split.value.assets, window);
  if (!kept.ok) return kept;
  const keep = new Set(kept.value.dates);
  const rows: number[] = [];
  prices.dates.forEach((d, t) => {
    if (keep.has(d)) rows.push(t);
  });
  return ok(selectRows(prices, rows));
}

function dated(dates: readonly string[], values: ArrayLike<number>): DatedValue[] {
  const out: DatedValue[] = [];
  for (let i = 0; i < dates.length; i++) if (!Number.isNaN(values[i]!)) out.push({ date: dates[i]!, value: values[i]! });
  return out;
}

/** Runs a backtest and everything shown next to it; values in currency, metrics as documented in metrics.ts. */
export async function buildBacktestReport(
  prices: PriceMatrix,
  assets: readonly string[],
  settings: BacktestSettingsParsed,
  rf: number,
  reoptimize: Reoptimize | undefined,
  hooks: BacktestHooks = {},
): Promise<CoreResult<BacktestReport>> {
  const split = splitBenchmark(prices, assets, settings.benchmark);
  if (!split.ok) return split;
  const { assets: matrix, benchmark } = split.value;
  const warnings: string[] = [];
  let weights = settings.weights;
  if (weights === undefined && settings.walkForward === undefined) {
    if (reoptimize === undefined) return fail('invalid-input', 'give target weights, a walk-forward window or an optimiser');
    const once = await reoptimize(matrix);
    if (!once.ok) return once;
    weights = once.value;
    warnings.push('weights were optimised once on the whole period (in-sample); use walk-forward for an out-of-sample test');
  }
  const engineSettings: BacktestSettings = {
    rebalance: settings.rebalance,
    costBps: settings.costBps,
    fixedCost: settings.fixedCost,
    rf,
    initialValue: settings.initialValue,
    onFail: settings.onFail,
    ...(settings.minHistory === undefined ? {} : { minHistory: settings.minHistory }),
  };
  if (settings.walkForward !== undefined) {
    if (reoptimize === undefined) return fail('invalid-input', 'walk-forward needs an optimiser');
    engineSettings.walkForward = { window: settings.walkForward, reoptimize };
  } else {
    engineSettings.weights = weights!;
  }
  const run = await runBacktest(matrix, engineSettings, hooks);
  if (!run.ok) return run;
  const { dates, equity } = run.value;
  const offset = matrix.dates.length - dates.length;
  const bench = benchmark === undefined ? undefined : markToLast(benchmark).subarray(offset);
  const metrics = computeMetrics({
    dates,
    equity,
    initialValue: run.value.initialValue,
    rf,
    rebalances: run.value.rebalances,
    totalCosts: run.value.totalCosts,
    ...(bench === undefined ? {} : { benchmark: bench }),
  });
  if (settings.walkForward !== undefined) {
    metrics.fallback = { fellBack: run.value.fallbacks.length, rebalances: run.value.reoptimisations, policy: settings.onFail };
  }
  const report: BacktestReport = {
    equity: dated(dates, equity),
    drawdown: dated(dates, underwater(equity)),
    metrics: metricsForApi(metrics),
    drawdowns: worstDrawdowns(dates, equity, 5),
    rebalances: run.value.rebalances,
    annualReturns: periodReturns(dates, equity, 'annually'),
    initialValue: run.value.initialValue,
    warnings: [],
    warningGroups: [],
    fallbacks: run.value.fallbacks,
  };
  if (bench !== undefined) {
    const first = bench.findIndex((v) => !Number.isNaN(v));
    if (first >= 0) {
      const scale = run.value.initialValue / bench[first]!;
      report.benchmark = dated(dates, bench.map((v) => v * scale));
    } else {
      warnings.push(`the benchmark ${settings.benchmark} has no prices in the backtest period`);
    }
  }
  // Undated warnings first, then the engine's grouped ones; `warnings` holds one line per group.
  report.warningGroups = [...warnings.map((message) => ({ message, dates: [] })), ...run.value.warningGroups];
  report.warnings = [...warnings, ...run.value.warnings];
  return ok(report);
}

/** Historical windows, correlation shock, user shocks and Monte Carlo for fixed weights. */
export function buildStressReport(
  prices: PriceMatrix,
  assets: readonly string[],
  settings: StressSettingsParsed,
  rf: number,
  hooks: MonteCarloHooks = {},
): CoreResult<StressReport> {
  const split = splitBenchmark(prices, assets, settings.benchmark);
  if (!split.ok) return split;
  const { assets: matrix, benchmark } = split.value;
  const windows = historicalStress(matrix, settings.weights, settings.windows ?? DEFAULT_STRESS_WINDOWS, benchmark);
  if (!windows.ok) return windows;
  const shock = correlationShock(matrix, settings.weights, { level: settings.correlation, mode: settings.correlationMode });
  if (!shock.ok) return shock;
  let shocks: StressReport['shocks'] = null;
  if (settings.shocks !== undefined) {
    const s = userShocks(settings.weights, settings.shocks);
    if (!s.ok) return s;
    shocks = s.value;
  }
  const mix = constantMixReturns(matrix, settings.weights, rf);
  if (!mix.ok) return mix;
  const mc = blockBootstrap(mix.value.returns, settings.monteCarlo, hooks);
  if (!mc.ok) return mc;
  return ok({
    weights: { ...settings.weights },
    ...(settings.weightsFrom === undefined ? {} : { weightsFrom: settings.weightsFrom }),
    windows: windows.value,
    correlationShock: shock.value,
    shocks,
    monteCarlo: { ...mc.value, historyDays: mix.value.returns.length },
  });
}
