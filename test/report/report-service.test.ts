/**
 * `report-export` through the real runtime: a SQLite file in a temp dir with stored prices and a saved
 * scenario, validated by the API schema, printed by the system Chromium.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api.js';
import { createChromiumPrinter } from '../../src-main/host/chromium-printer.js';
import { reportFormat } from '../../src-main/report/format.js';
import { lastPrices } from '../../src-main/report/market-facts.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { createBatch, insertPrices, setBatchRows } from '../../src-main/store/import-repo.js';
import type { PriceMatrix } from '../../src-main/core/price-matrix.js';
import { syntheticPrices } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';
import { fixtureScenario } from './fixtures.js';
import { pdfInfo, pdfText, pdfToolsMissing } from './pdf-tools.js';

function storePrices(runtime: Runtime, m: PriceMatrix): void {
  const { db } = runtime.ctx;
  const n = m.tickers.length;
  const T = m.dates.length;
  db.transaction(() => {
    const batchId = createBatch(db, { fileName: 'synthetic.csv', sha256: 'f'.repeat(64), format: 'wide', kind: 'prices' });
    const series = m.tickers.map((ticker, j) => {
      const col = Float64Array.from({ length: T }, (_, t) => m.values[t * n + j]!);
      const nan = new Float64Array(T).fill(Number.NaN);
      return { ticker, currency: 'USD', dates: m.dates, open: nan, high: nan, low: nan, close: col, adjClose: col, volume: nan };
    });
    setBatchRows(db, batchId, insertPrices(db, series, batchId));
  })();
}

describe.skipIf(pdfToolsMissing !== null)('report-export service', () => {
  const dir = tempDir('frontier-report-service-');
  let runtime: Runtime;
  let prices: PriceMatrix;
  const fixture = fixtureScenario({ n: 4, name: 'Stored scenario' });

  beforeAll(() => {
    runtime = createRuntime({ dbPath: join(dir, 'frontier.db'), mode: 'cli', makePrinter: async () => createChromiumPrinter() });
    prices = syntheticPrices({ tickers: fixture.tickers, days: 260, start: '2023-01-02' });
    storePrices(runtime, prices);
  });
  afterAll(async () => {
    await runtime?.close();
  });

  async function save(name: string, tickers = fixture.tickers): Promise<number> {
    const { results, ...file } = fixture;
    const saved = await runtime.call('scenario-save', { scenario: { ...file, name, tickers, window: {} }, results });
    if (!saved.ok) throw new Error(saved.error.message);
    return (saved.data as { id: number }).id;
  }

  it('prints a stored scenario with trades at stored prices, correlations and progress events', async () => {
    const id = await save('Stored scenario');
    const events: JobProgress[] = [];
    const stop = runtime.listen((event, payload) => {
      if (event === 'job-progress') events.push(payload as JobProgress);
    });
    const result = await runtime.call('report-export', { scenarioId: id, jobId: 'report-1', portfolioValue: 250_000, currency: 'EUR', locale: 'de-DE' });
    stop();
    expect(result.ok, JSON.stringify(result)).toBe(true);
    const data = (result as { ok: true; data: { fileName: string; pdfBase64: string; pages: number; sections: string[] } }).data;
    const pdf = Buffer.from(data.pdfBase64, 'base64');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(data.fileName).toMatch(/^stored-scenario-\d{4}-\d{2}-\d{2}\.pdf$/);
    const path = join(dir, data.fileName);
    writeFileSync(path, pdf);
    expect(pdfInfo(path).pages).toBe(data.pages);
    expect(data.sections).toContain('correlation');
    const text = pdfText(path);
    // German number format, prices from the store, trades in euros.
    const fmt = reportFormat('de-DE', 'EUR');
    const last = lastPrices(prices);
    for (const t of fixture.tickers) expect(text).toContain(fmt.num(last[t]!, 2));
    expect(text).toContain(fmt.pct(fixture.results!.optimize!.weights[fixture.tickers[0]!]!));
    expect(text).toContain(`${prices.dates[0]} to ${prices.dates.at(-1)}`);
    expect(text).toContain('EUR');
    // Progress: for this job only, never going backwards, ending complete.
    expect(events.length).toBeGreaterThan(3);
    expect(events.every((e) => e.jobId === 'report-1')).toBe(true);
    const last_ = events.at(-1)!;
    expect(last_.done).toBe(last_.total);
    const known = events.filter((e) => e.total > 0).map((e) => e.done / e.total);
    expect(known).toEqual([...known].sort((a, b) => a - b));
  });

  it('prints a scenario whose tickers have no stored prices, without the price-based parts', async () => {
    const id = await save('Imported from a file', ['TAX', 'TBX', 'TCX', 'NOPE']);
    const result = await runtime.call('report-export', { scenarioId: id, sections: ['cover', 'weights', 'correlation'] });
    expect(result.ok).toBe(true);
    expect((result as { ok: true; data: { sections: string[] } }).data.sections).toEqual(['cover', 'weights']);
  });

  it('refuses bad requests with typed errors', async () => {
    const missing = await runtime.call('report-export', { scenarioId: 9999 });
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
    const badLogo = await runtime.call('report-export', { scenarioId: 1, logo: 'https://example.com/logo.png' });
    expect(badLogo.ok ? null : badLogo.error.code).toBe('invalid-request');
    const badPaper = await runtime.call('report-export', { scenarioId: 1, paper: 'a3' });
    expect(badPaper.ok ? null : badPaper.error.code).toBe('invalid-request');
  });
});
