/** scenario-save through the real dispatch and a real SQLite file: results are merged, not replaced. */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ApiResult } from '../../shared/api.js';
import type { Scenario } from '../../shared/domain/scenario.js';
import { createRuntime } from '../../src-main/services/runtime.js';
import { fixtureScenario } from '../report/fixtures.js';
import { tempDir } from '../support/temp.js';

const runtime = createRuntime({ dbPath: join(tempDir(), 'scenarios.db'), mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
afterAll(async () => {
  await runtime.close();
});

async function save(request: Record<string, unknown>): Promise<Scenario> {
  const r = (await runtime.call('scenario-save', request)) satisfies ApiResult<unknown>;
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data as Scenario;
}

const definition = { name: 'Core', tickers: ['AAA', 'BBB'] };
/** An optimize result as optimize-run returns it (scenario-save checks results against that shape). */
const optimizeResult = (weights: Record<string, number>) => ({
  weights,
  performance: { expectedReturn: 0.08, volatility: 0.15, sharpe: 0.4 },
  status: 'optimal',
  diagnostics: { solver: 'active-set', iterations: 3, solveTimeMs: 1, activeConstraints: [], riskContributions: weights, warnings: [] },
});
// A backtest and stress report as backtest-run and stress-run return them (the report's fixtures).
const { backtest, stress } = fixtureScenario({ n: 2, backtest: true, stress: true, years: 1 }).results!;

describe('scenario-save keeps results other screens saved', () => {
  it('a workbench re-save replaces its own results and keeps results.backtest and results.stress', async () => {
    const first = await save({ scenario: definition, results: { optimize: optimizeResult({ AAA: 0.5, BBB: 0.5 }) } });
    // The Backtest screen attaches its report (sending the whole results, as it does).
    await save({ id: first.id, scenario: definition, results: { ...first.results, backtest, stress } });
    // The workbench saves again with new optimise results and clears the frontier it no longer has.
    const again = await save({
      id: first.id,
      scenario: { ...definition, tickers: ['AAA', 'BBB', 'CCC'] },
      results: { optimize: optimizeResult({ AAA: 0.2, BBB: 0.3, CCC: 0.5 }), frontier: null, current: null },
    });
    expect(again.tickers).toEqual(['AAA', 'BBB', 'CCC']);
    expect(again.results.optimize?.weights).toEqual({ AAA: 0.2, BBB: 0.3, CCC: 0.5 });
    expect(again.results.backtest).toEqual(backtest);
    expect(again.results.stress).toEqual(stress);
    expect('frontier' in again.results).toBe(false);
    // A save without results (e.g. a rename) changes none of them; null removes one key only.
    const renamed = await save({ id: first.id, scenario: { ...definition, name: 'Core 2' } });
    expect(renamed.results).toEqual(again.results);
    const cleared = await save({ id: first.id, scenario: { ...definition, name: 'Core 2' }, results: { optimize: null } });
    expect(cleared.results).toEqual({ backtest, stress });
  });

  it('a new scenario stores no null keys, and an unknown id is not-found without writing', async () => {
    const fresh = await save({ scenario: { ...definition, name: 'Fresh' }, results: { optimize: null, frontier: null } });
    expect(fresh.results).toEqual({});
    const missing = await runtime.call('scenario-save', { id: 9999, scenario: { ...definition, name: 'Ghost' } });
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.error.code).toBe('not-found');
    const list = await runtime.call('scenario-list', {});
    expect(list.ok && (list.data as { name: string }[]).map((s) => s.name).sort()).toEqual(['Core 2', 'Fresh']);
  });
});
