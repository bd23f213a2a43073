/** A pair's rates on given dates, with the optional "last rate up to N days old" fill. Pure. */
import { candidateDates, describeRoute, pairRates, type FxTable } from './rate-table.js';

/** Days since 1970-01-01 of an ISO date (UTC). */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
}

export interface AlignedRates {
  pair: string;
  /** Units of `to` per 1 `from` on each target date; NaN = no rate (even after the fill). */
  rates: Float64Array;
  /** Target dates that took an earlier rate (max-age fill). */
  filled: number;
  /** Oldest rate used by the fill, in calendar days (0 when none). */
  maxAgeUsed: number;
  /** Target dates whose rate was derived (inverse or cross), not stored. */
  derived: number;
  /** The routes that supplied a rate, described. */
  routes: string[];
}

/**
 * Rates from→to on `dates` (ascending ISO). A date with no rate takes the last earlier rate when it is at
 * most `maxAgeDays` calendar days old (0 = exact date only); what the fill did is counted, never hidden.
 */
export function alignRates(table: FxTable, from: string, to: string, dates: readonly string[], maxAgeDays: number): AlignedRates {
  const all = maxAgeDays > 0 ? [...new Set([...candidateDates(table, from, to), ...dates])].sort() : [...dates];
  const pr = pairRates(table, from, to, all);
  const rates = new Float64Array(dates.length).fill(Number.NaN);
  const used = new Set<number>();
  let filled = 0;
  let maxAgeUsed = 0;
  let derived = 0;
  let lastValid = -1;
  let t = 0;
  for (let k = 0; k < all.length && t < dates.length; k++) {
    const v = pr.rates[k]!;
    if (all[k] !== dates[t]) {
      if (v === v) lastValid = k;
      continue;
    }
    if (v === v) {
      rates[t] = v;
      used.add(pr.route[k]!);
      if (pr.routes[pr.route[k]!]!.kind !== 'direct') derived++;
      lastValid = k;
    } else if (lastValid >= 0 && maxAgeDays > 0) {
      const age = dayNumber(all[k]!) - dayNumber(all[lastValid]!);
      if (age <= maxAgeDays) {
        rates[t] = pr.rates[lastValid]!;
        used.add(pr.route[lastValid]!);
        filled++;
        if (age > maxAgeUsed) maxAgeUsed = age;
      }
    }
    t++;
  }
  return { pair: pr.pair, rates, filled, maxAgeUsed, derived, routes: [...used].sort().map((i) => describeRoute(from, to, pr.routes[i]!)) };
}
