/** Instruments, price histories, and whole-share trade lists at the latest stored prices. */
import { FrontierError } from '../../shared/api.js';
import type { ApiParsedRequest } from '../../shared/api.js';
import type { LatestPrice, TradePlan, TradeRow } from '../../shared/api/market-data.js';
import { greedyAllocation, type Allocation } from '../core/allocate/discrete.js';
import { applyWindow } from '../core/price-matrix.js';
import { returnCorrelation } from '../core/stats/correlation.js';
import { pricesForRequest } from './optimize-service.js';
import { latestPrices, listInstrumentDetails, updateInstruments } from '../store/instruments-repo.js';
import { getPrices, unknownTickers } from '../store/prices-repo.js';
import type { Handlers, HandlerContext } from './context.js';

/** Weights this small are solver noise (e.g. −1e-17), not positions. */
const NOISE = 1e-9;

function positive(weights: Record<string, number>, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, w] of Object.entries(weights)) {
    if (w < -NOISE) throw new FrontierError('user-error', `${what}: ${t} has a negative weight (${w}); whole-share allocation is long-only`, { field: what, ticker: t });
    if (w > NOISE) out[t] = w;
  }
  return out;
}

/** `timeLimit`: seconds the integer allocation may search (see integerAllocation). */
async function allocate(ctx: HandlerContext, weights: Record<string, number>, prices: Record<string, LatestPrice>, value: number, method: 'greedy' | 'lp', timeLimit: number, what: string): Promise<Allocation> {
  const tickers = Object.keys(weights);
  const sum = tickers.reduce((a, t) => a + weights[t]!, 0);
  // Optimiser weights sum to 1 within rounding; the allocator refuses anything above 1 + 1e-9.
  const scale = sum > 1 ? 1 / sum : 1;
  const input = { tickers, weights: tickers.map((t) => weights[t]! * scale), prices: tickers.map((t) => prices[t]!.price), cash: value };
  // Greedy takes milliseconds; the integer LP can take seconds, so it runs in a worker.
  const r = method === 'lp' ? await ctx.jobs.run('allocate', { ...input, method, timeLimit }) : greedyAllocation(input);
  if (!r.ok) throw new FrontierError('user-error', `${what}: ${r.error.message}`, r.error.details);
  return r.value;
}

async function tradePlan(req: ApiParsedRequest<'prices-allocate'>, ctx: HandlerContext): Promise<TradePlan> {
  const target = positive(req.weights, 'weights');
  const currentWeights = req.currentWeights ? positive(req.currentWeights, 'currentWeights') : {};
  const held = req.currentShares ?? {};
  const tickers = [...new Set([...Object.keys(req.weights), ...Object.keys(currentWeights), ...Object.keys(held)])].sort();
  const unknown = unknownTickers(ctx.db, tickers);
  if (unknown.length > 0) throw new FrontierError('not-found', `unknown ticker${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`, { tickers: unknown });
  const prices = latestPrices(ctx.db, tickers, req.asOf);
  const unpriced = tickers.filter((t) => !prices[t] && ((target[t] ?? 0) > 0 || (currentWeights[t] ?? 0) > 0 || (held[t] ?? 0) > 0));
  if (unpriced.length > 0) throw new FrontierError('user-error', `no price${req.asOf ? ` on or before ${req.asOf}` : ''} for ${unpriced.join(', ')}`, { tickers: unpriced });
  const value = req.value ?? tickers.reduce((a, t) => a + (held[t] ?? 0) * (prices[t]?.price ?? 0), req.cash);
  if (!(value > 0)) throw new FrontierError('user-error', 'the current holdings are worth nothing at the latest prices: give a portfolio value', { field: 'value' });
  const [goal, now] = await Promise.all([
    allocate(ctx, target, prices, value, req.method, req.timeLimit, 'weights'),
    req.currentShares
      ? held
      : Object.keys(currentWeights).length > 0
        ? allocate(ctx, currentWeights, prices, value, req.method, req.timeLimit, 'currentWeights').then((a) => a.shares)
        : {},
  ]);
  const rows: TradeRow[] = tickers
    .filter((t) => prices[t])
    .map((t) => {
      const p = prices[t]!;
      const currentShares = now[t] ?? 0;
      const targetShares = goal.shares[t] ?? 0;
      return { ticker: t, price: p.price, priceDate: p.date, weight: req.weights[t] ?? 0, currentShares, targetShares, tradeShares: targetShares - currentShares, tradeValue: (targetShares - currentShares) * p.price };
    });
  return { value, rows, leftover: goal.leftover, rmse: goal.rmse, method: goal.method, ...(goal.solve ? { solve: goal.solve } : {}) };
}

export const marketDataHandlers = {
  'instruments-list': (_req, ctx) => listInstrumentDetails(ctx.db),
  'instruments-update': (req, ctx) => {
    const updated = updateInstruments(ctx.db, req.updates);
    ctx.emit('data-changed', { what: 'instruments' });
    return { updated };
  },
  'prices-get': (req, ctx) => {
    if (unknownTickers(ctx.db, [req.ticker]).length > 0) throw new FrontierError('not-found', `unknown ticker ${req.ticker}`);
    return getPrices(ctx.db, req.ticker, req.start, req.end);
  },
  'prices-allocate': tradePlan,
  'prices-correlation': (req, ctx) => {
    const windowed = applyWindow(pricesForRequest(ctx, req.tickers, req.window), req.window);
    if (!windowed.ok) throw new FrontierError('user-error', windowed.error.message, windowed.error.details);
    const m = windowed.value;
    const matrix = returnCorrelation(m).map((row) => row.map((c) => (Number.isNaN(c) ? null : c)));
    return { tickers: m.tickers, matrix, dataWindow: { start: m.dates[0]!, end: m.dates.at(-1)!, returns: m.dates.length - 1 } };
  },
} satisfies Handlers<'instruments-list' | 'instruments-update' | 'prices-get' | 'prices-allocate' | 'prices-correlation'>;
