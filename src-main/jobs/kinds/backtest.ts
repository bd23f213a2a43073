/** Backtest and stress-test jobs: adapt core/backtest to the worker pool (progress, cancel, errors). */
import type { BacktestReport, BacktestSettingsParsed, StressReport, StressSettingsParsed } from '../../../shared/api/backtest.js';
import type { OptimizeOptions } from '../../../shared/domain/optimize.js';
import { buildBacktestReport, buildStressReport, type Reoptimize } from '../../core/backtest/index.js';
import { optimizePortfolio } from '../../core/optimize/index.js';
import type { PriceMatrix } from '../../core/price-matrix.js';
import { ok, type CoreError, type CoreResult } from '../../core/result.js';
import { JobCancelled, type JobContext, type JobFunction } from '../job-context.js';

export interface BacktestJobInput {
  /** Prices of the traded assets and the benchmark (if any). */
  prices: PriceMatrix;
  assets: string[];
  settings: BacktestSettingsParsed;
  /** Used for walk-forward re-optimisation and for the risk-free rate (targets.rf). */
  options: OptimizeOptions;
}

export interface StressJobInput {
  prices: PriceMatrix;
  assets: string[];
  settings: StressSettingsParsed;
  rf: number;
}

/** A core failure as an Error whose `code` crosses the thread boundary (cancel stays a cancel). */
function raise(error: CoreError): never {
  if (error.code === 'cancelled') throw new JobCancelled();
  throw Object.assign(new Error(error.message), { name: 'CoreError', code: error.code, details: error.details });
}

function unwrap<T>(r: CoreResult<T>): T {
  if (!r.ok) raise(r.error);
  return r.value;
}

/** Re-solves the scenario's objective on exactly the window it is given. */
export function optimiserFor(options: OptimizeOptions, ctx?: JobContext): Reoptimize {
  return async (window) => {
    if (ctx?.isCancelled() === true) return { ok: false, error: { code: 'cancelled', message: 'cancelled' } };
    const r = await optimizePortfolio(window, options);
    return r.ok ? ok(r.value.weights) : r;
  };
}

const backtest: JobFunction<BacktestJobInput, BacktestReport> = async (input, ctx) =>
  unwrap(
    await buildBacktestReport(input.prices, input.assets, input.settings, input.options.targets.rf, optimiserFor(input.options, ctx), {
      onProgress: (done, total) => ctx.progress(done, total, 'simulating'),
      isCancelled: () => ctx.isCancelled(),
    }),
  );

const stress: JobFunction<StressJobInput, StressReport> = (input, ctx) =>
  unwrap(
    buildStressReport(input.prices, input.assets, input.settings, input.rf, {
      onProgress: (done, total) => ctx.progress(done, total, 'Monte Carlo paths'),
      isCancelled: () => ctx.isCancelled(),
    }),
  );

export const backtestJobs = { backtest, stress };
