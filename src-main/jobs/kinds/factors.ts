/** Factor-model jobs: fit a model on a price window in a worker (the regressions and PCA are the long part). */
import type { FactorExposuresResult, FactorModelOptions } from '../../../shared/domain/factors.js';
import { windowSchema, type PriceWindow } from '../../../shared/domain/optimize.js';
import { fitFactorModel } from '../../core/factors/model.js';
import { exposuresResult } from '../../core/factors/results.js';
import { applyWindow, checkedReturns } from '../../core/optimize/prepare.js';
import type { PriceMatrix } from '../../core/price-matrix.js';
import type { CoreResult } from '../../core/result.js';
import { throwIfCancelled } from '../../core/hooks.js';
import type { JobFunction } from '../job-context.js';

export interface FactorExposuresJobInput {
  prices: PriceMatrix;
  window?: PriceWindow;
  model: FactorModelOptions;
  /** Periods a year of the price returns. */
  frequency: number;
}

function unwrap<T>(r: CoreResult<T>): T {
  if (r.ok) return r.value;
  throw Object.assign(new Error(r.error.message), { name: 'CoreError', code: r.error.code, details: r.error.details });
}

const factorExposures: JobFunction<FactorExposuresJobInput, FactorExposuresResult> = (input, ctx) => {
  ctx.progress(0, 2, 'returns');
  const prices = unwrap(applyWindow(input.prices, windowSchema.parse(input.window ?? {})));
  const returns = unwrap(checkedReturns(prices, false));
  throwIfCancelled(ctx);
  ctx.progress(1, 2, `fitting ${input.model.model}`);
  const model = unwrap(fitFactorModel(returns, input.model, input.frequency));
  ctx.progress(2, 2);
  return exposuresResult(model);
};

export const factorJobs = { 'factor-exposures': factorExposures };
