/**
 * The README's CLI examples, run as a user runs them (the real `frontier` process) on fixture data:
 * each prints the JSON keys it printed before the CLI became a client of the API, with the values the
 * engine computes from the same file (core run directly on the parsed CSV, as the CLI used to), and
 * the exit codes stay 0 / 1 / 2.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { optimizeOptionsSchema } from '../../shared/domain/optimize.js';
import { greedyAllocation } from '../../src-main/core/allocate/discrete.js';
import { parseWidePrices } from '../../src-main/core/ingest/wide-prices.js';
import { efficientFrontier, estimateMoments, optimizePortfolio } from '../../src-main/core/optimize/index.js';
import { frontier } from '../support/cli.js';
import { repoRoot } from '../support/shared-data.js';
import { tempDir } from '../support/temp.js';

const dir = tempDir('frontier-readme-');
const csv = join(repoRoot, 'test', 'fixtures', 'prices', 'wide-sample.csv');
const prices = parseWidePrices(readFileSync(csv), csv).matrix!;
const db = join(dir, 'x.db');

/** Every number equal to 1e-9 (relative), every key in the same order; timings left out. */
function expectSame(actual: unknown, expected: unknown, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(Math.abs((actual as number) - expected), path).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, path).toBe(expected.length);
    expected.forEach((e, i) => expectSame((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    const keys = Object.keys(expected).filter((k) => !/(Ms|TimeMs)$/.test(k));
    expect(Object.keys(actual as object).filter((k) => !/(Ms|TimeMs)$/.test(k)), path).toEqual(keys);
    for (const k of keys) expectSame((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${path}.${k}`);
  } else {
    expect(actual, path).toEqual(expected);
  }
}

const plain = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("README's CLI examples", () => {
  it('frontier import prices.csv --db x.db --json: files, inserted, batch ids; exit 0', () => {
    const run = frontier(['import', csv, '--db', db, '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = run.json<Record<string, unknown>>();
    expect(Object.keys(out)).toEqual(['files', 'inserted', 'batchIds', 'errors']);
    const stored = prices.values.filter((v) => Number.isFinite(v)).length;
    expect(out.inserted).toEqual({ prices: stored, transactions: 0, positions: 0 });
  });

  it('frontier optimize --db x.db --tickers … --objective min-volatility --json: the engine’s result', async () => {
    const run = frontier(['optimize', '--db', db, '--tickers', 'ALPHA,BRAVO,CHARLIE', '--objective', 'min-volatility', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const options = optimizeOptionsSchema.parse({ objective: 'min-volatility' });
    const sub = { ...prices, tickers: ['ALPHA', 'BRAVO', 'CHARLIE'], values: Float64Array.from({ length: prices.dates.length * 3 }, (_, k) => prices.values[Math.floor(k / 3) * 6 + (k % 3)]!) };
    const r = await optimizePortfolio(sub, options);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const out = run.json<Record<string, unknown>>();
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['weights', 'performance', 'status', 'diagnostics']));
    expectSame(out.weights, plain(r.value.weights));
    expectSame(out.performance, plain(r.value.performance));
    expect(out.status).toBe(r.value.status);
  });

  it('frontier optimize --prices FILE --objective max-sharpe --rf 0.02 --bounds 0:0.3 --json', async () => {
    const run = frontier(['optimize', '--prices', csv, '--objective', 'max-sharpe', '--rf', '0.02', '--bounds', '0:0.3', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const r = await optimizePortfolio(prices, optimizeOptionsSchema.parse({ objective: 'max-sharpe', targets: { rf: 0.02 }, constraints: { bounds: [0, 0.3] } }));
    if (!r.ok) throw new Error(r.error.message);
    const out = run.json<{ weights: unknown; performance: unknown; diagnostics: { riskContributions: unknown; warnings: unknown } }>();
    // Column order of the file, FOXTROT (a late starter) included.
    expect(Object.keys(out.weights as object)).toEqual(prices.tickers);
    expectSame(out.weights, plain(r.value.weights));
    expectSame(out.performance, plain(r.value.performance));
    expectSame(out.diagnostics.riskContributions, plain(r.value.diagnostics.riskContributions));
    expect(out.diagnostics.warnings).toEqual(r.value.diagnostics.warnings);
  });

  it('frontier estimate --prices FILE --risk ledoit-wolf --json: tickers, expectedReturns, covariance, warnings, covarianceKernel', () => {
    const run = frontier(['estimate', '--prices', csv, '--risk', 'ledoit-wolf', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const m = estimateMoments(prices, optimizeOptionsSchema.parse({ estimators: { risk: 'ledoit-wolf' } }).estimators, 0);
    if (!m.ok) throw new Error(m.error.message);
    const n = m.value.tickers.length;
    const out = run.json<Record<string, unknown>>();
    expectSame(out, {
      tickers: m.value.tickers,
      expectedReturns: Object.fromEntries(m.value.tickers.map((t, i) => [t, m.value.expectedReturns[i]!])),
      covariance: Array.from({ length: n }, (_, i) => Array.from(m.value.covariance.subarray(i * n, (i + 1) * n))),
      warnings: m.value.warnings,
      covarianceKernel: m.value.covarianceKernel,
    });
  });

  it('frontier frontier --prices FILE --points 8 --json: points and turning points', async () => {
    const run = frontier(['frontier', '--prices', csv, '--points', '8', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const f = await efficientFrontier(prices, optimizeOptionsSchema.parse({}), 8);
    if (!f.ok) throw new Error(f.error.message);
    const out = run.json<{ points: unknown; turningPoints?: unknown; assets: unknown }>();
    expectSame(out.points, plain(f.value.points));
    expectSame(out.turningPoints, plain(f.value.turningPoints));
    expectSame(out.assets, plain(f.value.assets));
  });

  it('frontier allocate --prices FILE --weights weights.json --cash 100000 --json: shares at the last prices', () => {
    const weights = { ALPHA: 0.4, BRAVO: 0.35, CHARLIE: 0.25 };
    const file = join(dir, 'weights.json');
    writeFileSync(file, JSON.stringify({ weights }));
    const run = frontier(['allocate', '--prices', csv, '--weights', file, '--cash', '100000', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const tickers = Object.keys(weights);
    const last = tickers.map((t) => {
      const j = prices.tickers.indexOf(t);
      for (let r = prices.dates.length - 1; r >= 0; r--) if (Number.isFinite(prices.values[r * 6 + j]!)) return prices.values[r * 6 + j]!;
      return Number.NaN;
    });
    const a = greedyAllocation({ tickers, weights: Object.values(weights), prices: last, cash: 100_000 });
    if (!a.ok) throw new Error(a.error.message);
    expectSame(run.json(), { shares: a.value.shares, leftover: a.value.leftover, method: 'greedy', rmse: a.value.rmse, prices: Object.fromEntries(tickers.map((t, i) => [t, last[i]!])) });
  });

  it('exit codes: 1 with one line naming the file, flag or ticker; nothing written', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'date,AAA\n2020-01-02,10\n2020-01-03,abc\n');
    const badCsv = frontier(['optimize', '--prices', bad, '--json']);
    expect(badCsv.code).toBe(1);
    expect(badCsv.stderr.trim().split('\n')[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: `));
    const unknown = frontier(['optimize', '--db', db, '--tickers', 'ALPHA,NOPE', '--json']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/NOPE/);
    const flag = frontier(['optimize', '--prices', csv, '--objective', 'fastest']);
    expect(flag.code).toBe(1);
    expect(flag.stderr.trim()).toBe('--objective: "fastest" is not one of ' + optimizeOptionsSchema.shape.objective.unwrap().options.join(', '));
  });
});
