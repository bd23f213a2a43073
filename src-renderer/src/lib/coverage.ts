/** Data coverage of a price history from its first/last date and row count. */

/** Weekdays (Mon–Fri) from `first` to `last` inclusive, ISO dates; 0 when either is missing or reversed. */
export function weekdaysBetween(first: string | null, last: string | null): number {
  if (!first || !last) return 0;
  const a = Date.parse(`${first}T00:00:00Z`);
  const b = Date.parse(`${last}T00:00:00Z`);
  if (!Number.isFinite(a) || !Number.isFinite(b) || b < a) return 0;
  const days = Math.round((b - a) / 86_400_000) + 1;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  const startDay = new Date(a).getUTCDay();
  for (let i = 0; i < days % 7; i++) {
    const d = (startDay + i) % 7;
    if (d !== 0 && d !== 6) count++;
  }
  return count;
}

/**
 * Weekdays without a price row (holidays included, so about 9 a year is normal for an exchange).
 * Never negative: weekend rows (crypto, some funds) are not counted as extra coverage.
 */
export function missingWeekdays(first: string | null, last: string | null, rows: number): number {
  return Math.max(0, weekdaysBetween(first, last) - rows);
}
