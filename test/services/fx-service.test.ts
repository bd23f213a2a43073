/** fx-import / fx-rates through the real dispatch and a real SQLite file; the fx CLI. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FxImportOutcome, FxRatePoint, HoldingsValuation } from '../../shared/api/fx.js';
import { createRuntime, type Runtime } from '../../src-main/services/runtime.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const FX = join(import.meta.dirname, '..', 'fixtures', 'fx');
const file = (name: string) => ({ name, dataBase64: readFileSync(join(FX, name)).toString('base64') });
const dir = tempDir();
const db = join(dir, 'fx.db');
let runtime: Runtime;

beforeAll(() => {
  runtime = createRuntime({ dbPath: db, mode: 'cli', makePrinter: () => Promise.reject(new Error('no printer in this test')) });
});
afterAll(async () => {
  await runtime?.close();
});

async function call<T>(method: Parameters<Runtime['call']>[0], req: unknown): Promise<{ ok: true; data: T } | { ok: false; message: string }> {
  const r = await runtime.call(method, req as never);
  return r.ok ? { ok: true, data: r.data as T } : { ok: false, message: r.error.message };
}

describe('fx-import', () => {
  it('writes nothing when any file has an error, naming FILE:LINE', async () => {
    const r = await call<FxImportOutcome>('fx-import', { files: [file('eurofxref-hist.csv'), file('fx-generic-bad.csv')] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe('fx-generic-bad.csv:3: "SEKK" is not a three-letter currency code (quote "SEKK")');
    const pairs = await call<unknown[]>('fx-pairs', {});
    expect(pairs.ok && pairs.data).toEqual([]);
  });

  it('imports the ECB, Yahoo and generic files, and a re-import adds nothing', async () => {
    const first = await call<FxImportOutcome>('fx-import', { files: [file('eurofxref-hist.csv'), file('EURUSD=X.csv'), file('fx-generic.csv')] });
    if (!first.ok) throw new Error(first.message);
    expect(first.data.files.map((f) => [f.format, f.inserted])).toEqual([
      ['ecb-eurofxref', 240],
      // EUR/USD from Yahoo: the ECB already wrote the same pair on these dates, so only 03-08.. keep the first.
      ['yahoo-fx', 0],
      ['fx-generic', 4],
    ]);
    const again = await call<FxImportOutcome>('fx-import', { files: [file('eurofxref-hist.csv'), file('fx-generic.csv')] });
    expect(again.ok && again.data.inserted).toBe(0);
  });

  it('lists a pair with derived inverse and cross rates', async () => {
    const direct = await call<{ rates: FxRatePoint[] }>('fx-rates', { pair: 'EUR/USD' });
    if (!direct.ok) throw new Error(direct.message);
    expect(direct.data.rates.find((p) => p.date === '2024-03-15')).toEqual({ date: '2024-03-15', rate: 1.0887, derived: false });
    const inverse = await call<{ rates: FxRatePoint[] }>('fx-rates', { pair: 'USD/EUR', start: '2024-03-15', end: '2024-03-15' });
    if (!inverse.ok) throw new Error(inverse.message);
    expect(inverse.data.rates).toEqual([{ date: '2024-03-15', rate: 1 / 1.0887, derived: true }]);
    const cross = await call<{ rates: FxRatePoint[]; routes: string[] }>('fx-rates', { pair: 'USD/GBP', start: '2024-03-15', end: '2024-03-15' });
    if (!cross.ok) throw new Error(cross.message);
    expect(cross.data.rates[0]!.rate).toBeCloseTo(0.85525 / 1.0887, 14);
    expect(cross.data.routes[0]).toContain('via EUR');
    // SEK/GBP: SEK per USD from the generic file is not needed; EUR/SEK from the ECB wins (EUR first).
    const none = await call('fx-rates', { pair: 'USD/XAU' });
    expect(!none.ok && none.message).toContain('no USD/XAU rate');
  });
});

describe('frontier fx', () => {
  const cliDb = join(dir, 'cli.db');
  it('imports and prints rates as [{date, rate, derived}]', () => {
    const imp = frontier(['fx', 'import', join(FX, 'eurofxref-hist.csv'), '--db', cliDb, '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.json<FxImportOutcome>().inserted).toBe(240);
    const rates = frontier(['fx', 'rates', '--db', cliDb, '--pair', 'GBP/USD', '--start', '2024-03-14', '--end', '2024-03-15', '--json']);
    expect(rates.code, rates.stderr).toBe(0);
    const out = rates.json<FxRatePoint[]>();
    expect(out.map((p) => [p.date, p.derived])).toEqual([
      ['2024-03-14', true],
      ['2024-03-15', true],
    ]);
    expect(out[1]!.rate).toBeCloseTo(1.0887 / 0.85525, 12);
    const bad = frontier(['fx', 'import', join(FX, 'eurofxref-bad.csv'), '--db', cliDb]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toMatch(/eurofxref-bad\.csv:4: "1\.08x7" is not a positive rate/);
  });
});

describe('frontier fx holdings', () => {
  it('values Coinbase holdings and USD cash in EUR, naming a missing rate', () => {
    const hdb = join(dir, 'holdings.db');
    const crypto = join(import.meta.dirname, '..', 'fixtures', 'crypto');
    expect(frontier(['import', join(crypto, 'coinbase-transactions.csv'), join(crypto, 'btc-usd-max.csv'), '--db', hdb]).code).toBe(0);
    expect(frontier(['fx', 'import', join(FX, 'eurofxref-hist.csv'), '--db', hdb]).code).toBe(0);
    // BTC's last price is 2024-03-07, before the first stored rate.
    const missing = frontier(['fx', 'holdings', '--base-currency', 'EUR', '--as-of', '2024-03-15', '--db', hdb]);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('no USD/EUR rate on 2024-03-07 (needed for BTC)');
    const extra = join(dir, 'eurusd-0307.csv');
    writeFileSync(extra, 'date,base,quote,rate\n2024-03-07,EUR,USD,1.0890\n');
    expect(frontier(['fx', 'import', extra, '--db', hdb]).code).toBe(0);
    const r = frontier(['fx', 'holdings', '--base-currency', 'EUR', '--as-of', '2024-03-15', '--db', hdb, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const v = r.json<HoldingsValuation>();
    const btc = v.positions.find((p) => p.ticker === 'BTC')!;
    expect(btc.quantity).toBeCloseTo(0.01927, 10);
    expect(btc.valueBase!).toBeCloseTo((0.01927 * 66106.80279) / 1.089, 8);
    // USD cash: 1000 deposited − 621.30 − 202.99 + 355.12; the convert's two legs cancel.
    const usd = v.cash.find((c) => c.currency === 'USD')!;
    expect(usd.balance).toBeCloseTo(530.83, 8);
    expect(usd.valueBase).toBeCloseTo(530.83 / 1.0887, 8);
    // No price stored for these: listed, not counted, not valued at 0 silently.
    expect(v.unpriced.sort()).toEqual(['ETH', 'GRT', 'USDC']);
    expect(v.total).toBeCloseTo(btc.valueBase! + usd.valueBase, 8);
  });
});
