/** Deterministic synthetic prices (one market factor + noise) for tests that need no reference data. */
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
}

export function normal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

/** n assets × (T+1) business-day prices; asset i drifts by drift(i) per day. */
export function syntheticPrices(n: number, T: number, seed = 7, drift = (i: number) => 0.0002 + 0.0001 * (i % 5)): PriceMatrix {
  const u = rng(seed);
  const beta = Array.from({ length: n }, () => 0.5 + u());
  const vol = Array.from({ length: n }, () => 0.006 + 0.012 * u());
  const values = new Float64Array((T + 1) * n).fill(100);
  const dates: string[] = [];
  const d = new Date(Date.UTC(2015, 0, 1));
  for (let t = 0; t <= T; t++) {
    dates.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
    if (t === 0) continue;
    const f = 0.01 * normal(u);
    for (let i = 0; i < n; i++) {
      const r = drift(i) + beta[i]! * f + vol[i]! * normal(u);
      values[t * n + i] = values[(t - 1) * n + i]! * Math.exp(r);
    }
  }
  return { dates, tickers: Array.from({ length: n }, (_, i) => `S${String(i).padStart(2, '0')}`), values };
}
