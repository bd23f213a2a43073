import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../../src-main/core/ingest/parse-file.js';
import { on, parseFixture } from './fixtures.js';

describe('price formats, detected from content', () => {
  it('Yahoo Finance: null rows skipped with their line, adjusted close kept, ticker from the file name', () => {
    const f = parseFixture('AAPL.csv');
    expect(f.format).toBe('yahoo-finance');
    expect(f.errors).toEqual([]);
    expect(f.skipped).toEqual([{ line: 4, reason: expect.stringMatching(/null/) }]);
    const s = f.prices[0]!;
    expect(s.ticker).toBe('AAPL');
    expect(s.dates).toEqual(['2024-01-02', '2024-01-03', '2024-01-05']);
    expect(on(s, '2024-01-03')).toMatchObject({ close: 184.25, adjClose: 183.150375, volume: 58414500 });
  });

  it('Nasdaq.com: $ prices, MM/DD/YYYY newest first, needs a ticker', () => {
    const none = parseFixture('HistoricalData_1704844800000.csv');
    expect(none.format).toBe('nasdaq-com');
    expect(none.errors[0]!.message).toMatch(/ticker/);
    const f = parseFixture('HistoricalData_1704844800000.csv', { ticker: 'AAPL' });
    expect(f.errors).toEqual([]);
    const s = f.prices[0]!;
    expect(s.dates).toEqual(['2023-12-29', '2024-01-03', '2024-01-04', '2024-01-05']);
    expect(on(s, '2024-01-04')).toMatchObject({ close: 181.91, open: 182.15, high: 183.0872, low: 180.88, volume: 71983570 });
  });

  it('Stooq daily: ticker and market from the file name', () => {
    const f = parseFixture('spy_us_d.csv');
    expect(f.format).toBe('stooq');
    expect(f.prices[0]!.ticker).toBe('SPY');
    expect(f.tickerSource).toBe('file name spy_us_d.csv (market US)');
    expect(on(f.prices[0], '2024-01-04').close).toBe(467.28);
  });

  it('Stooq bulk: several tickers, YYYYMMDD dates', () => {
    const f = parseFixture('stooq-bulk.txt');
    expect(f.format).toBe('stooq-bulk');
    expect(f.prices.map((s) => s.ticker)).toEqual(['AAPL', 'MSFT']);
    expect(on(f.prices[1], '2024-01-02').close).toBe(370.87);
  });

  it('Investing.com: quoted thousands, B/M volumes, % column ignored, BOM', () => {
    const f = parseFixture('S&P 500 Historical Data.csv', { ticker: 'SPX' });
    expect(f.format).toBe('investing-com');
    expect(f.encoding).toBe('utf-8-bom');
    expect(f.errors).toEqual([]);
    const s = f.prices[0]!;
    expect(on(s, '2024-01-04')).toMatchObject({ close: 4688.68, open: 4697.42, volume: 3.72e9 });
    expect(Number.isNaN(on(s, '2024-01-03').volume)).toBe(true);
    expect(s.dates[0]).toBe('2023-12-29');
  });

  it('Google Sheets: M/D/YYYY 16:00:00 dates and #N/A rows skipped', () => {
    const f = parseFixture('Portfolio - AAPL.csv', { ticker: 'AAPL' });
    expect(f.format).toBe('google-sheets');
    expect(f.skipped).toEqual([{ line: 4, reason: expect.stringMatching(/#N\/A/) }]);
    expect(on(f.prices[0], '2024-01-16').close).toBe(183.63);
  });

  it('yfinance multi-row header: field-then-ticker columns', () => {
    const f = parseFixture('yfinance-download.csv');
    expect(f.format).toBe('yfinance');
    const msft = f.prices.find((s) => s.ticker === 'MSFT');
    expect(on(msft, '2024-01-03')).toMatchObject({ close: 367.6002197265625, high: 372, volume: 23083500 });
  });

  it("the file name's ticker wins over a typed one, which is for files without a ticker (issue 18)", () => {
    expect(parseFixture('AAPL.csv', { ticker: 'APPLE' }).prices[0]!.ticker).toBe('AAPL');
  });

  it('a price row with a bad number is an error naming line, column and value', () => {
    const bytes = new TextEncoder().encode('Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.5,100\n2024-01-03,1,2,0.5,1..5,1.5,100\n');
    const f = parseImportFile(bytes, 'X.csv');
    expect(f.errors).toEqual([expect.objectContaining({ line: 3, column: 'Close', value: '1..5' })]);
  });
});
