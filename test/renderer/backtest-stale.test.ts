/**
 * Backtest and stress results are marked stale when the settings shown are not the ones they were
 * computed for, and the stress tests say which weights they ran on, in the app's and the PDF's wording.
 */
import { describe, expect, it } from 'vitest';
import { stressSettingsSchema, stressWeightsText } from '../../shared/api/backtest.js';
import { buildReportHtml } from '../../src-main/report/build-report.js';
import { isStale, runKey } from '../../src-renderer/src/screens/backtest/run-key.js';
import { fixtureScenario } from '../report/fixtures.js';

describe('stale backtest and stress results', () => {
  it('is stale only when a known key differs from the settings now shown', () => {
    const ran = runKey({ tickers: ['A', 'B'], settings: { weights: { A: 0.5, B: 0.5 } } });
    expect(isStale(ran, true, runKey({ tickers: ['A', 'B'], settings: { weights: { A: 0.5, B: 0.5 } } }))).toBe(false);
    expect(isStale(ran, true, runKey({ tickers: ['A', 'B'], settings: { weights: { A: 0.6, B: 0.4 } } }))).toBe(true);
    expect(isStale(ran, true, undefined)).toBe(true); // the settings no longer make a valid request
    expect(isStale(null, true, 'x')).toBe(false); // saved before keys existed: unknown, not claimed stale
    expect(isStale(ran, false, 'x')).toBe(false);
  });
});

describe('which weights the stress tests used', () => {
  it('is said in the same words in the app and the PDF', () => {
    const from = { kind: 'walk-forward-last' as const, date: '2024-06-03' };
    expect(stressWeightsText(from)).toBe("the walk-forward backtest's last weights (rebalance of 2024-06-03)");
    expect(stressWeightsText({ kind: 'static', source: 'optimised' })).toBe('the static target weights (optimised)');
    expect(stressSettingsSchema.parse({ weights: { A: 1 }, weightsFrom: from }).weightsFrom).toEqual(from);
    const scenario = fixtureScenario({ n: 3, stress: true });
    scenario.results = { ...scenario.results, stress: { ...(scenario.results!.stress as object), weightsFrom: from } };
    const built = buildReportHtml({ scenario }, { paper: 'a4', generatedAt: new Date('2026-12-01T00:00:00Z') });
    expect(built.html).toContain(`Computed on ${stressWeightsText(from).replace("'", '&#39;')}.`);
  });
});

describe('PDF sections of a scenario with saved results', () => {
  it('ticks Backtest and Stress tests when the scenario has them, keeping the order and other choices', async () => {
    const { sectionsWithSavedResults } = await import('../../shared/api/reports.js');
    expect(sectionsWithSavedResults(['cover', 'summary', 'weights', 'frontier'], { backtest: {}, stress: {} })).toEqual(['cover', 'summary', 'weights', 'frontier', 'backtest', 'stress']);
    expect(sectionsWithSavedResults(['cover', 'weights'], { backtest: {} })).toEqual(['cover', 'weights', 'backtest']);
    expect(sectionsWithSavedResults(['cover'], { backtest: null })).toEqual(['cover']);
    expect(sectionsWithSavedResults(['cover'], null)).toEqual(['cover']);
  });
});
