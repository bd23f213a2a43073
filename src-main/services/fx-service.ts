/**
 * Exchange rates (import, derived pair series, stored pairs), the base-currency app setting, and the
 * conversion of a run's prices to its base currency with the `currency` key of its result.
 */
import { createHash } from 'node:crypto';
import { FrontierError } from '../../shared/api.js';
import type { CalendarResult, CurrencyResult, CurrencySettings, FxImportOutcome } from '../../shared/api/fx.js';
import type { OptimizeOptions } from '../../shared/domain/optimize.js';
import { alignCalendars, calendarFromWeekendShare, columnCalendars, PERIODS_PER_YEAR, type InstrumentCalendar } from '../core/fx/calendar.js';
import { convertToBase, type BaseConversion } from '../core/fx/convert.js';
import { currencyExposures, riskSplit } from '../core/fx/exposure.js';
import { parseFxFile } from '../core/fx/parse-fx-file.js';
import { cashBalances, valueInBase } from '../core/fx/valuation.js';
import { listHoldings } from '../store/holdings-repo.js';
import { latestPrices } from '../store/instruments-repo.js';
import { buildFxTable, candidateDates, describeRoute, pairRates } from '../core/fx/rate-table.js';
import type { PriceMatrix } from '../core/price-matrix.js';
import type { Database } from '../store/database.js';
import { cashMoves, getAppSetting, instrumentCalendars, instrumentCurrencies, listFxPairs, loadFxRates, setAppSetting, setInstrumentCurrencyCalendar, writeFxFiles } from '../store/fx-repo.js';
import { loadPriceMatrix } from '../store/prices-repo.js';
import type { Handlers } from './context.js';

export interface FxSource {
  name: string;
  bytes: Uint8Array;
}

/** Parses every file; any error in any file writes nothing (FILE:LINE: reason). */
export function importFxFiles(db: Database, sources: readonly FxSource[]): FxImportOutcome {
  const parsed = sources.map((s) => parseFxFile(s.bytes, s.name));
  for (const p of parsed) {
    const e = p.errors[0];
    if (e) {
      const where = e.column ? ` (${e.column}${e.value !== undefined ? ` "${e.value}"` : ''})` : '';
      throw new FrontierError('user-error', `${p.file}:${e.line}: ${e.message}${where}`, { file: p.file, errors: p.errors.slice(0, 50) });
    }
  }
  const written = writeFxFiles(
    db,
    parsed.map((p, i) => ({ fileName: p.file, sha256: createHash('sha256').update(sources[i]!.bytes).digest('hex'), format: p.format, rows: p.rows })),
  );
  const files = parsed.map((p, i) => ({
    file: p.file,
    format: p.format,
    rows: p.rows.length,
    inserted: written[i]!.inserted,
    duplicates: written[i]!.duplicates,
    skipped: p.skipped.length,
    warnings: p.warnings,
    batchId: written[i]!.batchId,
  }));
  return { files, inserted: files.reduce((a, f) => a + f.inserted, 0) };
}

/** A pair's rates on every date any route could give one, stored or derived. */
export function pairSeries(db: Database, pair: string, start?: string, end?: string) {
  const [from, to] = pair.split('/') as [string, string];
  const table = buildFxTable(loadFxRates(db, start, end));
  const dates = candidateDates(table, from, to);
  const pr = pairRates(table, from, to, dates);
  const rates = [];
  const used = new Set<number>();
  for (let t = 0; t < dates.length; t++) {
    if (pr.route[t] === -1) continue;
    used.add(pr.route[t]!);
    rates.push({ date: dates[t]!, rate: pr.rates[t]!, derived: pr.routes[pr.route[t]!]!.kind !== 'direct' });
  }
  if (rates.length === 0) throw new FrontierError('user-error', `no ${pair} rate stored or derivable${start || end ? ` between ${start ?? 'the start'} and ${end ?? 'the end'}` : ''}: import rates with frontier fx import`);
  const routes = [...used].sort().map((k) => describeRoute(from, to, pr.routes[k]!));
  return { pair, rates, routes };
}

