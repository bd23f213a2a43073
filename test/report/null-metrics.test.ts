/**
 * Saved backtests carry non-finite metrics as null (JSON has no Infinity or NaN): Calmar without a
 * drawdown, Sortino without a losing day. The report keeps the backtest and prints a dash for them.
 */
import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { DASH } from '../../src-main/report/format.js';
import { fixtureScenario } from './fixtures.js';

const date = new Date('2026-11-22T09:00:00Z');

/** The cell printed next to a row label in the report's facts tables. */
function factCell(html: string, label: string): string | undefined {
  return new RegExp(`<tr><th>${label}</th><td>([^<]*)</td></tr>`).exec(html)?.[1];
}

describe('backtest metrics that are not numbers', () => {
  it('keep the backtest section and print a dash', () => {
    const scenario = fixtureScenario({ n: 4, backtest: true });
    const backtest = scenario.results!.backtest as { metrics: Record<string, unknown> };
    backtest.metrics = { ...backtest.metrics, calmar: Infinity, sortino: Number.NaN, cagr: 0.0731 };
    // As saved and read back: the non-finite values become null.
    const saved = JSON.parse(JSON.stringify(scenario)) as typeof scenario;
    expect((saved.results!.backtest as { metrics: Record<string, unknown> }).metrics.calmar).toBeNull();

    const built = buildReportHtml({ scenario: saved }, { paper: 'a4', generatedAt: date });
    expect(built.warnings).toEqual([]);
    expect(built.sections).toContain('backtest');
    expect(factCell(built.html, 'Calmar ratio')).toBe(DASH);
    expect(factCell(built.html, 'Sortino ratio')).toBe(DASH);
    expect(factCell(built.html, 'CAGR')).toBe('7.31 %');
  });

  it('print a dash in the summary tile when CAGR is null', () => {
    const scenario = fixtureScenario({ n: 3, backtest: true });
    const backtest = scenario.results!.backtest as { metrics: Record<string, unknown> };
    backtest.metrics = { ...backtest.metrics, cagr: null };
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: date });
    expect(built.html).toContain(`<div class="tile-value">${DASH}</div><div class="tile-label">Backtest CAGR</div>`);
  });

  it('still reject a metric that is not a number at all', () => {
    const scenario = fixtureScenario({ n: 3, backtest: true });
    const backtest = scenario.results!.backtest as { metrics: Record<string, unknown> };
    backtest.metrics = { ...backtest.metrics, calmar: 'high' };
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: date });
    expect(built.sections).not.toContain('backtest');
    expect(built.warnings[0]).toMatch(/^results\.backtest left out: metrics\.calmar/);
  });
});
