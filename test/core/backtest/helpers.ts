/** Builds small PriceMatrix fixtures from columns of prices (NaN = no price). */
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';

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
export function weekdays(start: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** Deterministic random-walk prices (daily drift/vol per asset) on weekdays; seeded. */
export function syntheticPrices(tickers: string[], days: number, seed = 1, start = '2015-01-01'): PriceMatrix {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
