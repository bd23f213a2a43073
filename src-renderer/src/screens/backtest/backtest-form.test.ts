import { describe, expect, it } from 'vitest';
import { backtestSettings, defaultBacktestForm, parseShocks, stressSettings } from './backtest-form.js';

describe('backtest form', () => {
  it('turns the defaults and optimised weights into static monthly settings', () => {
    const r = backtestSettings(defaultBacktestForm(), ['A', 'B'], { A: 0.6, B: 0.4, C: 0 });
    expect(r.errors).toEqual({});
    expect(r.settings).toEqual({ rebalance: { kind: 'calendar', every: 'monthly' }, costBps: 10, fixedCost: 0, weights: { A: 0.6, B: 0.4 } });
  });

  it('asks for an optimisation when there are no optimised weights', () => {
    const r = backtestSettings(defaultBacktestForm(), ['A'], undefined);
    expect(r.settings).toBeUndefined();
    expect(r.errors.weightSource).toMatch(/optimisation/);
  });

  it('builds walk-forward, band and benchmark settings and checks numbers', () => {
    const form = { ...defaultBacktestForm(), weightSource: 'walk-forward' as const, rebalance: 'band' as const, band: '5', benchmark: 'SPY' };
    expect(backtestSettings(form, ['A', 'B'], undefined).settings).toEqual({
      rebalance: { kind: 'band', band: 0.05 },
      costBps: 10,
      fixedCost: 0,
      walkForward: { kind: 'rolling', days: 756 },
      onFail: 'stop',
      benchmark: 'SPY',
    });
    expect(backtestSettings({ ...form, onFail: 'cash' }, ['A', 'B'], undefined).settings?.onFail).toBe('cash');
    expect(backtestSettings({ ...form, windowDays: '5' }, ['A'], undefined).errors.windowDays).toBeDefined();
    expect(backtestSettings({ ...form, costBps: '-1' }, ['A'], undefined).errors.costBps).toBeDefined();
  });

  it('parses shocks in percent and rejects unknown tickers', () => {
    expect(parseShocks('A=-20, B=3%', ['A', 'B'])).toEqual({ shocks: { A: -0.2, B: 0.03 } });
    expect(parseShocks('Z=-20', ['A']).error).toMatch(/Z/);
    expect(parseShocks('A:-20', ['A']).error).toBeDefined();
    const s = stressSettings({ ...defaultBacktestForm(), shocks: 'A=-10' }, { A: 1 });
    expect(s.settings).toMatchObject({ weights: { A: 1 }, correlation: 0.9, monteCarlo: { paths: 10000 }, shocks: { assets: { A: -0.1 } } });
  });
});