/** A price series' closes as the annual short rate (fraction) on each date: the last value on or before it. */
function shortRateSeries(db: Database, ticker: string, unit: 'percent' | 'fraction', dates: readonly string[]): Float64Array {
  const m = loadPriceMatrix(db, [ticker], undefined, dates.at(-1));
  if (m.dates.length === 0) throw new FrontierError('user-error', `short-rate series ${ticker}: no values stored`, { field: 'currency.shortRates' });
  const out = new Float64Array(dates.length).fill(Number.NaN);
  let k = -1;
  for (let t = 0; t < dates.length; t++) {
    // Rates are levels: the last published value holds until the next one.
    while (k + 1 < m.dates.length && m.dates[k + 1]! <= dates[t]!) k++;
    if (k >= 0) out[t] = m.values[k]! * (unit === 'percent' ? 0.01 : 1);
  }
  return out;
}

/** What a converted run keeps to build its `currency` result. */
export interface CurrencyRun {
  settings: CurrencySettings;
  local: PriceMatrix;
  conversion: BaseConversion;
}

/**
 * The run's prices in `settings.base` (or unchanged when settings is undefined). Currencies come from
 * the instruments; a column not in the store (a merged market series) must not need conversion.
 */
export function convertRunPrices(db: Database, prices: PriceMatrix, settings: CurrencySettings | undefined): { prices: PriceMatrix; run: CurrencyRun | null } {
  if (!settings) return { prices, run: null };
  const stored = instrumentCurrencies(db, prices.tickers);
  const currencies = prices.tickers.map((t) => stored[t]?.currency?.trim() || null);
  const maxAge = settings.maxAgeDays;
  const first = prices.dates[0];
  const start = first && maxAge > 0 ? new Date(Date.parse(`${first}T00:00:00Z`) - maxAge * 86_400_000).toISOString().slice(0, 10) : first;
  const table = buildFxTable(loadFxRates(db, start, prices.dates.at(-1)));
  const shortRates: Record<string, number | Float64Array> = {};
  for (const [c, r] of Object.entries(settings.shortRates)) shortRates[c] = typeof r === 'number' ? r : shortRateSeries(db, r.series, r.unit, prices.dates);
  const converted = convertToBase(prices, currencies, table, { base: settings.base, hedges: settings.hedges, maxAgeDays: maxAge, shortRates });
  if (!converted.ok) throw new FrontierError('user-error', converted.error.message, converted.error.details);
  return { prices: converted.value.prices, run: { settings, local: prices, conversion: converted.value } };
}

/**
 * A run's prices made ready for the engine, once for every consumer: calendars read (or detected), a
 * mixed universe aligned on weekdays and the estimators told each asset's calendar; then, with
 * options.currency, converted to the base currency.
 */
export function prepareRunPrices(db: Database, prices: PriceMatrix, options: OptimizeOptions): { prices: PriceMatrix; options: OptimizeOptions; run: CurrencyRun | null; calendar: CalendarResult | null } {
  const { prices: ready, calendar } = alignRunCalendars(db, prices);
  const opts = calendar ? { ...options, estimators: { ...options.estimators, calendars: calendar.calendars } } : options;
  const { prices: converted, run } = convertRunPrices(db, ready, options.currency);
  return { prices: converted, options: opts, run, calendar };
}

/**
 * Calendars of the columns (stored on the instrument, else detected from the dates; `db` null = detect
 * only) and, when they are mixed, the prices aligned on weekdays. `calendar` is null when every asset
 * trades on weekdays (the engine then runs exactly as before).
 */
export function alignRunCalendars(db: Database | null, prices: PriceMatrix): { prices: PriceMatrix; calendar: CalendarResult | null } {
  const stored = db ? instrumentCurrencies(db, prices.tickers) : {};
  const given = Object.fromEntries(prices.tickers.map((t) => [t, (stored[t]?.calendar ?? null) as InstrumentCalendar | null]));
  const cals = columnCalendars(prices, given);
  if (!cals.includes('calendar-days')) return { prices, calendar: null };
  const aligned = alignCalendars(prices, cals);
  const calendars = Object.fromEntries(prices.tickers.map((t, j) => [t, cals[j]!]));
  return { prices: aligned.prices, calendar: { calendars, aligned: cals.includes('trading-days') ? 'weekdays' : null, droppedWeekendRows: aligned.droppedRows } };
}

const orNull = (x: number) => (Number.isFinite(x) ? x : null);

