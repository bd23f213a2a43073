/**
 * The report reads what the engines really produce: a real optimisation and frontier (core/optimize),
 * a real backtest and stress report (core/backtest) on seeded synthetic prices, saved as results.
 */
import { describe, expect, it } from 'vitest';
import { backtestSettingsSchema, stressSettingsSchema } from '../../shared/api/backtest.js';
import { optimizeOptionsSchema } from '../../shared/domain/optimize.js';
import { scenarioFileSchema } from '../../shared/domain/scenario.js';
import { buildBacktestReport, buildStressReport } from '../../src-main/core/backtest/index.js';
import { efficientFrontier, optimizePortfolio } from '../../src-main/core/optimize/index.js';
import { selectColumns } from '../../src-main/core/price-matrix.js';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { reportFormat } from '../../src-main/report/format.js';
import { syntheticPrices } from '../support/synthetic-prices.js';

describe('report on real engine results', () => {
  it('prints optimisation, frontier, backtest and stress results as the engines return them', async () => {
    const assets = ['AAA', 'BBB', 'CCC', 'DDD'];
    const prices = syntheticPrices({ tickers: [...assets, 'BENCH'], days: 900, start: '2019-01-02' });
    const assetPrices = selectColumns(prices, assets);
    if ('missing' in assetPrices) throw new Error('fixture');
    const options = optimizeOptionsSchema.parse({ objective: 'min-volatility', targets: { rf: 0.01 } });

    const optimized = await optimizePortfolio(assetPrices, options);
    if (!optimized.ok) throw new Error(optimized.error.message);
    const frontier = await efficientFrontier(assetPrices, options, 12);
    if (!frontier.ok) throw new Error(frontier.error.message);
    const weights = optimized.value.weights;
    const backtest = await buildBacktestReport(
      prices,
      assets,
      backtestSettingsSchema.parse({ weights, benchmark: 'BENCH', rebalance: { kind: 'calendar', every: 'quarterly' } }),
      0.01,
      undefined,
    );
    if (!backtest.ok) throw new Error(backtest.error.message);
    const stress = buildStressReport(
      prices,
      assets,
      stressSettingsSchema.parse({ weights, benchmark: 'BENCH', shocks: { assets: { AAA: -0.2 } }, monteCarlo: { paths: 300 } }),
      0.01,
    );
    if (!stress.ok) throw new Error(stress.error.message);

    const file = scenarioFileSchema.parse({ name: 'Engine results', tickers: assets, options });
    const built = buildReportHtml(
      { scenario: { ...file, results: { optimize: optimized.value, frontier: frontier.value, backtest: backtest.value, stress: stress.value } } },
      { paper: 'a4' },
    );
    expect(built.warnings).toEqual([]);
    expect(built.sections).toEqual(expect.arrayContaining(['summary', 'weights', 'risk', 'frontier', 'backtest', 'stress']));
    const fmt = reportFormat('en-US');
    const m = backtest.value.metrics;
    // Finite here (a real history with losses), so each prints as a number rather than a dash.
    for (const shown of [fmt.pct(m.cagr ?? NaN), fmt.pct(m.maxDrawdown ?? NaN), fmt.pct(m.cvar95 ?? NaN), fmt.num(m.benchmark!.beta ?? NaN, 2), fmt.pct(optimized.value.performance.volatility)]) {
      expect(built.html).toContain(shown);
    }
    const worst = [...backtest.value.drawdowns].sort((a, b) => a.depth - b.depth)[0]!;
    expect(built.html).toContain(worst.start);
    expect(built.html).toContain(fmt.pct(stress.value.correlationShock.shocked.volatility));
    expect(built.html).toContain(fmt.pctSigned(stress.value.shocks!.pnl));
    expect(built.html).toContain(fmt.pct(stress.value.monteCarlo.horizons[0]!.p50));
    for (const [t, w] of Object.entries(weights)) if (w > 1e-6) expect(built.html).toContain(`<td>${t}</td><td class="num">${fmt.pct(w)}</td>`);
  });
});
