/** The exchange-rate layouts: ECB history, Yahoo pair files through the price formats, the generic table. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFxFile, yahooPair } from '../../../src-main/core/fx/parse-fx-file.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'fx');
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

describe('parseFxFile', () => {
  it('reads eurofxref-hist.csv: per-EUR rates, N/A cells and the trailing comma skipped', () => {
    const p = parseFxFile(read('eurofxref-hist.csv'), 'eurofxref-hist.csv');
    expect(p.format).toBe('ecb-eurofxref');
    expect(p.errors).toEqual([]);
    // 8 dates × 30 quoted currencies (11 legacy columns are N/A).
    expect(p.rows).toHaveLength(8 * 30);
    expect(p.rows.find((r) => r.date === '2024-03-15' && r.quote === 'USD')).toEqual({ date: '2024-03-15', base: 'EUR', quote: 'USD', rate: 1.0887, line: 4 });
    expect(p.rows.some((r) => r.quote === 'CYP')).toBe(false);
  });

  it('names the line, column and value of a bad ECB cell', () => {
    const p = parseFxFile(read('eurofxref-bad.csv'), 'eurofxref-bad.csv');
    expect(p.errors[0]).toMatchObject({ line: 4, column: 'USD', value: '1.08x7' });
  });

  it('reads a Yahoo EURUSD=X.csv through the yahoo-finance layout, the pair from the ticker', () => {
    const p = parseFxFile(read('EURUSD=X.csv'), 'EURUSD=X.csv');
    expect(p.format).toBe('yahoo-fx');
    expect(p.errors).toEqual([]);
    expect(p.rows).toHaveLength(6);
    expect(p.rows[0]).toEqual({ date: '2024-03-08', base: 'EUR', quote: 'USD', rate: 1.094751, line: 2 });
    expect(p.skipped.length).toBeGreaterThan(0);
    expect(yahooPair('JPY=X')).toEqual({ base: 'USD', quote: 'JPY' });
    expect(yahooPair('AAPL')).toBeNull();
  });

  it('reads date,base,quote,rate and rejects a bad currency code with its line', () => {
    const p = parseFxFile(read('fx-generic.csv'), 'fx-generic.csv');
    expect(p.format).toBe('fx-generic');
    expect(p.rows).toHaveLength(4);
    expect(p.rows[3]).toEqual({ date: '2024-03-13', base: 'USD', quote: 'SEK', rate: 10.3049, line: 5 });
    const bad = parseFxFile(read('fx-generic-bad.csv'), 'fx-generic-bad.csv');
    expect(bad.errors[0]).toMatchObject({ line: 3, column: 'quote', value: 'SEKK' });
  });

  it('refuses a price file that is not named after a currency pair, and a wide file of tickers', () => {
    const yahoo = readFileSync(join(dir, 'EURUSD=X.csv'));
    expect(parseFxFile(new Uint8Array(yahoo), 'AAPL.csv').errors[0]!.message).toContain('not an exchange-rate file');
    const wide = new TextEncoder().encode('Date,SPY,QQQ\n2024-01-02,470.1,400.2\n');
    expect(parseFxFile(wide, 'prices.csv').errors[0]!.message).toContain('not an exchange-rate file');
  });
});
