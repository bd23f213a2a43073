import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontier } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { AAPL, AS_OF, BOOK_CSV, DATES, MSFT } from '../services/options/book-fixture.js';

const dir = tempDir('frontier-options-cli-');
const db = join(dir, 'o.db');

describe('frontier greeks', () => {
  it('prints the contract keys for Hull 17.1', () => {
    const r = frontier(['greeks', '--spot', '49', '--strike', '50', '--expiry-years', '0.3846', '--vol', '0.2', '--rate', '0.05', '--type', 'call', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const g = r.json<Record<string, number>>();
    expect(Object.keys(g).sort()).toEqual(['delta', 'gamma', 'price', 'rho', 'theta', 'vega']);
    expect(g.delta).toBeCloseTo(0.5216, 4);
    expect(g.theta).toBeCloseTo(-4.305, 3);
  });

  it('implies the vol from a price (type P accepted); a mark outside the bounds exits 1 with one line', () => {
    const price = frontier(['greeks', '--spot', '49', '--strike', '50', '--expiry-years', '0.3846', '--vol', '0.2', '--rate', '0.05', '--type', 'P', '--db', db, '--json']).json<{ price: number }>().price;
    const r = frontier(['greeks', '--price', String(price), '--spot', '49', '--strike', '50', '--expiry-years', '0.3846', '--rate', '0.05', '--type', 'put', '--db', db, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json<{ impliedVol: number }>().impliedVol).toBeCloseTo(0.2, 10);
    const bad = frontier(['greeks', '--price', '0.01', '--spot', '60', '--strike', '50', '--expiry-years', '0.5', '--type', 'call', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/lower bound/);
    const expired = frontier(['greeks', '--spot', '60', '--strike', '50', '--expiry-years', '0', '--vol', '0.2', '--type', 'call', '--db', db]);
    expect(expired.code).toBe(1);
    expect(expired.stderr).toMatch(/expired/);
  });
});

describe('frontier options', () => {
  it('imports (also re-imports nothing), shows Greeks, hedges and replays', () => {
    const prices = join(dir, 'prices.csv');
    writeFileSync(prices, `date,AAPL,MSFT\n${DATES.map((d, i) => `${d},${AAPL[i]!.toFixed(4)},${MSFT[i]!.toFixed(4)}`).join('\n')}\n`);
    expect(frontier(['import', prices, '--db', db]).code).toBe(0);
    const book = join(dir, 'book.csv');
    writeFileSync(book, BOOK_CSV);
    const imp = frontier(['options', 'import', book, '--db', db, '--as-of', AS_OF, '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.json<{ inserted: number }>().inserted).toBe(3);
    expect(frontier(['options', 'import', book, '--db', db, '--as-of', AS_OF, '--json']).json<{ inserted: number }>().inserted).toBe(0);

    const g = frontier(['options', 'greeks', '--db', db, '--rate', '0.03', '--json']);
    expect(g.code, g.stderr).toBe(0);
    const greeks = g.json<{ positions: Record<string, unknown>[]; byUnderlying: Record<string, Record<string, number>>; portfolio: Record<string, number> }>();
    for (const k of ['underlying', 'type', 'strike', 'expiry', 'quantity', 'multiplier', 'price', 'impliedVol', 'delta', 'gamma', 'vega', 'theta', 'dollarDelta', 'dollarGamma']) expect(greeks.positions[0]).toHaveProperty(k);
    for (const k of ['delta', 'gamma', 'vega', 'theta', 'dollarDelta', 'dollarGamma']) expect(greeks.byUnderlying.AAPL).toHaveProperty(k);
    for (const k of ['dollarDelta', 'dollarGamma', 'vega', 'theta']) expect(greeks.portfolio).toHaveProperty(k);

    const h = frontier(['options', 'hedge', '--db', db, '--rate', '0.03', '--neutralize', 'delta', '--instruments', 'AAPL,MSFT', '--band', '1', '--whole-contracts', '--json']);
    expect(h.code, h.stderr).toBe(0);
    const hedge = h.json<{ trades: { instrument: string; quantity: number; cost: number }[]; before: Record<string, number>; after: { delta: number }; cost: number }>();
    expect(hedge.trades.length).toBeGreaterThan(0);
    for (const t of hedge.trades) expect(Number.isInteger(t.quantity)).toBe(true);
    expect(Object.keys(hedge.before).sort()).toEqual(['delta', 'gamma', 'vega']);

    const gamma = frontier(['options', 'hedge', '--db', db, '--neutralize', 'delta,gamma', '--instruments', 'AAPL,MSFT']);
    expect(gamma.code).toBe(1);
    expect(gamma.stderr).toMatch(/gamma-neutral on AAPL is impossible/);

    const rp = frontier(['options', 'replay', '--db', db, '--rule', 'daily', '--rule', 'weekly,band:0.1', '--cost-bps', '5', '--json']);
    expect(rp.code, rp.stderr).toBe(0);
    const replay = rp.json<{ rules: Record<string, unknown>[]; leland: { adjustedVol: number } }>();
    expect(replay.rules.map((r) => r.rule)).toEqual(['daily', 'weekly', 'band:0.1']);
    for (const k of ['rule', 'meanCost', 'stdHedgeError', 'p5', 'p95', 'rebalances']) expect(replay.rules[0]).toHaveProperty(k);
    expect(replay.leland.adjustedVol).toBeGreaterThan(0);
  });

  it('a bad options file exits 1 naming FILE:LINE and writes nothing', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'underlying,type,strike,expiry,quantity\nAAPL,C,150,2025-01-17,1\nAAPL,C,150,17/01/2025,1\n');
    const r = frontier(['options', 'import', bad, '--db', join(dir, 'empty.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^bad\.csv:3: expiry: expiry "17\/01\/2025" is not a YYYY-MM-DD date/);
    const g = frontier(['options', 'greeks', '--db', join(dir, 'empty.db')]);
    expect(g.code).toBe(1);
    expect(g.stderr).toMatch(/no option positions stored/);
  });
});
