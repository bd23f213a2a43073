/**
 * backtest-run through the real dispatch, SQLite and worker threads: a Black-Litterman view and a group
 * naming an asset that starts trading later apply once it has history; `onFail` decides what a
 * rebalance without a solution does, and the response says how many fell back.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BacktestReport } from '../../shared/api/backtest.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { syntheticPrices } from '../core/backtest/helpers.js';

const dir = tempDir();
const db = join(dir, 'late.db');
const prices = syntheticPrices(['AAA', 'BBB', 'CCC', 'NEW'], 900, 21, '2012-01-02');
let runtime: Runtime;

beforeAll(() => {
  const csv = join(dir, 'prices.csv');
  const lines = [['date', ...prices.tickers].join(',')];
  // NEW lists 500 days after the others: its early cells are empty.
  prices.dates.forEach((d, t) => lines.push([d, ...prices.tickers.map((_, j) => (j === 3 && t < 500 ? '' : prices.values[t * 4 + j]!.toFixed(6)))].join(',')));
  writeFileSync(csv, `${lines.join('\n')}\n`);
  const imported = frontier(['import', csv, '--db', db, '--json']);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  runtime = createRuntime({ dbPath: db, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
});

afterAll(async () => {
  await runtime?.close();
});

const tickers = ['AAA', 'BBB', 'CCC', 'NEW'];
const walk = { walkForward: { kind: 'rolling' as const, days: 126 }, rebalance: { kind: 'calendar' as const, every: 'monthly' as const } };

describe('walk-forward through the API', () => {
  it('applies views and groups on a late asset once it has history, said once', async () => {
    const r = await runtime.call('backtest-run', {
      tickers,
      options: {
        objective: 'min-volatility',
        constraints: { groups: [{ name: 'Growth', tickers: ['CCC', 'NEW'], max: 0.4 }] },
        blackLitterman: { prior: 'historical', views: [{ asset: 'NEW', return: 0.25 }] },
      },
      settings: walk,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const report = (r as { ok: true; data: BacktestReport }).data;
    expect(report.equity[0]!.date).toBe(prices.dates[125]);
    expect(report.metrics.fallback).toEqual({ fellBack: 0, rebalances: report.rebalances.length, policy: 'stop' });
    const view = report.warnings.filter((w) => w.includes('view 1 left out: NEW has no history yet'));
    const group = report.warnings.filter((w) => w.includes('group Growth applied without NEW'));
    expect(view).toHaveLength(1);
    expect(group).toHaveLength(1);
    expect(report.warningGroups!.find((g) => g.message.startsWith('view 1'))!.dates.length).toBeGreaterThan(15);
    expect(report.rebalances.at(-1)!.weights.NEW ?? 0).toBeGreaterThan(0);
  });

  it('stops with a user-facing error by default, and holds or goes to cash when asked', async () => {
    // At most 40 % each and 30 % in AAA+BBB: fully invested only once NEW is in the window.
    const options = { objective: 'min-volatility' as const, constraints: { groups: [{ name: 'Core', tickers: ['AAA', 'BBB'], max: 0.3 }], bounds: [0, 0.4] as [number, number] } };
    const stop = await runtime.call('backtest-run', { tickers, options, settings: walk });
    expect(stop.ok).toBe(false);
    if (!stop.ok) {
      expect(stop.error.code).not.toBe('internal');
      expect(stop.error.message).toMatch(/rebalance on \d{4}-\d\d-\d\d could not be solved/);
    }
    for (const onFail of ['hold', 'cash'] as const) {
      const r = await runtime.call('backtest-run', { tickers, options, settings: { ...walk, onFail } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      const report = (r as { ok: true; data: BacktestReport }).data;
      const f = report.metrics.fallback!;
      expect(f.policy).toBe(onFail);
      expect(f.fellBack).toBeGreaterThan(10);
      expect(f.fellBack).toBeLessThan(f.rebalances);
      expect(report.fallbacks!.every((x) => x.action === 'cash')).toBe(true); // no solved weights to hold before NEW lists
    }
  });
});
