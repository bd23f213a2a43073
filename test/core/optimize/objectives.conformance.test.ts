/**
 * Mean-variance objectives on riskfolio/stock_prices.csv against independent scipy answers polished
 * to the exact KKT point (scripts/crosscheck/crosscheck.py → test/fixtures/crosscheck/reference.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema, type OptimizeOptionsInput } from '../../../shared/domain/optimize.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { hasSharedData, repoRoot, sharedDataFile } from '../../support/shared-data.js';
import { readWideCsv } from './read-wide-csv.js';

const ref = JSON.parse(readFileSync(`${repoRoot}/test/fixtures/crosscheck/reference.json`, 'utf8')) as {
  riskfolio: { tickers: string[]; optimize: Record<string, Record<string, number>> };
};

const cases: [string, OptimizeOptionsInput][] = [
  ['min-volatility', { objective: 'min-volatility' }],
  ['max-utility', { objective: 'max-utility', targets: { riskAversion: 2 } }],
  ['efficient-return', { objective: 'efficient-return', targets: { targetReturn: 0.2 } }],
  ['l2-min-volatility', { objective: 'min-volatility', constraints: { l2: 0.1 } }],
  [
    'boxed-group-min-volatility',
    { objective: 'min-volatility', constraints: { bounds: [0, 0.3], groups: [{ name: 'first3', tickers: ['AMZN', 'APA', 'CMCSA'], max: 0.4 }] } },
  ],
  ['max-return', { objective: 'max-return' }],
  ['max-sharpe', { objective: 'max-sharpe', targets: { rf: 0.02 } }],
  ['efficient-risk', { objective: 'efficient-risk', targets: { targetVolatility: 0.2 } }],
  ['min-semivariance', { objective: 'min-semivariance' }],
];

describe.skipIf(!hasSharedData)('objectives vs the numpy/scipy cross-check (riskfolio data)', () => {
  const prices = hasSharedData ? readWideCsv(sharedDataFile('riskfolio', 'stock_prices.csv')) : null;
  for (const [key, input] of cases) {
    it(key, async () => {
      const r = await optimizePortfolio(prices!, optimizeOptionsSchema.parse(input));
      if (!r.ok) throw new Error(r.error.message);
      const want = ref.riskfolio.optimize[key]!;
      let worst = 0;
      for (const t of ref.riskfolio.tickers) worst = Math.max(worst, Math.abs(r.value.weights[t]! - want[t]!));
      expect(worst).toBeLessThan(1e-6);
      expect(r.value.status).toBe('optimal');
      const kkt = r.value.diagnostics.kkt!;
      expect(kkt.stationarity).toBeLessThanOrEqual(1e-8);
      expect(kkt.feasibility).toBeLessThanOrEqual(1e-8);
      expect(kkt.complementarity).toBeLessThanOrEqual(1e-8);
      const sum = Object.values(r.value.weights).reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - 1)).toBeLessThan(1e-10);
    });
  }
});
