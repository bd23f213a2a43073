/** Runs the optimisation engine on stored prices, in the worker pool. */
import { FrontierError } from '../../shared/api.js';
import type { MarketSeries } from '../../shared/api/optimize.js';
import type { OptimizeOptions, PriceWindow } from '../../shared/domain/optimize.js';
import { appendColumns, type PriceMatrix } from '../core/price-matrix.js';
import { loadPriceMatrix, unknownTickers } from '../store/prices-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { withFactorData } from './factor-data.js';

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

interface EngineRequest {
  tickers: string[];
  window: PriceWindow;
  options: OptimizeOptions;
  marketSeries?: MarketSeries | undefined;
}

/** The request's prices, with the market series (if any) appended as the estimators' market column. */
function engineInput(ctx: HandlerContext, req: EngineRequest): { prices: PriceMatrix; options: OptimizeOptions } {
  const prices = pricesForRequest(ctx, req.tickers, req.window);
  // A ts/xs factor model reads its factor returns or characteristics from the store.
  const withFactors = withFactorData(ctx.db, req.options, req.tickers, req.window);
  const series = req.marketSeries;
  if (!series) return { prices, options: withFactors };
  let column = series.ticker;
  while (prices.tickers.includes(column)) column = `${column}*`;
  const market = { dates: series.dates, tickers: [column], values: Float64Array.from(series.prices, (p) => p ?? Number.NaN) };
  const bl = withFactors.blackLitterman;
  const options: OptimizeOptions = {
    ...withFactors,
    estimators: { ...withFactors.estimators, market: column },
    ...(bl && bl.riskAversion === 'market' && bl.marketTicker === undefined ? { blackLitterman: { ...bl, marketTicker: column } } : {}),
  };
  return { prices: appendColumns(prices, market), options };
}

function runOptions(ctx: HandlerContext, jobId: string | undefined, prices: PriceMatrix) {
  return { ...(jobId ? { jobId } : {}), onProgress: progressEmitter(ctx, jobId), transfer: [prices.values.buffer as ArrayBuffer] };
}

export const optimizeHandlers = {
  'optimize-run': async (req, ctx) => {
    const { prices, options } = engineInput(ctx, req);
    return ctx.jobs.run('optimize', { prices, options, window: req.window }, runOptions(ctx, req.jobId, prices));
  },
  'optimize-frontier': async (req, ctx) => {
    const { prices, options } = engineInput(ctx, req);
    if (req.riskMeasure !== 'variance') {
      return ctx.jobs.run('risk-frontier', { prices, options, window: req.window, points: req.points, measure: req.riskMeasure }, runOptions(ctx, req.jobId, prices));
    }
    return ctx.jobs.run('frontier', { prices, options, window: req.window, points: req.points }, runOptions(ctx, req.jobId, prices));
  },
  'optimize-estimate': async (req, ctx) => {
    const { prices, options } = engineInput(ctx, req);
    return ctx.jobs.run('estimate', { prices, options, window: req.window }, runOptions(ctx, req.jobId, prices));
  },
  'portfolio-evaluate': async (req, ctx) => {
    const prices = pricesForRequest(ctx, req.tickers, req.window);
    return ctx.jobs.run('evaluate', { prices, options: req.options, window: req.window, weights: req.weights }, runOptions(ctx, req.jobId, prices));
  },
} satisfies Handlers<'optimize-run' | 'optimize-frontier' | 'optimize-estimate' | 'portfolio-evaluate'>;
