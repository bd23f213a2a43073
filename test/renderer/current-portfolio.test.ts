/**
 * The "Current" point of the frontier chart: the pinned optimisation built by the renderer, run by
 * the real engine, must give exactly the holdings and w'μ, √(w'Σw) from the same estimators.
 */
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../shared/domain/optimize.js';
import { estimateMoments, optimizePortfolio } from '../../src-main/core/optimize/index.js';
import { currentEvaluation, withCash } from '../../src-renderer/src/lib/current-portfolio.js';
import { syntheticPrices } from '../support/synthetic-prices.js';

const tickers = ['AAA', 'BBB', 'CCC', 'DDD'];
const prices = syntheticPrices({ tickers, days: 600, seed: 7 });

function direct(weights: number[], risk: 'sample' | 'ledoit-wolf'): { ret: number; vol: number } {
  const options = optimizeOptionsSchema.parse({ estimators: { risk } });
  const m = estimateMoments(prices, options.estimators, 0);
  if (!m.ok) throw new Error(m.error.message);
  const n = tickers.length;
  let ret = 0;
  let v = 0;
  for (let i = 0; i < n; i++) {
    ret += weights[i]! * m.value.expectedReturns[i]!;
    for (let j = 0; j < n; j++) v += weights[i]! * weights[j]! * m.value.covariance[i * n + j]!;
  }
  return { ret, vol: Math.sqrt(v) };
}

describe('current portfolio evaluation', () => {
  it('returns nothing without holdings', () => {
    expect(currentEvaluation(tickers, {}, {})).toBeNull();
    expect(currentEvaluation(tickers, { AAA: 0 }, {})).toBeNull();
  });

  it('pins every weight so the engine returns the holdings and their risk/return', async () => {
    const holdings = { AAA: 0.1, BBB: 0.5, DDD: 0.4 };
    for (const risk of ['sample', 'ledoit-wolf'] as const) {
      const ev = currentEvaluation(tickers, holdings, { objective: 'max-sharpe', estimators: { risk }, constraints: { maxHoldings: 1 } });
      expect(ev).not.toBeNull();
      const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse(ev!.options));
      if (!r.ok) throw new Error(r.error.message);
      for (const t of tickers) expect(r.value.weights[t] ?? 0).toBeCloseTo(holdings[t as keyof typeof holdings] ?? 0, 8);
      const want = direct([0.1, 0.5, 0, 0.4], risk);
      expect(r.value.performance.expectedReturn).toBeCloseTo(want.ret, 10);
      expect(r.value.performance.volatility).toBeCloseTo(want.vol, 10);
    }
  });

  it('counts uninvested weight as cash at the risk-free rate', async () => {
    const ev = currentEvaluation(tickers, { AAA: 0.3, CCC: 0.3 }, { targets: { rf: 0.02 } });
    expect(ev!.invested).toBeCloseTo(0.6, 12);
    const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse(ev!.options));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.weights.AAA).toBeCloseTo(0.5, 8);
    const whole = withCash(r.value.performance, ev!.invested, 0.02);
    const want = direct([0.3, 0, 0.3, 0], 'sample');
    expect(whole.expectedReturn).toBeCloseTo(0.4 * 0.02 + want.ret, 10);
    expect(whole.volatility).toBeCloseTo(want.vol, 10);
    expect(whole.sharpe).toBeCloseTo((whole.expectedReturn - 0.02) / whole.volatility, 10);
  });
});
