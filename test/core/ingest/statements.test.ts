/**
 * Issue 18 (import): whole broker statements come through. Totals, subtotals and subtitle rows of every
 * IBKR section are skipped with a reason; the Flex delimiter is sniffed with its quotes respected; a
 * number too large for a double is an error at its line, and the engine refuses non-finite prices.
 */
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { parseImportFile } from '../../../src-main/core/ingest/parse-file.js';
import { deriveHoldings } from '../../../src-main/core/ingest/holdings.js';
import { sniffDelimiter } from '../../../src-main/core/ingest/table.js';
import { parseFixture } from './fixtures.js';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('IBKR Activity Statement: totals, subtotals and subtitles of every section', () => {
  const f = parseFixture('ibkr-activity-statement.csv');

  it('reads the whole statement (a Fees Total row with its subtitle in the first column refuses nothing)', () => {
    expect(f.format).toBe('ibkr-activity');
    expect(f.errors).toEqual([]);
    const byType = (type: string): number[] => f.transactions.filter((t) => t.type === type).map((t) => t.line);
    expect(byType('buy')).toEqual([27, 30]);
    expect(byType('sell')).toEqual([31]);
    expect(byType('fx')).toEqual([37]);
    expect(byType('deposit')).toEqual([40]);
    expect(byType('fee')).toEqual([44, 45]);
    expect(byType('dividend')).toEqual([48]);
    expect(byType('tax')).toEqual([52]);
    expect(byType('interest')).toEqual([56]);
    expect(f.positions.map((p) => [p.ticker, p.quantity, p.asOf])).toEqual([
      ['ASML', 2, '2025-03-31'],
      ['AAPL', 30, '2025-03-31'],
    ]);
    expect(f.transactions.every((t) => t.account === 'U2345678')).toBe(true);
  });

  it('skips every total and subtotal row with a reason naming the section', () => {
    const reasons = new Map(f.skipped.map((s) => [s.line, s.reason]));
    for (const line of [15, 22, 24, 25, 28, 29, 33, 34, 35, 38, 41, 42, 46, 49, 50, 53, 54, 57, 58, 59]) {
      expect(reasons.get(line), `line ${line}`).toMatch(/total row/);
    }
    expect(reasons.get(46)).toBe('Fees: total row (Total)');
    expect(reasons.get(59)).toBe('Interest: total row (Total Interest in USD)');
    expect(reasons.get(18)).toBe('section "Cash Report" is not imported');
  });

  it('forex commissions ("Comm in USD") and the instrument table (ISIN, name) are read', () => {
    expect(f.transactions.find((t) => t.type === 'fx')).toMatchObject({ ticker: 'EUR.USD', quantity: 2000, fee: 2, amount: -2082, currency: 'USD' });
    expect(f.transactions.find((t) => t.line === 27)).toMatchObject({ ticker: 'ASML', isin: 'NL0010273215', name: 'ASML HOLDING NV' });
    expect(f.positions.find((p) => p.ticker === 'AAPL')).toMatchObject({ isin: 'US0378331005', description: 'APPLE INC' });
  });

  it('a subtitle row (one label, nothing else) is skipped, not an error', () => {
    const csv = [
      'Statement,Header,Field Name,Field Value',
      'Statement,Data,Period,"January 1, 2025 - March 31, 2025"',
      'Fees,Header,Subtitle,Currency,Date,Description,Amount',
      'Fees,Data,Other Fees,,,,',
      'Fees,Data,Other Fees,USD,2025-02-03,MARKET DATA,-1.5',
      'Fees,Data,Total,,,,-1.5',
    ].join('\n');
    const p = parseImportFile(text(csv), 'U1.csv', { account: 'U1' });
    expect(p.errors).toEqual([]);
    expect(p.transactions).toEqual([expect.objectContaining({ line: 5, type: 'fee', amount: -1.5 })]);
    expect(p.skipped).toEqual(expect.arrayContaining([{ line: 4, reason: 'Fees: subtitle row (Other Fees)' }, { line: 6, reason: 'Fees: total row (Total)' }]));
  });
});

