/** Correlation of daily returns: the one implementation behind the app's heatmap, the report's and the API's. */
import type { PriceMatrix } from '../price-matrix.js';
import { returnsFromPrices, type ReturnMatrix } from './returns.js';

/**
 * Pearson correlation of daily simple returns (returns.ts: p_t/p_{t−1} − 1, no forward fill), pairwise
 * complete: a pair uses the days where both assets have a return. NaN where a pair has fewer than 3
 * common returns or a series is constant; the diagonal is 1 for any asset with varying returns.
 */
export function returnCorrelation(m: PriceMatrix): number[][] {
  const n = m.tickers.length;
  const c = correlationOfReturns(returnsFromPrices(m));
  return Array.from({ length: n }, (_, i) => Array.from(c.subarray(i * n, (i + 1) * n)));
}

/**
 * The same pairwise-complete correlation (pandas `DataFrame.corr()`: each pair's means and deviations
 * from the days both exist) of a return matrix, n×n row-major. HRP clusters on it.
 */
export function correlationOfReturns(r: ReturnMatrix): Float64Array {
  const { n, T, values } = r;
  const out = new Float64Array(n * n).fill(Number.NaN);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let k = 0;
      let sx = 0;
      let sy = 0;
      for (let t = 0; t < T; t++) {
        const x = values[t * n + i]!;
        const y = values[t * n + j]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        k++;
        sx += x;
        sy += y;
      }
      if (k < 3) continue;
      const mx = sx / k;
      const my = sy / k;
      let cxy = 0;
      let cxx = 0;
      let cyy = 0;
      for (let t = 0; t < T; t++) {
        const x = values[t * n + i]!;
        const y = values[t * n + j]!;
        if (Number.isNaN(x) || Number.isNaN(y)) continue;
        cxy += (x - mx) * (y - my);
        cxx += (x - mx) ** 2;
        cyy += (y - my) ** 2;
      }
      const c = cxx > 0 && cyy > 0 ? cxy / Math.sqrt(cxx * cyy) : Number.NaN;
      out[i * n + j] = i === j && cxx > 0 ? 1 : c;
      out[j * n + i] = out[i * n + j]!;
    }
  }
  return out;
}
