/** The report-html job in a real worker pool: progress per section, and cancel between sections. */
import { afterAll, describe, expect, it } from 'vitest';
import { FrontierError } from '../../shared/api.js';
import { REPORT_SECTION_ORDER } from '../../shared/api/reports.js';
import { createJobPool } from '../../src-main/jobs/pool.js';
import { syntheticPrices } from '../support/synthetic-prices.js';
import { fixtureScenario } from './fixtures.js';

describe('report-html job', () => {
  // A long grace period: the cancel test must pass because the job stops itself, not because it was killed.
  const pool = createJobPool({ size: 1, cancelGraceMs: 120_000 });
  afterAll(async () => {
    await pool.close();
  });

  it('builds the HTML in a worker, deriving price facts there, with progress', async () => {
    const scenario = fixtureScenario({ n: 6, backtest: true });
    const prices = syntheticPrices({ tickers: scenario.tickers, days: 300 });
    const progress: [number, number][] = [];
    const built = await pool.run(
      'report-html',
      { input: { scenario }, options: { paper: 'a4', generatedAt: new Date('2026-11-22T00:00:00Z') }, prices },
      { onProgress: (done, total) => progress.push([done, total]), transfer: [prices.values.buffer as ArrayBuffer] },
    );
    expect(built.sections).toContain('correlation'); // computed from the transferred prices
    expect(built.sections).toContain('backtest');
    expect(built.html).toContain(`${prices.dates[0]} to ${prices.dates.at(-1)}`);
    expect(progress.length).toBeGreaterThan(0);
    // Total counts the print step the caller does after the job.
    expect(progress.every(([, total]) => total === REPORT_SECTION_ORDER.length + 1)).toBe(true);
    // Throttled in the worker, so not every section reports, but progress never goes back.
    const done = progress.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)!).toBeLessThanOrEqual(REPORT_SECTION_ORDER.length);
  });

  it('stops between sections when cancelled', async () => {
    const scenario = fixtureScenario({ n: 100, views: true, backtest: true, stress: true, holdings: true, years: 20 });
    const compare = [{ ...fixtureScenario({ n: 100, seed: 3 }), name: 'B' }, { ...fixtureScenario({ n: 100, seed: 4 }), name: 'C' }];
    const seen: number[] = [];
    const run = pool.run(
      'report-html',
      { input: { scenario, compare }, options: { paper: 'a4' } },
      {
        jobId: 'report-cancel',
        onProgress: (done) => {
          seen.push(done);
          if (seen.length === 1) pool.cancel('report-cancel');
        },
      },
    );
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FrontierError);
    expect((error as FrontierError).code).toBe('cancelled');
    expect(Math.max(...seen)).toBeLessThan(REPORT_SECTION_ORDER.length);
  });
});
