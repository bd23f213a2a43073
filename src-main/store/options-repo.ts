/** Option position snapshots (option_positions) and the underlying closes option pricing needs. */
import type { Database } from 'better-sqlite3';
import type { OptionPosition } from '../../shared/domain/options.js';
import type { ImportedOption } from '../core/options/import-types.js';

/** Inserts positions (existing account/date/contract rows are left alone); returns rows added. Caller holds the transaction. */
export function insertOptionPositions(db: Database, rows: readonly ImportedOption[], sourceFile: string, batchId: number): number {
  const insert = db.prepare(
    `INSERT INTO option_positions (account, as_of, underlying, type, strike, expiry, quantity, multiplier, style, price, implied_vol, dividend_yield, source_file, source_line, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account, as_of, underlying, type, strike, expiry) DO NOTHING`,
  );
  let n = 0;
  for (const p of rows)
    n += insert.run(p.account, p.asOf, p.underlying, p.type, p.strike, p.expiry, p.quantity, p.multiplier, p.style, p.price, p.impliedVol, p.dividendYield, sourceFile, p.line, batchId).changes;
  return n;
}

interface Row {
  account: string;
  asOf: string;
  underlying: string;
  type: 'call' | 'put';
  strike: number;
  expiry: string;
  quantity: number;
  multiplier: number;
  style: 'european' | 'american';
  price: number | null;
  impliedVol: number | null;
  dividendYield: number;
  sourceFile: string;
  sourceLine: number;
}

/** Each account's latest snapshot on or before `asOf` (all dates when absent), optionally one account. */
export function latestOptionPositions(db: Database, asOf?: string, account?: string): (OptionPosition & { asOf: string })[] {
  const rows = db
    .prepare(
      `SELECT o.account, o.as_of AS asOf, o.underlying, o.type, o.strike, o.expiry, o.quantity, o.multiplier, o.style, o.price,
              o.implied_vol AS impliedVol, o.dividend_yield AS dividendYield, o.source_file AS sourceFile, o.source_line AS sourceLine
         FROM option_positions o
         JOIN (SELECT account, MAX(as_of) AS d FROM option_positions WHERE (? IS NULL OR as_of <= ?) AND (? IS NULL OR account = ?) GROUP BY account) l
           ON l.account = o.account AND l.d = o.as_of
        ORDER BY o.underlying, o.expiry, o.type, o.strike, o.account`,
    )
    .all(asOf ?? null, asOf ?? null, account ?? null, account ?? null) as Row[];
  return rows.map(({ sourceFile, sourceLine, ...r }) => ({ ...r, source: `${sourceFile}:${sourceLine}` }));
}

export function countOptionPositions(db: Database): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM option_positions').get() as { n: number }).n;
}

/** The ticker's last close (raw, not adjusted) on or before `asOf` (latest when absent), with its date; null when none. */
export function lastClose(db: Database, ticker: string, asOf?: string): { date: string; close: number } | null {
  const row = db
    .prepare(
      `SELECT p.date AS date, p.close AS close FROM prices p JOIN instruments i ON i.id = p.instrument_id
        WHERE i.ticker = ? AND p.close > 0 AND (? IS NULL OR p.date <= ?) ORDER BY p.date DESC LIMIT 1`,
    )
    .get(ticker, asOf ?? null, asOf ?? null) as { date: string; close: number } | undefined;
  return row ?? null;
}

/** Daily closes (raw) of a ticker between start and end, ascending. */
export function closeSeries(db: Database, ticker: string, start?: string, end?: string): { dates: string[]; closes: Float64Array } {
  const rows = db
    .prepare(
      `SELECT p.date AS date, p.close AS close FROM prices p JOIN instruments i ON i.id = p.instrument_id
        WHERE i.ticker = ? AND p.close > 0 AND (? IS NULL OR p.date >= ?) AND (? IS NULL OR p.date <= ?) ORDER BY p.date`,
    )
    .all(ticker, start ?? null, start ?? null, end ?? null, end ?? null) as { date: string; close: number }[];
  return { dates: rows.map((r) => r.date), closes: Float64Array.from(rows, (r) => r.close) };
}

/** Market value of each account's latest stock-position snapshot on or before `asOf` (quantity × price, or value). */
export function stockPositionsValue(db: Database, asOf?: string): number {
  const row = db
    .prepare(
      `SELECT SUM(COALESCE(p.value, p.quantity * p.price)) AS v FROM positions p
         JOIN (SELECT account, MAX(as_of) AS d FROM positions WHERE (? IS NULL OR as_of <= ?) GROUP BY account) l
           ON l.account = p.account AND l.d = p.as_of`,
    )
    .get(asOf ?? null, asOf ?? null) as { v: number | null };
  return row.v ?? 0;
}