describe('delimiter sniffing respects quotes and prefers a consistent column count', () => {
  it('a Flex Query whose quoted fields hold semicolons is comma-separated', () => {
    const f = parseFixture('ibkr-flex-statement.csv');
    expect(f.delimiter).toBe(',');
    expect(f.format).toBe('ibkr-flex');
    expect(f.errors).toEqual([]);
    expect(f.transactions.map((t) => t.type)).toEqual(['buy', 'sell', 'deposit', 'dividend', 'tax']);
    expect(f.positions).toEqual([expect.objectContaining({ account: 'U3456789', ticker: 'MSFT', quantity: 6, asOf: '2025-03-31' })]);
  });

  it('semicolons outside quotes still win, and a consistent count beats a ragged one', () => {
    expect(sniffDelimiter('Datum;AAPL;MSFT\n02.01.2024;"185,5";"370,1"\n03.01.2024;186,25;371\n')).toBe(';');
    expect(sniffDelimiter('"a;b","c;d"\n"1;2","3;4"\n"5;6","7;8"\n')).toBe(',');
    expect(sniffDelimiter('date\tA\tB\n2024-01-02\t1,5\t2,5\n2024-01-03\t1,25\t3\n')).toBe('\t');
  });

  it('a stray quote in an unquoted field falls back to relaxed quoting instead of failing', () => {
    expect(sniffDelimiter('Date,Description,Amount\n2024-01-02,5" screen,10\n2024-01-03,cable,2\n')).toBe(',');
  });
});

