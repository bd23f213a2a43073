/** instruments-update / instruments-list and prices-allocate through the real dispatch and a real SQLite file. */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstrumentSummary, TradePlan } from '../../shared/api/market-data.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const SAMPLE = join(import.meta.dirname, '..', 'fixtures', 'prices', 'wide-sample.csv');
// Last row of the fixture (2017-11-24).
const LAST = { ALPHA: 24.6062, BRAVO: 26.2408, CHARLIE: 35.0533, DELTA: 66.5305 };
const dir = tempDir();
const db = join(dir, 'md.db');
let runtime: Runtime;

beforeAll(() => {
  const imported = frontier(['import', SAMPLE, '--db', db, '--json']);
  if (imported.code !== 0) throw new Error(`import failed: ${imported.stderr}`);
  runtime = createRuntime({ dbPath: db, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
});

afterAll(async () => {
  await runtime?.close();
});

async function ok<T>(method: Parameters<Runtime['call']>[0], req: unknown): Promise<T> {
  const r = await runtime.call(method, req as never);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

describe('instrument classification', () => {
  it('saves sector, asset class and tags, and clears a field given as blank', async () => {
    await ok('instruments-update', {
      updates: [
        { ticker: 'ALPHA', sector: ' Tech ', assetClass: 'Equity', tags: ['core', 'us', 'core', ' '] },
        { ticker: 'BRAVO', sector: 'Energy' },
      ],
    });
    let list = await ok<InstrumentSummary[]>('instruments-list', {});
    const alpha = list.find((i) => i.ticker === 'ALPHA')!;
    expect(alpha).toMatchObject({ sector: 'Tech', assetClass: 'Equity', tags: ['core', 'us'], firstDate: '2015-01-02', lastDate: '2017-11-24' });
    expect(list.find((i) => i.ticker === 'BRAVO')).toMatchObject({ sector: 'Energy', assetClass: null, tags: [] });
    await ok('instruments-update', { updates: [{ ticker: 'ALPHA', sector: '' }] });
    list = await ok<InstrumentSummary[]>('instruments-list', {});
    expect(list.find((i) => i.ticker === 'ALPHA')).toMatchObject({ sector: null, assetClass: 'Equity', tags: ['core', 'us'] });
  });

  it('refuses unknown tickers and writes nothing of the batch', async () => {
    const r = await runtime.call('instruments-update', { updates: [{ ticker: 'BRAVO', sector: 'Changed' }, { ticker: 'NOPE', sector: 'X' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('NOPE');
    const list = await ok<InstrumentSummary[]>('instruments-list', {});
    expect(list.find((i) => i.ticker === 'BRAVO')?.sector).toBe('Energy');
  });
});

describe('whole-share trades', () => {
  it('allocates targets at the last prices and trades from the current weights', async () => {
    const plan = await ok<TradePlan>('prices-allocate', {
      weights: { ALPHA: 0.4, BRAVO: 0.35, CHARLIE: 0.25, DELTA: 0 },
      currentWeights: { ALPHA: 0.25, BRAVO: 0.25, CHARLIE: 0.25, DELTA: 0.25 },
      value: 100_000,
    });
    expect(plan.method).toBe('greedy');
    const byTicker = Object.fromEntries(plan.rows.map((r) => [r.ticker, r]));
    for (const [t, p] of Object.entries(LAST)) {
      expect(byTicker[t]!.price).toBeCloseTo(p, 10);
      expect(byTicker[t]!.priceDate).toBe('2017-11-24');
    }
    const spent = plan.rows.reduce((a, r) => a + r.targetShares * r.price, 0);
    expect(spent + plan.leftover).toBeCloseTo(100_000, 6);
    expect(plan.leftover).toBeGreaterThanOrEqual(0);
    // Whole shares, each within one share of its exact target.
    expect(Math.abs(byTicker.ALPHA!.targetShares - (0.4 * 100_000) / LAST.ALPHA)).toBeLessThan(1.0001);
    expect(byTicker.DELTA!.targetShares).toBe(0);
    expect(Math.abs(byTicker.DELTA!.currentShares - (0.25 * 100_000) / LAST.DELTA)).toBeLessThan(1.0001);
    for (const r of plan.rows) {
      expect(Number.isInteger(r.targetShares) && Number.isInteger(r.currentShares)).toBe(true);
      expect(r.tradeShares).toBe(r.targetShares - r.currentShares);
      expect(r.tradeValue).toBeCloseTo(r.tradeShares * r.price, 8);
    }
  });

  it('the integer LP (run as a worker job) misses the targets by no more than greedy', async () => {
    const weights = { ALPHA: 0.37, BRAVO: 0.21, CHARLIE: 0.29, DELTA: 0.13 };
    const gap = (p: TradePlan) => p.rows.reduce((a, r) => a + Math.abs(r.weight * p.value - r.targetShares * r.price), 0) + p.leftover;
    const greedy = await ok<TradePlan>('prices-allocate', { weights, value: 5_000 });
    const lp = await ok<TradePlan>('prices-allocate', { weights, value: 5_000, method: 'lp' });
    expect(lp.method).toBe('lp');
    expect(lp.rows.reduce((a, r) => a + r.targetShares * r.price, 0) + lp.leftover).toBeCloseTo(5_000, 6);
    expect(gap(lp)).toBeLessThanOrEqual(gap(greedy) + 1e-6);
    // The default time limit is ample for four tickers; a zero limit reaches the worker and stops at the start.
    expect(greedy.solve).toBeUndefined();
    expect(lp.solve).toMatchObject({ status: 'optimal', timeLimit: 5 });
    const stopped = await ok<TradePlan>('prices-allocate', { weights, value: 5_000, method: 'lp', timeLimit: 0.000001 });
    expect(stopped.solve?.status).toBe('best-found');
    expect(gap(stopped)).toBeLessThanOrEqual(gap(greedy) + 1e-6);
  });

  it('values the portfolio from current shares plus cash when no value is given', async () => {
    const plan = await ok<TradePlan>('prices-allocate', { weights: { ALPHA: 0.5, DELTA: 0.5 }, currentShares: { ALPHA: 100, BRAVO: 40 }, cash: 500 });
    expect(plan.value).toBeCloseTo(100 * LAST.ALPHA + 40 * LAST.BRAVO + 500, 8);
    const bravo = plan.rows.find((r) => r.ticker === 'BRAVO')!;
    expect(bravo).toMatchObject({ currentShares: 40, targetShares: 0, tradeShares: -40 });
  });

  it('names what is wrong: negative weights, unknown tickers, no value', async () => {
    const short = await runtime.call('prices-allocate', { weights: { ALPHA: 1.2, BRAVO: -0.2 }, value: 1000 });
    expect(!short.ok && short.error.message).toMatch(/BRAVO has a negative weight/);
    const unknown = await runtime.call('prices-allocate', { weights: { ALPHA: 0.5, ZULU: 0.5 }, value: 1000 });
    expect(!unknown.ok && unknown.error.message).toMatch(/unknown ticker ZULU/);
    const none = await runtime.call('prices-allocate', { weights: { ALPHA: 1 } });
    expect(!none.ok && none.error.code).toBe('invalid-request');
  });
});
