/** The trade-list request (prices-allocate) from the Results panel's inputs; free of Svelte so it is unit-tested. */
import type { ApiRequest } from '../../../shared/api.js';
import type { Holding } from '../../../shared/api/imports.js';
import type { TradePlan } from '../../../shared/api/market-data.js';
import { parseNumber } from './parse.js';

export interface TradeInputs {
  /** Target weights (fractions). */
  weights: Record<string, number>;
  /** Current holdings as weights (fractions), from the portfolio editor. */
  holdings: Record<string, number>;
  /** Portfolio value as typed; blank = the imported holdings' value. */
  valueText: string;
  method: 'greedy' | 'lp';
  /** Imported holdings (positions/transactions) to trade from, instead of the editor's weights. */
  imported?: readonly Holding[];
}

export type TradeRequest = { ok: true; request: ApiRequest<'prices-allocate'> } | { ok: false; message: string };

/** Share counts per ticker summed over accounts, limited to `universe` (other holdings are not part of the plan). */
export function sharesByTicker(holdings: readonly Holding[], universe: readonly string[]): Record<string, number> {
  const keep = new Set(universe);
  const out: Record<string, number> = {};
  for (const h of holdings) if (keep.has(h.ticker)) out[h.ticker] = (out[h.ticker] ?? 0) + h.quantity;
  return out;
}

export function tradeRequest(i: TradeInputs): TradeRequest {
  const parsed = parseNumber(i.valueText);
  if (!parsed.ok) return { ok: false, message: `Portfolio value: ${parsed.message}` };
  if (parsed.value !== undefined && !(parsed.value > 0)) return { ok: false, message: 'Portfolio value: must be above 0' };
  const value = parsed.value;
  const weights = { ...i.weights };
  if (i.imported) {
    const currentShares = sharesByTicker(i.imported, Object.keys(weights));
    const negative = Object.entries(currentShares).find(([, n]) => n < 0);
    if (negative) return { ok: false, message: `Imported holdings: ${negative[0]} is short (${negative[1]} shares); trades in shares need long positions` };
    if (value === undefined && Object.keys(currentShares).length === 0) return { ok: false, message: 'No imported holdings in these tickers: enter a portfolio value' };
    return { ok: true, request: { weights, currentShares, method: i.method, ...(value !== undefined ? { value } : {}) } };
  }
  if (value === undefined) return { ok: false, message: 'Enter a portfolio value to see trades in shares' };
  const hasHoldings = Object.values(i.holdings).some((w) => w !== 0);
  return { ok: true, request: { weights, value, method: i.method, ...(hasHoldings ? { currentWeights: { ...i.holdings } } : {}) } };
}

/**
 * How the allocation was made, for the line under the trades: the method, and for the integer LP whether it
 * is proven optimal, the best found when the time limit stopped it (with its gap), or greedy as a fallback.
 */
export function allocationNote(plan: Pick<TradePlan, 'method' | 'solve' | 'value'>): string {
  const s = plan.solve;
  if (!s) return plan.method === 'lp' ? 'integer LP' : 'greedy';
  const limit = s.timeLimit !== undefined ? `${s.timeLimit} s` : 'its';
  if (s.status === 'optimal') return 'integer LP, optimal';
  if (s.status === 'fallback') return `integer LP found no whole-share solution within the ${limit} limit; greedy used instead`;
  const gap =
    s.gap === undefined
      ? 'gap to the optimum unknown'
      : `at most ${s.gap.toFixed(2)} (${((100 * s.gap) / plan.value).toPrecision(2)}% of the value) from the optimum`;
  return `integer LP stopped at the ${limit} limit: best found, ${gap}`;
}