describe('numbers that do not fit a double', () => {
  const digits = '9'.repeat(400);

  it('a 400-digit price is an error at its line, not Infinity (plain-digits fast path)', () => {
    const f = parseImportFile(text(`date,A,B\n2024-01-02,1,2\n2024-01-03,${digits},3\n`), 'wide.csv');
    expect(f.wide).toBeNull();
    expect(f.errors).toEqual([expect.objectContaining({ line: 3, column: 'A', message: 'a number of 400 digits is too large to store ("9999999999999999…99999999 (400 characters)")' })]);
  });

  it('the same in a decorated cell ($, thousands) and in a broker amount', () => {
    const yahoo = parseImportFile(text(`Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,1,1,$${digits}.5,1,100\n`), 'AAPL.csv');
    expect(yahoo.errors).toEqual([expect.objectContaining({ line: 2, column: 'Close', message: expect.stringContaining('401 digits is too large') })]);
    const ibkr = parseImportFile(
      text(`Statement,Header,Field Name,Field Value\nDeposits & Withdrawals,Header,Currency,Settle Date,Description,Amount\nDeposits & Withdrawals,Data,USD,2025-01-02,Transfer,${digits}\n`),
      'U1.csv',
    );
    expect(ibkr.errors).toEqual([expect.objectContaining({ line: 3, column: 'Amount', message: expect.stringContaining('400 digits') })]);
    expect(ibkr.transactions).toEqual([]);
  });

  it('the engine refuses non-finite prices and names the asset', async () => {
    const dates = ['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05', '2024-01-08'];
    const values = Float64Array.from([100, 50, 101, 51, 102, 50.5, Infinity, 52, 104, 51.5]);
    const r = await optimizePortfolio({ dates, tickers: ['AAA', 'BBB'], values }, optimizeOptionsSchema.parse({ objective: 'min-volatility' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/AAA are not finite numbers/);
  });
});

describe('DEGIRO fees: the same row (AutoFX + transaction fees) and sibling rows (fees of an order, connection fees)', () => {
  it('German Transactions.csv: AutoFX-Gebühr and Transaktionsgebühren both count, the id after an empty Order-ID is kept', () => {
    const f = parseFixture('degiro-transactions-de.csv');
    expect(f.errors).toEqual([]);
    expect(f.transactions[0]).toMatchObject({ type: 'buy', ticker: 'US0378331005', isin: 'US0378331005', name: 'APPLE INC', fee: 6.81, amount: -1929.89, externalId: 'd41c7e2a-5b1f-4c1e-9a7e-000000000101#0' });
    expect(f.transactions[1]).toMatchObject({ type: 'sell', quantity: -1, fee: 2, amount: 648 });
  });

  it('Account.csv: a trade shows the fee rows of its order; connection and market-access fees are fees in any language', () => {
    const en = parseFixture('degiro-account-en.csv');
    expect(en.transactions.find((t) => t.type === 'sell')).toMatchObject({ fee: 2, amount: 1300.2, name: 'ASML HOLDING' });
    const fees = parseFixture('degiro-account-fees.csv');
    expect(fees.transactions.filter((t) => t.type === 'fee').map((t) => [t.line, t.amount])).toEqual([[4, -2.5], [8, -2]]);
    const de = [
      'Datum,Uhrzeit,Valutadatum,Produkt,ISIN,Beschreibung,FX,Änderung,,Saldo,,Order-ID',
      '03-02-2025,10:00,31-01-2025,,,Einrichtung von Handelsmodalitäten 2025 (Xetra - XET),,EUR,"-2,50",EUR,"97,50",',
      '02-02-2025,10:00,02-02-2025,ISHARES CORE MSCI WORLD,IE00B4L5Y983,ADR/GDR Weitergabegebühr,,EUR,"-0,10",EUR,"100,00",',
      '01-02-2025,09:00,01-02-2025,,,SOFORT Zahlungsgebühr,,EUR,"-0,20",EUR,"100,10",',
    ].join('\n');
    const p = parseImportFile(text(de), 'Account.csv');
    expect(p.skipped).toEqual([]);
    expect(p.transactions.map((t) => [t.type, t.amount])).toEqual([['fee', -2.5], ['fee', -0.1], ['fee', -0.2]]);
  });
});

describe('tickers: the file\'s own wins, a typed one fills in, the preview says which', () => {
  it('a typed ticker does not override AAPL.csv; it does name a Nasdaq file (which has none)', () => {
    const named = parseFixture('AAPL.csv', { ticker: 'MSFT' });
    expect(named.prices.map((s) => s.ticker)).toEqual(['AAPL']);
    expect(named.tickerSource).toBe('file name AAPL.csv');
    expect(named.warnings[0]).toBe("the typed ticker MSFT is not used: the file's name says AAPL");
    const nasdaq = parseFixture('HistoricalData_1704844800000.csv', { ticker: 'MSFT' });
    expect(nasdaq.prices.map((s) => s.ticker)).toEqual(['MSFT']);
    expect(nasdaq.tickerSource).toBe('typed');
  });

  it('Stooq names (spy_us_d.csv, AAPL.US in a bulk file) store the ticker without its market suffix', () => {
    const daily = parseFixture('spy_us_d.csv', { ticker: 'IGNORED' });
    expect(daily.prices.map((s) => s.ticker)).toEqual(['SPY']);
    expect(daily.tickerSource).toBe('file name spy_us_d.csv (market US)');
    expect(parseFixture('stooq-bulk.txt').prices.map((s) => s.ticker)).toEqual(['AAPL', 'MSFT']);
    expect(parseImportFile(text('Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n'), 'aapl.us.txt').prices[0]!.ticker).toBe('AAPL');
    expect(parseFixture('wide-eu-excel.csv').tickerSource).toBe('column headers');
  });
});

describe('rows that move shares without cash', () => {
  it('Fidelity writes a stock split as a DISTRIBUTION: it is stored as a split and the share count holds', () => {
    const f = parseFixture('fidelity-history-split.csv');
    expect(f.errors).toEqual([]);
    expect(f.transactions.find((t) => t.line === 4)).toMatchObject({ type: 'split', ticker: 'NVDA', quantity: 90, amount: 0 });
    expect(f.transactions.find((t) => t.line === 5)).toMatchObject({ type: 'dividend', amount: 0.4 });
    const moves = f.transactions.filter((t) => t.ticker && t.quantity !== null).map((t) => ({ account: t.account, date: t.date, type: t.type, ticker: t.ticker!, quantity: t.quantity! }));
    expect(deriveHoldings(moves)).toEqual([{ account: 'X22334455', ticker: 'NVDA', quantity: 100 }]);
  });

  it('Schwab and Robinhood splits and share transfers carry amount 0, not null', () => {
    expect(parseFixture('schwab-transactions.csv').transactions.find((t) => t.type === 'split')).toMatchObject({ quantity: 90, amount: 0 });
    expect(parseFixture('robinhood-activity.csv').transactions.find((t) => t.type === 'split')).toMatchObject({ quantity: 90, amount: 0 });
    const rh = [
      '"Activity Date","Process Date","Settle Date","Instrument","Description","Trans Code","Quantity","Price","Amount"',
      '"3/4/2025","3/4/2025","3/4/2025","VTI","Vanguard Total Stock Market ETF","ACATI","12","",""',
    ].join('\n');
    expect(parseImportFile(text(rh), 'report.csv').transactions).toEqual([expect.objectContaining({ type: 'deposit', ticker: 'VTI', quantity: 12, amount: 0 })]);
  });
});
