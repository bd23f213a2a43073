/**
 * Turns the CLI's price-source flags into prices: `--prices FILE.csv` (wide CSV), `--db FILE
 * --tickers A,B`, or `--scenario FILE.json` (tickers and window from a scenario file, prices from the
 * database), with `--start/--end/--complete-rows/--last`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FrontierError } from '../../shared/api.js';
import type { PriceWindow } from '../../shared/domain/optimize.js';
import { scenarioFileSchema, type ScenarioFile } from '../../shared/domain/scenario.js';
import { parseWidePrices } from '../core/ingest/wide-prices.js';
import { selectColumns, type PriceMatrix } from '../core/price-matrix.js';
import { loadPriceMatrix, unknownTickers } from '../store/prices-repo.js';
import type { CalendarResult } from '../../shared/api/fx.js';
import type { CurrencyRun } from '../services/fx-service.js';
import { numberOption, stringOption, type CliContext, type OptionsConfig, type ParsedArgs } from './command.js';
import { currencyOptions, currencyUsage, withBaseCurrency } from './currency-flags.js';

export const priceSourceOptions = {
  prices: { type: 'string' },
  db: { type: 'string' },
  tickers: { type: 'string' },
  scenario: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'complete-rows': { type: 'boolean', default: false },
  last: { type: 'string' },
  ...currencyOptions,
} satisfies OptionsConfig;

export const priceSourceUsage = `source (one of):
  --prices FILE.csv          wide CSV: a date column, one column per ticker, empty = missing
  --db FILE --tickers A,B,…  prices stored by \`frontier import\` (--db defaults to FRONTIER_DB or the user data folder)
  --scenario FILE.json       tickers, window and settings of a scenario file (prices from --db)
  [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--complete-rows] [--last N]
${currencyUsage}`;

export interface PriceSource {
  prices: PriceMatrix;
  window: PriceWindow;
  /** The scenario file when --scenario was given. */
  scenario: ScenarioFile | null;
  /** Where the prices came from, for messages. */
  label: string;
  /** With --base-currency (or a scenario's currency): what the conversion did; prices are then in the base. */
  currency?: CurrencyRun | null;
  /** Calendars when a calendar-days (24/7) asset is in the source (prices then weekday-aligned if mixed). */
  calendar?: CalendarResult | null;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dateOption(args: ParsedArgs, name: string): string | undefined {
  const value = stringOption(args, name);
  if (value !== undefined && !ISO_DATE.test(value)) throw new FrontierError('user-error', `--${name}: "${value}" is not a YYYY-MM-DD date`);
  return value;
}

function parseTickers(raw: string): string[] {
  const tickers = raw.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  if (tickers.length === 0) throw new FrontierError('user-error', '--tickers: give at least one ticker, e.g. --tickers AAPL,MSFT');
  return tickers;
}

export function readScenarioFile(path: string): ScenarioFile {
  const full = resolve(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    throw new FrontierError('user-error', `${path}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message}`);
  }
  const parsed = scenarioFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FrontierError('user-error', `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, parsed.error.issues);
  }
  return parsed.data;
}

/** Reads a wide price CSV; errors name FILE:LINE. */
export function readWidePriceFile(path: string): PriceMatrix {
  const bytes = readFileSync(resolve(path));
  const { matrix, errors } = parseWidePrices(bytes, path);
  if (errors.length > 0 || !matrix) {
    const e = errors[0];
    throw new FrontierError('user-error', e ? `${path}:${e.line}: ${e.message}` : `${path}: no prices found`, { errors });
  }
  return matrix;
}

export function loadPriceSource(args: ParsedArgs, ctx: CliContext): PriceSource {
  return withBaseCurrency(args, ctx, loadLocalPriceSource(args, ctx));
}

function loadLocalPriceSource(args: ParsedArgs, ctx: CliContext): PriceSource {
  const scenarioPath = stringOption(args, 'scenario');
  const scenario = scenarioPath ? readScenarioFile(scenarioPath) : null;
  const lastRaw = numberOption(args, 'last');
  if (lastRaw !== undefined && (!Number.isInteger(lastRaw) || lastRaw < 2)) throw new FrontierError('user-error', '--last: give a whole number of returns ≥ 2');
  const start = dateOption(args, 'start');
  const end = dateOption(args, 'end');
  const window: PriceWindow = {
    ...(scenario?.window ?? { completeRows: false }),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(args.values['complete-rows'] === true ? { completeRows: true } : {}),
    ...(lastRaw !== undefined ? { last: lastRaw } : {}),
  };
  const tickersFlag = stringOption(args, 'tickers');
  const pricesPath = stringOption(args, 'prices');
  if (pricesPath) {
    const all = readWidePriceFile(pricesPath);
    const wanted = tickersFlag ? parseTickers(tickersFlag) : scenario?.tickers;
    let prices = all;
    if (wanted) {
      const picked = selectColumns(all, wanted);
      if ('missing' in picked) throw new FrontierError('user-error', `${pricesPath}: no column for ${picked.missing.join(', ')}`);
      prices = picked;
    }
    return { prices: clipDates(prices, window), window, scenario, label: pricesPath };
  }
  const tickers = tickersFlag ? parseTickers(tickersFlag) : scenario?.tickers;
  if (!tickers) throw new FrontierError('user-error', 'say where prices come from: --prices FILE.csv, --db FILE --tickers A,B, or --scenario FILE.json');
  const runtime = ctx.runtime(stringOption(args, 'db'));
  const unknown = unknownTickers(runtime.ctx.db, tickers);
  if (unknown.length > 0) throw new FrontierError('user-error', `${runtime.ctx.dbPath}: no prices stored for ${unknown.join(', ')}`);
  const prices = loadPriceMatrix(runtime.ctx.db, tickers, window.start, window.end);
  return { prices, window, scenario, label: runtime.ctx.dbPath };
}

function clipDates(m: PriceMatrix, window: PriceWindow): PriceMatrix {
  if (!window.start && !window.end) return m;
  const lo = window.start ?? '0000-01-01';
  const hi = window.end ?? '9999-12-31';
  const keep = m.dates.map((d, t) => (d >= lo && d <= hi ? t : -1)).filter((t) => t >= 0);
  const n = m.tickers.length;
  const values = new Float64Array(keep.length * n);
  keep.forEach((t, k) => values.set(m.values.subarray(t * n, t * n + n), k * n));
  return { dates: keep.map((t) => m.dates[t]!), tickers: m.tickers.slice(), values };
}
