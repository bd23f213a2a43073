/**
 * The report reads its price facts from SQLite without loading the whole price matrix: the window from
 * an aggregate, last prices by index, rows only for the heatmap's assets. They must equal the facts
 * computed the plain way (every price of every asset, windowed, then marketFacts).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PriceWindow } from '../../shared/domain/optimize.js';
import type { PriceMatrix } from '../../src-main/core/price-matrix.js';
import { HEATMAP_MAX_ASSETS, marketFacts } from '../../src-main/report/market-facts.js';
import { storedReportPrices } from '../../src-main/services/report-service.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { createBatch, insertPrices } from '../../src-main/store/import-repo.js';
import { loadPriceMatrix } from '../../src-main/store/prices-repo.js';
import { syntheticPrices } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';
import { fixtureScenario } from './fixtures.js';

/** The window's rows the way the engine reads them (complete rows only, then the last N returns). */
function windowRows(m: PriceMatrix, window: PriceWindow): PriceMatrix {
  const n = m.tickers.length;
  let rows = m.dates.map((_, t) => t);
  if (window.completeRows) rows = rows.filter((t) => m.values.subarray(t * n, t * n + n).every((v) => Number.isFinite(v)));
  if (window.last !== undefined && rows.length > window.last + 1) rows = rows.slice(rows.length - window.last - 1);
  const values = new Float64Array(rows.length * n);
  rows.forEach((t, k) => values.set(m.values.subarray(t * n, t * n + n), k * n));
  return { dates: rows.map((t) => m.dates[t]!), tickers: m.tickers.slice(), values };
}

describe('storedReportPrices', () => {
  const dir = tempDir('frontier-report-prices-');
  let runtime: Runtime;
  // More assets than the heatmap shows, so only some are read row by row.
  const scenario = fixtureScenario({ n: HEATMAP_MAX_ASSETS + 8, name: 'Gappy' });
  const prices = syntheticPrices({ tickers: scenario.tickers, days: 400, start: '2022-01-03', lateStart: { [scenario.tickers[3]!]: 40 } });

  beforeAll(() => {
    runtime = createRuntime({ dbPath: join(dir, 'prices.db'), mode: 'cli', makePrinter: async () => Promise.reject(new Error('no printing here')) });
    const { db } = runtime.ctx;
    const n = prices.tickers.length;
    db.transaction(() => {
      const batchId = createBatch(db, { fileName: 'gappy.csv', sha256: 'a'.repeat(64), format: 'wide', kind: 'prices' });
      const series = prices.tickers.map((ticker, j) => {
        // Each asset misses some days entirely (no row); asset 3 has rows without a price at first.
        const keep = prices.dates.map((_, t) => t).filter((t) => (t + j) % (9 + (j % 5)) !== 0);
        const col = Float64Array.from(keep, (t) => prices.values[t * n + j]!);
        const nan = new Float64Array(keep.length).fill(Number.NaN);
        return { ticker, currency: 'USD', dates: keep.map((t) => prices.dates[t]!), open: nan, high: nan, low: nan, close: col, adjClose: col, volume: nan };
      });
      insertPrices(db, series, batchId);
    })();
  });
  afterAll(async () => {
    await runtime?.close();
  });

  const windows: PriceWindow[] = [
    { completeRows: false },
    { completeRows: false, start: '2022-03-01', end: '2023-01-31' },
    { completeRows: true },
    { completeRows: false, last: 120 },
    { completeRows: true, last: 60, end: '2023-04-28' },
  ];
  for (const window of windows) {
    it(`matches the facts of the full matrix for window ${JSON.stringify(window)}`, () => {
      const s = { ...scenario, window };
      const weights = s.results?.optimize?.weights;
      const reference = marketFacts(windowRows(loadPriceMatrix(runtime.ctx.db, s.tickers, window.start, window.end), window), weights);
      const fast = storedReportPrices(runtime.ctx.db, s);
      expect(fast).not.toBeNull();
      expect(fast!.heatmap.tickers).toHaveLength(HEATMAP_MAX_ASSETS);
      expect(fast!.dataWindow).toEqual(reference.dataWindow);
      expect(fast!.lastPrices).toEqual(reference.lastPrices);
      // What the worker then derives from the heatmap's prices, with the service's facts winning.
      const derived = { ...marketFacts(fast!.heatmap, weights), lastPrices: fast!.lastPrices, dataWindow: fast!.dataWindow };
      expect(derived.correlation?.tickers).toEqual(reference.correlation?.tickers);
      const a = derived.correlation!.matrix.flat();
      const b = reference.correlation!.matrix.flat();
      a.forEach((x, k) => (Number.isNaN(b[k]!) ? expect(x).toBeNaN() : expect(x).toBeCloseTo(b[k]!, 12)));
    });
  }

  it('is null for tickers without stored prices or a window under two rows', () => {
    expect(storedReportPrices(runtime.ctx.db, { ...scenario, tickers: [...scenario.tickers, 'NOPE'] })).toBeNull();
    expect(storedReportPrices(runtime.ctx.db, { ...scenario, window: { completeRows: false, start: '2022-01-03', end: '2022-01-03' } })).toBeNull();
  });
});
