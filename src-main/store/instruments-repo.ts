/** Instrument details the user edits (sector, asset class, tags) and the latest price per ticker. */
import type { Database } from 'better-sqlite3';
import { FrontierError } from '../../shared/api.js';
import { writeTransaction } from './write-transaction.js';
import type { InstrumentSummary, InstrumentUpdate, LatestPrice } from '../../shared/api/market-data.js';

interface InstrumentRow {
  ticker: string;
  name: string | null;
  currency: string | null;
  sector: string | null;
  assetClass: string | null;
  tags: string;
  firstDate: string | null;
  lastDate: string | null;
  priceRows: number;
}

/** Every instrument with its classification and data coverage (first/last date, rows). */
export function listInstrumentDetails(db: Database): InstrumentSummary[] {
  const rows = db
    .prepare(
      `SELECT i.ticker, i.name, i.currency, i.sector, i.asset_class AS assetClass, i.tags,
              MIN(p.date) AS firstDate, MAX(p.date) AS lastDate, COUNT(p.date) AS priceRows
         FROM instruments i LEFT JOIN prices p ON p.instrument_id = i.id
        GROUP BY i.id ORDER BY i.ticker`,
    )
    .all() as InstrumentRow[];
  return rows.map((r) => ({ ...r, tags: parseTags(r.tags) }));
}

function parseTags(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
}

/** Blank text clears a field; tags are trimmed, de-duplicated and sorted. */
function clean(text: string | null | undefined): string | null | undefined {
  if (text === undefined) return undefined;
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
}

/**
 * Saves the sector / asset class / tags of several instruments in one transaction; fields left out
 * are kept. Unknown tickers are refused before anything is written.
 */
export function updateInstruments(db: Database, updates: readonly InstrumentUpdate[]): number {
  const exists = db.prepare('SELECT 1 FROM instruments WHERE ticker = ?');
  const unknown = updates.filter((u) => exists.get(u.ticker) === undefined).map((u) => u.ticker);
  if (unknown.length > 0) throw new FrontierError('not-found', `unknown ticker${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`, { tickers: unknown });
  const setSector = db.prepare('UPDATE instruments SET sector = ? WHERE ticker = ?');
  const setClass = db.prepare('UPDATE instruments SET asset_class = ? WHERE ticker = ?');
  const setTags = db.prepare('UPDATE instruments SET tags = ? WHERE ticker = ?');
  writeTransaction(db, () => {
    for (const u of updates) {
      const sector = clean(u.sector);
      const assetClass = clean(u.assetClass);
      if (sector !== undefined) setSector.run(sector, u.ticker);
      if (assetClass !== undefined) setClass.run(assetClass, u.ticker);
      if (u.tags !== undefined) {
        const tags = [...new Set(u.tags.map((t) => t.trim()).filter((t) => t !== ''))].sort((a, b) => a.localeCompare(b));
        setTags.run(JSON.stringify(tags), u.ticker);
      }
    }
  });
  return updates.length;
}

/**
 * The last close (adjusted close where no close was stored) on or before `asOf` per ticker; tickers
 * without any price are left out so callers can name them.
 */
export function latestPrices(db: Database, tickers: readonly string[], asOf?: string): Record<string, LatestPrice> {
  const stmt = db.prepare(
    `SELECT p.date, COALESCE(p.close, p.adj_close) AS price
       FROM prices p JOIN instruments i ON i.id = p.instrument_id
      WHERE i.ticker = ? AND p.date <= ? AND COALESCE(p.close, p.adj_close) IS NOT NULL
      ORDER BY p.date DESC LIMIT 1`,
  );
  const out: Record<string, LatestPrice> = {};
  for (const t of tickers) {
    const row = stmt.get(t, asOf ?? '9999-12-31') as { date: string; price: number } | undefined;
    if (row && Number.isFinite(row.price) && row.price > 0) out[t] = { price: row.price, date: row.date };
  }
  return out;
}
