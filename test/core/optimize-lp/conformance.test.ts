/**
 * Conformance on the public reference data (../shared/data): objectives must match the independent
 * scipy results stored by scripts/crosscheck-lp/crosscheck.py to 1e-6 relative (in practice ~1e-12),
 * and PyPortfolioOpt's own published test values where they exist.
 */
import { describe, expect, it } from 'vitest';
import { hasSharedData } from '../../support/shared-data.js';
import { solveScenarioRisk } from '../../../src-main/core/optimize/lp/solve-scenario.js';
import type { PortfolioSpec } from '../../../src-main/core/optimize/lp/portfolio-lp.js';
import { hrp } from '../../../src-main/core/optimize/hrp.js';
import { riskParity } from '../../../src-main/core/optimize/risk-parity.js';
import { loadFixture, loadReference, type FixtureCase, type ReferenceData } from './reference-data.js';
import { readFileSync } from 'node:fs';
import { sharedDataFile } from '../../support/shared-data.js';
import { optimizePortfolio } from '../../../src-main/core/optimize/index.js';
import { optimizeOptionsSchema } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';

function priceMatrix(dataset: 'pypfopt' | 'riskfolio'): PriceMatrix {
  const lines = readFileSync(sharedDataFile(dataset, 'stock_prices.csv'), 'utf8').trim().split(/\r?\n/);
  const tickers = lines[0]!.split(',').slice(1);
  const rows = lines.slice(1).map((l) => l.split(','));
  const values = new Float64Array(rows.length * tickers.length);
  rows.forEach((r, t) => r.slice(1).forEach((x, j) => (values[t * tickers.length + j] = x === '' ? NaN : Number(x))));
  return { dates: rows.map((r) => r[0]!), tickers, values };
}

const datasets = ['pypfopt', 'riskfolio'] as const;

function specFor(ref: ReferenceData, c: FixtureCase): PortfolioSpec {
  const n = ref.tickers.length;
  const index = new Map(ref.tickers.map((t, i) => [t, i]));
  return {
    tickers: ref.tickers,
    lower: new Float64Array(n),
    upper: new Float64Array(n).fill(c.upper ?? 1),
    budget: 1,
    groups: (c.groups ?? []).map((g) => ({
      name: g.name,
      members: g.tickers.map((t) => index.get(t)!),
      ...(g.min === undefined ? {} : { min: g.min }),
      ...(g.max === undefined ? {} : { max: g.max }),
    })),
    ...(c.targetReturn === undefined ? {} : { returnFloor: { mu: ref.mu, value: c.targetReturn } }),
    ...(c.maxHoldings === undefined ? {} : { maxHoldings: c.maxHoldings }),
  };
}

