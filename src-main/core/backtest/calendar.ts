/** Calendar periods of ISO dates: which trading days open a new month, quarter or year. */
import type { CalendarPeriod } from './types.js';

/** Key of the calendar period an ISO date (YYYY-MM-DD) falls in, e.g. '2020-03', '2020-Q1', '2020'. */
export function periodKey(date: string, period: CalendarPeriod): string {
  const year = date.slice(0, 4);
  if (period === 'annually') return year;
  const month = Number(date.slice(5, 7));
  if (period === 'quarterly') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

/**
 * Rows on which a calendar rebalance happens: the first trading day of each new period after `start`
 * (the start row itself is the initial allocation and is not listed).
 */
export function calendarRebalanceRows(dates: readonly string[], period: CalendarPeriod, start = 0): number[] {
  const rows: number[] = [];
  for (let t = start + 1; t < dates.length; t++) {
    if (periodKey(dates[t]!, period) !== periodKey(dates[t - 1]!, period)) rows.push(t);
  }
  return rows;
}
