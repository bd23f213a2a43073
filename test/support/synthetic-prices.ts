/**
 * Seeded synthetic daily prices (a one-factor model with per-asset drift and volatility), so tests and
 * benchmarks have realistic data without the reference data sets.
 */
import { mulberry32 } from '../../src-main/core/backtest/prng.js';
import type { PriceMatrix } from '../../src-main/core/price-matrix.js';

/** Seeded uniform numbers in [0, 1) (the engine's own PRNG, so there is one). */
export const seededRandom = mulberry32;

export function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

/** Business days from a start date, as ISO strings. */
export function businessDays(start: string, count: number): string[] {
  const out: string[] = [];
  const d = new Date(`${start}T00:00:00Z`);
  while (out.length < count) {
    const day = d.getUTCDay();
    if (day !== 0 && day !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

export interface SyntheticOptions {
  tickers: string[];
  days: number;
  seed?: number;
  start?: string;
  /** Leading rows with no price, per ticker (assets that start later). */
  lateStart?: Record<string, number>;
}

export function syntheticPrices(o: SyntheticOptions): PriceMatrix {
  const normal = gaussian(seededRandom(o.seed ?? 42));
  const n = o.tickers.length;
  const dates = businessDays(o.start ?? '2015-01-02', o.days);
  const beta = o.tickers.map((_, j) => 0.6 + 0.8 * ((j * 37) % 11) / 10);
  const vol = o.tickers.map((_, j) => 0.006 + 0.012 * ((j * 53) % 13) / 12);
  const drift = o.tickers.map((_, j) => 0.0001 + 0.0006 * ((j * 29) % 7) / 6);
  const values = new Float64Array(o.days * n);
  const level = o.tickers.map((_, j) => 20 + 10 * j);
  for (let t = 0; t < o.days; t++) {
    const market = 0.009 * normal();
    for (let j = 0; j < n; j++) {
      if (t > 0) level[j] = level[j]! * (1 + drift[j]! + beta[j]! * market + vol[j]! * normal());
      const late = o.lateStart?.[o.tickers[j]!] ?? 0;
      values[t * n + j] = t < late ? Number.NaN : Math.round(level[j]! * 10000) / 10000;
    }
  }
  return { dates, tickers: [...o.tickers], values };
}

/** The wide CSV form: `date,T1,T2…`, empty cells for missing prices. */
export function toWideCsv(m: PriceMatrix): string {
  const n = m.tickers.length;
  const lines = [`date,${m.tickers.join(',')}`];
  for (let t = 0; t < m.dates.length; t++) {
    const row = [m.dates[t]!];
    for (let j = 0; j < n; j++) {
      const v = m.values[t * n + j]!;
      row.push(Number.isNaN(v) ? '' : String(v));
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}
