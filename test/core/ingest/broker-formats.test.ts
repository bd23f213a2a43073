import { describe, expect, it } from 'vitest';
import { parseFixture } from './fixtures.js';
import type { TransactionRow } from '../../../src-main/core/ingest/types.js';

const at = (rows: TransactionRow[], line: number, type?: string): TransactionRow => {
  const r = rows.find((t) => t.line === line && (type === undefined || t.type === type));
  if (!r) throw new Error(`no transaction on line ${line}`);
  return r;
};

describe('broker formats', () => {
  it('Schwab transactions: title line, $ and -$ amounts, "as of" dates, footer total skipped', () => {
    const f = parseFixture('schwab-transactions.csv');
    expect(f.format).toBe('schwab-transactions');
    expect(f.errors).toEqual([]);
    expect(at(f.transactions, 3)).toMatchObject({ account: 'Individual ...234', date: '2024-11-20', type: 'buy', ticker: 'AAPL', quantity: 20, price: 184.958, amount: -3699.16 });
    expect(at(f.transactions, 4)).toMatchObject({ date: '2024-11-18', type: 'dividend', amount: 41.5 });
    expect(at(f.transactions, 5)).toMatchObject({ type: 'sell', quantity: -5, fee: 0.13, amount: 2100.37 });
    expect(at(f.transactions, 6)).toMatchObject({ type: 'deposit', amount: 5000 });
    expect(at(f.transactions, 8)).toMatchObject({ type: 'tax', amount: -6.23 });
    expect(at(f.transactions, 9)).toMatchObject({ type: 'split', ticker: 'NVDA', quantity: 90 });
    expect(f.skipped).toContainEqual({ line: 14, reason: 'total row' });
    expect(f.skipped).toContainEqual(expect.objectContaining({ line: 13 }));
  });

  it('Schwab positions: as-of from the title, ($403.20) and -- handled, cash and total rows skipped', () => {
    const f = parseFixture('schwab-positions.csv');
    expect(f.format).toBe('schwab-positions');
    expect(f.errors).toEqual([]);
    expect(f.positions.map((p) => p.ticker)).toEqual(['AAPL', 'NVDA', 'MSFT']);
    expect(f.positions[1]).toMatchObject({ asOf: '2024-11-22', quantity: 100, price: 146.67, value: 14667, costBasis: 15070.2, line: 5 });
    expect(f.skipped.map((s) => s.line)).toEqual([7, 8]);
  });

  it('Fidelity positions: BOM, trailing commas, ** money market and Pending Activity skipped, disclaimer footer', () => {
    const f = parseFixture('Portfolio_Positions_Nov-22-2024.csv');
    expect(f.format).toBe('fidelity-positions');
    expect(f.positions).toEqual([
      expect.objectContaining({ account: 'X12345678', ticker: 'VTI', quantity: 25, price: 263.26, asOf: '2024-11-22', line: 3 }),
      expect.objectContaining({ account: 'Z98765432', ticker: 'FXAIX', quantity: 10.123, costBasis: 1700 }),
    ]);
    expect(f.skipped.map((s) => s.line)).toEqual([2, 4, 7, 8, 9]);
  });

  it('Fidelity history: leading blank lines, YOU BOUGHT/YOU SOLD text, signed quantities, footer', () => {
    const f = parseFixture('Accounts_History.csv');
    expect(f.format).toBe('fidelity-history');
    expect(at(f.transactions, 4)).toMatchObject({ account: 'X12345678', type: 'buy', ticker: 'VTI', quantity: 5, amount: -1316.3 });
    expect(at(f.transactions, 5)).toMatchObject({ type: 'dividend', amount: 18.52 });
    expect(at(f.transactions, 7)).toMatchObject({ type: 'sell', ticker: 'AAPL', quantity: -10, fee: 0.02, amount: 2254.98 });
    expect(at(f.transactions, 8)).toMatchObject({ type: 'deposit', amount: 1000 });
    expect(f.skipped.map((s) => s.line)).toEqual([13, 14]);
  });

  it('Robinhood: multi-line quoted descriptions keep line numbers, (negative) amounts, codes', () => {
    const f = parseFixture('robinhood-activity.csv');
    expect(f.format).toBe('robinhood');
    expect(f.errors).toEqual([]);
    expect(at(f.transactions, 2)).toMatchObject({ type: 'buy', ticker: 'AAPL', quantity: 10, amount: -2280 });
    expect(at(f.transactions, 4)).toMatchObject({ type: 'dividend', ticker: 'MSFT', amount: 4.15 });
    expect(at(f.transactions, 5)).toMatchObject({ type: 'sell', quantity: -5, amount: 2100 });
    expect(at(f.transactions, 9)).toMatchObject({ type: 'fee', amount: -5 });
    expect(f.skipped).toEqual([expect.objectContaining({ line: 16 })]);
  });

  it('Trading 212: GBX prices in pounds, partial fills with different ids kept, net dividends naming their withholding tax', () => {
    const f = parseFixture('trading212-history.csv');
    expect(f.format).toBe('trading212');
    expect(at(f.transactions, 3)).toMatchObject({ type: 'buy', ticker: 'SHEL', quantity: 10, price: 27.505, amount: -275.05, currency: 'GBP', externalId: 'EOF123' });
    expect(at(f.transactions, 4)).toMatchObject({ externalId: 'EOF124' });
    expect(at(f.transactions, 5)).toMatchObject({ type: 'sell', quantity: -4, amount: 112 });
    expect(at(f.transactions, 6)).toMatchObject({ type: 'dividend', amount: 0.95, currency: 'GBP', description: 'Apple (net of 0.18 USD withholding tax)' });
    expect(f.transactions.filter((t) => t.type === 'tax')).toEqual([]);
    expect(at(f.transactions, 8)).toMatchObject({ type: 'withdrawal', amount: -200 });
  });

  it('DEGIRO (Dutch): decimal comma, DD-MM-YYYY, sign from quantity, fills of one order kept apart', () => {
    const f = parseFixture('degiro-transactions-nl.csv');
    expect(f.format).toBe('degiro-transactions');
    expect(at(f.transactions, 2)).toMatchObject({ date: '2024-11-15', type: 'buy', isin: 'US0378331005', quantity: 10, price: 228, fee: 7.41, amount: -2172.53, currency: 'EUR' });
    expect(at(f.transactions, 3).externalId).not.toBe(at(f.transactions, 2).externalId);
    expect(at(f.transactions, 4)).toMatchObject({ type: 'sell', quantity: -2, amount: 1298.2 });
  });

  it('IBKR Activity Statement: sections, re-declared header, ClosedLot/SubTotal/Total skipped, forex, split, positions', () => {
    const f = parseFixture('ibkr-activity.csv');
    expect(f.format).toBe('ibkr-activity');
    expect(f.errors).toEqual([]);
    expect(at(f.transactions, 10)).toMatchObject({ account: 'U1234567', date: '2024-01-16', type: 'buy', ticker: 'AAPL', quantity: 1000, fee: 5, amount: -185505 });
    expect(at(f.transactions, 12)).toMatchObject({ type: 'sell', quantity: -5 });
    expect(at(f.transactions, 17)).toMatchObject({ type: 'fx', ticker: 'EUR.USD', quantity: 10000 });
    expect(at(f.transactions, 20)).toMatchObject({ type: 'dividend', ticker: 'AAPL', isin: 'US0378331005', amount: 240 });
    expect(at(f.transactions, 23)).toMatchObject({ type: 'tax', amount: -36 });
    expect(at(f.transactions, 33)).toMatchObject({ type: 'split', ticker: 'NVDA', quantity: 90 });
    expect(f.positions.find((p) => p.ticker === 'MSFT')).toMatchObject({ asOf: '2024-12-31', quantity: 15 });
    expect(f.skipped.map((s) => s.line)).toEqual(expect.arrayContaining([13, 14, 15, 18, 21, 24, 28, 31, 34, 39]));
    expect(f.transactions.some((t) => [21, 24, 28, 31].includes(t.line))).toBe(false);
  });
});

