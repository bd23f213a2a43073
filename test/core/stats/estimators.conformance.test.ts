/**
 * Conformance of the estimators against independent numpy values (scripts/crosscheck/crosscheck.py,
 * stored in test/fixtures/crosscheck/reference.json) on the public reference prices.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimatorSchema, RISK_MODELS } from '../../../shared/domain/optimize.js';
import { estimateMoments } from '../../../src-main/core/optimize/prepare.js';
import { hasSharedData, repoRoot, sharedDataFile } from '../../support/shared-data.js';
import { readWideCsv } from '../optimize/read-wide-csv.js';

interface DatasetRef {
  tickers: string[];
  mu: Record<string, number[]>;
  cov: Record<string, number[][]>;
  shrinkage: Record<string, number>;
  capm_spy?: { tickers: string[]; mu: number[] };
}
const ref = JSON.parse(readFileSync(`${repoRoot}/test/fixtures/crosscheck/reference.json`, 'utf8')) as Record<string, DatasetRef>;

/** Largest |a − b| / max(1, |b|) (relative for large numbers, absolute near 0). */
function maxRelDiff(a: ArrayLike<number>, b: number[]): number {
  let m = 0;
  for (let i = 0; i < b.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!) / Math.max(1e-2, Math.abs(b[i]!)));
  return m;
}

for (const name of ['pypfopt', 'riskfolio'] as const) {
  describe.skipIf(!hasSharedData)(`estimators on ${name}/stock_prices.csv`, () => {
    const prices = hasSharedData ? readWideCsv(sharedDataFile(name, 'stock_prices.csv')) : null;
    const expected = ref[name]!;

    for (const [returns, key, extra] of [
      ['historical', 'historical', {}],
      ['arithmetic', 'arithmetic', {}],
      ['ema', 'ema', { span: 500 }],
      // CAPM follows PyPortfolioOpt's published capm_return figures (test/conformance/published.test.ts),
      // whose pairwise betas differ from this older complete-row cross-check.
      ['historical', 'historical-log', { logReturns: true }],
    ] as const) {
      it(`expected returns: ${key}`, () => {
        const r = estimateMoments(prices!, estimatorSchema.parse({ returns, ...extra }));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.tickers).toEqual(expected.tickers);
        expect(maxRelDiff(r.value.expectedReturns, expected.mu[key]!)).toBeLessThan(1e-6);
      });
    }

    // Models PyPortfolioOpt lacks (factor, turbulence-blend) have no reference matrix; their own tests check them.
    for (const risk of RISK_MODELS.filter((m) => expected.cov[m] !== undefined)) {
      it(`risk model: ${risk}`, () => {
        const r = estimateMoments(prices!, estimatorSchema.parse({ risk, span: 180 }));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const want = expected.cov[risk]!.flat();
        expect(maxRelDiff(r.value.covariance, want)).toBeLessThan(1e-6);
        if (risk.startsWith('ledoit-wolf')) expect(r.value.shrinkage).toBeCloseTo(expected.shrinkage[risk]!, 9);
        // symmetric and PSD-repaired output
        const n = r.value.tickers.length;
        for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) expect(r.value.covariance[i * n + j]).toBe(r.value.covariance[j * n + i]);
      });
    }

  });
}
