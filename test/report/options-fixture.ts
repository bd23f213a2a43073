/** A small option book as the report gets it (hand-written figures; the options section test builds a real one). */
import type { ReportOptionBook } from '../../src-main/report/report-input.js';

export function fixtureOptionBook(): ReportOptionBook {
  const g = { delta: -520, gamma: -12.5, vega: -3100, theta: 2400, rho: -800, dollarDelta: -78000, dollarGamma: -1406 };
  return {
    greeks: {
      asOf: '2024-01-26', rate: 0.03,
      positions: [{
        account: 'default', underlying: 'AAPL', type: 'call', style: 'european', strike: 150, expiry: '2024-06-21', quantity: -10, multiplier: 100, price: 11.2, mark: null,
        impliedVol: 0.25, volSource: 'given', spot: 150, spotDate: '2024-01-26', years: 0.4, value: -11200, status: 'priced', error: null, perContract: null, source: 'book.csv:2', ...g,
      }],
      byUnderlying: { AAPL: { ...g, spot: 150, value: -11200 } },
      portfolio: { ...g, value: -11200 },
      nav: 1_000_000, navSource: 'given', pctOfNav: { dollarDelta: -0.078, dollarGamma: -0.0014, vega: -0.0031, theta: 0.0024 }, vegaByTenor: [{ bucket: '3–12m', vega: -3100, byUnderlying: { AAPL: -3100 } }], warnings: [],
    },
    grid: null,
    hedge: null,
  };
}
