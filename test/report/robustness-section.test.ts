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
