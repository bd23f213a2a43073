/** Seeded synthetic returns with known loadings: r_t = B f_t + ε_t (+ RF), for the factor-model tests. */
import { businessDays, gaussian, seededRandom } from '../../support/synthetic-prices.js';
import type { ReturnMatrix } from '../../../src-main/core/stats/returns.js';
import type { FactorSeries } from '../../../shared/domain/factors.js';

export function normals(seed: number): () => number {
  return gaussian(seededRandom(seed));
}

export interface Synthetic {
  returns: ReturnMatrix;
  series: FactorSeries;
  loadings: number[][];
  factorVol: number[];
  noiseVol: number[];
}

/** n assets on k factors over T business-day dates from 2015-01-05; factor vol 1 %, noise 0.5–1.5 %, RF 0.01 %. */
export function synthetic(n: number, k: number, T: number, seed = 1): Synthetic {
  const z = normals(seed);
  const loadings = Array.from({ length: n }, () => Array.from({ length: k }, () => 0.2 + z() * 0.6));
  const factorVol = Array.from({ length: k }, (_, a) => 0.01 / (1 + 0.3 * a));
  const noiseVol = Array.from({ length: n }, (_, i) => 0.005 + (0.01 * i) / Math.max(1, n - 1));
  const dates = businessDays('2015-01-05', T);
  const values = new Float64Array(T * n);
  const rows: (number | null)[][] = [];
  const rf = 0.0001;
  for (let t = 0; t < T; t++) {
    const f = factorVol.map((v) => v * z());
    rows.push([...f, rf]);
    for (let i = 0; i < n; i++) {
      let r = rf + noiseVol[i]! * z();
      for (let a = 0; a < k; a++) r += loadings[i]![a]! * f[a]!;
      values[t * n + i] = r;
    }
  }
  const factors = Array.from({ length: k }, (_, a) => `F${a + 1}`);
  return {
    returns: { dates, tickers: Array.from({ length: n }, (_, i) => `A${i}`), values, n, T },
    series: { set: 'SYN', frequency: 'daily', factors: [...factors, 'RF'], dates, values: rows },
    loadings,
    factorVol,
    noiseVol,
  };
}
