/** Resampled frontiers and the out-of-sample robustness comparison on stored prices, in the worker pool. */
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { pricesForRequest } from './optimize-service.js';

function runOptions(ctx: HandlerContext, jobId: string | undefined, buffer: ArrayBufferLike) {
  return { ...(jobId ? { jobId } : {}), onProgress: progressEmitter(ctx, jobId), transfer: [buffer as ArrayBuffer] };
}

export const robustHandlers = {
  'robust-resample': async (req, ctx) => {
    const prices = pricesForRequest(ctx, req.tickers, req.window);
    return ctx.jobs.run(
      'resample',
      { prices, options: req.options, window: req.window, settings: req.settings, ...(req.currentWeights ? { currentWeights: req.currentWeights } : {}) },
      runOptions(ctx, req.jobId, prices.values.buffer),
    );
  },
  'robust-compare': async (req, ctx) => {
    const prices = pricesForRequest(ctx, req.tickers, req.window);
    return ctx.jobs.run(
      'robust-compare',
      { prices, assets: req.tickers, options: req.options, window: req.window, backtest: req.backtest, strategies: req.strategies, resampleDraws: req.resampleDraws, seed: req.seed },
      runOptions(ctx, req.jobId, prices.values.buffer),
    );
  },
} satisfies Handlers<'robust-resample' | 'robust-compare'>;
