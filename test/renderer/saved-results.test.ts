/** Key metrics from a scenario's saved results: the max drawdown of its saved backtest. */
import { describe, expect, it } from 'vitest';
import { savedMaxDrawdown } from '../../shared/domain/scenario.js';

describe('saved backtest max drawdown', () => {
  it('reads results.backtest.metrics.maxDrawdown and ignores anything else', () => {
    expect(savedMaxDrawdown({ backtest: { metrics: { maxDrawdown: -0.234, cagr: 0.05 } } })).toBe(-0.234);
    expect(savedMaxDrawdown({})).toBeUndefined();
    expect(savedMaxDrawdown({ backtest: null })).toBeUndefined();
    expect(savedMaxDrawdown({ backtest: { metrics: { maxDrawdown: 'deep' } } })).toBeUndefined();
    expect(savedMaxDrawdown({ backtest: { metrics: { maxDrawdown: Number.NaN } } })).toBeUndefined();
  });
});
