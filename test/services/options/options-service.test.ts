import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OptionsGreeksOut } from '../../../shared/api/options.js';
import { bsmGreeks } from '../../../src-main/core/options/bsm.js';
import type { Runtime } from '../../../src-main/services/runtime.js';
import { call, textFile } from '../../import/helpers.js';
import { AAPL, AS_OF, BOOK_CSV, DATES, MSFT, storeWithPrices } from './book-fixture.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await storeWithPrices();
});
afterAll(async () => {
  await rt.close();
});

const count = () => (rt.ctx.db.prepare('SELECT COUNT(*) AS n FROM option_positions').get() as { n: number }).n;

async function apiError(p: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await p;
  } catch (e) {
    return (e as { apiError: { code: string; message: string } }).apiError;
  }
  throw new Error('expected an error');
}

describe('options import', () => {
  it('is all-or-nothing: a bad file among good ones writes nothing, and the error names FILE:LINE', async () => {
    const bad = 'underlying,type,strike,expiry,quantity\nAAPL,C,150,2025-01-17,1\nAAPL,C,abc,2025-01-17,1\n';
    const e = await apiError(call(rt, 'options-import', { files: [textFile('book.csv', BOOK_CSV), textFile('bad.csv', bad)], asOf: AS_OF }));
    expect(e.code).toBe('user-error');
    expect(e.message).toMatch(/^bad\.csv:3: strike: strike "abc" is not a positive number/);
    expect(count()).toBe(0);
  });

  it('imports the generic CSV; re-importing adds nothing', async () => {
    const first = await call(rt, 'options-import', { files: [textFile('book.csv', BOOK_CSV)], asOf: AS_OF });
    expect(first.inserted).toBe(3);
    expect(first.files[0]!.format).toBe('options-generic');
    const again = await call(rt, 'options-import', { files: [textFile('book.csv', BOOK_CSV)], asOf: AS_OF });
    expect(again.inserted).toBe(0);
    expect(again.existing).toBe(3);
    expect(count()).toBe(3);
  });

  it('reads option rows of an IBKR Activity Statement (short options too) and skips the stock rows', async () => {
    const ibkr = [
      'Statement,Header,Field Name,Field Value',
      'Statement,Data,Period,"January 1, 2024 - January 26, 2024"',
      'Account Information,Header,Field Name,Field Value',
      'Account Information,Data,Account,U7654321',
      'Open Positions,Header,DataDiscriminator,Asset Category,Currency,Symbol,Quantity,Mult,Cost Price,Cost Basis,Close Price,Value,Unrealized P/L,Code',
      'Open Positions,Data,Summary,Stocks,USD,AAPL,100,1,150,15000,160,16000,1000,',
      'Open Positions,Data,Summary,Equity and Index Options,USD,AAPL 21JUN24 170 C,-2,100,5,-1000,4.5,-900,100,',
      'Open Positions,Data,Summary,Equity and Index Options,USD,MSFT  240920P00280000,3,100,6,1800,7.25,2175,375,',
      '',
    ].join('\n');
    const r = await call(rt, 'options-import', { files: [textFile('U7654321.csv', ibkr)] });
    expect(r.files[0]!.format).toBe('ibkr-activity');
    expect(r.inserted).toBe(2);
    expect(r.files[0]!.skipped.some((s) => s.line === 6 && /not an option/.test(s.reason))).toBe(true);
    const rows = rt.ctx.db.prepare("SELECT underlying, type, strike, expiry, quantity, price, style, as_of AS asOf, source_line AS line FROM option_positions WHERE account = 'U7654321' ORDER BY underlying").all();
    expect(rows).toEqual([
      { underlying: 'AAPL', type: 'call', strike: 170, expiry: '2024-06-21', quantity: -2, price: 4.5, style: 'american', asOf: '2024-01-26', line: 7 },
      { underlying: 'MSFT', type: 'put', strike: 280, expiry: '2024-09-20', quantity: 3, price: 7.25, style: 'american', asOf: '2024-01-26', line: 8 },
    ]);
  });
});

describe('options greeks', () => {
  let g: OptionsGreeksOut;
  beforeAll(async () => {
    g = await call(rt, 'options-greeks', { rate: 0.03, positionsFile: textFile('book.csv', BOOK_CSV), asOf: AS_OF });
  });

  it('prices each position at the last close on or before as-of, scaled by contracts × multiplier', () => {
    const p = g.positions[0]!;
    expect(p.spot).toBeCloseTo(AAPL.at(-1)!, 3);
    expect(p.spotDate).toBe(AS_OF);
    const per = bsmGreeks({ type: 'call', spot: p.spot!, strike: p.strike, years: p.years, vol: 0.25, rate: 0.03, dividendYield: 0 });
    expect(p.perContract!.delta).toBeCloseTo(per.delta, 12);
    expect(p.delta).toBeCloseTo(per.delta * -10 * 100, 8);
    expect(p.dollarDelta).toBeCloseTo(per.delta * p.spot! * -1000, 6);
    expect(p.dollarGamma).toBeCloseTo(0.5 * per.gamma * (0.01 * p.spot!) ** 2 * -1000, 8);
    expect(p.years).toBeCloseTo((Date.parse('2024-06-21') - Date.parse(AS_OF)) / 86_400_000 / 365, 12);
  });

  it('sums per underlying and for the portfolio', () => {
    const aapl = g.positions.filter((p) => p.underlying === 'AAPL');
    expect(g.byUnderlying.AAPL!.delta).toBeCloseTo(aapl.reduce((s, p) => s + p.delta, 0), 9);
    expect(g.portfolio.dollarDelta).toBeCloseTo(g.positions.reduce((s, p) => s + p.dollarDelta, 0), 6);
    expect(g.portfolio.vega).toBeCloseTo(g.byUnderlying.AAPL!.vega + g.byUnderlying.MSFT!.vega, 6);
  });

  it('uses an earlier close when as-of is earlier, and reports expired options as expired', async () => {
    const earlier = DATES[500]!;
    const r = await call(rt, 'options-greeks', { positionsFile: textFile('book.csv', BOOK_CSV), asOf: earlier, nav: 1_000_000 });
    expect(r.positions.find((p) => p.underlying === 'MSFT')!.spot).toBeCloseTo(MSFT[500]!, 3);
    expect(r.pctOfNav.dollarDelta).toBeCloseTo(r.portfolio.dollarDelta / 1_000_000, 12);
    const late = await call(rt, 'options-greeks', { positionsFile: textFile('book.csv', BOOK_CSV), asOf: '2024-07-01' });
    const expired = late.positions.find((p) => p.expiry === '2024-06-21')!;
    expect(expired.status).toBe('expired');
    expect(expired.price).toBeNull();
    expect(late.warnings.join(' ')).toMatch(/expired on 2024-06-21/);
  });
});
