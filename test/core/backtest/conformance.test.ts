/**
 * Conformance against an independent numpy implementation (crosscheck/backtest_reference.py, numbers in
 * crosscheck/reference.json) on the public reference prices; skipped where ../shared/data is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backtestSettingsSchema } from '../../../shared/api/backtest.js';
import { buildBacktestReport } from '../../../src-main/core/backtest/index.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { hasSharedData, sharedDataFile } from '../../support/shared-data.js';

const reference = JSON.parse(readFileSync(join(import.meta.dirname, 'crosscheck', 'reference.json'), 'utf8')) as Record<string, number>;

function readWide(path: string, tickers: string[]): PriceMatrix {
  const lines = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const header = lines[0]!.split(',');
  const cols = tickers.map((t) => header.indexOf(t));
  const dates: string[] = [];
  const values: number[] = [];
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    dates.push(cells[0]!);
    for (const c of cols) values.push(cells[c] === '' ? Number.NaN : Number(cells[c]));
  }
  return { dates, tickers, values: Float64Array.from(values) };
}

describe.skipIf(!hasSharedData)('backtest conformance (pypfopt stock_prices.csv vs numpy)', () => {
  it('monthly-rebalanced AAPL/XOM/JPM with 10 bps costs matches the reference', async () => {
    const prices = readWide(sharedDataFile('pypfopt', 'stock_prices.csv'), ['AAPL', 'XOM', 'JPM', 'WMT']);
    const settings = backtestSettingsSchema.parse({ weights: { AAPL: 0.5, XOM: 0.3, JPM: 0.2 }, costBps: 10, benchmark: 'WMT' });
    const r = await buildBacktestReport(prices, ['AAPL', 'XOM', 'JPM'], settings, 0.02, undefined);
    if (!r.ok) throw new Error(r.error.message);
    const { metrics: m, rebalances, equity } = r.value;
    // The API sends null for a non-finite figure; every reference figure here is finite.
    const close = (actual: number | null, key: string) => {
      expect(actual, key).not.toBeNull();
      expect(Math.abs(actual! - reference[key]!) / Math.max(1, Math.abs(reference[key]!))).toBeLessThan(1e-9);
    };
    expect(rebalances).toHaveLength(reference.rebalances!);
    close(equity.at(-1)!.value, 'finalValue');
    for (const key of ['cagr', 'volatility', 'sharpe', 'sortino', 'maxDrawdown', 'var95', 'cvar95', 'turnover'] as const) close(m[key], key);
    close(m.costs! * 10_000, 'totalCosts');
    close(m.benchmark!.beta, 'beta');
    close(m.benchmark!.alpha, 'alpha');
    close(m.benchmark!.trackingError, 'trackingError');
    close(m.benchmark!.informationRatio, 'informationRatio');
  });
});
