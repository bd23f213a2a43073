import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src-main/services/runtime.js';
import { call, textFile } from '../../import/helpers.js';
import { AS_OF, BOOK_CSV, storeWithPrices } from './book-fixture.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await storeWithPrices();
  await call(rt, 'options-import', { files: [textFile('book.csv', BOOK_CSV)], asOf: AS_OF });
});
afterAll(async () => {
  await rt.close();
});

describe('options in the optimiser', () => {
  it('adds the book’s dollar delta / NAV to the current weights', async () => {
    const nav = 2_000_000;
    const g = await call(rt, 'options-greeks', { rate: 0.02, nav });
    const dA = g.byUnderlying.AAPL!.dollarDelta / nav;
    const dM = g.byUnderlying.MSFT!.dollarDelta / nav;
    expect(Math.abs(dA)).toBeGreaterThan(0.01);
    // Typed current weights chosen so that with the options they are 50/50; a tiny turnover cap keeps the optimum there.
    const r = await call(rt, 'optimize-run', {
      tickers: ['AAPL', 'MSFT'],
      options: { objective: 'min-volatility', constraints: { currentWeights: { AAPL: 0.5 - dA, MSFT: 0.5 - dM }, maxTurnover: 1e-6 }, optionBook: { rate: 0.02, nav } },
    });
    expect(r.optionsExposure!.deltaWeights.AAPL).toBeCloseTo(dA, 12);
    expect(r.optionsExposure!.nav).toBe(nav);
    expect(r.weights.AAPL).toBeCloseTo(0.5, 4);
    expect(r.weights.MSFT).toBeCloseTo(0.5, 4);
    // Without the book the same typed weights are not 50/50, so the cap holds the optimum elsewhere.
    const plain = await call(rt, 'optimize-run', {
      tickers: ['AAPL', 'MSFT'],
      options: { objective: 'min-volatility', constraints: { currentWeights: { AAPL: 0.5 - dA, MSFT: 0.5 + dA }, maxTurnover: 1e-6 } },
    });
    expect(plain.optionsExposure).toBeUndefined();
    expect(plain.weights.AAPL).toBeCloseTo(0.5 - dA, 4);
  });

  it('options on underlyings outside the tickers are named, not added', async () => {
    const r = await call(rt, 'optimize-run', { tickers: ['AAPL'], options: { objective: 'min-volatility', optionBook: { nav: 1e6 } } });
    expect(r.optionsExposure!.excluded).toEqual(['MSFT']);
    expect(Object.keys(r.optionsExposure!.deltaWeights)).toEqual(['AAPL']);
    expect(r.optionsExposure!.warnings.join(' ')).toMatch(/options on MSFT are outside the portfolio/);
  });
});
