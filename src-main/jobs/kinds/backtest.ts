/** Backtest and stress-test jobs: adapt core/backtest to the worker pool (progress, cancel, errors). */
import type { BacktestReport, BacktestSettingsParsed, StressReport, StressSettingsParsed } from '../../../shared/api/backtest.js';
import type { OptimizeOptions, PriceWindow } from '../../../shared/domain/optimize.js';
import { applySourceWindow, buildBacktestReport, buildStressReport, walkForwardOptimiser, type Reoptimize } from '../../core/backtest/index.js';
import type { PriceMatrix } from '../../core/price-matrix.js';
import type { CoreError, CoreResult } from '../../core/result.js';
import type { JobContext, JobFunction } from '../job-context.js';

export interface BacktestJobInput {
  /** Prices of the traded assets and the benchmark (if any). */
  prices: PriceMatrix;
  assets: string[];
  settings: BacktestSettingsParsed;
  /** Used for walk-forward re-optimisation and for the risk-free rate (targets.rf). */
  options: OptimizeOptions;
  /** The source's window (start/end, complete rows, last N returns); absent = all rows given. */
  window?: PriceWindow;
}

export interface StressJobInput {
  prices: PriceMatrix;
  assets: string[];
  settings: StressSettingsParsed;
  rf: number;
  /** The source's window, as for backtests. */
  window?: PriceWindow;
}

/** A core failure as an Error whose `code` crosses the thread boundary (a cancel is core's thrown `Cancelled`). */
function raise(error: CoreError): never {
  throw Object.assign(new Error(error.message), { name: 'CoreError', code: error.code, details: error.details });
}

function unwrap<T>(r: CoreResult<T>): T {
  if (!r.ok) raise(r.error);
  return r.value;
}

/** Re-solves the scenario's objective on exactly the window it is given (see walk-forward-optimiser.ts). */
export function optimiserFor(options: OptimizeOptions, ctx?: JobContext): Reoptimize {
  return walkForwardOptimiser(options, () => ctx?.isCancelled() === true);
}

/** The job's prices restricted to its window (what the user chose as the scenario's data). */
function windowed(input: { prices: PriceMatrix; assets: string[]; window?: PriceWindow }): PriceMatrix {
  return input.window === undefined ? input.prices : unwrap(applySourceWindow(input.prices, input.assets, input.window));
}

const backtest: JobFunction<BacktestJobInput, BacktestReport> = async (input, ctx) =>
  unwrap(
    await buildBacktestReport(windowed(input), input.assets, input.settings, input.options.targets.rf, optimiserFor(input.options, ctx), ctx),
  );

const stress: JobFunction<StressJobInput, StressReport> = (input, ctx) =>
  unwrap(
    buildStressReport(windowed(input), input.assets, input.settings, input.rf, ctx),
  );

export const backtestJobs = { backtest, stress };