/** The `currency` key of a result: net exposures of `weights` and the local/currency risk split. */
export function currencyResult(run: CurrencyRun, weights: Record<string, number>, weightsUsed: string, periodsPerYear: number): CurrencyResult {
  const c = run.conversion;
  const currencyOf = Object.fromEntries(c.prices.tickers.map((t, j) => [t, c.currencies[j]!]));
  const held = Object.fromEntries(Object.entries(weights).filter(([t]) => t in currencyOf));
  const exposures = currencyExposures(held, currencyOf, c.base, c.hedges);
  const split = riskSplit(run.local, c.fx, held, exposures, periodsPerYear);
  return {
    base: c.base,
    exposures,
    riskSplit: {
      local: orNull(split.local),
      currency: orNull(split.currency),
      localVolatility: orNull(split.localVolatility),
      currencyVolatility: orNull(split.currencyVolatility),
      totalVolatility: orNull(split.totalVolatility),
      observations: split.observations,
    },
    hedges: c.hedges,
    instrumentCurrencies: currencyOf,
    pairs: c.pairs,
    weightsUsed,
    warnings: c.warnings,
  };
}

/** Derived holdings and cash per currency on `asOf` (default: the last transaction or price date), in `base`. */
export function holdingsInBase(db: Database, base: string, asOf: string | undefined, account: string | undefined, maxAgeDays: number) {
  const moves = cashMoves(db, account);
  const holdings = listHoldings(db, asOf, account);
  const tickers = [...new Set(holdings.map((h) => h.ticker))];
  const stored = instrumentCurrencies(db, tickers);
  const cashCcys = [...new Set(moves.map((m) => m.currency?.toUpperCase()).filter((c): c is string => Boolean(c)))];
  // Cash in a currency that is also an instrument (USDT) can be valued by that instrument's price.
  const priced = latestPrices(db, [...tickers, ...cashCcys], asOf);
  const instr = instrumentCurrencies(db, cashCcys);
  const lastDate = [...Object.values(priced).map((p) => p.date), ...moves.map((m) => m.date)].sort().at(-1);
  const when = asOf ?? lastDate;
  if (!when) throw new FrontierError('user-error', 'no transactions or prices stored: import broker files first');
  const currencyOf = Object.fromEntries([...tickers, ...cashCcys].map((t) => [t, stored[t]?.currency ?? instr[t]?.currency ?? null]));
  const table = buildFxTable(loadFxRates(db, undefined, when));
  const r = valueInBase(holdings, priced, currencyOf, cashBalances(moves, when), table, base, when, maxAgeDays);
  if (!r.ok) throw new FrontierError('user-error', r.error.message, r.error.details);
  return r.value;
}

export const fxHandlers = {
  'fx-import': (req, ctx) => {
    const out = importFxFiles(ctx.db, req.files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.dataBase64, 'base64')) })));
    ctx.emit('data-changed', { what: 'prices' });
    return out;
  },
  'fx-rates': (req, ctx) => pairSeries(ctx.db, req.pair, req.start, req.end),
  'fx-pairs': (_req, ctx) => listFxPairs(ctx.db),
  'fx-settings-get': (_req, ctx) => {
    const v = getAppSetting(ctx.db, 'baseCurrency');
    return { baseCurrency: typeof v === 'string' ? v : null };
  },
  'fx-settings-set': (req, ctx) => {
    setAppSetting(ctx.db, 'baseCurrency', req.baseCurrency);
    return { baseCurrency: req.baseCurrency };
  },
  'fx-holdings-value': (req, ctx) => holdingsInBase(ctx.db, req.base, req.asOf, req.account, req.maxAgeDays),
  'fx-instruments': (_req, ctx) =>
    instrumentCalendars(ctx.db).map((r) => {
      const calendar = (r.calendar as InstrumentCalendar | null) ?? calendarFromWeekendShare(r.weekendShare);
      return { ticker: r.ticker, currency: r.currency, calendar, calendarStored: r.calendar !== null, periodsPerYear: PERIODS_PER_YEAR[calendar] };
    }),
  'fx-instruments-set': (req, ctx) => {
    const updated = setInstrumentCurrencyCalendar(
      ctx.db,
      req.updates.map((u) => ({ ticker: u.ticker, ...(u.currency !== undefined ? { currency: u.currency === null ? null : u.currency.toUpperCase() } : {}), ...(u.calendar !== undefined ? { calendar: u.calendar } : {}) })),
    );
    ctx.emit('data-changed', { what: 'instruments' });
    return { updated };
  },
} satisfies Handlers<'fx-import' | 'fx-rates' | 'fx-pairs' | 'fx-settings-get' | 'fx-settings-set' | 'fx-instruments' | 'fx-instruments-set' | 'fx-holdings-value'>;
