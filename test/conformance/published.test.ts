/**
 * PyPortfolioOpt's and Riskfolio-Lib's own published test cases, run through Frontier's engine with the
 * libraries' expected numbers as the oracle and their tolerances (published-cases.json lists every case,
 * applicable or not, with the reason; `oracle: "exact"` marks the few where the published figure carries
 * solver error and the exact optimum of the same problem is used, the note says which).
 * Needs ../shared/data (the libraries' public test prices); skipped with a message where it is absent.
 * At the end it prints "N of M applicable published cases pass" and writes test-results/conformance.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { estimatorSchema, optimizeOptionsSchema, viewsSchema, type OptimizeResult } from '../../shared/domain/optimize.js';
import { applyBlackLitterman, blackLittermanWeights, impliedRiskAversion } from '../../src-main/core/optimize/black-litterman.js';
import { evaluatePortfolio } from '../../src-main/core/optimize/evaluate.js';
import { clusterVariance } from '../../src-main/core/optimize/hrp.js';
import { estimateMoments, optimizeFromMoments, optimizePortfolio, pricesForOptions } from '../../src-main/core/optimize/index.js';
import type { PriceMatrix } from '../../src-main/core/price-matrix.js';
import { returnsFromPrices } from '../../src-main/core/stats/returns.js';
import { sampleCov } from '../../src-main/core/stats/risk-models.js';
import { hasSharedData, repoRoot, sharedDataFile } from '../support/shared-data.js';
import { readWideCsv } from '../core/optimize/read-wide-csv.js';
import type { PublishedCase, Tolerance } from './published-case.js';

const cases = JSON.parse(readFileSync(join(repoRoot, 'test', 'conformance', 'published-cases.json'), 'utf8')) as PublishedCase[];
const applicable = cases.filter((c) => c.applies);
const outcomes = new Map<string, { pass: boolean; detail: string }>();

/** numpy's assert_allclose (|a − e| ≤ atol + rtol·|e|) or assert_almost_equal (|a − e| < 1.5·10^−decimal). */
function within(actual: number, expected: number, tol: Tolerance): boolean {
  if (!Number.isFinite(actual)) return false;
  if ('decimal' in tol) return Math.abs(actual - expected) < 1.5 * 10 ** -tol.decimal;
  return Math.abs(actual - expected) <= tol.atol + tol.rtol * Math.abs(expected);
}

const priceCache = new Map<string, PriceMatrix>();
function prices(data: string, tickers?: string[]): PriceMatrix {
  const key = `${data}:${tickers?.join(',') ?? ''}`;
  let p = priceCache.get(key);
  if (!p) {
    const all = readWideCsv(sharedDataFile(data, 'stock_prices.csv'));
    if (!tickers) p = all;
    else {
      const idx = tickers.map((t) => all.tickers.indexOf(t));
      const n = all.tickers.length;
      const values = new Float64Array(all.dates.length * tickers.length);
      all.dates.forEach((_, t) => idx.forEach((j, k) => (values[t * tickers.length + k] = all.values[t * n + j]!)));
      p = { dates: all.dates, tickers: tickers.slice(), values };
    }
    priceCache.set(key, p);
  }
  return p;
}

/** The SPY series of PyPortfolioOpt's tests, aligned on the stock dates (its own returns first). */
function withSpyColumn(base: PriceMatrix): PriceMatrix {
  const spy = readWideCsv(sharedDataFile('pypfopt', 'spy_prices.csv'));
  const byDate = new Map(spy.dates.map((d, t) => [d, spy.values[t]!]));
  const n = base.tickers.length;
  const values = new Float64Array(base.dates.length * (n + 1));
  base.dates.forEach((d, t) => {
    values.set(base.values.subarray(t * n, (t + 1) * n), t * (n + 1));
    values[t * (n + 1) + n] = byDate.get(d) ?? NaN;
  });
  return { dates: base.dates, tickers: [...base.tickers, 'SPY'], values };
}

function spyRiskAversion(rf: number): number {
  const spy = readWideCsv(sharedDataFile('pypfopt', 'spy_prices.csv'));
  return impliedRiskAversion(spy.values, 252, rf);
}

/** The figures a library's portfolio_performance would print for this result. */
function figures(kind: string, r: OptimizeResult, rf: number): number[] {
  const p = r.performance;
  const extras = (r.diagnostics.extras ?? {}) as Record<string, number>;
  switch (kind) {
    case 'semi': {
      const semi = Math.sqrt(extras.semivariance!);
      return [p.expectedReturn, semi, (p.expectedReturn - rf) / semi];
    }
    case 'cvar':
      return [p.expectedReturn, p.cvar!];
    case 'cdar':
      return [p.expectedReturn, p.cdar!];
    default:
      return [p.expectedReturn, p.volatility, p.sharpe];
  }
}

function compare(actual: number[], expected: (number | null)[], tol: Tolerance): { pass: boolean; detail: string } {
  const bad: string[] = [];
  expected.forEach((e, i) => {
    if (e === null) return;
    if (!within(actual[i]!, e, tol)) bad.push(`[${i}] ${actual[i]} vs ${e}`);
  });
  return { pass: bad.length === 0, detail: bad.length === 0 ? `ok (${actual.map((x) => x.toPrecision(10)).join(', ')})` : bad.join('; ') };
}

