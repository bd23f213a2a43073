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

  it('a net-delta band per underlying becomes bounds on its weight; gamma and vega caps are checked', async () => {
    const nav = 2_000_000;
    const g = await call(rt, 'options-greeks', { rate: 0, nav });
    const dA = g.byUnderlying.AAPL!.dollarDelta / nav;
    const r = await call(rt, 'optimize-run', {
      tickers: ['AAPL', 'MSFT'],
      options: { objective: 'min-volatility', optionBook: { nav, netDelta: { AAPL: [0.6, 0.65] } } },
    });
    // the net delta of AAPL (stock weight + options' delta weight) lands in the band
    expect(r.weights.AAPL! + dA).toBeGreaterThanOrEqual(0.6 - 1e-6);
    expect(r.weights.AAPL! + dA).toBeLessThanOrEqual(0.65 + 1e-6);
    expect(r.optionsExposure!.netDeltaBounds.AAPL![0]).toBeCloseTo(0.6 - dA, 12);
    const gammaOfNav = r.optionsExposure!.gammaOfNav;
    const e = await call(rt, 'optimize-run', { tickers: ['AAPL', 'MSFT'], options: { optionBook: { nav, maxGamma: gammaOfNav / 2 } } }).catch((x: { apiError: { message: string } }) => x.apiError);
    expect((e as { message: string }).message).toMatch(/optionBook\.maxGamma: .* the underlyings carry no gamma/);
    const ok = await call(rt, 'optimize-run', { tickers: ['AAPL', 'MSFT'], options: { optionBook: { nav, maxGamma: gammaOfNav * 2, maxVega: r.optionsExposure!.vegaOfNav * 2 } } });
    expect(ok.optionsExposure!.gammaOfNav).toBeCloseTo(gammaOfNav, 12);
  });

  it('the stress test carries the option book’s revaluation grid', async () => {
    const r = await call(rt, 'stress-run', { tickers: ['AAPL'], settings: { weights: { AAPL: 1 }, monteCarlo: { paths: 200, horizons: [1], blockLength: 21, seed: 1, lossThresholds: [0.1] } } });
    const grid = await call(rt, 'options-grid', { rate: 0, positionsFile: textFile('aapl.csv', BOOK_CSV.split('\n').slice(0, 3).join('\n')), asOf: AS_OF });
    expect(r.optionsGrid!.positions).toBe(2);
    expect(r.optionsGrid!.pnl[0]![0]).toBeCloseTo(grid.pnl[0]![0]!, 6);
    const none = await call(rt, 'stress-run', { tickers: ['MSFT'], settings: { weights: { MSFT: 1 }, monteCarlo: { paths: 200, horizons: [1], blockLength: 21, seed: 1, lossThresholds: [0.1] } } });
    expect(none.optionsGrid!.positions).toBe(1);
  });
});
