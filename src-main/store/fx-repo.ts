/** Exchange rates (fx_rates) and their import batches; the instrument calendar column. */
import type { Database } from 'better-sqlite3';
import type { FxRate } from '../core/fx/rate-table.js';
import type { FxRateRow } from '../core/fx/parse-fx-file.js';

export interface FxFileWrite {
  fileName: string;
  sha256: string;
  format: string;
  rows: readonly FxRateRow[];
}

/**
 * Writes each file as a batch inside one transaction: all files or none. Rows already stored (same pair
 * and date) are kept, so a re-import adds nothing; a batch that added nothing is not recorded.
 */
export function writeFxFiles(db: Database, files: readonly FxFileWrite[]): { file: string; batchId: number | null; inserted: number; duplicates: number }[] {
  const batch = db.prepare('INSERT INTO fx_import_batches (file_name, file_sha256, format, imported_at) VALUES (?, ?, ?, ?)');
  const insert = db.prepare('INSERT INTO fx_rates (date, base, quote, rate, batch_id, source_line) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (base, quote, date) DO NOTHING');
  const setRows = db.prepare('UPDATE fx_import_batches SET row_count = ? WHERE id = ?');
  const drop = db.prepare('DELETE FROM fx_import_batches WHERE id = ?');
  return db.transaction(() =>
    files.map((f) => {
      const id = Number(batch.run(f.fileName, f.sha256, f.format, new Date().toISOString()).lastInsertRowid);
      let inserted = 0;
      for (const r of f.rows) inserted += insert.run(r.date, r.base, r.quote, r.rate, id, r.line).changes;
      if (inserted === 0) {
        drop.run(id);
        return { file: f.fileName, batchId: null, inserted, duplicates: f.rows.length };
      }
      setRows.run(inserted, id);
      return { file: f.fileName, batchId: id, inserted, duplicates: f.rows.length - inserted };
    }),
  )();
}

/** Every stored rate between start and end (inclusive; ISO dates). */
export function loadFxRates(db: Database, start?: string, end?: string): FxRate[] {
  return db
    .prepare('SELECT date, base, quote, rate FROM fx_rates WHERE date >= ? AND date <= ? ORDER BY base, quote, date')
    .all(start ?? '0000-01-01', end ?? '9999-12-31') as FxRate[];
}

export interface FxPairSummary {
  base: string;
  quote: string;
  firstDate: string;
  lastDate: string;
  rows: number;
}

/** One row per stored pair: first/last date and row count. */
export function listFxPairs(db: Database): FxPairSummary[] {
  return db
    .prepare('SELECT base, quote, MIN(date) AS firstDate, MAX(date) AS lastDate, COUNT(*) AS rows FROM fx_rates GROUP BY base, quote ORDER BY base, quote')
    .all() as FxPairSummary[];
}

/** Every instrument's stored currency and calendar, with the share of its price dates on a weekend. */
export function instrumentCalendars(db: Database): { ticker: string; currency: string | null; calendar: string | null; weekendShare: number }[] {
  return db
    .prepare(
      `SELECT i.ticker, i.currency, i.calendar,
              COALESCE(AVG(CASE WHEN strftime('%w', p.date) IN ('0', '6') THEN 1.0 ELSE 0.0 END), 0) AS weekendShare
         FROM instruments i LEFT JOIN prices p ON p.instrument_id = i.id
        GROUP BY i.id ORDER BY i.ticker`,
    )
    .all() as { ticker: string; currency: string | null; calendar: string | null; weekendShare: number }[];
}

/** Stored currency and calendar per ticker (null where not set). */
export function instrumentCurrencies(db: Database, tickers: readonly string[]): Record<string, { currency: string | null; calendar: string | null }> {
  const stmt = db.prepare('SELECT currency, calendar FROM instruments WHERE ticker = ?');
  const out: Record<string, { currency: string | null; calendar: string | null }> = {};
  for (const t of tickers) {
    const row = stmt.get(t) as { currency: string | null; calendar: string | null } | undefined;
    if (row) out[t] = row;
  }
  return out;
}

/** Sets instrument currencies and/or calendars in one transaction; returns rows changed. */
export function setInstrumentCurrencyCalendar(db: Database, updates: readonly { ticker: string; currency?: string | null; calendar?: string | null }[]): number {
  const cur = db.prepare('UPDATE instruments SET currency = ? WHERE ticker = ?');
  const cal = db.prepare('UPDATE instruments SET calendar = ? WHERE ticker = ?');
  return db.transaction(() => {
    let changed = 0;
    for (const u of updates) {
      let hit = 0;
      if (u.currency !== undefined) hit = Math.max(hit, cur.run(u.currency, u.ticker).changes);
      if (u.calendar !== undefined) hit = Math.max(hit, cal.run(u.calendar, u.ticker).changes);
      changed += hit;
    }
    return changed;
  })();
}

/** Transactions as cash moves (amount in its currency; fx rows also carry the bought leg as quantity). */
export function cashMoves(db: Database, account?: string): { account: string; date: string; type: string; ticker: string | null; quantity: number | null; amount: number | null; currency: string | null }[] {
  return db
    .prepare('SELECT account, date, type, ticker, quantity, amount, currency FROM transactions WHERE (? IS NULL OR account = ?) ORDER BY account, date, id')
    .all(account ?? null, account ?? null) as { account: string; date: string; type: string; ticker: string | null; quantity: number | null; amount: number | null; currency: string | null }[];
}

/** An app setting's JSON value, or null when unset. */
export function getAppSetting(db: Database, key: string): unknown {
  const row = db.prepare('SELECT value FROM app_settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : null;
}

/** Sets (or, with null, removes) an app setting. */
export function setAppSetting(db: Database, key: string, value: unknown): void {
  if (value === null) db.prepare('DELETE FROM app_settings WHERE key = ?').run(key);
  else db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}
