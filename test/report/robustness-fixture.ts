/** Real robustness results (a small resampled frontier and comparison) for report tests. */
import { backtestSettingsSchema } from '../../shared/api/backtest.js';
import { optimizeOptionsSchema } from '../../shared/domain/optimize.js';
import { resampleSettingsSchema, type SavedRobustness } from '../../shared/domain/robust.js';
import { resampleFrontier } from '../../src-main/core/robust/resample.js';
import { compareRobustness } from '../../src-main/core/robust/robustness.js';
import { syntheticPrices } from '../support/synthetic-prices.js';

export async function robustnessFixture(tickers: string[]): Promise<SavedRobustness> {
  const prices = syntheticPrices({ tickers, days: 600, seed: 12 });
  const options = optimizeOptionsSchema.parse({ objective: 'max-sharpe' });
  const even = Object.fromEntries(tickers.map((t) => [t, 1 / tickers.length]));
  const r = await resampleFrontier(prices, options, resampleSettingsSchema.parse({ draws: 10, points: 6 }), even);
  if (!r.ok) throw new Error(r.error.message);
  const backtest = backtestSettingsSchema.parse({ walkForward: { kind: 'rolling', days: 252 }, rebalance: { kind: 'calendar', every: 'quarterly' } });
  const c = await compareRobustness(prices, tickers, backtest, optimizeOptionsSchema.parse({ objective: 'min-volatility' }), { strategies: ['classical', 'shrunk', 'crisis-robust'], resampleDraws: 3, seed: 1 });
  if (!c.ok) throw new Error(c.error.message);
  return { resample: r.value, comparison: c.value };
}
