/** Read side of instruments and daily prices (the import path owns the writes). */
import type { Database } from 'better-sqlite3';
import type { InstrumentSummary, PriceRow } from '../../shared/api/market-data.js';
import type { PriceMatrix } from '../core/price-matrix.js';

export function listInstruments(db: Database): InstrumentSummary[] {
  return db
    .prepare(
      `SELECT i.ticker, i.name, i.currency,
              MIN(p.date) AS firstDate, MAX(p.date) AS lastDate, COUNT(p.date) AS priceRows
         FROM instruments i LEFT JOIN prices p ON p.instrument_id = i.id
        GROUP BY i.id ORDER BY i.ticker`,
    )
    .all() as InstrumentSummary[];
}

export function getPrices(db: Database, ticker: string, start?: string, end?: string): PriceRow[] {
  return db
    .prepare(
      `SELECT p.date, p.open, p.high, p.low, p.close, p.adj_close AS adjClose, p.volume,
              COALESCE(p.currency, i.currency) AS currency, b.file_name AS sourceFile, p.source_line AS sourceLine
         FROM prices p JOIN instruments i ON i.id = p.instrument_id
         LEFT JOIN import_batches b ON b.id = p.batch_id
        WHERE i.ticker = ? AND p.date >= ? AND p.date <= ?
        ORDER BY p.date`,
    )
    .all(ticker, start ?? '0000-01-01', end ?? '9999-12-31') as PriceRow[];
}

export function unknownTickers(db: Database, tickers: readonly string[]): string[] {
  const stmt = db.prepare('SELECT 1 FROM instruments WHERE ticker = ?');
  return tickers.filter((t) => stmt.get(t) === undefined);
}

/**
 * Adjusted closes (close where no adjusted close was given) for the tickers between start and end, on
 * the union of their dates; NaN where a ticker has no price that day (no forward fill).
 */
export function loadPriceMatrix(db: Database, tickers: readonly string[], start?: string, end?: string): PriceMatrix {
  const rows = db
    .prepare(
      `SELECT i.ticker AS ticker, p.date AS date, COALESCE(p.adj_close, p.close) AS price
         FROM prices p JOIN instruments i ON i.id = p.instrument_id
        WHERE i.ticker IN (SELECT value FROM json_each(?)) AND p.date >= ? AND p.date <= ?
        ORDER BY p.date`,
    )
    .all(JSON.stringify(tickers), start ?? '0000-01-01', end ?? '9999-12-31') as {
    ticker: string;
    date: string;
    price: number | null;
  }[];
  const column = new Map(tickers.map((t, j) => [t, j]));
  const dates: string[] = [];
  for (const r of rows) if (dates.at(-1) !== r.date) dates.push(r.date);
  const n = tickers.length;
  const values = new Float64Array(dates.length * n).fill(Number.NaN);
  let t = -1;
  let lastDate = '';
  for (const r of rows) {
    if (r.date !== lastDate) {
      t++;
      lastDate = r.date;
    }
    if (r.price !== null && r.price > 0) values[t * n + column.get(r.ticker)!] = r.price;
  }
  return { dates, tickers: [...tickers], values };
}

/**
 * The dates between start and end on which any of the tickers has a price row (the dates of
 * loadPriceMatrix), each with how many of the tickers have a positive price that day. Aggregated in
 * SQLite, so a report learns its window without reading every price into JS.
 */
export function priceDateCoverage(db: Database, tickers: readonly string[], start?: string, end?: string): { dates: string[]; priced: number[] } {
  const rows = db
    .prepare(
      `SELECT p.date AS date, COUNT(CASE WHEN COALESCE(p.adj_close, p.close) > 0 THEN 1 END) AS priced
         FROM prices p JOIN instruments i ON i.id = p.instrument_id
        WHERE i.ticker IN (SELECT value FROM json_each(?)) AND p.date >= ? AND p.date <= ?
        GROUP BY p.date ORDER BY p.date`,
    )
    .all(JSON.stringify(tickers), start ?? '0000-01-01', end ?? '9999-12-31') as { date: string; priced: number }[];
  return { dates: rows.map((r) => r.date), priced: rows.map((r) => r.priced) };
}

/** Each ticker's last positive adjusted close (close where none) between start and end; tickers without one are left out. */
export function lastPositivePrices(db: Database, tickers: readonly string[], start?: string, end?: string): Record<string, number> {
  const stmt = db.prepare(
    `SELECT COALESCE(p.adj_close, p.close) AS price
       FROM prices p JOIN instruments i ON i.id = p.instrument_id
      WHERE i.ticker = ? AND p.date >= ? AND p.date <= ? AND COALESCE(p.adj_close, p.close) > 0
      ORDER BY p.date DESC LIMIT 1`,
  );
  const out: Record<string, number> = {};
  for (const ticker of tickers) {
    const row = stmt.get(ticker, start ?? '0000-01-01', end ?? '9999-12-31') as { price: number } | undefined;
    if (row) out[ticker] = row.price;
  }
  return out;
}
