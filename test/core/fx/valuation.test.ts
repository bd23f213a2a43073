/** Cash per currency (with the broker's fx rows), holdings valued in the base currency. */
import { describe, expect, it } from 'vitest';
import { cashBalances, valueInBase } from '../../../src-main/core/fx/valuation.js';
import { buildFxTable } from '../../../src-main/core/fx/rate-table.js';

const table = buildFxTable([
  { date: '2024-03-14', base: 'EUR', quote: 'USD', rate: 1.0925 },
  { date: '2024-03-15', base: 'EUR', quote: 'USD', rate: 1.0887 },
  { date: '2024-03-15', base: 'EUR', quote: 'GBP', rate: 0.85525 },
]);

describe('valuation in the base currency', () => {
  it('counts both legs of an IBKR-style fx row and the cash of trades', () => {
    const cash = cashBalances([
      { account: 'U1', date: '2024-03-01', type: 'deposit', ticker: null, quantity: null, amount: 10_000, currency: 'USD' },
      // Bought 5,000 EUR for 5,450 USD.
      { account: 'U1', date: '2024-03-02', type: 'fx', ticker: 'EUR.USD', quantity: 5000, amount: -5450, currency: 'USD' },
      { account: 'U1', date: '2024-03-03', type: 'buy', ticker: 'SAP', quantity: 10, amount: -1800, currency: 'EUR' },
      { account: 'U1', date: '2024-04-01', type: 'deposit', ticker: null, quantity: null, amount: 99, currency: 'USD' },
    ], '2024-03-15');
    expect(cash).toEqual([
      { account: 'U1', currency: 'EUR', balance: 3200 },
      { account: 'U1', currency: 'USD', balance: 4550 },
    ]);
    const v = valueInBase([{ account: 'U1', ticker: 'SAP', quantity: 10 }, { account: 'U1', ticker: 'VOD', quantity: 100 }, { account: 'U1', ticker: 'X', quantity: 1 }], { SAP: { price: 181.1, date: '2024-03-14' }, VOD: { price: 70, date: '2024-03-15' } }, { SAP: 'EUR', VOD: 'GBX', X: 'USD' }, cash, table, 'USD', '2024-03-15');
    if (!v.ok) throw new Error(v.error.message);
    // SAP at the rate of its own price date (03-14); VOD in pence via EUR; cash at asOf.
    expect(v.value.positions[0]!.valueBase).toBeCloseTo(1811 * 1.0925, 9);
    expect(v.value.positions[1]!.valueBase).toBeCloseTo((7000 / 100) * (1.0887 / 0.85525), 9);
    expect(v.value.unpriced).toEqual(['X']);
    expect(v.value.cash.map((c) => c.valueBase)).toEqual([3200 * 1.0887, 4550]);
    expect(v.value.total).toBeCloseTo(1811 * 1.0925 + 70 * (1.0887 / 0.85525) + 3200 * 1.0887 + 4550, 9);
  });

  it('a stablecoin balance is valued through its own price, or it is an error naming the pair', () => {
    const cash = [{ account: 'B', currency: 'USDT', balance: 100 }];
    const none = valueInBase([], {}, {}, cash, table, 'EUR', '2024-03-15');
    expect(!none.ok && none.error.message).toBe('no USDT/EUR rate on 2024-03-15 (needed for the USDT cash of B)');
    const priced = valueInBase([], { USDT: { price: 0.9995, date: '2024-03-15' } }, { USDT: 'USD' }, cash, table, 'EUR', '2024-03-15');
    if (!priced.ok) throw new Error(priced.error.message);
    expect(priced.value.cash[0]!.valueBase).toBeCloseTo((100 * 0.9995) / 1.0887, 12);
    expect(priced.value.cash[0]!.source).toContain('via instrument USDT');
  });
});