async function runCase(c: PublishedCase): Promise<{ pass: boolean; detail: string }> {
  const run = c.run!;
  const tol = c.tolerance!;
  switch (run.type) {
    case 'optimize': {
      const input = structuredClone(run.options) as Record<string, Record<string, unknown>>;
      const raw = prices(run.data, run.tickers);
      if (input.constraints?.currentWeights === 'equal') input.constraints.currentWeights = Object.fromEntries(raw.tickers.map((t) => [t, 1 / raw.tickers.length]));
      // the job's path: resample, window, expected-returns window (pricesForOptions)
      const prepared = pricesForOptions(raw, { completeRows: false, ...run.window }, optimizeOptionsSchema.parse(input));
      if (!prepared.ok) return { pass: false, detail: prepared.error.message };
      const px = prepared.value.prices;
      const muPrices = prepared.value.expectedReturnsPrices;
      const expected = c.expected!.slice();
      if (run.targetFromMin) {
        // published as "efficient_risk(min_value + 0.01)": the cap comes from the min-risk portfolio
        const { advanced: _drop, ...minInput } = input;
        void _drop;
        const first = await optimizePortfolio(px, { ...optimizeOptionsSchema.parse({ ...minInput, objective: run.targetFromMin.objective }), estimators: prepared.value.options.estimators }, undefined, muPrices);
        if (!first.ok) return { pass: false, detail: first.error.message };
        const cap = figures(run.figures ?? 'mv', first.value, 0)[1]! + run.targetFromMin.plus;
        input.advanced = { ...input.advanced, riskTarget: cap };
        expected[1] = cap;
      }
      const options = { ...optimizeOptionsSchema.parse(input), estimators: prepared.value.options.estimators };
      const r = await optimizePortfolio(px, options, undefined, muPrices);
      if (!r.ok) return { pass: false, detail: `${r.error.code}: ${r.error.message}` };
      const bounds = options.constraints.bounds;
      // "no bounds" is written as far-away bounds: make sure none binds
      if (bounds[1] >= 1000 && Object.values(r.value.weights).some((w) => Math.abs(w) >= 999)) return { pass: false, detail: 'stand-in bounds bind' };
      if (run.weights) {
        const got = run.tickers!.map((t) => r.value.weights[t]!);
        return compare(got, c.expected!, tol);
      }
      return compare(figures(run.figures ?? 'mv', r.value, options.targets.rf), expected, tol);
    }
    case 'moments': {
      const n = run.tickers!.length;
      const cov = new Float64Array(n * n);
      run.covDiag!.forEach((v, i) => (cov[i * n + i] = v));
      const options = optimizeOptionsSchema.parse(run.options);
      const r = await optimizeFromMoments(run.tickers!, Float64Array.from(run.mu!), cov, options);
      if (!r.ok) return { pass: false, detail: `${r.error.code}: ${r.error.message}` };
      return compare(figures('mv', r.value, options.targets.rf), c.expected!, tol);
    }
    case 'expected-returns': {
      const px = run.market === 'SPY' ? withSpyColumn(prices(run.data)) : prices(run.data);
      const m = estimateMoments(px, estimatorSchema.parse(run.estimators ?? {}), run.rf ?? 0);
      if (!m.ok) return { pass: false, detail: m.error.message };
      return compare(Array.from(m.value.expectedReturns), c.expected!, tol);
    }
    case 'hrp-weights': {
      const r = await optimizePortfolio(prices(run.data), optimizeOptionsSchema.parse({ objective: 'hrp' }));
      if (!r.ok) return { pass: false, detail: r.error.message };
      return compare(run.tickers!.map((t) => r.value.weights[t]!), c.expected!, tol);
    }
    case 'hrp-cluster-var': {
      const px = prices(run.data);
      const rets = returnsFromPrices(px);
      const cov = sampleCov(rets, 1);
      const idx = run.tickers!.map((t) => px.tickers.indexOf(t));
      return compare([clusterVariance(cov, px.tickers.length, idx)], c.expected!, tol);
    }
    case 'hrp-order': {
      const r = await optimizePortfolio(prices(run.data), optimizeOptionsSchema.parse({ objective: 'hrp' }));
      if (!r.ok) return { pass: false, detail: r.error.message };
      const order = (r.value.diagnostics.hrp as { order: string[] }).order.slice(0, c.expected!.length);
      const idx = order.map((t) => prices(run.data).tickers.indexOf(t));
      return { pass: idx.every((x, i) => x === c.expected![i]), detail: `order ${idx.join(',')}` };
    }
    case 'black-litterman': {
      const px = prices(run.data);
      const est = estimatorSchema.parse(run.estimators ?? {});
      const m = estimateMoments(px, est);
      if (!m.ok) return { pass: false, detail: m.error.message };
      const bl = { ...(run.blackLitterman ?? {}) } as Record<string, unknown>;
      if (bl.riskAversion === 'spy') bl.riskAversion = spyRiskAversion(run.rf ?? 0);
      const settings = viewsSchema.parse(bl);
      // rf of the market prior (π = δΣw + rf) may differ from the rf of the Sharpe ratio
      const priorRf = run.priorRf ?? run.rf ?? 0;
      const options = optimizeOptionsSchema.parse({ targets: { rf: priorRf } });
      const moments = { ...m.value, returns: returnsFromPrices(px) };
      const out = applyBlackLitterman(px, moments, settings, options);
      if (!out.ok) return { pass: false, detail: out.error.message };
      const n = m.value.tickers.length;
      if (run.figures === 'delta') return compare([out.value.delta], c.expected!, tol);
      if (run.figures === 'prior') return compare(Array.from(out.value.prior), c.expected!, tol);
      if (run.figures === 'posterior') return compare(Array.from(out.value.posteriorReturns), c.expected!, tol);
      // bl_weights: through the engine (diagnostics.blackLitterman.weights), then performance on the posterior
      const r = await optimizePortfolio(px, optimizeOptionsSchema.parse({ targets: { rf: priorRf }, blackLitterman: settings }));
      if (!r.ok) return { pass: false, detail: r.error.message };
      const wRec = (r.value.diagnostics.blackLitterman as { weights: Record<string, number> | null }).weights;
      if (!wRec) return { pass: false, detail: 'no BL weights' };
      const w = m.value.tickers.map((t) => wRec[t]!);
      if (run.figures === 'weights') return compare(w.map((x) => Math.round(x * 1e5) / 1e5).map((x) => (Math.abs(x) < 1e-4 ? 0 : x)), c.expected!, tol);
      let ret = 0;
      let v = 0;
      for (let i = 0; i < n; i++) {
        ret += w[i]! * out.value.posteriorReturns[i]!;
        for (let j = 0; j < n; j++) v += w[i]! * out.value.posteriorCov[i * n + j]! * w[j]!;
      }
      const vol = Math.sqrt(v);
      return compare([ret, vol, (ret - (run.rf ?? 0)) / vol], c.expected!, tol);
    }
    case 'inline-cov': {
      const rows = run.prices!;
      const n = rows[0]!.length;
      const px: PriceMatrix = { dates: rows.map((_, t) => `2020-01-${String(t + 1).padStart(2, '0')}`), tickers: Array.from({ length: n }, (_, j) => `X${j}`), values: Float64Array.from(rows.flat()) };
      const m = estimateMoments(px, estimatorSchema.parse(run.estimators ?? {}));
      if (!m.ok) return { pass: false, detail: m.error.message };
      return compare(Array.from(m.value.covariance, (x) => x / 252), c.expected!, tol);
    }
    case 'evaluate': {
      const px = prices(run.data);
      const w = Object.fromEntries(px.tickers.map((t) => [t, 1 / px.tickers.length]));
      const r = evaluatePortfolio(px, optimizeOptionsSchema.parse({}), w);
      if (!r.ok) return { pass: false, detail: r.error.message };
      return compare([r.value.performance.volatility ** 2], c.expected!, tol);
    }
    case 'not-run':
      return { pass: false, detail: `not run: ${c.note ?? ''}` };
    default:
      return { pass: false, detail: `unknown case type ${String(run.type)}` };
  }
}

