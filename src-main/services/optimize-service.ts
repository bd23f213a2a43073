/** Runs the optimisation engine on stored prices, in the worker pool. */
import { FrontierError } from '../../shared/api.js';
import type { PriceWindow } from '../../shared/domain/optimize.js';
import type { PriceMatrix } from '../core/price-matrix.js';
import { loadPriceMatrix, unknownTickers } from '../store/prices-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { currencyResult, prepareRunPrices } from './fx-service.js';

/** Stored prices of the tickers in the window; unknown tickers and empty windows are user errors. */
export function pricesForRequest(ctx: HandlerContext, tickers: string[], window: PriceWindow): PriceMatrix {
  const duplicates = tickers.filter((t, i) => tickers.indexOf(t) !== i);
  if (duplicates.length > 0) throw new FrontierError('invalid-request', `tickers listed twice: ${[...new Set(duplicates)].join(', ')}`);
  const unknown = unknownTickers(ctx.db, tickers);
  if (unknown.length > 0) {
    throw new FrontierError('user-error', `no prices stored for ${unknown.join(', ')}; import them first`, { unknown });
  }
  const prices = loadPriceMatrix(ctx.db, tickers, window.start, window.end);
  if (prices.dates.length < 3) {
    throw new FrontierError('user-error', `only ${prices.dates.length} price dates in the chosen window; need at least 3`);
  }
  return prices;
}

/** The frontier point with the highest Sharpe ratio (the one the currency figures describe). */
export function maxSharpePoint<P extends { sharpe: number }>(points: readonly P[]): P | undefined {
  return points.reduce<P | undefined>((best, p) => (best === undefined || p.sharpe > best.sharpe ? p : best), undefined);
}

export const optimizeHandlers = {
  'optimize-run': async (req, ctx) => {
    const { prices, options, run, calendar } = prepareRunPrices(ctx.db, pricesForRequest(ctx, req.tickers, req.window), req.options);
    const ran = await ctx.jobs.run(
      'optimize',
      { prices, options, window: req.window },
      { ...(req.jobId ? { jobId: req.jobId } : {}), onProgress: progressEmitter(ctx, req.jobId), transfer: [prices.values.buffer as ArrayBuffer] },
    );
    const result = calendar ? { ...ran, calendar } : ran;
    return run ? { ...result, currency: currencyResult(run, result.weights, 'optimised', req.options.estimators.frequency) } : result;
  },
  'optimize-frontier': async (req, ctx) => {
    const { prices, options, run, calendar } = prepareRunPrices(ctx.db, pricesForRequest(ctx, req.tickers, req.window), req.options);
    const ran = await ctx.jobs.run(
      'frontier',
      { prices, options, window: req.window, points: req.points },
      { ...(req.jobId ? { jobId: req.jobId } : {}), onProgress: progressEmitter(ctx, req.jobId), transfer: [prices.values.buffer as ArrayBuffer] },
    );
    const result = calendar ? { ...ran, calendar } : ran;
    const best = maxSharpePoint(result.points);
    return run && best ? { ...result, currency: currencyResult(run, best.weights, 'max-Sharpe point of the frontier', req.options.estimators.frequency) } : result;
  },
} satisfies Handlers<'optimize-run' | 'optimize-frontier'>;
