import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src-main/services/runtime.js';
import { call, textFile } from '../../import/helpers.js';
import { AAPL, AS_OF, BOOK_CSV, storeWithPrices } from './book-fixture.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await storeWithPrices();
});
afterAll(async () => {
  await rt.close();
});

async function apiError(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return (e as { apiError: { code: string; message: string } }).apiError;
  }
  throw new Error('expected an error');
}

const book = { rate: 0.03, asOf: AS_OF, positionsFile: textFile('book.csv', BOOK_CSV) };
// the AAPL lines only, for the gamma and vega hedges (MSFT would need an MSFT option)
const aaplBook = { ...book, positionsFile: textFile('aapl.csv', BOOK_CSV.split('\n').slice(0, 3).join('\n')) };
const k = Math.round(AAPL.at(-1)!);
const HEDGE_OPTIONS = `underlying,type,strike,expiry,quantity,price,iv
AAPL,call,${k + 10},2024-09-20,0,,0.26
AAPL,put,${k - 10},2024-04-19,0,,0.28
`.replace(/,0,,/g, ',1,,');
const aaplCall = `AAPL_2024-09-20_C_${k + 10}`;
const aaplPut = `AAPL_2024-04-19_P_${k - 10}`;

describe('options hedge', () => {
  it('brings delta within the band with shares', async () => {
    const r = await call(rt, 'options-hedge', { ...book, settings: { neutralize: ['delta'], instruments: ['AAPL', 'MSFT'], band: 5 } });
    for (const u of ['AAPL', 'MSFT']) expect(Math.abs(r.byUnderlying[u]!.after.delta)).toBeLessThanOrEqual(5 + 1e-6);
    expect(Math.abs(r.byUnderlying.AAPL!.before.delta)).toBeGreaterThan(5);
    const shares = r.trades.find((t) => t.instrument === 'AAPL')!;
    expect(shares.quantity).toBeCloseTo(-r.byUnderlying.AAPL!.before.delta + Math.sign(r.byUnderlying.AAPL!.before.delta) * 5, 6);
    expect(r.cost).toBeCloseTo(r.trades.reduce((s, t) => s + t.cost, 0), 9);
  });

  it('names the reason for gamma-neutral with no option among the instruments', async () => {
    const e = await apiError(call(rt, 'options-hedge', { ...book, settings: { neutralize: ['delta', 'gamma'], instruments: ['AAPL', 'MSFT'] } }));
    expect(e.code).toBe('user-error');
    expect(e.message).toMatch(/gamma-neutral on AAPL is impossible: no listed instrument has gamma/);
  });

  it('delta–gamma–vega neutral with two listed options and the shares, exactly within a zero band', async () => {
    const r = await call(rt, 'options-hedge', {
      ...aaplBook,
      settings: { neutralize: ['delta', 'gamma', 'vega'], instruments: ['AAPL', aaplCall, aaplPut], hedgeOptionsFile: textFile('listed.csv', HEDGE_OPTIONS), band: 0 },
    });
    const a = r.byUnderlying.AAPL!.after;
    expect(Math.abs(a.delta)).toBeLessThan(1e-6);
    expect(Math.abs(a.gamma)).toBeLessThan(1e-9);
    expect(Math.abs(a.vega)).toBeLessThan(1e-6);
    expect(r.trades.map((t) => t.instrument).sort()).toEqual(['AAPL', aaplCall, aaplPut].sort());
  });

  it('gamma and vega with one option is infeasible and says why', async () => {
    const e = await apiError(
      call(rt, 'options-hedge', { ...aaplBook, settings: { neutralize: ['gamma', 'vega'], instruments: ['AAPL', aaplCall], hedgeOptionsFile: textFile('listed.csv', HEDGE_OPTIONS) } }),
    );
    expect(e.message).toMatch(/no trades in the listed instruments bring gamma and vega within the band on AAPL.*2 options/);
  });

  it('whole contracts: integer trades, still within the band', async () => {
    const r = await call(rt, 'options-hedge', {
      ...aaplBook,
      settings: { neutralize: ['delta', 'gamma'], instruments: ['AAPL', aaplCall], hedgeOptionsFile: textFile('listed.csv', HEDGE_OPTIONS), band: 60, bands: { gamma: 2 }, wholeContracts: true },
    });
    for (const t of r.trades) expect(Number.isInteger(Math.round(t.quantity * 1e9) / 1e9)).toBe(true);
    expect(Math.abs(r.byUnderlying.AAPL!.after.delta)).toBeLessThanOrEqual(60 + 1e-6);
    expect(Math.abs(r.byUnderlying.AAPL!.after.gamma)).toBeLessThanOrEqual(2 + 1e-6);
  });

  it('an option instrument without a mark is a clear error', async () => {
    const e = await apiError(call(rt, 'options-hedge', { ...book, settings: { neutralize: ['delta'], instruments: ['AAPL_2030-01-18_C_100'] } }));
    expect(e.message).toMatch(/AAPL_2030-01-18_C_100: no mark price/);
  });
});

