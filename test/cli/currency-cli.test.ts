/** --base-currency / --hedge / --fx-max-age-days on the engine commands, against a real database. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CurrencyResult } from '../../shared/api/fx.js';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const FX = join(import.meta.dirname, '..', 'fixtures', 'fx');
const dir = tempDir();
const db = join(dir, 'ccy.db');
const weights = join(dir, 'w.json');

function must(args: string[]) {
  const r = frontier(args);
  if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return r;
}

beforeAll(() => {
  must(['import', join(FX, 'SAP.DE.csv'), '--ticker', 'SAP', '--currency', 'EUR', '--db', db]);
  must(['import', join(FX, 'AAPL.csv'), '--ticker', 'AAPL', '--currency', 'USD', '--db', db]);
  // EUR/USD without 2024-03-15.
  must(['fx', 'import', join(FX, 'fx-generic-gap.csv'), '--db', db]);
  writeFileSync(weights, JSON.stringify({ AAPL: 0.6, SAP: 0.4 }));
});

describe('base currency on the engine commands', () => {
  it('a missing rate exits 1 naming the pair, the date and the instrument', () => {
    const r = frontier(['optimize', '--db', db, '--tickers', 'AAPL,SAP', '--base-currency', 'USD', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('no EUR/USD rate on 2024-03-15 (needed for SAP)');
  });

  it('optimize adds {currency: {base, exposures, riskSplit}}; the max-age fill is reported', () => {
    const r = must(['optimize', '--db', db, '--tickers', 'AAPL,SAP', '--base-currency', 'USD', '--fx-max-age-days', '3', '--json']);
    const out = r.json<{ weights: Record<string, number>; currency: CurrencyResult }>();
    expect(out.currency.base).toBe('USD');
    expect(out.currency.exposures.EUR).toBeCloseTo(out.weights.SAP!, 12);
    expect(out.currency.riskSplit.local! + out.currency.riskSplit.currency!).toBeCloseTo(1, 12);
    expect(out.currency.pairs[0]).toMatchObject({ pair: 'EUR/USD', filled: 1, maxAgeUsed: 1 });
    expect(out.currency.warnings[0]).toContain('EUR/USD: 1 price date used an earlier rate');
  });

  it('a full hedge leaves no exposure, and the hedged SAP in USD has its local EUR returns', () => {
    const hedged = must(['estimate', '--db', db, '--tickers', 'SAP', '--base-currency', 'USD', '--hedge', 'EUR:1', '--fx-max-age-days', '3', '--json']).json<{
      expectedReturns: Record<string, number>;
      currency: CurrencyResult;
    }>();
    const local = must(['estimate', '--db', db, '--tickers', 'SAP', '--json']).json<{ expectedReturns: Record<string, number> }>();
    expect(hedged.currency.exposures).toEqual({ EUR: 0 });
    // No short rates given: the differential is 0 (and said so), so the hedged return is the local one.
    expect(hedged.expectedReturns.SAP).toBeCloseTo(local.expectedReturns.SAP!, 10);
    expect(hedged.currency.warnings.join(' ')).toContain('no short rate for EUR, USD');
  });

  it('backtest and stress carry the currency key for their weights', () => {
    const bt = must(['backtest', '--db', db, '--tickers', 'AAPL,SAP', '--weights', weights, '--base-currency', 'USD', '--hedge', 'EUR:0.5', '--fx-max-age-days', '3', '--json']).json<{ currency: CurrencyResult }>();
    expect(bt.currency.exposures.EUR).toBeCloseTo(0.2, 12);
    expect(bt.currency.weightsUsed).toBe('given');
    const st = must(['stress', '--db', db, '--tickers', 'AAPL,SAP', '--weights', weights, '--paths', '100', '--base-currency', 'EUR', '--fx-max-age-days', '3', '--json']).json<{ currency: CurrencyResult }>();
    expect(st.currency.exposures).toEqual({ USD: 0.6 });
    const bad = frontier(['estimate', '--db', db, '--tickers', 'AAPL', '--hedge', 'EUR:2']);
    expect(bad.code).toBe(1);
  });
});
