/** Coinbase, Kraken, Binance transaction exports and CoinGecko / CoinMarketCap price files. */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src-main/core/ingest/parse-file.js';
import type { TransactionRow } from '../../src-main/core/ingest/types.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'crypto');
const parse = (name: string) => parseImportFile(new Uint8Array(readFileSync(join(dir, name))), name);
const pick = (rows: TransactionRow[], f: Partial<TransactionRow>) => rows.filter((r) => Object.entries(f).every(([k, v]) => r[k as keyof TransactionRow] === v));

describe('crypto exchange exports', () => {
  it('Coinbase transaction history: buys with fees, converts as two legs, rewards, fiat deposits', () => {
    const p = parse('coinbase-transactions.csv');
    expect(p.format).toBe('coinbase-transactions');
    expect(p.errors).toEqual([]);
    const buy = pick(p.transactions, { type: 'buy', ticker: 'BTC', date: '2024-03-01' })[0]!;
    expect(buy).toMatchObject({ quantity: 0.01, price: 61234.5, fee: 8.95, amount: -621.3, currency: 'USD', line: 5 });
    // A stablecoin is an instrument, bought for USD like any other.
    expect(pick(p.transactions, { ticker: 'USDC' })[0]).toMatchObject({ type: 'buy', quantity: 200, amount: -202.99 });
    const convert = p.transactions.filter((t) => t.line === 8);
    expect(convert.map((t) => [t.type, t.ticker, t.quantity])).toEqual([
      ['sell', 'ETH', -0.25],
      ['buy', 'BTC', 0.01427],
    ]);
    expect(pick(p.transactions, { type: 'sell', ticker: 'BTC' })[0]).toMatchObject({ quantity: -0.005, amount: 355.12, fee: 5.38 });
    expect(pick(p.transactions, { type: 'deposit', ticker: null })[0]).toMatchObject({ amount: 1000, currency: 'USD' });
    expect(p.skipped).toEqual([{ line: 12, reason: 'transaction type "Pro Withdrawal" is not imported' }]);
  });

  it('Kraken ledgers: legs joined by refid, fees in the leg currency, transfers and pending rows skipped', () => {
    const p = parse('kraken-ledgers.csv');
    expect(p.format).toBe('kraken-ledgers');
    expect(p.errors).toEqual([]);
    expect(pick(p.transactions, { ticker: 'BTC', type: 'buy' })[0]).toMatchObject({ quantity: 0.01, amount: -562.69, fee: 1.46, currency: 'EUR', price: 56123, externalId: 'TJKLXX-DDDDD-DDDDDD' });
    expect(pick(p.transactions, { ticker: 'USDT' })[0]).toMatchObject({ type: 'buy', quantity: 108.29543, currency: 'EUR' });
    expect(pick(p.transactions, { ticker: 'DOT' })[0]).toMatchObject({ type: 'deposit', quantity: 0.0123 });
    // The withdrawal fee is paid in BTC and comes off the BTC balance (0.00795 left, as the ledger says).
    expect(pick(p.transactions, { type: 'withdrawal' })[0]!.quantity).toBeCloseTo(-0.00205, 12);
    expect(p.skipped.map((s) => s.line).sort((a, b) => a - b)).toEqual([8, 10]);
  });

  it('Kraken trades.csv and Binance trade history (both layouts), fees in the fee coin', () => {
    const k = parse('kraken-trades.csv');
    expect(k.format).toBe('kraken-trades');
    expect(k.transactions.map((t) => [t.ticker, t.type, t.quantity, t.currency])).toEqual([
      ['BTC', 'buy', 0.01, 'EUR'],
      ['USDT', 'buy', 108.29543, 'EUR'],
      ['SOL', 'sell', -2, 'USD'],
    ]);
    expect(k.transactions[2]!.amount).toBeCloseTo(290.4 - 0.75504, 10);
    const b = parse('binance-trade-history.csv');
    expect(b.format).toBe('binance-trades');
    expect(b.errors).toEqual([]);
    // Fee in BTC comes off the BTC bought; the trade is priced in USDT, not USD.
    expect(b.transactions[0]).toMatchObject({ ticker: 'BTC', quantity: 0.00999, currency: 'USDT', amount: -612.345, fee: null });
    // Fee in BNB: its own row in BNB.
    expect(b.transactions[2]).toMatchObject({ type: 'fee', ticker: 'BNB', quantity: -0.00000842, currency: 'BNB' });
    expect(b.transactions[3]).toMatchObject({ ticker: 'SOL', currency: 'FDUSD', fee: 0.195315, amount: -(195.315 + 0.195315) });
    const old = parse('binance-trade-history-2021.csv');
    expect(old.transactions.map((t) => [t.ticker, t.quantity, t.amount, t.currency])).toEqual([
      ['BTC', 0.01 - 0.00001, -310, 'USDT'],
      ['BTC', -0.005, 167.5 - 0.1675, 'USDT'],
    ]);
  });

  it('CoinGecko and CoinMarketCap daily prices, weekends included', () => {
    const g = parse('btc-usd-max.csv');
    expect(g.format).toBe('coingecko');
    expect(g.prices[0]).toMatchObject({ ticker: 'BTC', currency: 'USD' });
    expect(g.prices[0]!.dates).toContain('2024-03-02');
    expect(g.prices[0]!.close[6]).toBe(66106.80279);
    const c = parse('Bitcoin_3_1_2024-3_5_2024_historical_data_coinmarketcap.csv');
    expect(c.format).toBe('coinmarketcap');
    expect(c.prices[0]!.dates).toEqual(['2024-03-03', '2024-03-04', '2024-03-05']);
    expect(c.prices[0]!.close[2]).toBe(63801.2);
  });

  it('a bad number names FILE:LINE and imports nothing; a re-import adds nothing; holdings follow the balances', () => {
    const tmp = tempDir();
    const db = join(tmp, 'crypto.db');
    const bad = join(tmp, 'binance-bad.csv');
    writeFileSync(bad, readFileSync(join(dir, 'binance-trade-history.csv'), 'utf8').replace('130.21', '13O.21'));
    const ledgers = join(tmp, 'ledgers.csv');
    copyFileSync(join(dir, 'kraken-ledgers.csv'), ledgers);
    const failed = frontier(['import', ledgers, bad, '--db', db]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/binance-bad\.csv:4/);
    const none = frontier(['db', 'transactions', '--db', db, '--json']);
    expect(none.json<unknown[]>()).toEqual([]);
    const files = ['kraken-ledgers.csv', 'kraken-trades.csv', 'coinbase-transactions.csv', 'binance-trade-history.csv'].map((f) => join(dir, f));
    expect(frontier(['import', ...files, '--db', db]).code).toBe(0);
    const again = frontier(['import', ...files, '--db', db, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const count = frontier(['db', 'transactions', '--db', db, '--json']).json<unknown[]>().length;
    expect(frontier(['import', ...files, '--db', db]).code).toBe(0);
    expect(frontier(['db', 'transactions', '--db', db, '--json']).json<unknown[]>().length).toBe(count);
    const holdings = frontier(['db', 'holdings', '--db', db, '--json']).json<{ account: string; ticker: string; quantity: number }[]>();
    const q = (account: string, ticker: string) => holdings.find((h) => h.account === account && h.ticker === ticker)?.quantity;
    // Kraken: ledger and trades.csv describe the same BTC trade once; 0.01 − 0.00205 withdrawn.
    expect(q('Kraken', 'BTC')).toBeCloseTo(0.00795, 10);
    expect(q('Coinbase', 'BTC')).toBeCloseTo(0.01 + 0.01427 - 0.005, 10);
    expect(q('Binance', 'SOL')).toBeCloseTo(1.5, 10);
  });
});
