import { describe, expect, it } from 'vitest';
import { bsmPrice } from '../../../src-main/core/options/bsm.js';
import { lelandVol, pathDays, replayBook, replayPath, whalleyWilmottHalfWidth, type ReplayPosition } from '../../../src-main/core/options/replay.js';
import { replayReport } from '../../../src-main/core/options/replay-report.js';
import { AAPL, DATES } from '../../services/options/book-fixture.js';

const series = { AAPL: { dates: DATES, closes: Float64Array.from(AAPL) } };
const call: ReplayPosition = { underlying: 'AAPL', type: 'call', moneyness: 1, tenorDays: 91, vol: 0.25, rate: 0.02, dividendYield: 0, shares: -1000 };
const days = Float64Array.from(DATES, (d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000);

describe('dynamic-hedging replay', () => {
  it('uses no price after the day it trades on (future prices poisoned)', () => {
    const cut = 500;
    const poisoned = Float64Array.from(AAPL, (x, i) => (i > cut ? x * 1e6 + 13 : x));
    const clean = replayBook([call], series, { kind: 'interval', days: 1 }, 10, 5);
    const dirty = replayBook([call], { AAPL: { dates: DATES, closes: poisoned } }, { kind: 'interval', days: 1 }, 10, 5);
    const endsBefore = (start: string) => {
      const i = DATES.indexOf(start);
      return days[i]! + call.tenorDays < days[cut + 1]!;
    };
    const safe = clean.filter((p) => endsBefore(p.start));
    expect(safe.length).toBeGreaterThan(50);
    for (const p of safe) expect(dirty.find((q) => q.start === p.start)).toEqual(p);
    // and the poison is visible in paths that reach it
    const late = clean.find((p) => !endsBefore(p.start))!;
    expect(dirty.find((q) => q.start === late.start)).not.toEqual(late);
  });

  it('hedging error shrinks with frequency on a path with the model vol; without costs it is ~0 on average', () => {
    const daily = replayBook([call], series, { kind: 'interval', days: 1 }, 0, 5);
    const monthly = replayBook([call], series, { kind: 'interval', days: 21 }, 0, 5);
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length);
    expect(sd(daily.map((p) => p.hedgeError))).toBeLessThan(sd(monthly.map((p) => p.hedgeError)) / 2);
    const premium = bsmPrice({ type: 'call', spot: 150, strike: 150, years: 91 / 365, vol: 0.25, rate: 0.02, dividendYield: 0 }) * 1000;
    const mean = daily.reduce((s, p) => s + p.hedgeError, 0) / daily.length;
    expect(Math.abs(mean)).toBeLessThan(0.1 * premium);
    expect(daily.every((p) => p.cost === 0)).toBe(true);
  });

  it('a band rule trades less than daily and more than never', () => {
    const i0 = 10;
    const d = replayPath(call, series.AAPL, pathDays(call, series.AAPL), i0, { kind: 'interval', days: 1 }, 0.001)!;
    const b = replayPath(call, series.AAPL, pathDays(call, series.AAPL), i0, { kind: 'band', width: 0.1 }, 0.001)!;
    expect(b.rebalances).toBeLessThan(d.rebalances);
    expect(b.cost).toBeLessThan(d.cost);
  });

  it('Leland and Whalley–Wilmott follow their formulas', () => {
    expect(lelandVol(0.2, 0.002, 1 / 252)).toBeCloseTo(0.2 * Math.sqrt(1 + Math.sqrt(2 / Math.PI) * (0.002 / (0.2 * Math.sqrt(1 / 252)))), 14);
    expect(lelandVol(0.2, 0, 1 / 252)).toBe(0.2);
    expect(whalleyWilmottHalfWidth(0.002, 100, 0.04, 0.01, 0.5, 1)).toBeCloseTo(Math.cbrt((3 * 0.002 * 100 * 0.04 ** 2 * Math.exp(-0.005)) / 2), 14);
  });

  it('reports progress and stops when cancelled', () => {
    const seen: number[] = [];
    let calls = 0;
    const hooks = { progress: (done: number) => seen.push(done), isCancelled: () => ++calls > 3 };
    expect(() => replayReport({ positions: [call], series, rules: ['daily'], costBps: 5, stepDays: 1, riskAversion: 1, costCurve: true }, hooks)).toThrow('cancelled');
    expect(seen.length).toBeGreaterThan(0);
  });
});
