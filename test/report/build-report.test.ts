import { describe, expect, it } from 'vitest';
import { REPORT_SECTION_ORDER } from '../../shared/api/reports.js';
import { buildReportHtml, contentWidthPx } from '../../src-main/report/build-report.js';
import { tradeRows } from '../../src-main/report/sections/weights.js';
import { underwater } from '../../src-main/report/sections/backtest.js';
import { fixtureScenario } from './fixtures.js';
import { robustnessFixture } from './robustness-fixture.js';

const date = new Date('2026-11-22T09:00:00Z');

describe('buildReportHtml', () => {
  it('includes only sections that have content, in document order', () => {
    const scenario = fixtureScenario({ n: 5 });
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: date });
    // No views, backtest, stress, correlation or comparison data in this scenario.
    expect(built.sections).toEqual(['cover', 'summary', 'settings', 'weights', 'risk', 'frontier', 'methodology']);
    expect(built.skipped).toEqual(['comparison', 'views', 'correlation', 'backtest', 'stress', 'robustness']);
    const positions = built.sections.map((s) => built.html.indexOf(`id="${s}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('prints every section when the scenario has data for all of them', async () => {
    const scenario = fixtureScenario({ n: 6, views: true, backtest: true, stress: true, holdings: true });
    scenario.results = { ...scenario.results, robustness: await robustnessFixture(scenario.tickers) };
    const other = { ...fixtureScenario({ n: 6, seed: 7 }), name: 'Other' };
    const correlation = { tickers: scenario.tickers, matrix: scenario.tickers.map((_, i) => scenario.tickers.map((__, j) => (i === j ? 1 : 0.3))) };
    const built = buildReportHtml({ scenario, compare: [other], correlation }, { paper: 'letter', generatedAt: date });
    expect(built.sections).toEqual([...REPORT_SECTION_ORDER]);
    expect(built.warnings).toEqual([]);
  });

  it('honours the requested sections whatever order they are given in', () => {
    const scenario = fixtureScenario({ n: 4 });
    const built = buildReportHtml({ scenario }, { paper: 'a4', sections: ['frontier', 'cover', 'backtest'], generatedAt: date });
    expect(built.sections).toEqual(['cover', 'frontier']);
    expect(built.skipped).toEqual(['backtest']);
    expect(built.html).not.toContain('id="weights"');
  });

  it('leaves out an unreadable backtest with a warning instead of failing', () => {
    const scenario = fixtureScenario({ n: 3 });
    scenario.results = { ...scenario.results, backtest: { equity: 'not a series' } };
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: date });
    expect(built.sections).not.toContain('backtest');
    expect(built.warnings).toHaveLength(1);
    expect(built.warnings[0]).toMatch(/^results\.backtest left out: equity/);
  });

  it('is self-contained and escapes user text', () => {
    const scenario = { ...fixtureScenario({ n: 3 }), name: '<img src=x onerror=alert(1)>' };
    const built = buildReportHtml({ scenario }, { paper: 'a4', author: '"Eve" <eve@example.com>', title: 'Q4 <b>review</b>', generatedAt: date });
    expect(built.html).not.toContain('<img src=x');
    expect(built.html).not.toContain('<b>review</b>');
    expect(built.html).toContain('&#60;img src=x');
    expect(built.footerTemplate).not.toContain('<img src=x');
    // Nothing is fetched: no scripts, no external URLs, and a CSP that forbids them anyway.
    expect(built.html).not.toMatch(/<script|<link|src="https?:|href="https?:/i);
    expect(built.html).toContain("default-src 'none'");
    expect(built.html).toContain('<svg');
  });

  it('embeds a logo data URL on the cover', () => {
    const logo = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const built = buildReportHtml({ scenario: fixtureScenario({ n: 2 }) }, { paper: 'a4', logo, generatedAt: date });
    expect(built.html).toContain(`<img class="logo" alt="" src="${logo}">`);
  });

  it('lays out charts for the printable width of the paper', () => {
    expect(contentWidthPx('letter')).toBeGreaterThan(contentWidthPx('a4'));
    // A4 is 210 mm wide, minus 28 mm margins, at 96 px per inch.
    expect(contentWidthPx('a4')).toBe(Math.floor((182 * 96) / 25.4));
  });

  it('reports progress once per section', () => {
    const calls: [number, number][] = [];
    buildReportHtml({ scenario: fixtureScenario({ n: 2 }) }, { paper: 'a4', generatedAt: date }, (done, total) => calls.push([done, total]));
    expect(calls.map((c) => c[0])).toEqual(REPORT_SECTION_ORDER.map((_, i) => i + 1));
    expect(new Set(calls.map((c) => c[1]))).toEqual(new Set([REPORT_SECTION_ORDER.length]));
  });
});

describe('trades', () => {
  it('turns weight changes into whole shares at the last price', () => {
    const rows = tradeRows({ A: 0.6, B: 0.4 }, { A: 0.5, C: 0.5 }, 100_000, { A: 50, B: 33, C: 10 });
    const byTicker = Object.fromEntries(rows.map((r) => [r.ticker, r]));
    expect(rows.map((r) => r.ticker)).toEqual(['A', 'B', 'C']);
    expect(byTicker.A!.shares).toBe(200); // +10 % of 100,000 at 50
    expect(byTicker.B!.shares).toBe(Math.round(40_000 / 33));
    expect(byTicker.B!.amount).toBeCloseTo(byTicker.B!.shares! * 33, 9);
    expect(byTicker.C!.shares).toBe(-5000); // sell the whole 50 % at 10
  });

  it('leaves trades out when a price or the portfolio value is unknown', () => {
    expect(tradeRows({ A: 1 }, undefined, undefined, { A: 10 })[0]!.shares).toBeUndefined();
    expect(tradeRows({ A: 1 }, undefined, 1000, {})[0]!.shares).toBeUndefined();
  });
});

describe('underwater', () => {
  it('measures drawdown from the running peak and never goes above zero', () => {
    const dd = underwater([
      { date: 'd1', value: 1 },
      { date: 'd2', value: 1.2 },
      { date: 'd3', value: 0.9 },
      { date: 'd4', value: 1.3 },
    ]).map((p) => p.value);
    expect(dd[0]).toBe(0);
    expect(dd[1]).toBe(0);
    expect(dd[2]).toBeCloseTo(0.9 / 1.2 - 1, 12);
    expect(dd[3]).toBe(0);
  });
});
