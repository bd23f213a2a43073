/** Instrument calendars: detection, weekday alignment, and annualisation by each asset's calendar. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignCalendars, columnCalendars, detectCalendar, isWeekend, periodsPerYear } from '../../../src-main/core/fx/calendar.js';
import { estimateMoments } from '../../../src-main/core/optimize/prepare.js';
import { estimatorSchema } from '../../../shared/domain/optimize.js';
import type { PriceMatrix } from '../../../src-main/core/price-matrix.js';
import { frontier } from '../../support/cli.js';
import { tempDir } from '../../support/temp.js';

/** 2024-01-01 (a Monday) + k days. */
const day = (k: number) => new Date(Date.UTC(2024, 0, 1 + k)).toISOString().slice(0, 10);

/** BTC every day, SPY on weekdays, 120 calendar days, deterministic wiggles. */
function mixed(): PriceMatrix {
  const dates: string[] = [];
  const values: number[] = [];
  let btc = 42_000;
  let spy = 470;
  for (let k = 0; k < 120; k++) {
    const d = day(k);
    dates.push(d);
    btc *= 1 + 0.03 * Math.sin(k * 1.7) + 0.002;
    const weekday = !isWeekend(d);
    if (weekday) spy *= 1 + 0.01 * Math.cos(k * 0.9) + 0.0005;
    values.push(btc, weekday ? spy : Number.NaN);
  }
  // End on a weekday so the last BTC price survives the alignment.
  while (isWeekend(dates.at(-1)!)) {
    dates.pop();
    values.splice(-2, 2);
  }
  return { dates, tickers: ['BTC', 'SPY'], values: Float64Array.from(values) };
}

describe('calendars', () => {
  it('detects calendar-days from weekend dates and aligns a mixed universe on weekdays', () => {
    const m = mixed();
    expect(detectCalendar(m.dates)).toBe('calendar-days');
    expect(detectCalendar(m.dates.filter((d) => !isWeekend(d)))).toBe('trading-days');
    const cals = columnCalendars(m);
    expect(cals).toEqual(['calendar-days', 'trading-days']);
    const a = alignCalendars(m, cals);
    expect(a.prices.dates.some(isWeekend)).toBe(false);
    expect(a.droppedRows).toBe(m.dates.filter(isWeekend).length);
    // Alone, a calendar-days asset keeps every day.
    expect(alignCalendars(m, ['calendar-days', 'calendar-days']).droppedRows).toBe(0);
  });

  it('annualises the crypto with 365 and the stock with 252 in the same run', () => {
    const m = mixed();
    const cals = columnCalendars(m);
    const aligned = alignCalendars(m, cals).prices;
    const calendars = { BTC: 'calendar-days', SPY: 'trading-days' } as const;
    const est = estimatorSchema.parse({ calendars });
    const r = estimateMoments(aligned, est);
    if (!r.ok) throw new Error(r.error.message);
    const T = aligned.dates.length;
    const firstBtc = aligned.values[0]!;
    const lastBtc = aligned.values[(T - 1) * 2]!;
    const days = (Date.parse(aligned.dates[T - 1]!) - Date.parse(aligned.dates[0]!)) / 86_400_000;
    // BTC: growth per 365 calendar days (the weekends folded into Mondays lose nothing).
    expect(r.value.expectedReturns[0]!).toBeCloseTo((lastBtc / firstBtc) ** (365 / days) - 1, 10);
    // SPY: its own returns compounded with 252 a year.
    let growth = 1;
    let n = 0;
    let prev = Number.NaN;
    for (let t = 0; t < T; t++) {
      const p = aligned.values[t * 2 + 1]!;
      if (p === p && prev === prev) {
        growth *= p / prev;
        n++;
      }
      if (p === p) prev = p;
    }
    expect(r.value.expectedReturns[1]!).toBeCloseTo(growth ** (252 / n) - 1, 10);
    // Without calendars both would be 252 a year.
    const plain = estimateMoments(aligned, estimatorSchema.parse({}));
    if (!plain.ok) throw new Error(plain.error.message);
    const f = periodsPerYear(aligned, calendars, 252);
    expect(f[1]).toBe(252);
    expect(f[0]!).toBeCloseTo((365 * (T - 1)) / days, 12);
    expect(r.value.covariance[0]!).toBeCloseTo((plain.value.covariance[0]! * f[0]!) / 252, 12);
    expect(r.value.covariance[3]!).toBe(plain.value.covariance[3]!);
    // A daily crypto alone is annualised with exactly 365 periods.
    const alone: PriceMatrix = { dates: m.dates, tickers: ['BTC'], values: Float64Array.from(m.dates, (_, t) => m.values[t * 2]!) };
    expect(periodsPerYear(alone, { BTC: 'calendar-days' }, 252)[0]).toBe(365);
  });

  it('the CLI detects the calendars of a CSV and reports them', () => {
    const m = mixed();
    const lines = ['Date,BTC,SPY', ...m.dates.map((d, t) => `${d},${m.values[t * 2]},${Number.isNaN(m.values[t * 2 + 1]!) ? '' : m.values[t * 2 + 1]}`)];
    const file = join(tempDir(), 'mixed.csv');
    writeFileSync(file, lines.join('\n'));
    const r = frontier(['estimate', '--prices', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = r.json<{ calendar: { calendars: Record<string, string>; aligned: string } }>();
    expect(out.calendar).toMatchObject({ calendars: { BTC: 'calendar-days', SPY: 'trading-days' }, aligned: 'weekdays' });
  });
});
