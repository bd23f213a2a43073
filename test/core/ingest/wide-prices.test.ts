import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { priceAt } from '../../../src-main/core/price-matrix.js';
import { parseWidePrices } from '../../../src-main/core/ingest/wide-prices.js';
import { repoRoot } from '../../support/shared-data.js';

const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'test', 'fixtures', name));
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseWidePrices', () => {
  it('reads a wide file: tickers from the header, ascending dates, NaN where empty', () => {
    const { matrix, errors } = parseWidePrices(fixture('prices/wide-sample.csv'), 'wide-sample.csv');
    expect(errors).toEqual([]);
    expect(matrix!.tickers).toEqual(['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT']);
    expect(matrix!.dates[0]).toBe('2015-01-02');
    expect(priceAt(matrix!, 1, 3)).toBeCloseTo(50.412, 10);
    expect(Number.isNaN(priceAt(matrix!, 0, 5))).toBe(true);
    expect([...matrix!.dates].sort()).toEqual(matrix!.dates);
  });

  it('reads a European Excel export: Windows-1252, semicolons, decimal comma, DD.MM.YYYY', () => {
    const r = parseWidePrices(fixture('import/wide-eu-excel.csv'), 'wide-eu-excel.csv');
    expect(r.errors).toEqual([]);
    expect(r.encoding).toBe('windows-1252');
    expect(r.delimiter).toBe(';');
    expect(r.matrix!.tickers).toEqual(['Nestlé', 'Roche', 'Novartis']);
    expect(r.matrix!.dates).toEqual(['2024-01-02', '2024-01-03', '2024-01-04', '2024-01-13']);
    expect(priceAt(r.matrix!, 2, 0)).toBe(1001.25);
    expect(Number.isNaN(priceAt(r.matrix!, 1, 1))).toBe(true);
  });

  it('reads UTF-16 with and without a BOM', () => {
    for (const name of ['import/wide-utf16le.csv', 'import/wide-utf16be-nobom.csv']) {
      const r = parseWidePrices(fixture(name), name);
      expect(r.errors, name).toEqual([]);
      expect(priceAt(r.matrix!, 1, 1)).toBe(20.25);
    }
  });

  it('decides the date order per column: 11/04 is 4 November when the column also has 11/13', () => {
    const r = parseWidePrices(fixture('import/wide-mixed-dates.csv'), 'x.csv');
    expect(r.matrix!.dates).toEqual(['2024-11-04', '2024-11-13', '2024-12-01']);
  });

  it('asks for the date order when every date fits both, and uses the answer', () => {
    const r = parseWidePrices(fixture('import/wide-ambiguous-dates.csv'), 'x.csv');
    expect(r.matrix).toBeNull();
    expect(r.errors[0]!.message).toMatch(/date order/);
    const dmy = parseWidePrices(fixture('import/wide-ambiguous-dates.csv'), 'x.csv', { dateOrder: 'dmy' });
    expect(dmy.matrix!.dates).toEqual(['2024-02-01', '2024-02-02', '2024-02-03']);
    const mdy = parseWidePrices(fixture('import/wide-ambiguous-dates.csv'), 'x.csv', { dateOrder: 'mdy' });
    expect(mdy.matrix!.dates).toEqual(['2024-01-02', '2024-02-02', '2024-03-02']);
  });

  it('names line, column and raw value of every bad cell, and returns no matrix', () => {
    const r = parseWidePrices(bytes('date,A,B\n2024-01-02,1,2\n2024-01-03,x,2\n2024-01-04,3,-4\n2024-01-02,5,6\n'), 'bad.csv');
    expect(r.matrix).toBeNull();
    expect(r.errors).toContainEqual(expect.objectContaining({ line: 3, column: 'A', value: 'x' }));
    expect(r.errors).toContainEqual(expect.objectContaining({ line: 4, column: 'B', value: '-4' }));
    expect(r.errors).toContainEqual(expect.objectContaining({ line: 5, column: 'date', value: '2024-01-02' }));
  });

  it('counts lines as an editor does across CRLF, blank lines and quoted newlines', () => {
    const r = parseWidePrices(bytes('date,"A\nB",C\r\n\r\n2024-01-02,1,2\r\n2024-01-03,1,oops\r\n'), 'x.csv');
    expect(r.errors).toEqual([expect.objectContaining({ line: 5, column: 'C', value: 'oops' })]);
  });

  it('refuses empty, binary and spreadsheet files with a clear message', () => {
    expect(parseWidePrices(new Uint8Array(0), 'e.csv').errors[0]!.message).toMatch(/empty/);
    expect(parseWidePrices(fixture('import/fake-xlsx.csv'), 'f.csv').errors[0]!.message).toMatch(/Excel workbook/);
    expect(parseWidePrices(new Uint8Array([1, 2, 3, 0, 0, 0, 7, 8, 0, 1]), 'b.csv').errors[0]!.message).toMatch(/binary/);
  });

  it('sorts newest-first files and rejects duplicate tickers', () => {
    const r = parseWidePrices(bytes('date,A\n2024-01-03,2\n2024-01-02,1\n'), 'x.csv');
    expect(r.matrix!.dates).toEqual(['2024-01-02', '2024-01-03']);
    expect(Array.from(r.matrix!.values)).toEqual([1, 2]);
    const dup = parseWidePrices(bytes('date,A,A\n2024-01-02,1,2\n'), 'x.csv');
    expect(dup.errors[0]).toMatchObject({ line: 1, column: 'A' });
  });
});
