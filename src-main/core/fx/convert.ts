/**
 * Prices in each instrument's own currency → prices in the base currency, before any return is
 * computed: each price is multiplied by the local→base rate of its own date (no rate, no price: a
 * missing rate is an error naming the pair, the date and the instrument, never a rate of 1).
 * Hedged currencies get a synthetic base-currency price index whose returns follow hedgedReturn.
 */
import type { FxPairUse } from '../../../shared/api/fx.js';
import type { PriceMatrix } from '../price-matrix.js';
import { fail, ok, type CoreResult } from '../result.js';
import { alignRates, dayNumber } from './align.js';
import { hedgedReturn } from './hedge.js';
import type { FxTable } from './rate-table.js';

/** Quote units of a major currency (London pence, Johannesburg cents, Tel Aviv agorot). */
const MINOR_UNITS: Record<string, { major: string; factor: number }> = {
  GBX: { major: 'GBP', factor: 0.01 },
  GBp: { major: 'GBP', factor: 0.01 },
  ZAc: { major: 'ZAR', factor: 0.01 },
  ZAC: { major: 'ZAR', factor: 0.01 },
  ILA: { major: 'ILS', factor: 0.01 },
};

/** The ISO currency a quote currency belongs to and the factor to it (GBX → GBP, 0.01). */
export function majorCurrency(code: string): { major: string; factor: number } {
  return MINOR_UNITS[code] ?? { major: code.toUpperCase(), factor: 1 };
}

export interface ConversionSettings {
  base: string;
  /** Hedge ratio per currency, 0–1 (fraction of the exposure hedged); absent = unhedged. */
  hedges?: Record<string, number>;
  /** A missing rate may take the last earlier rate this many calendar days old (0 = exact date). */
  maxAgeDays?: number;
  /** Annual short rates (fraction) per currency: a number, or one value per price date (NaN = unknown). */
  shortRates?: Record<string, number | Float64Array>;
}

/** How one currency was converted (the shape the API reports). */
export type PairUse = FxPairUse;

export interface BaseConversion {
  base: string;
  /** Prices in the base currency (hedged where a hedge ratio is set). */
  prices: PriceMatrix;
  /** ISO currency per column (GBX → GBP). */
  currencies: string[];
  /** Per foreign currency: units of base per 1 unit, on each price date (NaN where no rate). */
  fx: Record<string, Float64Array>;
  pairs: PairUse[];
  hedges: Record<string, number>;
  warnings: string[];
}

function shortRateAt(r: number | Float64Array | undefined, t: number): number | undefined {
  if (r === undefined) return undefined;
  if (typeof r === 'number') return r;
  const v = r[t]!;
  return v === v ? v : undefined;
}

