/**
 * Walk-forward with settings that name assets before they have history, and what a rebalance that
 * cannot be solved does (hold / cash / stop): never a result that did not happen, always said once.
 */
import { describe, expect, it } from 'vitest';
import { backtestSettingsSchema, type BacktestReport } from '../../../shared/api/backtest.js';
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import { buildBacktestReport, runBacktest, walkForwardOptimiser, type Reoptimize } from '../../../src-main/core/backtest/index.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { ok, type CoreResult } from '../../../src-main/core/result.js';
import { syntheticPrices } from './helpers.js';

/** A, B and MKT trade from the first day; LATE has no price for its first 400 rows. */
function lateJoiner(): PriceMatrix {
  const p = syntheticPrices(['A', 'B', 'MKT', 'LATE'], 900, 11, '2010-01-01');
  const values = p.values.slice();
  for (let t = 0; t < 400; t++) values[t * 4 + 3] = Number.NaN;
  return { ...p, values };
}

function value<T>(r: CoreResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

const assets = ['A', 'B', 'MKT', 'LATE'];
const walk = (onFail?: 'hold' | 'cash' | 'stop') =>
  backtestSettingsSchema.parse({ walkForward: { kind: 'rolling', days: 120 }, rebalance: { kind: 'calendar', every: 'monthly' }, ...(onFail ? { onFail } : {}) });

async function report(options: OptimizeOptionsInput, onFail?: 'hold' | 'cash' | 'stop'): Promise<CoreResult<BacktestReport>> {
  return buildBacktestReport(lateJoiner(), assets, walk(onFail), 0, walkForwardOptimiser(optimizeOptionsSchema.parse(options)));
}

describe('walk-forward with views and groups on assets without history', () => {
  it('applies a Black-Litterman view only once its asset has history, and says so once', async () => {
    const rep = value(await report({ objective: 'max-sharpe', blackLitterman: { prior: 'historical', views: [{ asset: 'A', return: 0.05 }, { asset: 'LATE', return: 0.3 }] } }));
    const late = rep.warningGroups!.filter((g) => g.message.includes('view 2'));
    expect(late).toHaveLength(1);
    expect(late[0]!.message).toContain('LATE');
    // Rebalances before LATE has 120 prices in its window skip the view; later ones use it.
    const lateStart = lateJoiner().dates[400 + 119]!;
    expect(late[0]!.dates.length).toBeGreaterThan(10);
    expect(late[0]!.dates.every((d) => d < lateStart)).toBe(true);
    expect(rep.warnings.filter((w) => w.includes('view 2'))).toHaveLength(1);
    expect(rep.warnings.find((w) => w.includes('view 2'))).toMatch(/^\d+ rebalances \(/);
    // Nothing fell back, and the flag says so.
    expect(rep.metrics.fallback).toEqual({ fellBack: 0, rebalances: rep.rebalances.length, policy: 'stop' });
    // The portfolio is invested from the first rebalance, not waiting in cash.
    expect(Object.values(rep.rebalances[0]!.weights).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 6);
    expect(rep.rebalances.some((r) => (r.weights.LATE ?? 0) > 1e-6)).toBe(true);
  });

  it('applies a sector group without its members that have no history yet', async () => {
    const groups = [{ name: 'Tech', tickers: ['B', 'LATE'], max: 0.3 }, { name: 'New', tickers: ['LATE'], max: 0.2 }];
    const rep = value(await report({ objective: 'max-sharpe', constraints: { groups } }));
    const messages = rep.warningGroups!.map((g) => g.message);
    expect(messages).toContain('group Tech applied without LATE (no history yet)');
    expect(messages.some((m) => m.startsWith('group New left out'))).toBe(true);
    // The cap on the members that exist binds from the first rebalance.
    expect(rep.rebalances[0]!.weights.B ?? 0).toBeLessThanOrEqual(0.3 + 1e-6);
    for (const r of rep.rebalances) expect((r.weights.B ?? 0) + (r.weights.LATE ?? 0)).toBeLessThanOrEqual(0.3 + 1e-6);
  });
});

describe('a rebalance that cannot be solved', () => {
  const prices = syntheticPrices(['A', 'B'], 300, 5);
  // Fails on the 3rd to 6th rebalance.
  const flaky = (): Reoptimize => {
    let n = 0;
    return async (w) => {
      n++;
      if (n >= 3 && n <= 6) return { ok: false, error: { code: 'infeasible', message: 'bounds conflict' } };
      return ok({ [w.tickers[0]!]: 0.6, [w.tickers[1]!]: 0.4 });
    };
  };
  const settings = (onFail?: 'hold' | 'cash' | 'stop') => ({
    rebalance: { kind: 'calendar', every: 'monthly' } as const,
    walkForward: { window: { kind: 'rolling', days: 20 } as const, reoptimize: flaky() },
    ...(onFail ? { onFail } : {}),
  });

  it('stops with the error and its date by default', async () => {
    const r = await runBacktest(prices, settings());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('infeasible');
    expect(r.error.message).toMatch(/rebalance on \d{4}-\d\d-\d\d could not be solved: bounds conflict/);
  });

  it('holds the previous weights when asked, with one grouped warning', async () => {
    const run = value(await runBacktest(prices, settings('hold')));
    expect(run.fallbacks).toHaveLength(4);
    expect(run.fallbacks.every((f) => f.action === 'held')).toBe(true);
    expect(run.warnings).toHaveLength(1);
    expect(run.warnings[0]).toMatch(/^4 rebalances \(.+ … .+\): re-optimisation failed \(bounds conflict\); kept the previous weights$/);
    expect(run.warningGroups[0]!.dates).toEqual(run.fallbacks.map((f) => f.date));
    expect(run.rebalances[3]!.weights.A).toBeCloseTo(0.6, 9);
  });

  it('goes to cash when asked', async () => {
    const run = value(await runBacktest(prices, settings('cash')));
    expect(run.fallbacks.map((f) => f.action)).toEqual(['cash', 'cash', 'cash', 'cash']);
    expect(run.rebalances[2]!.weights).toEqual({});
    expect(run.rebalances[6]!.weights.A).toBeCloseTo(0.6, 9);
    const i = run.dates.indexOf(run.rebalances[3]!.date);
    expect(run.equity[i + 1]).toBe(run.equity[i]); // all cash at rf 0: the value does not move
  });

  it('carries "n of m rebalances fell back" in the metrics', async () => {
    const s = walk('hold');
    const rep = value(await buildBacktestReport(prices, ['A', 'B'], { ...s, walkForward: { kind: 'rolling', days: 20 } }, 0, flaky()));
    expect(rep.metrics.fallback).toEqual({ fellBack: 4, rebalances: rep.rebalances.length, policy: 'hold' });
    expect(rep.fallbacks).toHaveLength(4);
  });
});

describe('warning groups', () => {
  it('groups texts that differ only in a figure, keeping each full text', async () => {
    const { warningCollector } = await import('../../../src-main/core/backtest/warning-groups.js');
    const c = warningCollector();
    c.say('2020-01-02', 'no positive Sharpe (highest -0.1166)');
    c.say('2020-02-03', 'no positive Sharpe (highest -0.0412)');
    c.say('2020-03-02', 'bounds conflict');
    const groups = c.groups();
    expect(groups.map((g) => g.line)).toEqual(['2 rebalances (2020-01-02 … 2020-02-03): no positive Sharpe (highest …)', '2020-03-02: bounds conflict']);
    expect(groups[0]!.details).toEqual(['no positive Sharpe (highest -0.1166)', 'no positive Sharpe (highest -0.0412)']);
    expect(groups[1]!.details).toBeUndefined();
  });
});
