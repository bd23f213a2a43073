/**
 * A walk-forward backtest whose rebalances fell back prints "n of m rebalances fell back" in the PDF,
 * with the same wording as the app and the CLI (fallbackSummary), and its warnings once per group.
 */
import { describe, expect, it } from 'vitest';
import { backtestSettingsSchema, fallbackSummary } from '../../shared/api/backtest.js';
import { buildBacktestReport, type Reoptimize } from '../../src-main/core/backtest/index.js';
import { ok } from '../../src-main/core/result.js';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { syntheticPrices } from '../core/backtest/helpers.js';
import { fixtureScenario } from './fixtures.js';

describe('report of a backtest with fallbacks', () => {
  it('flags the fallbacks and groups the warnings', async () => {
    const prices = syntheticPrices(['T0', 'T1'], 400, 9);
    let n = 0;
    const flaky: Reoptimize = async (w) => {
      n++;
      if (n % 3 === 0) return { ok: false, error: { code: 'infeasible', message: 'bounds conflict' } };
      return ok({ [w.tickers[0]!]: 0.5, [w.tickers[1]!]: 0.5 });
    };
    const settings = backtestSettingsSchema.parse({ walkForward: { kind: 'rolling', days: 20 }, onFail: 'hold' });
    const r = await buildBacktestReport(prices, ['T0', 'T1'], settings, 0, flaky);
    if (!r.ok) throw new Error(r.error.message);
    const flag = r.value.metrics.fallback!;
    expect(flag.fellBack).toBeGreaterThan(3);
    const scenario = fixtureScenario({ n: 2 });
    scenario.results = { ...scenario.results, backtest: JSON.parse(JSON.stringify(r.value)) as unknown };
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: new Date('2026-12-01T00:00:00Z') });
    expect(built.sections).toContain('backtest');
    expect(built.html).toContain(`<strong>${fallbackSummary(flag)}</strong>`);
    expect(fallbackSummary(flag)).toBe(`${flag.fellBack} of ${flag.rebalances} rebalances fell back (held the previous weights)`);
    // One line for all the failures, not one per rebalance.
    const lines = built.html.match(/re-optimisation failed \(bounds conflict\); kept the previous weights/g) ?? [];
    expect(lines).toHaveLength(1);
    expect(built.html).toContain(`${flag.fellBack} rebalances (`);
  });
});
