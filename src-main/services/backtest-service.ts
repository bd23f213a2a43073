/** Backtests and stress tests on stored prices, run in the worker pool. */
import { FrontierError } from '../../shared/api.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import { pricesForRequest } from './optimize-service.js';
import { withFactorData } from './factor-data.js';

/** The traded tickers plus the benchmark (loaded as one more column when it is not traded). */
function withBenchmark(tickers: string[], benchmark: string | undefined): string[] {
  return benchmark === undefined || tickers.includes(benchmark) ? tickers : [...tickers, benchmark];
}

function checkWeights(weights: Record<string, number> | undefined, tickers: string[]): void {
  if (weights === undefined) return;
  const stray = Object.keys(weights).filter((t) => !tickers.includes(t));
  if (stray.length > 0) throw new FrontierError('user-error', `weights name tickers outside the portfolio: ${stray.join(', ')}`, { stray });
  if (Object.values(weights).every((w) => w === 0)) throw new FrontierError('user-error', 'all weights are zero');
}

function runOptions(ctx: HandlerContext, jobId: string | undefined, buffer: ArrayBufferLike) {
  return {
    ...(jobId ? { jobId } : {}),
    onProgress: progressEmitter(ctx, jobId),
    transfer: [buffer as ArrayBuffer],
  };
}

export const backtestHandlers = {
  'backtest-run': async (req, ctx) => {
    checkWeights(req.settings.weights, req.tickers);
    const prices = pricesForRequest(ctx, withBenchmark(req.tickers, req.settings.benchmark), req.window);
    return ctx.jobs.run(
      'backtest',
      { prices, assets: req.tickers, settings: req.settings, options: withFactorData(ctx.db, req.options, req.tickers, req.window), window: req.window },
      runOptions(ctx, req.jobId, prices.values.buffer),
    );
  },
  'stress-run': async (req, ctx) => {
    checkWeights(req.settings.weights, req.tickers);
    const prices = pricesForRequest(ctx, withBenchmark(req.tickers, req.settings.benchmark), req.window);
    return ctx.jobs.run(
      'stress',
      { prices, assets: req.tickers, settings: req.settings, rf: req.options.targets.rf, window: req.window },
      runOptions(ctx, req.jobId, prices.values.buffer),
    );
  },
} satisfies Handlers<'backtest-run' | 'stress-run'>;