const spotOf = (g: { positions: { underlying: string; spot: number | null }[] }, u: string): number => g.positions.find((p) => p.underlying === u)!.spot!;

describe('options grid', () => {
  it('is zero at no move and matches a full repricing at a corner', async () => {
    const r = await call(rt, 'options-grid', { ...book, settings: { horizonDays: 0 } });
    expect(r.spotShifts).toHaveLength(61);
    expect(r.volShifts).toHaveLength(21);
    expect(Math.abs(r.pnl[10]![30]!)).toBeLessThan(1e-6 * Math.abs(r.baseValue) + 1e-6);
    // the corner (−30 % spot, +10 vol points) equals the book revalued by options-greeks at those inputs
    const shocked = BOOK_CSV.replace(/,0\.(\d+),/g, (_m, d: string) => `,${(Number(`0.${d}`) + 0.1).toFixed(4)},`);
    const g0 = await call(rt, 'options-greeks', book);
    const g1 = await call(rt, 'options-greeks', { ...book, positionsFile: textFile('shocked.csv', shocked), spots: { AAPL: spotOf(g0, 'AAPL') * 0.7, MSFT: spotOf(g0, 'MSFT') * 0.7 } });
    const europeanPnl = (g: typeof g0) => g.positions.filter((p) => p.style === 'european').reduce((s, p) => s + p.price! * p.quantity * p.multiplier, 0);
    const american = await call(rt, 'options-grid', { ...book, positionsFile: textFile('am.csv', [BOOK_CSV.split('\n')[0], BOOK_CSV.split('\n')[2]].join('\n')), settings: { horizonDays: 0, spotShifts: [-0.3], volShifts: [0.1] } });
    expect(r.pnl[20]![0]!).toBeCloseTo(europeanPnl(g1) - europeanPnl(g0) + american.pnl[0]![0]!, 6);
    expect(r.payoff[0]!.spotShift).toBeCloseTo(-0.3, 12);
    expect(r.payoff).toHaveLength(61);
  });

  it('a horizon past the first expiry settles that position at its payoff', async () => {
    const r = await call(rt, 'options-grid', { ...book, settings: { horizonDays: 200, spotShifts: [0], volShifts: [0] } });
    expect(r.pnl).toHaveLength(1);
    expect(Number.isFinite(r.pnl[0]![0]!)).toBe(true);
  });
});

describe('options replay', () => {
  it('reports cost and hedging-error distributions per rule; cost rises with hedging frequency', async () => {
    const r = await call(rt, 'options-replay', { ...book, settings: { rules: ['daily', 'weekly', 'band:0.1'], costBps: 10 } });
    expect(r.rules.map((x) => x.rule)).toEqual(['daily', 'weekly', 'band:0.1']);
    const [daily, weekly] = r.rules;
    expect(daily!.replays).toBeGreaterThan(10);
    expect(daily!.rebalances).toBeGreaterThan(weekly!.rebalances * 3);
    expect(daily!.meanCost).toBeGreaterThan(weekly!.meanCost);
    expect(daily!.stdHedgeError).toBeLessThan(weekly!.stdHedgeError);
    expect(daily!.p5).toBeLessThanOrEqual(daily!.p95);
    const costs = r.costCurve.map((c) => c.meanCost);
    for (let i = 1; i < costs.length; i++) expect(costs[i]!).toBeLessThan(costs[i - 1]!);
    expect(r.leland.adjustedVol).toBeGreaterThan(r.leland.vol);
    expect(r.whalleyWilmott.halfWidth).toBeGreaterThan(0);
  });
});
