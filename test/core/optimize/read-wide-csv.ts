/** Minimal wide-CSV reader for tests (date column + one numeric column per ticker, empty = missing). */
import { readFileSync } from 'node:fs';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';

export function readWideCsv(path: string): PriceMatrix {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const tickers = lines[0]!.split(',').slice(1);
  const n = tickers.length;
  const dates: string[] = [];
  const values = new Float64Array((lines.length - 1) * n);
  for (let t = 1; t < lines.length; t++) {
    const cells = lines[t]!.split(',');
    dates.push(cells[0]!);
    for (let j = 0; j < n; j++) {
      const c = cells[j + 1];
      values[(t - 1) * n + j] = c === undefined || c === '' ? NaN : Number(c);
    }
  }
  return { dates, tickers, values };
}