describe.skipIf(!hasSharedData)('LP objectives vs scipy (HiGHS) on reference data', () => {
  for (const dataset of datasets) {
    describe(dataset, () => {
      const fixture = loadFixture(dataset);
      const ref = hasSharedData ? loadReference(dataset) : undefined;
      it('derives the same scenarios and expected returns as the cross-check script', () => {
        expect(ref!.T).toBe(fixture.T);
        expect(ref!.tickers).toEqual(fixture.tickers);
        fixture.mu.forEach((m, i) => expect(ref!.mu[i]).toBeCloseTo(m, 12));
      });
      for (const [name, c] of Object.entries(fixture.cases)) {
        if (c.kind === undefined) continue;
        it(`${name}: objective within 1e-9 relative, certified`, async () => {
          const res = await solveScenarioRisk({
            spec: specFor(ref!, c),
            returns: ref!.scenarios,
            T: ref!.T,
            beta: c.beta!,
            measure: c.kind!,
          });
          if (!res.ok) throw new Error(res.error.message);
          const e = res.value.extras!;
          expect(Math.abs(e.objective! - c.objective!) / c.objective!).toBeLessThan(1e-9);
          expect(Math.abs(e[c.kind!]! - c.measure!) / c.measure!).toBeLessThan(1e-9);
          if (c.targetReturn !== undefined) {
            const ret = res.value.weights.reduce((a, w, i) => a + w * ref!.mu[i]!, 0);
            expect(ret).toBeGreaterThanOrEqual(c.targetReturn - 1e-9);
          }
          if (c.maxHoldings !== undefined) {
            expect([...res.value.weights].filter((w) => w > 1e-9).length).toBeLessThanOrEqual(c.maxHoldings);
          } else {
            expect(res.value.kkt!.feasibility).toBeLessThanOrEqual(1e-8);
            expect(res.value.kkt!.stationarity).toBeLessThanOrEqual(1e-8);
            expect(res.value.kkt!.complementarity).toBeLessThanOrEqual(1e-8);
            expect(res.value.status).toBe('optimal');
          }
        });
      }
      it('HRP weights and leaf order match scipy single linkage + bisection', () => {
        const r = hrp(ref!.cov, ref!.tickers.length);
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.order).toEqual(fixture.cases.hrp!.order);
        fixture.cases.hrp!.weights.forEach((w, i) => expect(r.value.weights[i]).toBeCloseTo(w, 12));
      });
      it('risk parity (equal and budgeted) matches a Newton solve of the same program', () => {
        const n = ref!.tickers.length;
        const eq = riskParity(ref!.cov, n);
        if (!eq.ok) throw new Error(eq.error.message);
        fixture.cases['risk-parity']!.weights.forEach((w, i) => expect(eq.value.weights[i]).toBeCloseTo(w, 10));
        const b = Float64Array.from(fixture.cases['risk-parity-budgets']!.budgets!);
        const bud = riskParity(ref!.cov, n, b);
        if (!bud.ok) throw new Error(bud.error.message);
        fixture.cases['risk-parity-budgets']!.weights.forEach((w, i) => expect(bud.value.weights[i]).toBeCloseTo(w, 10));
      });
    });
  }

  it("PyPortfolioOpt's published values: min_cvar (0.17746, 0.017050) and min_cdar CDaR 0.056433", async () => {
    const ref = loadReference('pypfopt');
    const n = ref.tickers.length;
    const base: PortfolioSpec = { tickers: ref.tickers, lower: new Float64Array(n), upper: new Float64Array(n).fill(1), budget: 1, groups: [] };
    const cvar = await solveScenarioRisk({ spec: base, returns: ref.scenarios, T: ref.T, beta: 0.95, measure: 'cvar' });
    if (!cvar.ok) throw new Error(cvar.error.message);
    const ret = cvar.value.weights.reduce((a, w, i) => a + w * ref.mu[i]!, 0);
    expect(ret).toBeCloseTo(0.17746, 4);
    expect(cvar.value.extras!.cvar!).toBeCloseTo(0.01705, 4);
    const cdar = await solveScenarioRisk({ spec: base, returns: ref.scenarios, T: ref.T, beta: 0.95, measure: 'cdar' });
    if (!cdar.ok) throw new Error(cdar.error.message);
    // the min-CDaR weights are not unique (degenerate LP): only the CDaR value is comparable
    expect(cdar.value.extras!.cdar!).toBeCloseTo(0.056433, 5);
  });

  it('through the engine entry point (optimizePortfolio): min-cvar / min-cdar / efficient-cdar performance', async () => {
    for (const dataset of datasets) {
      const fixture = loadFixture(dataset);
      const prices = priceMatrix(dataset);
      for (const name of ['min-cvar', 'min-cdar', 'efficient-cdar'] as const) {
        const c = fixture.cases[name]!;
        const options = optimizeOptionsSchema.parse({
          objective: name,
          targets: { beta: c.beta, ...(c.targetReturn === undefined ? {} : { targetReturn: c.targetReturn }) },
        });
        const r = await optimizePortfolio(prices, options);
        if (!r.ok) throw new Error(r.error.message);
        const measure = c.kind === 'cvar' ? r.value.performance.cvar! : r.value.performance.cdar!;
        expect(Math.abs(measure - c.objective!) / c.objective!).toBeLessThan(1e-9);
        expect(r.value.status).toBe('optimal');
      }
    }
  });
});
