/**
 * Turns the CLI's price-source flags into where a request's prices come from: `--prices FILE.csv`
 * (imported through `import-commit` into an in-memory store, so the file is read by the same importer
 * as the app's), `--db FILE --tickers A,B`, or `--scenario FILE.json` (tickers and window from a
 * scenario file, prices from the database), with `--start/--end/--complete-rows/--last`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FrontierError } from '../../shared/api.js';
import type { PriceWindow } from '../../shared/domain/optimize.js';
import { scenarioFileSchema, type ScenarioFile } from '../../shared/domain/scenario.js';
import { numberOption, stringOption, type CliContext, type OptionsConfig, type ParsedArgs } from './command.js';

export const priceSourceOptions = {
  prices: { type: 'string' },
  db: { type: 'string' },
  tickers: { type: 'string' },
  scenario: { type: 'string' },
  start: { type: 'string' },
  end: { type: 'string' },
  'complete-rows': { type: 'boolean', default: false },
  last: { type: 'string' },
} satisfies OptionsConfig;

export const priceSourceUsage = `source (one of):
  --prices FILE.csv          wide CSV: a date column, one column per ticker, empty = missing
  --db FILE --tickers A,B,…  prices stored by \`frontier import\` (--db defaults to FRONTIER_DB or the user data folder)
  --scenario FILE.json       tickers, window and settings of a scenario file (prices from --db)
  [--start YYYY-MM-DD] [--end YYYY-MM-DD] [--complete-rows] [--last N]`;

/** The in-memory store `--prices FILE` is imported into for the length of one command. */
export const MEMORY_DB = ':memory:';

export interface PriceSource {
  /** The store the request goes to: --db's (or the default), or MEMORY_DB for --prices. */
  db: string | undefined;
  /** The tickers, in the file's column order for --prices. */
  tickers: string[];
  window: PriceWindow;
  /** The scenario file when --scenario was given. */
  scenario: ScenarioFile | null;
  /** Where the prices came from, for messages. */
  label: string;
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

/** A JSON file, or a user error naming it. */
export function readJsonFile(path: string, label = path): unknown {
  try {
    return JSON.parse(readFileSync(resolve(path), 'utf8'));
  } catch (error) {
    throw new FrontierError('user-error', `${label}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : (error as Error).message}`);
  }
}

export function readScenarioFile(path: string): ScenarioFile {
  const parsed = scenarioFileSchema.safeParse(readJsonFile(path));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new FrontierError('user-error', `${path}: ${issue.path.join('.') || '(root)'}: ${issue.message}`, parsed.error.issues);
  }
  return parsed.data;
}

/**
 * Imports a wide price CSV into the command's in-memory store (errors name FILE:LINE, as the app's
 * importer does) and returns its tickers in column order.
 */
export async function importPriceFile(ctx: CliContext, path: string, db: string = MEMORY_DB): Promise<string[]> {
  const dataBase64 = readFileSync(resolve(ctx.cwd, path)).toString('base64');
  const outcome = await ctx.call('import-commit', { files: [{ name: path, dataBase64 }], options: { format: 'wide' } }, db);
  const file = outcome.files[0];
  if (!file || file.tickers.length === 0) throw new FrontierError('user-error', `${path}: no prices found`);
  // The summary lists tickers sorted; the header keeps the file's order, which results follow.
  const found = new Set(file.tickers);
  const ordered = file.header.map((h) => h.trim()).filter((h) => found.delete(h));
  return [...ordered, ...found];
}

/** The --start/--end/--complete-rows/--last flags over a scenario's window. */
export function windowFromFlags(args: ParsedArgs, scenario: ScenarioFile | null = null): PriceWindow {
  const lastRaw = numberOption(args, 'last');
  if (lastRaw !== undefined && (!Number.isInteger(lastRaw) || lastRaw < 2)) throw new FrontierError('user-error', '--last: give a whole number of returns ≥ 2');
  const start = dateOption(args, 'start');
  const end = dateOption(args, 'end');
  return {
    ...(scenario?.window ?? { completeRows: false }),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(args.values['complete-rows'] === true ? { completeRows: true } : {}),
    ...(lastRaw !== undefined ? { last: lastRaw } : {}),
  };
}

export async function loadPriceSource(args: ParsedArgs, ctx: CliContext): Promise<PriceSource> {
  const scenarioPath = stringOption(args, 'scenario');
  const scenario = scenarioPath ? readScenarioFile(scenarioPath) : null;
  const window = windowFromFlags(args, scenario);
  const tickersFlag = stringOption(args, 'tickers');
  const pricesPath = stringOption(args, 'prices');
  if (pricesPath) {
    const all = await importPriceFile(ctx, pricesPath);
    const wanted = tickersFlag ? parseTickers(tickersFlag) : scenario?.tickers;
    if (wanted) {
      const missing = wanted.filter((t) => !all.includes(t));
      if (missing.length > 0) throw new FrontierError('user-error', `${pricesPath}: no column for ${missing.join(', ')}`);
    }
    return { db: MEMORY_DB, tickers: wanted ?? all, window, scenario, label: pricesPath };
  }
  const tickers = tickersFlag ? parseTickers(tickersFlag) : scenario?.tickers;
  if (!tickers) throw new FrontierError('user-error', 'say where prices come from: --prices FILE.csv, --db FILE --tickers A,B, or --scenario FILE.json');
  const db = stringOption(args, 'db');
  return { db, tickers, window, scenario, label: db ?? 'the database' };
}
