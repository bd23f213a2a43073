/** robust-resample, robust-compare and the CVaR frontier through the real dispatch, SQLite and workers. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/api.js';
import type { FrontierResult } from '../../shared/domain/optimize.js';
import type { ResampleResult, RobustnessComparison } from '../../shared/domain/robust.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { syntheticPrices, toWideCsv } from '../support/synthetic-prices.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir();
const db = join(dir, 'robust.db');
const tickers = ['A', 'B', 'C', 'D', 'E', 'F'];
let runtime: Runtime;

beforeAll(() => {
  const csv = join(dir, 'prices.csv');
  writeFileSync(csv, toWideCsv(syntheticPrices({ tickers, days: 900, seed: 21, start: '2018-01-02' })));
  const imported = frontier(['import', csv, '--db', db, '--json']);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  runtime = createRuntime({ dbPath: db, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
});

afterAll(async () => {
  await runtime?.close();
});

describe('robust service', () => {
  it('robust-resample runs as a job with progress and returns bands, frontiers and the verdict', async () => {
    const events: JobProgress[] = [];
    const stop = runtime.listen((event, payload) => {
      if (event === 'job-progress') events.push(payload as JobProgress);
    });
    const r = await runtime.call('robust-resample', {
      tickers,
      options: { objective: 'max-sharpe', constraints: { bounds: [0, 0.5] } },
      settings: { draws: 25, points: 8, seed: 4 },
      currentWeights: { A: 0.5, B: 0.5 },
      jobId: 'rs-1',
    });
    stop();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const res = r.data as ResampleResult;
    expect(res.frontier).toHaveLength(8);
    expect(res.classicalFrontier.length).toBeGreaterThan(1);
    expect(Object.keys(res.bands)).toEqual(tickers);
    expect(typeof res.current?.withinNoise).toBe('boolean');
    expect(events.some((e) => e.jobId === 'rs-1' && e.total === 26)).toBe(true);
  });

  it('robust-resample refuses normal resampling with Black–Litterman views, clearly', async () => {
    const r = await runtime.call('robust-resample', {
      tickers,
      options: { objective: 'max-sharpe', blackLitterman: { prior: 'equal', views: [{ asset: 'A', return: 0.1 }] } },
      settings: { draws: 5 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/bootstrap/);
  });

  it('optimize-frontier with riskMeasure cvar traces min-CVaR points with rising return', async () => {
    const r = await runtime.call('optimize-frontier', { tickers, points: 6, riskMeasure: 'cvar' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.data as FrontierResult;
    expect(f.points.length).toBeGreaterThan(3);
    for (let k = 1; k < f.points.length; k++) {
      expect(f.points[k]!.expectedReturn).toBeGreaterThan(f.points[k - 1]!.expectedReturn - 1e-12);
      expect(f.points[k]!.cvar!).toBeGreaterThanOrEqual(f.points[k - 1]!.cvar! - 1e-9);
    }
  });

  it('robust-compare backtests each strategy out of sample on the same window', async () => {
    const r = await runtime.call('robust-compare', {
      tickers,
      options: { objective: 'min-volatility' },
      backtest: { walkForward: { kind: 'rolling', days: 252 }, rebalance: { kind: 'calendar', every: 'quarterly' } },
      resampleDraws: 5,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const c = r.data as RobustnessComparison;
    expect(c.rows.map((x) => x.strategy)).toEqual(['classical', 'shrunk', 'resampled', 'worst-case', 'crisis-robust']);
    for (const row of c.rows) {
      expect(row.equity[0]!.date).toBe(c.rows[0]!.equity[0]!.date);
      expect(row.realisedVolatility).toBeGreaterThan(0);
      expect(row.rebalances).toBeGreaterThan(2);
    }
  });
});
