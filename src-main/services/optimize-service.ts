/** Runs the optimisation engine on stored prices, in the worker pool. */
import { FrontierError } from '../../shared/api.js';
import type { MarketSeries } from '../../shared/api/optimize.js';
import type { OptimizeOptions, PriceWindow } from '../../shared/domain/optimize.js';
import { appendColumns, type PriceMatrix } from '../core/price-matrix.js';
import { loadPriceMatrix, unknownTickers } from '../store/prices-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { withFactorData } from './factor-data.js';
import { currencyResult, prepareRunPrices, type CurrencyRun } from './fx-service.js';
import type { CalendarResult } from '../../shared/api/fx.js';
import { withOptionExposure } from './options-exposure.js';

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
function engineInput(ctx: HandlerContext, req: EngineRequest): { prices: PriceMatrix; options: OptimizeOptions; run: CurrencyRun | null; calendar: CalendarResult | null } {
  // Calendars and the base currency: once, here, for every consumer (the market series has no currency).
  const prepared = prepareRunPrices(ctx.db, pricesForRequest(ctx, req.tickers, req.window), req.options);
  const { prices, run, calendar } = prepared;
  // A ts/xs factor model reads its factor returns or characteristics from the store.
  const withFactors = withOptionExposure(ctx, withFactorData(ctx.db, prepared.options, req.tickers, req.window), req.tickers).options;
  const series = req.marketSeries;
  if (!series) return { prices, options: withFactors, run, calendar };
  let column = series.ticker;
  while (prices.tickers.includes(column)) column = `${column}*`;
  const market = { dates: series.dates, tickers: [column], values: Float64Array.from(series.prices, (p) => p ?? Number.NaN) };
  const bl = withFactors.blackLitterman;
  const options: OptimizeOptions = {
    ...withFactors,
    estimators: { ...withFactors.estimators, market: column },
    ...(bl && bl.riskAversion === 'market' && bl.marketTicker === undefined ? { blackLitterman: { ...bl, marketTicker: column } } : {}),
  };
  return { prices: appendColumns(prices, market), options, run, calendar };
}

function runOptions(ctx: HandlerContext, jobId: string | undefined, prices: PriceMatrix) {
  return { ...(jobId ? { jobId } : {}), onProgress: progressEmitter(ctx, jobId), transfer: [prices.values.buffer as ArrayBuffer] };
}

/** The frontier point with the highest Sharpe ratio (the one the currency figures describe). */
export function maxSharpePoint<P extends { sharpe: number }>(points: readonly P[]): P | undefined {
  return points.reduce<P | undefined>((best, p) => (best === undefined || p.sharpe > best.sharpe ? p : best), undefined);
}

export const optimizeHandlers = {
  'optimize-run': async (req, ctx) => {
    const { prices, options, run, calendar } = engineInput(ctx, req);
    // what engineInput added for the options (computed again, cheaply, for the result)
    const { exposure } = withOptionExposure(ctx, req.options, req.tickers);
    const ran = await ctx.jobs.run('optimize', { prices, options, window: req.window }, runOptions(ctx, req.jobId, prices));
    const result = { ...ran, ...(exposure ? { optionsExposure: exposure } : {}), ...(calendar ? { calendar } : {}) };
    return run ? { ...result, currency: currencyResult(run, result.weights, 'optimised', req.options.estimators.frequency) } : result;
  },
  'optimize-frontier': async (req, ctx) => {
    const { prices, options, run, calendar } = engineInput(ctx, req);
    const ran =
      req.riskMeasure !== 'variance'
        ? await ctx.jobs.run('risk-frontier', { prices, options, window: req.window, points: req.points, measure: req.riskMeasure }, runOptions(ctx, req.jobId, prices))
        : await ctx.jobs.run('frontier', { prices, options, window: req.window, points: req.points }, runOptions(ctx, req.jobId, prices));
    const result = calendar ? { ...ran, calendar } : ran;
    const best = maxSharpePoint(result.points);
    return run && best ? { ...result, currency: currencyResult(run, best.weights, 'max-Sharpe point of the frontier', req.options.estimators.frequency) } : result;
  },
  'optimize-estimate': async (req, ctx) => {
    const { prices, options, run, calendar } = engineInput(ctx, req);
    const ran = await ctx.jobs.run('estimate', { prices, options, window: req.window }, runOptions(ctx, req.jobId, prices));
    const result = calendar ? { ...ran, calendar } : ran;
    // An estimate has no portfolio: the currency figures describe equal weights of the assets.
    const equal = Object.fromEntries(ran.tickers.map((t) => [t, 1 / ran.tickers.length]));
    return run ? { ...result, currency: currencyResult(run, equal, 'equal', req.options.estimators.frequency) } : result;
  },
  'portfolio-evaluate': async (req, ctx) => {
    const prices = pricesForRequest(ctx, req.tickers, req.window);
    return ctx.jobs.run('evaluate', { prices, options: req.options, window: req.window, weights: req.weights }, runOptions(ctx, req.jobId, prices));
  },
} satisfies Handlers<'optimize-run' | 'optimize-frontier' | 'optimize-estimate' | 'portfolio-evaluate'>;
