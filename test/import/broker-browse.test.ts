import { afterAll, describe, expect, it } from 'vitest';
import type { TransactionRow } from '../../src-main/core/ingest/types.js';
import { createBatch } from '../../src-main/store/import-repo.js';
import { insertTransactions } from '../../src-main/store/transactions-repo.js';
import { call, counts, fileOf, runtimeIn } from './helpers.js';

const rt = runtimeIn();
afterAll(() => rt.close());

describe('DEGIRO account statement and portfolio through the service', () => {
  it('imports both, a re-import adds nothing, and reconciliation shows the holding with no transactions', async () => {
    const first = await call(rt, 'import-commit', { files: [fileOf('degiro-account-nl.csv'), fileOf('degiro-portfolio-nl.csv')], options: { account: 'dg', asOf: '2024-12-06' } });
    expect(first.errors).toEqual([]);
    expect(first.inserted).toEqual({ prices: 0, transactions: 13, positions: 3 });
    expect(first.files.map((f) => f.format)).toEqual(['degiro-account', 'degiro-portfolio']);
    const before = counts(rt);
    const again = await call(rt, 'import-commit', { files: [fileOf('degiro-account-nl.csv'), fileOf('degiro-portfolio-nl.csv')], options: { account: 'dg', asOf: '2024-12-06' } });
    expect(again.inserted).toEqual({ prices: 0, transactions: 0, positions: 0 });
    expect(counts(rt)).toEqual(before);
    const rec = await call(rt, 'holdings-reconcile', { account: 'dg' });
    expect(rec).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ticker: 'US0378331005', derived: 15, reported: 15, difference: 0 }),
        expect.objectContaining({ ticker: 'NL0010273215', derived: 3, reported: 3, difference: 0 }),
        expect.objectContaining({ ticker: 'IE00BK5BQT80', derived: 0, reported: 4 }),
      ]),
    );
  });
});

describe('transactions and positions browser', () => {
  it('lists accounts with counts and date spans', async () => {
    await call(rt, 'import-commit', { files: [fileOf('ibkr-flex-sections.csv')] });
    const accounts = await call(rt, 'broker-accounts', {});
    expect(accounts).toEqual([
      { account: 'U7654321', transactions: 8, positions: 1, firstDate: '2024-01-02', lastDate: '2024-12-31' },
      { account: 'dg', transactions: 13, positions: 3, firstDate: '2024-09-28', lastDate: '2024-12-06' },
    ]);
  });

  it('filters by account, ticker (part of ticker or ISIN), type and dates, with source file and line on each row', async () => {
    const page = await call(rt, 'transactions-page', { account: 'dg', ticker: 'us037833', type: 'buy', from: '2024-11-01', to: '2024-11-30' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.date, r.quantity, r.sourceFile, r.sourceLine])).toEqual([
      ['2024-11-15', 5, 'degiro-account-nl.csv', 9],
      ['2024-11-15', 10, 'degiro-account-nl.csv', 10],
    ]);
    expect(page.rows[0]).toMatchObject({ account: 'dg', type: 'buy', price: 228, currency: 'USD', description: 'Koop 5 @ 228,00 USD' });
    const none = await call(rt, 'transactions-page', { account: 'U7654321', type: 'fx' });
    expect(none).toEqual({ rows: [], total: 0, offset: 0 });
  });

  it('sorts by a column in either direction and pages without overlap', async () => {
    const desc = await call(rt, 'transactions-page', { account: 'dg', sort: 'amount', dir: 'desc', limit: 3 });
    expect(desc.rows.map((r) => r.amount)).toEqual([5000, 1300.2, 115]);
    const all = await call(rt, 'transactions-page', { account: 'dg', sort: 'amount', limit: 500 });
    const pages = [0, 5, 10].map((offset) => call(rt, 'transactions-page', { account: 'dg', sort: 'amount', limit: 5, offset }));
    const ids = (await Promise.all(pages)).flatMap((p) => p.rows.map((r) => r.id));
    expect(ids).toEqual(all.rows.map((r) => r.id));
    const bySource = await call(rt, 'transactions-page', { account: 'dg', sort: 'source', limit: 2 });
    expect(bySource.rows.map((r) => r.sourceLine)).toEqual([2, 3]);
  });

  it('pages position snapshots with their source line', async () => {
    const p = await call(rt, 'positions-page', { account: 'dg', sort: 'value', dir: 'desc' });
    expect(p.total).toBe(3);
    expect(p.rows[0]).toMatchObject({ ticker: 'US0378331005', asOf: '2024-12-06', quantity: 15, value: 3642.6, currency: 'USD', sourceFile: 'degiro-portfolio-nl.csv', sourceLine: 3 });
  });

  it('validates requests in main: bad dates, reversed range, unknown sort, oversized page', async () => {
    for (const bad of [{ from: '2024-13-01' }, { from: '2024-12-01', to: '2024-01-01' }, { sort: 'description' }, { limit: 501 }, { offset: -1 }, { type: 'gift' }]) {
      const r = await rt.call('transactions-page', bad);
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid-request');
    }
  });

  it('pages 100,000 transactions: the last page holds the last rows', async () => {
    const db = rt.ctx.db;
    const rows: TransactionRow[] = Array.from({ length: 100_000 }, (_, i) => ({
      account: 'big',
      date: new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10),
      type: i % 2 === 0 ? 'buy' : 'sell',
      ticker: `T${i % 50}`,
      isin: null,
      description: null,
      quantity: i % 2 === 0 ? 1 : -1,
      price: 10,
      fee: null,
      amount: i % 2 === 0 ? -10 : 10,
      currency: 'USD',
      externalId: `x${i}`,
      line: i + 2,
    }));
    db.transaction(() => insertTransactions(db, rows, 'big.csv', createBatch(db, { fileName: 'big.csv', sha256: 'big', format: 'test', kind: 'transactions' })))();
    const last = await call(rt, 'transactions-page', { account: 'big', offset: 99_900, limit: 100 });
    expect(last.total).toBe(100_000);
    expect(last.rows).toHaveLength(100);
    expect(last.rows.at(-1)).toMatchObject({ externalId: 'x99999', sourceLine: 100_001 });
    const sells = await call(rt, 'transactions-page', { account: 'big', type: 'sell', ticker: 'T1', limit: 1 });
    // T1, T11 … T49 that are odd-numbered rows: tickers containing "T1" are T1 and T10-T19; sells are the odd ones.
    expect(sells.total).toBe(2000 * 6);
  });
});
