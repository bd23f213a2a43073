/**
 * Holdings and cash in the base currency. Cash per account and currency is the sum of the stored
 * transactions' amounts in their currency; a broker's own FX transaction moves both legs (IBKR writes
 * `EUR.USD` with the EUR bought as quantity and the USD paid as amount; DEGIRO writes one row per leg).
 * Positions take their latest price and the rate of that price's date; cash takes the rate of `asOf`.
 * A currency with no rate (a stablecoin, say) is valued through an instrument of that name when one is
 * priced, else it is an error naming the pair: never a silent rate of 1.
 */
import { fail, ok, type CoreResult } from '../result.js';
import { alignRates } from './align.js';
import { majorCurrency } from './convert.js';
import type { FxTable } from './rate-table.js';

export interface CashMove {
  account: string;
  date: string;
  type: string;
  ticker: string | null;
  quantity: number | null;
  amount: number | null;
  currency: string | null;
}

export interface CashBalance {
  account: string;
  currency: string;
  balance: number;
}

/** Cash per account and currency on `asOf` (inclusive; all dates when absent), rounded to 1e-8. */
export function cashBalances(moves: readonly CashMove[], asOf?: string): CashBalance[] {
  const totals = new Map<string, CashBalance>();
  const add = (account: string, currency: string, x: number) => {
    const key = `${account}\u0000${currency}`;
    const b = totals.get(key) ?? { account, currency, balance: 0 };
    b.balance += x;
    totals.set(key, b);
  };
  for (const m of moves) {
    if (asOf !== undefined && m.date > asOf) continue;
    if (m.amount !== null && m.currency) add(m.account, m.currency.toUpperCase(), m.amount);
    const pair = m.type === 'fx' && m.ticker ? /^([A-Z]{3})[./]([A-Z]{3})$/.exec(m.ticker.toUpperCase()) : null;
    if (pair && m.quantity !== null) add(m.account, pair[1]!, m.quantity);
  }
  return [...totals.values()]
    .map((b) => ({ ...b, balance: Math.round(b.balance * 1e8) / 1e8 }))
    .filter((b) => b.balance !== 0)
    .sort((a, b) => (a.account === b.account ? a.currency.localeCompare(b.currency) : a.account.localeCompare(b.account)));
}

export interface PositionIn {
  account: string;
  ticker: string;
  quantity: number;
}

export interface ValuedPosition extends PositionIn {
  price: number | null;
  priceDate: string | null;
  currency: string | null;
  /** quantity × price in the instrument's currency. */
  value: number | null;
  /** Units of base per unit of the instrument's currency on priceDate. */
  rate: number | null;
  valueBase: number | null;
}

export interface ValuedCash extends CashBalance {
  rate: number;
  valueBase: number;
  /** How the rate was obtained ("EUR/USD stored", "via instrument USDT" …). */
  source: string;
}

export interface BaseValuation {
  base: string;
  asOf: string;
  positions: ValuedPosition[];
  cash: ValuedCash[];
  /** Σ positions and cash in the base currency (unpriced positions are not in it; they are listed). */
  total: number;
  unpriced: string[];
}

/** One rate from→base on `date` (max-age fill allowed), or null. */
function rateOn(table: FxTable, from: string, base: string, date: string, maxAgeDays: number): { rate: number; route: string } | null {
  if (from === base) return { rate: 1, route: 'base currency' };
  const a = alignRates(table, from, base, [date], maxAgeDays);
  const r = a.rates[0]!;
  return r === r ? { rate: r, route: a.routes.join('; ') } : null;
}

/** Values positions and cash in `base` (see the file comment). */
export function valueInBase(
  positions: readonly PositionIn[],
  prices: Record<string, { price: number; date: string }>,
  currencyOf: Record<string, string | null>,
  cash: readonly CashBalance[],
  table: FxTable,
  base: string,
  asOf: string,
  maxAgeDays = 0,
): CoreResult<BaseValuation> {
  const valued: ValuedPosition[] = [];
  const unpriced: string[] = [];
  for (const p of positions) {
    const px = prices[p.ticker];
    const ccy = currencyOf[p.ticker] ?? null;
    if (!px) {
      unpriced.push(p.ticker);
      valued.push({ ...p, price: null, priceDate: null, currency: ccy, value: null, rate: null, valueBase: null });
      continue;
    }
    if (!ccy) return fail('invalid-input', `the currency of ${p.ticker} is not known: set it in the Data screen`, { ticker: p.ticker });
    const { major, factor } = majorCurrency(ccy);
    const r = rateOn(table, major, base, px.date, maxAgeDays);
    if (!r) return fail('missing-fx-rate', `no ${major}/${base} rate on ${px.date} (needed for ${p.ticker})`, { pair: `${major}/${base}`, date: px.date, ticker: p.ticker });
    const value = p.quantity * px.price;
    valued.push({ ...p, price: px.price, priceDate: px.date, currency: ccy, value, rate: r.rate * factor, valueBase: value * factor * r.rate });
  }
  const cashOut: ValuedCash[] = [];
  for (const c of cash) {
    let r = rateOn(table, c.currency, base, asOf, maxAgeDays);
    let source = r?.route ?? '';
    const asInstrument = prices[c.currency];
    const instrumentCcy = currencyOf[c.currency];
    if (!r && asInstrument && instrumentCcy) {
      // A "currency" that is an instrument (USDT): its own price, converted like any position.
      const via = rateOn(table, majorCurrency(instrumentCcy).major, base, asInstrument.date, maxAgeDays);
      if (via) {
        r = { rate: asInstrument.price * majorCurrency(instrumentCcy).factor * via.rate, route: '' };
        source = `via instrument ${c.currency} (price of ${asInstrument.date})`;
      }
    }
    if (!r) return fail('missing-fx-rate', `no ${c.currency}/${base} rate on ${asOf} (needed for the ${c.currency} cash of ${c.account})`, { pair: `${c.currency}/${base}`, date: asOf, account: c.account });
    cashOut.push({ ...c, rate: r.rate, valueBase: c.balance * r.rate, source });
  }
  const total = valued.reduce((s, p) => s + (p.valueBase ?? 0), 0) + cashOut.reduce((s, c) => s + c.valueBase, 0);
  return ok({ base, asOf, positions: valued, cash: cashOut, total, unpriced });
}
