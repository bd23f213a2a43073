/** Black–Litterman posterior against the textbook (explicit-inverse) form computed in numpy. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimatorSchema, optimizeOptionsSchema, viewsSchema } from '../../../shared/domain/optimize.js';
import { applyBlackLitterman } from '../../../src-main/core/optimize/black-litterman.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { estimateMoments } from '../../../src-main/core/optimize/prepare.js';
import { hasSharedData, repoRoot, sharedDataFile } from '../../support/shared-data.js';
import { readWideCsv } from './read-wide-csv.js';

const ref = JSON.parse(readFileSync(`${repoRoot}/test/fixtures/crosscheck/reference.json`, 'utf8')) as {
  riskfolio: {
    tickers: string[];
    black_litterman: { caps: Record<string, number>; delta: number; prior: number[]; posterior: number[]; posterior_cov: number[][]; idzorek_posterior: number[]; delta_market_spy: number };
  };
};
const bl = ref.riskfolio.black_litterman;
const views = [
  { asset: 'AMZN', return: 0.25, confidence: 0.6 },
  { long: ['JPM'], short: ['MO'], return: 0.05, confidence: 0.3 },
];

const maxDiff = (a: ArrayLike<number>, b: number[]) => b.reduce((m, x, i) => Math.max(m, Math.abs(a[i]! - x)), 0);

describe.skipIf(!hasSharedData)('Black–Litterman (riskfolio data, market prior)', () => {
  const prices = hasSharedData ? readWideCsv(sharedDataFile('riskfolio', 'stock_prices.csv')) : null;
  const options = optimizeOptionsSchema.parse({});
  const moments = () => {
    const m = estimateMoments(prices!, estimatorSchema.parse({}));
    if (!m.ok) throw new Error(m.error.message);
    return m.value;
  };

  it('proportional Ω: prior, posterior returns and covariance match the explicit-inverse form', () => {
    const s = viewsSchema.parse({ prior: 'market', marketCaps: bl.caps, riskAversion: bl.delta, views });
    const r = applyBlackLitterman(prices!, moments(), s, options);
    if (!r.ok) throw new Error(r.error.message);
    expect(maxDiff(r.value.prior, bl.prior)).toBeLessThan(1e-12);
    expect(maxDiff(r.value.posteriorReturns, bl.posterior)).toBeLessThan(1e-10);
    expect(maxDiff(r.value.posteriorCov, bl.posterior_cov.flat())).toBeLessThan(1e-10);
  });

  it("Idzorek's Ω from view confidences", () => {
    const s = viewsSchema.parse({ prior: 'market', marketCaps: bl.caps, riskAversion: bl.delta, omega: 'idzorek', views });
    const r = applyBlackLitterman(prices!, moments(), s, options);
    if (!r.ok) throw new Error(r.error.message);
    expect(maxDiff(r.value.posteriorReturns, bl.idzorek_posterior)).toBeLessThan(1e-10);
  });

  it('δ implied from a market series (SPY)', () => {
    const s = viewsSchema.parse({ prior: 'market', marketCaps: bl.caps, riskAversion: 'market', marketTicker: 'SPY', views });
    const r = applyBlackLitterman(prices!, moments(), s, options);
    if (!r.ok) throw new Error(r.error.message);
    expect(Math.abs(r.value.delta - bl.delta_market_spy)).toBeLessThan(1e-10);
  });

  it('any objective runs on the posterior and reports prior and posterior', async () => {
    const r = await optimizePortfolio(
      prices!,
      optimizeOptionsSchema.parse({ objective: 'max-sharpe', blackLitterman: { prior: 'market', marketCaps: bl.caps, riskAversion: bl.delta, views } }),
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.posterior!.AMZN).toBeCloseTo(bl.posterior[0]!, 10);
    expect(r.value.prior!.AMZN).toBeCloseTo(bl.prior[0]!, 12);
    expect(r.value.diagnostics.kkt!.stationarity).toBeLessThanOrEqual(1e-8);
  });

  it('Idzorek without confidences is a typed error', () => {
    const s = viewsSchema.parse({ prior: 'equal', omega: 'idzorek', views: [{ asset: 'AMZN', return: 0.1 }] });
    const r = applyBlackLitterman(prices!, moments(), s, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/confidence/);
  });
});
