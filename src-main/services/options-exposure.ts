/** The option book's delta-equivalent exposure as current weights for the optimiser (options.optionBook). */
import { FrontierError } from '../../shared/api.js';
import type { OptimizeOptions } from '../../shared/domain/optimize.js';
import type { OptionsExposureOut } from '../../shared/domain/options.js';
import type { HandlerContext } from './context.js';
import { loadBook } from './options-book.js';
import { bookGreeks } from './options-service.js';

/** Options with the book's dollar delta / NAV added to `constraints.currentWeights` for the optimised tickers, and what was added. */
export function withOptionExposure(ctx: HandlerContext, options: OptimizeOptions, tickers: readonly string[]): { options: OptimizeOptions; exposure: OptionsExposureOut | null } {
  const o = options.optionBook;
  if (!o) return { options, exposure: null };
  const greeks = bookGreeks(ctx, loadBook(ctx, { rate: o.rate, ...(o.asOf ? { asOf: o.asOf } : {}) }), o.nav);
  if (greeks.nav === null || greeks.navSource === null) throw new FrontierError('user-error', 'optionBook.nav: no NAV to turn the options’ dollar delta into weights (no stock positions stored); give nav');
  const deltaWeights: Record<string, number> = {};
  const excluded: string[] = [];
  for (const [u, g] of Object.entries(greeks.byUnderlying)) {
    if (tickers.includes(u)) deltaWeights[u] = g.dollarDelta / greeks.nav;
    else excluded.push(u);
  }
  const current = { ...(options.constraints.currentWeights ?? {}) };
  for (const [u, w] of Object.entries(deltaWeights)) current[u] = (current[u] ?? 0) + w;
  const warnings = [...greeks.warnings, ...(excluded.length > 0 ? [`options on ${excluded.join(', ')} are outside the portfolio's tickers: their exposure is not included`] : [])];
  return {
    options: { ...options, constraints: { ...options.constraints, currentWeights: current } },
    exposure: { asOf: greeks.asOf, nav: greeks.nav, navSource: greeks.navSource, deltaWeights, excluded, warnings },
  };
}
