/**
 * Issue 18 (import): four brokers' files, imported together into one database with no account typed,
 * land in four accounts; each account's cash equals what the statement says, each dividend nets to the
 * cash the broker paid (gross + tax rows, or a net row), and the holdings match the broker's snapshots.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { CashBalance } from '../../shared/api/imports.js';
import { call, fileOf, runtimeIn } from './helpers.js';

const rt = runtimeIn();
afterAll(() => rt.close());

const FILES = ['ibkr-activity-statement.csv', 'ibkr-flex-statement.csv', 'trading212-dividends.csv', 'degiro-account-fees.csv', 'degiro-portfolio-fees.csv'];

describe('broker accounts, cash and holdings', () => {
  it('each file goes to its own account: IBKR ids from the file, broker names where the file has none', async () => {
    const r = await call(rt, 'import-commit', { files: FILES.map((f) => fileOf(f)), options: { asOf: '2025-03-31' } });
    expect(r.errors).toEqual([]);
    const accounts = await call(rt, 'broker-accounts', {});
    expect(accounts.map((a) => a.account)).toEqual(['DEGIRO', 'Trading 212', 'U2345678', 'U3456789']);
    expect(r.files.find((f) => f.file === 'trading212-dividends.csv')!.warnings.join(' ')).toMatch(/account "Trading 212"/);
  });

  it('cash per account and currency equals the statement (IBKR Cash Report, DEGIRO Balance column, the sums the files imply)', async () => {
    const cash = await call(rt, 'holdings-cash', {});
    const of = (account: string, currency: string): CashBalance => cash.find((c) => c.account === account && c.currency === currency)!;
    // IBKR Cash Report "Ending Cash": USD 10,613.98 and EUR 597 (the EUR bought by the EUR.USD trade, less ASML).
    expect(of('U2345678', 'USD')).toMatchObject({ balance: 10613.98, dividends: 7.5, tax: -1.12, interest: 3.1, fees: -11.5, deposits: 20000, missingAmounts: 0 });
    expect(of('U2345678', 'EUR').balance).toBe(597);
    expect(of('U3456789', 'USD')).toMatchObject({ balance: 2582.23, dividends: 4.98, tax: -0.75 });
    // Trading 212: 2,000 − 769.15 + 0.68 (net dividend) + 0.50 interest; its tax is not deducted again.
    expect(of('Trading 212', 'GBP')).toMatchObject({ balance: 1232.03, dividends: 0.68, tax: 0 });
    // DEGIRO's own running Balance: EUR 3,072.42 and USD 3.40 on the last rows.
    expect(of('DEGIRO', 'EUR')).toMatchObject({ balance: 3072.42, fees: -4.5 });
    expect(of('DEGIRO', 'USD')).toMatchObject({ balance: 3.4, dividends: 4, tax: -0.6 });
    expect(cash.every((c) => c.missingAmounts === 0)).toBe(true);
  });

  it('the cash of one dividend, per broker convention: gross + tax rows (IBKR, Flex, DEGIRO) or one net row (Trading 212)', async () => {
    const txs = await call(rt, 'transactions-list', {});
    const dividendCash = (account: string, date: string): number =>
      Math.round(txs.filter((t) => t.account === account && t.date === date && (t.type === 'dividend' || t.type === 'tax')).reduce((s, t) => s + t.amount!, 0) * 100) / 100;
    expect(dividendCash('U2345678', '2025-02-13')).toBe(6.38);
    expect(dividendCash('U3456789', '2025-03-13')).toBe(4.23);
    expect(dividendCash('Trading 212', '2025-02-13')).toBe(0.68);
    expect(dividendCash('DEGIRO', '2025-02-14')).toBe(3.4);
  });

  it('holdings derived from the transactions match every broker snapshot', async () => {
    const rec = await call(rt, 'holdings-reconcile', {});
    expect(rec.map((r) => [r.account, r.ticker, r.derived, r.reported])).toEqual([
      ['DEGIRO', 'US0378331005', 10, 10],
      ['U2345678', 'AAPL', 30, 30],
      ['U2345678', 'ASML', 2, 2],
      ['U3456789', 'MSFT', 6, 6],
    ]);
  });
});