/** Converts `prices` (column j in `currencies[j]`) to `settings.base`; see the file comment. */
export function convertToBase(prices: PriceMatrix, currencies: readonly (string | null)[], table: FxTable, settings: ConversionSettings): CoreResult<BaseConversion> {
  const base = settings.base.toUpperCase();
  const n = prices.tickers.length;
  const T = prices.dates.length;
  const unknown = prices.tickers.filter((_, j) => !currencies[j]);
  if (unknown.length > 0) {
    return fail('invalid-input', `the currency of ${unknown.join(', ')} is not known: set it in the Data screen or import with --currency`, { tickers: unknown });
  }
  const units = currencies.map((c) => majorCurrency(c!));
  const hedges: Record<string, number> = {};
  for (const [c, h] of Object.entries(settings.hedges ?? {})) {
    if (!(h >= 0 && h <= 1)) return fail('invalid-input', `hedge ratio of ${c} must be between 0 and 1, got ${h}`, { field: 'hedges', currency: c });
    if (c.toUpperCase() !== base && h > 0) hedges[c.toUpperCase()] = h;
  }
  const foreign = [...new Set(units.map((u) => u.major).filter((c) => c !== base))].sort();
  const fx: Record<string, Float64Array> = {};
  const pairs: PairUse[] = [];
  for (const c of foreign) {
    const a = alignRates(table, c, base, prices.dates, settings.maxAgeDays ?? 0);
    fx[c] = a.rates;
    pairs.push({ currency: c, pair: a.pair, filled: a.filled, maxAgeUsed: a.maxAgeUsed, derived: a.derived, routes: a.routes });
  }
  // Rows outer, columns inner: the matrix is row-major, so every pass reads memory in order. The rates
  // sit in one T×k row-major block (k foreign currencies) so the inner loop touches typed arrays only.
  const k = foreign.length;
  const R = new Float64Array(T * k);
  foreign.forEach((c, q) => {
    const r = fx[c]!;
    for (let t = 0; t < T; t++) R[t * k + q] = r[t]!;
  });
  const ci = Int32Array.from(units, (u) => foreign.indexOf(u.major));
  const factor = Float64Array.from(units, (u) => u.factor);
  const out = new Float64Array(T * n);
  // The first (date, instrument) whose price needs a rate that is not there.
  let firstMissing: { t: number; j: number } | null = null;
  const missing: Record<string, { first: string; count: number }> = {};
  for (let t = 0; t < T; t++) {
    const o = t * n;
    const ok = t * k;
    for (let j = 0; j < n; j++) {
      const c = ci[j]!;
      const p = prices.values[o + j]! * factor[j]!;
      if (c < 0) {
        out[o + j] = p;
        continue;
      }
      const rt = R[ok + c]!;
      out[o + j] = p * rt;
      if (rt !== rt && p === p) {
        const key = `${foreign[c]}/${base}`;
        const m = (missing[key] ??= { first: prices.dates[t]!, count: 0 });
        m.count++;
        firstMissing ??= { t, j };
      }
    }
  }
  if (firstMissing) {
    const { t, j } = firstMissing;
    const ticker = prices.tickers[j]!;
    const age = settings.maxAgeDays ? ` or in the ${settings.maxAgeDays} days before` : '';
    return fail('missing-fx-rate', `no ${units[j]!.major}/${base} rate on ${prices.dates[t]}${age} (needed for ${ticker})`, {
      pair: `${units[j]!.major}/${base}`,
      date: prices.dates[t],
      ticker,
      missing,
    });
  }
  const warnings: string[] = [];
  const noRates = new Set<string>();
  const hedge = Float64Array.from(units, (u) => hedges[u.major] ?? 0);
  const anyHedge = hedge.some((h) => h > 0);
  const day = anyHedge ? prices.dates.map(dayNumber) : [];
  // Per hedged column: the row of its previous price and its index level there.
  const prevRow = new Int32Array(n).fill(-1);
  const level = new Float64Array(n);
  const hedgedCols = [...hedge.keys()].filter((j) => hedge[j]! > 0);
  for (let t = 0; anyHedge && t < T; t++) {
    const o = t * n;
    for (const j of hedgedCols) {
      const p = prices.values[o + j]!;
      if (p !== p) continue;
      const c = ci[j]!;
      const s = prevRow[j]!;
      if (s < 0) {
        level[j] = p * factor[j]! * R[t * k + c]!;
      } else {
        const major = foreign[c]!;
        const iBase = shortRateAt(settings.shortRates?.[base], s);
        const iForeign = shortRateAt(settings.shortRates?.[major], s);
        if (iBase === undefined) noRates.add(base);
        if (iForeign === undefined) noRates.add(major);
        const years = (day[t]! - day[s]!) / 365;
        const rLocal = p / prices.values[s * n + j]! - 1;
        const rFx = R[t * k + c]! / R[s * k + c]! - 1;
        level[j] = level[j]! * (1 + hedgedReturn(rLocal, rFx, hedge[j]!, ((iBase ?? 0) - (iForeign ?? 0)) * years));
      }
      out[o + j] = level[j]!;
      prevRow[j] = t;
    }
  }
  if (noRates.size > 0) warnings.push(`no short rate for ${[...noRates].sort().join(', ')}: the hedge's interest differential counts it as 0`);
  for (const p of pairs) {
    if (p.filled > 0) warnings.push(`${p.pair}: ${p.filled} price date${p.filled === 1 ? '' : 's'} used an earlier rate (at most ${p.maxAgeUsed} days old)`);
  }
  return ok({ base, prices: { dates: prices.dates.slice(), tickers: prices.tickers.slice(), values: out }, currencies: units.map((u) => u.major), fx, pairs, hedges, warnings });
}
