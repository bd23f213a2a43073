/** backtest-run / stress-run through the real dispatch, a real SQLite file and real worker threads. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport, StressReport } from '../../shared/api/backtest.js';
import type { JobProgress } from '../../shared/api.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { syntheticPrices } from '../core/backtest/helpers.js';

const dir = tempDir();
const db = join(dir, 'bt.db');
const tickers = Array.from({ length: 30 }, (_, j) => `S${String(j).padStart(2, '0')}`);
const prices = syntheticPrices([...tickers, 'IDX'], 1500, 9, '2012-01-02');
let runtime: Runtime;

beforeAll(() => {
  const csv = join(dir, 'prices.csv');
  const m = prices.tickers.length;
  const lines = [['date', ...prices.tickers].join(',')];
  prices.dates.forEach((d, t) => lines.push([d, ...prices.tickers.map((_, j) => prices.values[t * m + j]!.toFixed(6))].join(',')));
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const imported = frontier(['import', csv, '--db', db, '--json']);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  runtime = createRuntime({ dbPath: db, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
});

afterAll(async () => {
  await runtime?.close();
});

describe('backtest service', () => {
  it('runs a walk-forward backtest with a benchmark, reporting progress for its job id', async () => {
    const events: JobProgress[] = [];
    const stop = runtime.listen((event, payload) => {
      if (event === 'job-progress') events.push(payload as JobProgress);
    });
    const r = await runtime.call('backtest-run', {
      tickers: tickers.slice(0, 5),
      options: { objective: 'min-volatility' },
      settings: { walkForward: { kind: 'rolling', days: 252 }, rebalance: { kind: 'calendar', every: 'quarterly' }, costBps: 5, benchmark: 'IDX' },
      jobId: 'bt-1',
    });
    stop();
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const report = (r as { ok: true; data: BacktestReport }).data;
    expect(report.equity[0]!.date).toBe(prices.dates[251]);
    expect(report.benchmark![0]!.value).toBeCloseTo(10_000, 6);
    expect(report.metrics.benchmark).toBeDefined();
    expect(Object.keys(report.rebalances[1]!.weights).every((t) => tickers.slice(0, 5).includes(t))).toBe(true);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.jobId === 'bt-1')).toBe(true);
  });

  it('validates settings and names stray weights', async () => {
    const bad = await runtime.call('backtest-run', { tickers: ['S00'], settings: { rebalance: { kind: 'band', band: 2 } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-request');
    const stray = await runtime.call('backtest-run', { tickers: ['S00'], settings: { weights: { S00: 0.5, NOPE: 0.5 } } });
    expect(stray.ok).toBe(false);
    if (!stray.ok) {
      expect(stray.error.code).toBe('user-error');
      expect(stray.error.message).toContain('NOPE');
    }
  });

  it('can be cancelled while it runs', async () => {
    let cancelled = false;
    const stop = runtime.listen((event, payload) => {
      if (event === 'job-progress' && (payload as JobProgress).jobId === 'bt-cancel' && !cancelled) {
        cancelled = true;
        void runtime.call('job-cancel', { jobId: 'bt-cancel' });
      }
    });
    const r = await runtime.call('backtest-run', {
      tickers,
      options: { objective: 'max-sharpe' },
      settings: { walkForward: { kind: 'expanding' }, rebalance: { kind: 'calendar', every: 'monthly' }, minHistory: 60 },
      jobId: 'bt-cancel',
    });
    stop();
    expect(cancelled).toBe(true);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('cancelled');
  });

  it('runs the stress tests on stored prices', async () => {
    const r = await runtime.call('stress-run', {
      tickers: ['S00', 'S01', 'S02'],
      settings: { weights: { S00: 0.4, S01: 0.4, S02: 0.2 }, correlation: 0.95, monteCarlo: { paths: 1000 }, benchmark: 'IDX' },
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const s = (r as { ok: true; data: StressReport }).data;
    expect(s.correlationShock.shocked.averageCorrelation).toBeGreaterThanOrEqual(0.95 - 1e-9);
    expect(s.monteCarlo.historyDays).toBe(1499);
    expect(s.windows.map((w) => w.name)).toContain('COVID-19 crash');
  });

  it('honours the window: the last N returns for backtests and stress tests', async () => {
    const weights = { S00: 0.5, S01: 0.5 };
    const bt = await runtime.call('backtest-run', { tickers: ['S00', 'S01'], window: { last: 300 }, settings: { weights, benchmark: 'IDX' } });
    expect(bt.ok, JSON.stringify(bt)).toBe(true);
    const report = (bt as { ok: true; data: BacktestReport }).data;
    expect(report.equity.map((e) => e.date)).toEqual(prices.dates.slice(1500 - 301));
    expect(report.benchmark).toHaveLength(301);
    const st = await runtime.call('stress-run', { tickers: ['S00', 'S01'], window: { last: 400, completeRows: true }, settings: { weights, monteCarlo: { paths: 500 } } });
    expect(st.ok, JSON.stringify(st)).toBe(true);
    expect((st as { ok: true; data: StressReport }).data.monteCarlo.historyDays).toBe(400);
  });

  it('the CLI reads the same database with --db --tickers', () => {
    const run = frontier(['backtest', '--db', db, '--tickers', 'S00,S01', '--walk-forward', 'expanding', '--min-history', '120', '--benchmark', 'IDX', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = run.json<BacktestReport>();
    expect(report.equity[0]!.date).toBe(prices.dates[119]);
    expect(report.metrics.benchmark?.beta).toBeGreaterThan(0);
  });
});
