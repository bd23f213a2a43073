/** Builds small PriceMatrix fixtures from columns of prices (NaN = no price). */
import { mulberry32 } from '../../../src-main/core/backtest/prng.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { businessDays } from '../../support/synthetic-prices.js';

export function matrix(dates: string[], columns: Record<string, number[]>): PriceMatrix {
  const tickers = Object.keys(columns);
  const values = new Float64Array(dates.length * tickers.length);
  tickers.forEach((t, j) => {
    const col = columns[t]!;
    if (col.length !== dates.length) throw new Error(`column ${t} has ${col.length} rows for ${dates.length} dates`);
    col.forEach((v, i) => (values[i * tickers.length + j] = v));
  });
  return { dates, tickers, values };
}

/** Weekday ISO dates from `start` (UTC), `count` of them. */
export const weekdays = businessDays;

/** Deterministic random-walk prices (daily drift/vol per asset) on weekdays; seeded. */
export function syntheticPrices(tickers: string[], days: number, seed = 1, start = '2015-01-01'): PriceMatrix {
  const rand = mulberry32(seed);
  const gauss = (): number => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const dates = weekdays(start, days);
  const m = tickers.length;
  const values = new Float64Array(days * m);
  const market = Array.from({ length: days }, () => gauss());
  for (let j = 0; j < m; j++) {
    const drift = 0.0001 + 0.0004 * (j / Math.max(1, m - 1));
    const vol = 0.008 + 0.012 * ((j * 7) % m) / m;
    let p = 100;
    for (let t = 0; t < days; t++) {
      if (t > 0) p *= 1 + drift + vol * (0.6 * market[t]! + 0.8 * gauss());
      values[t * m + j] = p;
    }
  }
  return { dates, tickers, values };
}
