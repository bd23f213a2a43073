/**
 * Stored exchange rates and the rates derived from them. A rate of pair BASE/QUOTE is the price of one
 * BASE in QUOTE (EUR/USD 1.08: 1 EUR = 1.08 USD). A pair with no stored series is derived per date:
 * the inverse of QUOTE/BASE, else a cross through a third currency (EUR first, as the ECB publishes
 * everything against EUR, then the others in alphabetical order). Pure: the store loads the rows.
 */

/** One stored rate: 1 `base` = `rate` `quote` on `date` (ISO). */
export interface FxRate {
  date: string;
  base: string;
  quote: string;
  rate: number;
}

/** The series of one stored pair, ascending by date. */
export interface FxSeries {
  dates: string[];
  rates: Float64Array;
}

/** Stored series keyed by "BASE/QUOTE". */
export interface FxTable {
  series: Map<string, FxSeries>;
  /** Every currency that appears in a stored pair. */
  currencies: Set<string>;
}

/** How a pair's rate was obtained on a date. */
export type FxRoute = { kind: 'direct' } | { kind: 'inverse' } | { kind: 'cross'; via: string };

/** A pair's rates on a set of dates; NaN where no route gives a rate. */
export interface PairRates {
  pair: string;
  dates: string[];
  rates: Float64Array;
  /** Index into `routes` per date (−1 = no rate). */
  route: Int8Array;
  routes: FxRoute[];
}

export const pairKey = (base: string, quote: string): string => `${base}/${quote}`;

/** Builds the table from rows in any order; a later duplicate (pair, date) keeps the first rate. */
export function buildFxTable(rows: readonly FxRate[]): FxTable {
  const grouped = new Map<string, FxRate[]>();
  const currencies = new Set<string>();
  for (const r of rows) {
    const key = pairKey(r.base, r.quote);
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    list.push(r);
    currencies.add(r.base);
    currencies.add(r.quote);
  }
  const series = new Map<string, FxSeries>();
  for (const [key, list] of grouped) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const dates: string[] = [];
    const rates: number[] = [];
    for (const r of list) {
      if (dates.at(-1) === r.date) continue;
      dates.push(r.date);
      rates.push(r.rate);
    }
    series.set(key, { dates, rates: Float64Array.from(rates) });
  }
  return { series, currencies };
}

/** Rates of a stored series on `dates` (exact date match; NaN elsewhere). */
function exactOn(s: FxSeries, dates: readonly string[]): Float64Array {
  const out = new Float64Array(dates.length).fill(Number.NaN);
  // Both lists are ascending: one merge pass.
  let k = 0;
  for (let t = 0; t < dates.length; t++) {
    const d = dates[t]!;
    while (k < s.dates.length && s.dates[k]! < d) k++;
    if (k < s.dates.length && s.dates[k] === d) out[t] = s.rates[k]!;
  }
  return out;
}

/** One leg from→to on `dates`, from a stored series or its inverse; null when neither is stored. */
function leg(table: FxTable, from: string, to: string, dates: readonly string[]): Float64Array | null {
  const direct = table.series.get(pairKey(from, to));
  if (direct) return exactOn(direct, dates);
  const inverse = table.series.get(pairKey(to, from));
  if (!inverse) return null;
  const r = exactOn(inverse, dates);
  for (let t = 0; t < r.length; t++) r[t] = 1 / r[t]!;
  return r;
}

/** Union of the dates of every series that could give from→to (the dates `fx rates` lists). */
export function candidateDates(table: FxTable, from: string, to: string): string[] {
  const set = new Set<string>();
  for (const [key, s] of table.series) {
    const [b, q] = key.split('/');
    if (b === from || q === from || b === to || q === to) for (const d of s.dates) set.add(d);
  }
  return [...set].sort();
}

/** Routes for from→to in the order they are tried: direct, inverse, then crosses (EUR first). */
function routesFor(table: FxTable, from: string, to: string): FxRoute[] {
  const routes: FxRoute[] = [];
  if (table.series.has(pairKey(from, to))) routes.push({ kind: 'direct' });
  if (table.series.has(pairKey(to, from))) routes.push({ kind: 'inverse' });
  const thirds = [...table.currencies].filter((c) => c !== from && c !== to).sort((a, b) => (a === 'EUR' ? -1 : b === 'EUR' ? 1 : a < b ? -1 : 1));
  const has = (a: string, b: string) => table.series.has(pairKey(a, b)) || table.series.has(pairKey(b, a));
  for (const via of thirds) if (has(from, via) && has(via, to)) routes.push({ kind: 'cross', via });
  return routes;
}

/**
 * Rates of from→to (units of `to` per 1 `from`) on each of `dates` (ascending ISO): per date the first
 * route in routesFor's order that has a rate that very day; NaN where none has.
 */
export function pairRates(table: FxTable, from: string, to: string, dates: readonly string[]): PairRates {
  const pair = pairKey(from, to);
  const rates = new Float64Array(dates.length).fill(Number.NaN);
  const route = new Int8Array(dates.length).fill(-1);
  if (from === to) {
    rates.fill(1);
    route.fill(0);
    return { pair, dates: [...dates], rates, route, routes: [{ kind: 'direct' }] };
  }
  const routes = routesFor(table, from, to);
  let open = dates.length;
  routes.forEach((r, k) => {
    if (open === 0) return;
    let values: Float64Array;
    if (r.kind === 'cross') {
      const a = leg(table, from, r.via, dates)!;
      const b = leg(table, r.via, to, dates)!;
      values = a;
      for (let t = 0; t < values.length; t++) values[t] = a[t]! * b[t]!;
    } else if (r.kind === 'direct') {
      values = exactOn(table.series.get(pair)!, dates);
    } else {
      values = exactOn(table.series.get(pairKey(to, from))!, dates);
      for (let t = 0; t < values.length; t++) values[t] = 1 / values[t]!;
    }
    for (let t = 0; t < dates.length; t++) {
      const v = values[t]!;
      if (route[t] === -1 && v === v) {
        rates[t] = v;
        route[t] = k;
        open--;
      }
    }
  });
  return { pair, dates: [...dates], rates, route, routes };
}

/** Human description of a route, e.g. "USD/GBP via EUR", "inverse of USD/EUR". */
export function describeRoute(from: string, to: string, r: FxRoute): string {
  if (r.kind === 'direct') return `${from}/${to} stored`;
  if (r.kind === 'inverse') return `${from}/${to} = 1 / ${to}/${from}`;
  return `${from}/${to} via ${r.via} (${from}/${r.via} × ${r.via}/${to})`;
}
