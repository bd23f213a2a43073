import { describe, expect, it } from 'vitest';
import { attributeBacktest } from '../../../src-main/core/factors/attribution.js';
import { normals, synthetic } from './synthetic.js';

describe('backtest factor attribution', () => {
  it('recovers the portfolio betas and splits each month exactly into factors + specific', () => {
    const syn = synthetic(2, 2, 600, 8);
    const z = normals(99);
    const equity = [{ date: '2015-01-02', value: 100 }];
    syn.series.values.forEach((row, t) => {
      const r = 0.0001 + 0.8 * row[0]! + 0.3 * row[1]! + 0.002 * z();
      equity.push({ date: syn.series.dates[t]!, value: equity[t]!.value * (1 + r) });
    });
    const a = attributeBacktest(equity, syn.series);
    if (!a.ok) throw new Error(a.error.message);
    const v = a.value;
    expect(v.factors).toEqual(['F1', 'F2']);
    expect(Math.abs(v.betas.F1! - 0.8)).toBeLessThan(4 * Math.abs(v.betas.F1! / v.tStats.F1!));
    expect(Math.abs(v.betas.F2! - 0.3)).toBeLessThan(4 * Math.abs(v.betas.F2! / v.tStats.F2!));
    expect(v.periods[0]!.period).toBe('2015-01');
    expect(v.periods.length).toBeGreaterThan(25);
    for (const p of [...v.periods, v.totals]) {
      const parts = Object.values(p.factors).reduce((s, x) => s + x, p.specific);
      expect(Math.abs(parts - p.excess)).toBeLessThan(1e-12);
    }
    expect(v.totals.rf).toBeCloseTo(600 * 0.0001, 12);
    expect(v.r2!).toBeGreaterThan(0.9);
  });
});
