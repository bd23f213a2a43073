/** Robustness jobs: resampled frontiers, the out-of-sample comparison and CVaR/CDaR frontiers in workers. */
import type { BacktestSettingsParsed } from '../../../shared/api/backtest.js';
import { optimizeOptionsSchema, type FrontierResult, type OptimizeOptions, type PriceWindow } from '../../../shared/domain/optimize.js';
import type { ResampleResult, ResampleSettings, RobustnessComparison, RobustnessStrategy } from '../../../shared/domain/robust.js';
import { applySourceWindow } from '../../core/backtest/index.js';
import { applyWindow, prepareProblem } from '../../core/optimize/index.js';
import type { PriceMatrix } from '../../core/price-matrix.js';
import type { CoreError, CoreResult } from '../../core/result.js';
import { resampleFrontier } from '../../core/robust/resample.js';
import { riskMeasureFrontier } from '../../core/robust/risk-frontier.js';
import { compareRobustness } from '../../core/robust/robustness.js';
import { JobCancelled, type JobFunction } from '../job-context.js';

function unwrap<T>(r: CoreResult<T>): T {
  if (r.ok) return r.value;
  const e: CoreError = r.error;
  if (e.code === 'cancelled') throw new JobCancelled();
  throw Object.assign(new Error(e.message), { name: 'CoreError', code: e.code, details: e.details });
}

export interface ResampleJobInput {
  prices: PriceMatrix;
  options: OptimizeOptions;
  window: PriceWindow;
  settings: ResampleSettings;
  currentWeights?: Record<string, number>;
}

export interface CompareJobInput {
  prices: PriceMatrix;
  assets: string[];
  options: OptimizeOptions;
  window: PriceWindow;
  backtest: BacktestSettingsParsed;
  strategies: RobustnessStrategy[];
  resampleDraws: number;
  seed: number;
}

export interface RiskFrontierJobInput {
  prices: PriceMatrix;
  options: OptimizeOptions;
  window: PriceWindow;
  points: number;
  measure: 'cvar' | 'cdar';
}

const resample: JobFunction<ResampleJobInput, ResampleResult> = async (input, ctx) => {
  const prices = unwrap(applyWindow(input.prices, input.window));
  return unwrap(await resampleFrontier(prices, optimizeOptionsSchema.parse(input.options), input.settings, input.currentWeights, ctx));
};

const compare: JobFunction<CompareJobInput, RobustnessComparison> = async (input, ctx) => {
  const prices = unwrap(applySourceWindow(input.prices, input.assets, input.window));
  const settings = { strategies: input.strategies, resampleDraws: input.resampleDraws, seed: input.seed };
  return unwrap(await compareRobustness(prices, input.assets, input.backtest, optimizeOptionsSchema.parse(input.options), settings, ctx));
};

const riskFrontier: JobFunction<RiskFrontierJobInput, FrontierResult> = async (input, ctx) => {
  const prices = unwrap(applyWindow(input.prices, input.window));
  const prep = unwrap(prepareProblem(prices, optimizeOptionsSchema.parse(input.options)));
  return unwrap(await riskMeasureFrontier(prep.problem, input.measure, input.points, ctx));
};

export const robustJobs = { resample, 'robust-compare': compare, 'risk-frontier': riskFrontier };