describe('more US brokers', () => {
  it('Vanguard: two tables in one file; the undated holdings table is skipped with a reason; trailing commas', () => {
    const f = parseFixture('OfxDownload.csv');
    expect(f.format).toBe('vanguard');
    expect(f.errors).toEqual([]);
    expect(f.skipped.slice(0, 2)).toEqual([
      { line: 2, reason: expect.stringMatching(/no as-of date/) },
      { line: 3, reason: expect.stringMatching(/no as-of date/) },
    ]);
    expect(at(f.transactions, 8)).toMatchObject({ account: '12345678', date: '2024-11-20', type: 'buy', ticker: 'VTI', quantity: 10, price: 263.26, amount: -2632.6 });
    expect(at(f.transactions, 10)).toMatchObject({ type: 'sell', quantity: -5, amount: 1127.5 });
    expect(at(f.transactions, 11)).toMatchObject({ type: 'deposit', amount: 1000 });
    expect(at(f.transactions, 12)).toMatchObject({ type: 'buy', quantity: 0.07 });
  });

  it('E*TRADE: account line, blank line after the header, 2-digit years, Bought/Sold', () => {
    const f = parseFixture('etrade-transactions.csv');
    expect(f.format).toBe('etrade');
    expect(f.errors).toEqual([]);
    expect(at(f.transactions, 5)).toMatchObject({ account: 'E*TRADE ####1234', date: '2024-11-20', type: 'buy', ticker: 'AAPL', quantity: 10, fee: 5, amount: -2285 });
    expect(at(f.transactions, 7)).toMatchObject({ type: 'sell', quantity: -5, amount: 2099.95 });
    expect(at(f.transactions, 8)).toMatchObject({ type: 'deposit', amount: 5000 });
  });
});

