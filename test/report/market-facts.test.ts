import { describe, expect, it } from 'vitest';
import { returnCorrelation } from '../../src-main/core/stats/correlation.js';
import { heatmapTickers, lastPrices, marketFacts } from '../../src-main/report/market-facts.js';
import type { PriceMatrix } from '../../src-main/core/price-matrix.js';

/** Builds a matrix from columns of prices (NaN = missing). */
function matrix(columns: Record<string, number[]>): PriceMatrix {
  const tickers = Object.keys(columns);
  const T = columns[tickers[0]!]!.length;
  const values = new Float64Array(T * tickers.length);
  tickers.forEach((t, j) => columns[t]!.forEach((v, i) => (values[i * tickers.length + j] = v)));
  return { dates: Array.from({ length: T }, (_, i) => `2024-01-${String(i + 1).padStart(2, '0')}`), tickers, values };
}

describe('market facts for reports', () => {
  it('correlates daily returns pairwise-complete', () => {
    // B's returns are twice A's (+1 correlation); C moves against A (−1); D is missing a day.
    const a = [100, 101, 99, 102, 100, 103];
    const b = a.reduce<number[]>((acc, _, i) => {
      acc.push(i === 0 ? 50 : acc[i - 1]! * (1 + 2 * (a[i]! / a[i - 1]! - 1)));
      return acc;
    }, []);
    const c = a.reduce<number[]>((acc, _, i) => {
      acc.push(i === 0 ? 20 : acc[i - 1]! * (1 - (a[i]! / a[i - 1]! - 1)));
      return acc;
    }, []);
    const d = [10, Number.NaN, 11, Number.NaN, 12, 13];
    const r = returnCorrelation(matrix({ A: a, B: b, C: c, D: d }));
    expect(r[0]![1]).toBeCloseTo(1, 12);
    expect(r[0]![2]).toBeCloseTo(-1, 12);
    expect(r[1]![0]).toBe(r[0]![1]);
    expect(r[0]![0]).toBe(1);
    expect(r[3]![3]).toBeNaN(); // one return is no basis for a correlation, even with itself
    // D has a return only from day 5 to 6 (a return needs both prices): fewer than 3 common returns.
    expect(r[0]![3]).toBeNaN();
  });

  it('takes the last available price and the dates actually covered', () => {
    const m = matrix({ A: [1, 2, 3], B: [5, 6, Number.NaN] });
    expect(lastPrices(m)).toEqual({ A: 3, B: 6 });
    const facts = marketFacts(m);
    expect(facts.dataWindow).toEqual({ start: '2024-01-01', end: '2024-01-03', returns: 2 });
  });

  it('keeps the largest holdings for the heatmap, in universe order', () => {
    const tickers = ['A', 'B', 'C', 'D', 'E'];
    expect(heatmapTickers(tickers, { A: 0.1, B: 0.4, C: 0.05, D: 0.3, E: 0.15 }, 3)).toEqual(['B', 'D', 'E']);
    expect(heatmapTickers(tickers, undefined, 2)).toEqual(['A', 'B']);
    expect(heatmapTickers(tickers, {}, 10)).toEqual(tickers);
    const m = matrix({ A: [1, 2, 3, 4], B: [2, 3, 5, 4], C: [3, 2, 4, 5] });
    expect(marketFacts(m, { C: 0.9, A: 0.1 }).correlation?.tickers).toEqual(['A', 'B', 'C']);
  });
});