describe.skipIf(!hasSharedData)('published PyPortfolioOpt / Riskfolio-Lib cases', () => {
  for (const c of applicable) {
    // a known miss (listed with its reason) must still miss: when it starts passing the list is updated
    it(c.knownMiss ? `${c.id} (known miss: ${c.knownMiss})` : c.id, async () => {
      const out = await runCase(c);
      outcomes.set(c.id, out);
      expect(out.pass, out.detail).toBe(!c.knownMiss);
    }, 120_000);
  }

  afterAll(() => {
    const passed = [...outcomes.values()].filter((o) => o.pass).length;
    const line = `${passed} of ${applicable.length} applicable published cases pass (${cases.length - applicable.length} cases do not apply; ${cases.length} listed)`;
    console.log(`[conformance] ${line}`);
    for (const c of cases.filter((x) => !x.applies)) console.log(`[conformance] n/a ${c.id}: ${c.reason}`);
    mkdirSync(join(repoRoot, 'test-results'), { recursive: true });
    writeFileSync(
      join(repoRoot, 'test-results', 'conformance.json'),
      JSON.stringify({ summary: line, passed, applicable: applicable.length, listed: cases.length, results: Object.fromEntries(outcomes) }, null, 1),
    );
  });
});

it('the published case list is well formed', () => {
  const ids = new Set<string>();
  for (const c of cases) {
    expect(ids.has(c.id), `duplicate ${c.id}`).toBe(false);
    ids.add(c.id);
    if (c.applies) expect(c.run && c.expected && c.tolerance && c.oracle, c.id).toBeTruthy();
    else expect(c.reason, c.id).toBeTruthy();
    if (c.oracle === 'exact') expect(c.note, `${c.id} must say which exact optimum it uses`).toBeTruthy();
  }
  if (!hasSharedData) console.warn(`[conformance] ../shared/data absent: ${applicable.length} applicable published cases not run`);
});
