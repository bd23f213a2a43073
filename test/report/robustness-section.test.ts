import { describe, expect, it } from 'vitest';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { fixtureScenario } from './fixtures.js';
import { robustnessFixture } from './robustness-fixture.js';

describe('robustness report section', () => {
  it('prints the resampled frontier, verdict, weight bands and the out-of-sample table from saved results', async () => {
    const scenario = fixtureScenario({ n: 5 });
    const robustness = await robustnessFixture(scenario.tickers);
    scenario.results = { ...scenario.results, robustness };
    const built = buildReportHtml({ scenario }, { paper: 'a4', sections: ['robustness'], generatedAt: new Date('2026-12-01T00:00:00Z') });
    expect(built.sections).toEqual(['robustness']);
    expect(built.html).toContain('Robustness to estimation error');
    expect(built.html).toContain(robustness.resample!.current!.verdict.slice(0, 40));
    expect(built.html).toContain('crisis-robust');
    expect((built.html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(2);
  });

  it('leaves out unreadable saved robustness results with a warning', () => {
    const scenario = fixtureScenario({ n: 3 });
    scenario.results = { ...scenario.results, robustness: { resample: { weights: 'nope' } } };
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: new Date() });
    expect(built.sections).not.toContain('robustness');
    expect(built.warnings.some((w) => w.startsWith('results.robustness left out'))).toBe(true);
  });
});

describe('robust facts of a result', () => {
  it('the crisis-robust and turbulence-blend diagnostics reach the app and the PDF in one shape', async () => {
    const { optimizePortfolio } = await import('../../src-main/core/optimize/index.js');
    const { optimizeOptionsSchema } = await import('../../shared/domain/optimize.js');
    const { robustFactsOf } = await import('../../shared/domain/robust-facts.js');
    const { syntheticPrices } = await import('../support/synthetic-prices.js');
    const prices = syntheticPrices({ tickers: ['A', 'B', 'C', 'D'], days: 600, seed: 4 });
    const crisis = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ objective: 'crisis-robust' }));
    const blend = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ estimators: { risk: 'turbulence-blend', returns: 'bayes-stein' } }));
    if (!crisis.ok || !blend.ok) throw new Error('solve failed');
    const c = robustFactsOf(crisis.value)!;
    expect(c.crisis!.turbulentVolatility).toBeGreaterThan(0);
    expect(c.diversification!.normalLabel).toBe('normal');
    const b = robustFactsOf(blend.value)!;
    expect(b.diversification!.normalLabel).toBe('quiet');
    expect(Math.abs(b.diversification!.turbulent.averageCorrelation)).toBeLessThanOrEqual(1);
    expect(b.diversification!.turbulent.effectiveBets).toBeGreaterThanOrEqual(1);
    expect(b.shrunkMean!.beta).toBeGreaterThan(0);
    const scenario = fixtureScenario({ n: 4 });
    scenario.results = { ...scenario.results, optimize: crisis.value };
    const built = buildReportHtml({ scenario }, { paper: 'a4', sections: ['robustness'], generatedAt: new Date() });
    expect(built.html).toContain('Volatility, normal / turbulent days');
    expect(built.html).toContain('Effective number of bets');
  });
});
