/** Optimisation jobs: adapt core/optimize to the worker pool (plain data in and out, progress, cancel). */
import {
  optimizeOptionsSchema,
  windowSchema,
  type FrontierResult,
  type OptimizeOptions,
  type OptimizeOptionsInput,
  type OptimizeResult,
  type PortfolioEvaluation,
  type PriceWindow,
} from '../../../shared/domain/optimize.js';
import { evaluatePortfolio } from '../../core/optimize/evaluate.js';
import type { EstimateResult } from '../../../shared/api/optimize.js';
import { efficientFrontier, estimateMoments, optimizePortfolio, pricesForOptions } from '../../core/optimize/index.js';
import type { PriceMatrix } from '../../core/price-matrix.js';
import type { CoreError, CoreResult } from '../../core/result.js';
import { JobCancelled, type JobFunction } from '../job-context.js';

export interface OptimizeJobInput {
  prices: PriceMatrix;
  /** Parsed options, or input to be parsed (defaults filled). */
  options: OptimizeOptions | OptimizeOptionsInput;
  window?: PriceWindow;
  /** Frontier points (frontier job only; default 40). */
  points?: number;
}

/** The estimate job answers `optimize-estimate` (see shared/api/optimize.ts). */
export type EstimateJobOutput = EstimateResult;

function raise(error: CoreError): never {
  if (error.code === 'cancelled') throw new JobCancelled();
  throw Object.assign(new Error(error.message), { name: 'CoreError', code: error.code, details: error.details });
}

function unwrap<T>(r: CoreResult<T>): T {
  if (!r.ok) raise(r.error);
  return r.value;
}

function windowed(input: OptimizeJobInput): { prices: PriceMatrix; options: OptimizeOptions; expectedReturnsPrices?: PriceMatrix } {
  const parsed = optimizeOptionsSchema.safeParse(input.options);
  if (!parsed.success) raise({ code: 'invalid-input', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
  const window = windowSchema.parse(input.window ?? {});
  // resampling and the expected-returns window (options.advanced) apply before the window
  return unwrap(pricesForOptions(input.prices, window, parsed.data));
}

const optimize: JobFunction<OptimizeJobInput, OptimizeResult> = async (input, ctx) => {
  const { prices, options, expectedReturnsPrices } = windowed(input);
  ctx.progress(0, 1, `optimising (${options.objective})`);
  const r = unwrap(await optimizePortfolio(prices, options, ctx, expectedReturnsPrices));
  ctx.progress(1, 1);
  return r;
};

const frontier: JobFunction<OptimizeJobInput, FrontierResult> = async (input, ctx) => {
  const { prices, options } = windowed(input);
  return unwrap(await efficientFrontier(prices, options, input.points ?? 40, ctx));
};

const estimate: JobFunction<OptimizeJobInput, EstimateJobOutput> = (input) => {
  const { prices, options } = windowed(input);
  const m = unwrap(estimateMoments(prices, options.estimators, options.targets.rf, options.factorModel));
  const n = m.tickers.length;
  const expectedReturns: Record<string, number> = {};
  m.tickers.forEach((t, i) => (expectedReturns[t] = m.expectedReturns[i]!));
  const covariance = Array.from({ length: n }, (_, i) => Array.from(m.covariance.subarray(i * n, (i + 1) * n)));
  return { tickers: m.tickers, expectedReturns, covariance, warnings: m.warnings, covarianceKernel: m.covarianceKernel };
};

const evaluate: JobFunction<OptimizeJobInput & { weights: Record<string, number> }, PortfolioEvaluation> = (input) => {
  const { prices, options } = windowed(input);
  return unwrap(evaluatePortfolio(prices, options, input.weights));
};

export const optimizeJobs = { optimize, frontier, estimate, evaluate };
