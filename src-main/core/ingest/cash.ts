/**
 * Cash per account and currency from stored transactions: the sum of their amounts (money in > 0), with
 * the other leg of a currency trade (`EUR.USD` bought: + quantity EUR) and income by kind. Amounts are
 * in each row's currency; nothing is converted.
 */
import type { CashBalance } from '../../../shared/api/imports.js';

export type { CashBalance };

export interface CashMove {
  account: string;
  type: string;
  ticker: string | null;
  quantity: number | null;
  amount: number | null;
  currency: string | null;
}

/** Types that move no cash by nature (a split's amount is 0 or absent). */
const NO_CASH = new Set(['split']);
const FX_PAIR = /^([A-Z]{3})\.([A-Z]{3})$/;

const round = (v: number): number => Math.round(v * 1e8) / 1e8;

/** Cash balances per account and currency, sorted by account then currency. */
export function cashBalances(moves: readonly CashMove[]): CashBalance[] {
  const out = new Map<string, CashBalance>();
  const at = (account: string, currency: string): CashBalance => {
    const key = `${account}\u0000${currency}`;
    let b = out.get(key);
    if (!b) out.set(key, (b = { account, currency, balance: 0, dividends: 0, tax: 0, interest: 0, fees: 0, deposits: 0, withdrawals: 0, rows: 0, missingAmounts: 0 }));
    return b;
  };
  for (const m of moves) {
    const b = at(m.account, m.currency ?? '');
    b.rows++;
    if (m.amount === null) {
      if (!NO_CASH.has(m.type) && !(m.quantity !== null && (m.type === 'deposit' || m.type === 'withdrawal'))) b.missingAmounts++;
      continue;
    }
    b.balance += m.amount;
    if (m.type === 'dividend') b.dividends += m.amount;
    else if (m.type === 'tax') b.tax += m.amount;
    else if (m.type === 'interest') b.interest += m.amount;
    else if (m.type === 'fee') b.fees += m.amount;
    else if (m.type === 'deposit') b.deposits += m.amount;
    else if (m.type === 'withdrawal') b.withdrawals += m.amount;
    const pair = m.type === 'fx' && m.ticker ? FX_PAIR.exec(m.ticker) : null;
    if (pair && m.quantity !== null && pair[2] === m.currency) at(m.account, pair[1]!).balance += m.quantity;
  }
  return [...out.values()]
    .map((b) => ({ ...b, balance: round(b.balance), dividends: round(b.dividends), tax: round(b.tax), interest: round(b.interest), fees: round(b.fees), deposits: round(b.deposits), withdrawals: round(b.withdrawals) }))
    .sort((a, b) => (a.account === b.account ? a.currency.localeCompare(b.currency) : a.account.localeCompare(b.account)));
}
