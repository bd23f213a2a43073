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
  // Stock weights carry no gamma or vega, so the optimiser cannot change the book's: a breached cap is an error that says what can.
  const gammaOfNav = Math.abs(greeks.portfolio.dollarGamma) / greeks.nav;
  const vegaOfNav = Math.abs(greeks.portfolio.vega) / greeks.nav;
  if (o.maxGamma !== undefined && gammaOfNav > o.maxGamma)
    throw new FrontierError('user-error', `optionBook.maxGamma: the option book's dollar gamma is ${(gammaOfNav * 100).toFixed(4)} % of NAV, above the cap ${(o.maxGamma * 100).toFixed(4)} %; the underlyings carry no gamma, so hedge it with options (frontier options hedge --neutralize gamma)`);
  if (o.maxVega !== undefined && vegaOfNav > o.maxVega)
    throw new FrontierError('user-error', `optionBook.maxVega: the option book's vega is ${(vegaOfNav * 100).toFixed(4)} % of NAV per 1.00 vol, above the cap ${(o.maxVega * 100).toFixed(4)} %; the underlyings carry no vega, so hedge it with options (frontier options hedge --neutralize vega)`);
  const [glo, ghi] = options.constraints.bounds;
  const assetBounds = { ...options.constraints.assetBounds };
  const netDeltaBounds: Record<string, [number, number]> = {};
  for (const [u, [lo, hi]] of Object.entries(o.netDelta ?? {})) {
    if (!tickers.includes(u)) throw new FrontierError('user-error', `optionBook.netDelta.${u}: ${u} is not among the tickers`);
    if (!(lo <= hi)) throw new FrontierError('user-error', `optionBook.netDelta.${u}: the band [${lo}, ${hi}] is empty`);
    const d = deltaWeights[u] ?? 0;
    const [alo, ahi] = assetBounds[u] ?? [glo, ghi];
    const b: [number, number] = [Math.max(alo, lo - d), Math.min(ahi, hi - d)];
    if (b[0] > b[1]) throw new FrontierError('user-error', `optionBook.netDelta.${u}: with the options' delta weight ${d.toFixed(4)} the band [${lo}, ${hi}] needs ${u} between ${(lo - d).toFixed(4)} and ${(hi - d).toFixed(4)}, outside its bounds [${alo}, ${ahi}]`);
    assetBounds[u] = b;
    netDeltaBounds[u] = b;
  }
  const warnings = [...greeks.warnings, ...(excluded.length > 0 ? [`options on ${excluded.join(', ')} are outside the portfolio's tickers: their exposure is not included`] : [])];
  return {
    options: { ...options, constraints: { ...options.constraints, currentWeights: current, assetBounds } },
    exposure: { asOf: greeks.asOf, nav: greeks.nav, navSource: greeks.navSource, deltaWeights, excluded, netDeltaBounds, gammaOfNav, vegaOfNav, warnings },
  };
}
