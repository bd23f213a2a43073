/** Reopening scenario files that lack the form's choices (CLI-written, older) or whose options were edited by hand. */
import { describe, expect, it } from 'vitest';
import { scenarioFileSchema, type ScenarioFileInput } from '../../../shared/domain/scenario.js';
import { formFromScenario } from './scenario-form.js';

const tickers = ['AAA', 'BBB', 'CCC', 'DDD'];

function open(file: Omit<ScenarioFileInput, 'name' | 'tickers'>) {
  return formFromScenario(scenarioFileSchema.parse({ name: 'S', tickers, ...file }));
}

describe('formFromScenario without saved form choices', () => {
  it('reads the benchmark kind off the weights: holdings, 1/n or explicit', () => {
    const holdings = { AAA: 0.5, BBB: 0.5 };
    const current = open({ holdings, options: { constraints: { trackingError: 0.03, benchmarkWeights: holdings, currentWeights: holdings } } });
    expect(current.teBenchmark).toBe('current');
    const equal = open({ options: { constraints: { trackingError: 0.03, benchmarkWeights: { AAA: 0.25, BBB: 0.25, CCC: 0.25, DDD: 0.25 } } } });
    expect(equal.teBenchmark).toBe('equal');
    const custom = open({ options: { constraints: { trackingError: 0.03, benchmarkWeights: { AAA: 0.7, DDD: 0.3 } } } });
    expect(custom.teBenchmark).toBe('custom');
    expect(custom.benchmarkWeights).toEqual({ AAA: '70', DDD: '30' });
  });

  it('shows normalised risk budgets as percent of risk', () => {
    const f = open({ options: { objective: 'risk-parity', targets: { riskBudgets: { AAA: 0.4, BBB: 0.4, CCC: 0.1, DDD: 0.1 } } } });
    expect(f.riskBudgets).toEqual({ AAA: '40', BBB: '40', CCC: '10', DDD: '10' });
  });
});

describe('formFromScenario with choices that no longer fit the options', () => {
  it('trusts the weights over a saved "equal" choice and the saved shares over stale typed budgets', () => {
    const f = open({
      options: {
        objective: 'risk-parity',
        targets: { riskBudgets: { AAA: 0.5, BBB: 0.25, CCC: 0.125, DDD: 0.125 } },
        constraints: { trackingError: 0.03, benchmarkWeights: { AAA: 0.6, BBB: 0.4 } },
      },
      form: { teBenchmark: 'equal', riskBudgets: { AAA: 1, BBB: 1, CCC: 1, DDD: 1 } },
    });
    expect(f.teBenchmark).toBe('custom');
    expect(f.benchmarkWeights).toEqual({ AAA: '60', BBB: '40' });
    expect(f.riskBudgets).toEqual({ AAA: '50', BBB: '25', CCC: '12.5', DDD: '12.5' });
  });

  it('keeps a saved choice when no tracking-error cap is set', () => {
    expect(open({ options: {}, form: { teBenchmark: 'equal' } }).teBenchmark).toBe('equal');
  });
});