describe('IBKR Flex Query', () => {
  it('reads quoted user-chosen fields, yyyyMMdd dates and keeps TransactionIDs (two identical fills stay two)', () => {
    const f = parseFixture('ibkr-flex-trades.csv');
    expect(f.format).toBe('ibkr-flex');
    expect(f.errors).toEqual([]);
    expect(f.transactions).toHaveLength(3);
    expect(at(f.transactions, 2)).toMatchObject({ account: 'U1234567', date: '2024-01-16', type: 'buy', ticker: 'AAPL', quantity: 100, fee: 1, amount: -18551, externalId: '2761234501' });
    expect(at(f.transactions, 3).externalId).toBe('2761234502');
    expect(at(f.transactions, 4)).toMatchObject({ type: 'sell', quantity: -5, amount: 2099 });
  });
});

describe('IBKR Flex Query with BOF/BOS/HEADER/DATA records', () => {
  it('reads trades, cash transactions and open positions from their sections; envelope and other sections skipped', () => {
    const f = parseFixture('ibkr-flex-sections.csv');
    expect(f.format).toBe('ibkr-flex');
    expect(f.errors).toEqual([]);
    expect(at(f.transactions, 5)).toMatchObject({ account: 'U7654321', date: '2024-01-16', type: 'buy', ticker: 'AAPL', quantity: 20, price: 185.5, fee: 1, amount: -3711, currency: 'USD', externalId: '3761234501' });
    expect(at(f.transactions, 6).externalId).toBe('3761234502');
    expect(at(f.transactions, 7)).toMatchObject({ type: 'sell', ticker: 'ASML', quantity: -3, amount: 2713.1, currency: 'EUR' });
    expect(at(f.transactions, 11)).toMatchObject({ date: '2024-05-16', type: 'dividend', ticker: 'AAPL', amount: 9.6 });
    expect(at(f.transactions, 12)).toMatchObject({ type: 'tax', amount: -1.44 });
    expect(at(f.transactions, 13)).toMatchObject({ type: 'deposit', amount: 10000, ticker: null });
    expect(at(f.transactions, 14)).toMatchObject({ type: 'withdrawal', amount: -500 });
    expect(at(f.transactions, 15)).toMatchObject({ type: 'interest', amount: 3.21 });
    expect(f.transactions).toHaveLength(8);
    expect(f.positions).toEqual([expect.objectContaining({ account: 'U7654321', asOf: '2024-12-31', ticker: 'AAPL', quantity: 40, price: 250.42, value: 10016.8, costBasis: 7422, line: 19 })]);
    const skipped = new Map(f.skipped.map((s) => [s.line, s.reason]));
    expect(skipped.get(1)).toBe('BOF record');
    expect(skipped.get(8)).toBe('EOS record');
    expect(skipped.get(22)).toBe('section CRTT is not imported');
    expect(skipped.get(23)).toBe('section CRTT is not imported');
    expect(skipped.get(26)).toBe('EOF record');
  });
});
