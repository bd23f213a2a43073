/**
 * Instrument calendars: `trading-days` (weekdays, 252 periods a year) or `calendar-days` (every day,
 * 365 a year: crypto and other 24/7 markets). A universe that mixes them is aligned on weekdays: the
 * Saturday and Sunday rows are dropped, so a 24/7 asset's Monday return runs from Friday's price and
 * carries the weekend's move (nothing is lost; the product of its returns is unchanged).
 */
import type { PriceMatrix } from '../price-matrix.js';
import { dayNumber } from './align.js';

export const CALENDARS = ['trading-days', 'calendar-days'] as const;
export type InstrumentCalendar = (typeof CALENDARS)[number];

/** Periods a year of a calendar when every period is one row (no gaps). */
export const PERIODS_PER_YEAR: Record<InstrumentCalendar, number> = { 'trading-days': 252, 'calendar-days': 365 };

/** Saturday or Sunday (UTC). */
export function isWeekend(iso: string): boolean {
  const dow = (dayNumber(iso) + 4) % 7; // 1970-01-01 was a Thursday (4)
  return dow === 0 || dow === 6;
}

/** `calendar-days` when more than 10 % of the dates fall on a weekend (a weekday market has none). */
export function detectCalendar(dates: readonly string[]): InstrumentCalendar {
  if (dates.length === 0) return 'trading-days';
  let weekend = 0;
  for (const d of dates) if (isWeekend(d)) weekend++;
  return calendarFromWeekendShare(weekend / dates.length);
}

/** The detection rule on the share (0–1) of an asset's price dates that fall on a weekend. */
export function calendarFromWeekendShare(share: number): InstrumentCalendar {
  return share > 0.1 ? 'calendar-days' : 'trading-days';
}

/** Calendar per column, from `given` where set, else detected from the column's priced dates. */
export function columnCalendars(prices: PriceMatrix, given: Record<string, InstrumentCalendar | null | undefined> = {}): InstrumentCalendar[] {
  const n = prices.tickers.length;
  // One weekend flag per row, then a count per column: no per-column date lists (runs before every estimate).
  const weekend = prices.dates.map(isWeekend);
  return prices.tickers.map((t, j) => {
    const g = given[t];
    if (g) return g;
    let priced = 0;
    let onWeekend = 0;
    for (let k = 0; k < prices.dates.length; k++) {
      const v = prices.values[k * n + j]!;
      if (v !== v) continue;
      priced++;
      if (weekend[k]) onWeekend++;
    }
    return priced === 0 ? 'trading-days' : calendarFromWeekendShare(onWeekend / priced);
  });
}

/** Drops weekend rows when the calendars are mixed (see the file comment); otherwise returns `prices`. */
export function alignCalendars(prices: PriceMatrix, calendars: readonly InstrumentCalendar[]): { prices: PriceMatrix; droppedRows: number } {
  const mixed = calendars.includes('calendar-days') && calendars.includes('trading-days');
  if (!mixed) return { prices, droppedRows: 0 };
  const n = prices.tickers.length;
  const keep: number[] = [];
  prices.dates.forEach((d, t) => {
    if (!isWeekend(d)) keep.push(t);
  });
  const values = new Float64Array(keep.length * n);
  keep.forEach((t, k) => values.set(prices.values.subarray(t * n, (t + 1) * n), k * n));
  return { prices: { dates: keep.map((t) => prices.dates[t]!), tickers: prices.tickers.slice(), values }, droppedRows: prices.dates.length - keep.length };
}

/**
 * Periods a year per column of `prices`: `frequency` for trading-days assets; for calendar-days assets
 * 365 × returns / calendar days those returns span, so their annualisation is per 365 calendar days
 * whether the rows are daily (exactly 365) or weekday-aligned (≈ 260.7 rows a year).
 */
export function periodsPerYear(prices: PriceMatrix, calendars: Record<string, InstrumentCalendar>, frequency: number): Float64Array {
  const n = prices.tickers.length;
  const out = new Float64Array(n).fill(frequency);
  const day = prices.dates.map(dayNumber);
  prices.tickers.forEach((t, j) => {
    if (calendars[t] !== 'calendar-days') return;
    let count = 0;
    let days = 0;
    for (let k = 1; k < prices.dates.length; k++) {
      const a = prices.values[(k - 1) * n + j]!;
      const b = prices.values[k * n + j]!;
      if (a > 0 && b > 0) {
        count++;
        days += day[k]! - day[k - 1]!;
      }
    }
    out[j] = days > 0 ? (PERIODS_PER_YEAR['calendar-days'] * count) / days : PERIODS_PER_YEAR['calendar-days'];
  });
  return out;
}

/**
 * Moments annualised with one `frequency` → annualised per asset with `f` (periods a year): expected
 * returns compounded `(1+μ)^(f/frequency) − 1` (or scaled when `compounded` is false), covariance
 * `Σ_ij·√(f_i f_j)/frequency`. Exact for the estimators here, which are linear or compounded in it.
 */
export function annualiseByCalendar(mu: Float64Array, cov: Float64Array, frequency: number, f: Float64Array, compounded: boolean): { mu: Float64Array; cov: Float64Array } {
  const n = mu.length;
  const k = Float64Array.from(f, (x) => x / frequency);
  const m = Float64Array.from(mu, (x, i) => (compounded ? (1 + x) ** k[i]! - 1 : x * k[i]!));
  const c = new Float64Array(cov.length);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[i * n + j] = cov[i * n + j]! * Math.sqrt(k[i]! * k[j]!);
  return { mu: m, cov: c };
}
