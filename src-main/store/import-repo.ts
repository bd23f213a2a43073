/** Write side of imports: batches, instruments and daily prices. Callers wrap calls in one transaction. */
import type { Database } from 'better-sqlite3';
import type { ImportBatch } from '../../shared/api/imports.js';
import type { ImportKind, PriceSeries, WidePrices } from '../core/ingest/types.js';

export interface NewBatch {
  fileName: string;
  sha256: string;
  format: string;
  kind: ImportKind;
  details?: unknown;
}

export function createBatch(db: Database, batch: NewBatch): number {
  const info = db
    .prepare(
      `INSERT INTO import_batches (file_name, file_sha256, format, kind, imported_at, row_count, details)
       VALUES (?, ?, ?, ?, ?, 0, ?)`,
    )
    .run(batch.fileName, batch.sha256, batch.format, batch.kind, new Date().toISOString(), JSON.stringify(batch.details ?? {}));
  return Number(info.lastInsertRowid);
}

export function setBatchRows(db: Database, batchId: number, rows: number): void {
  db.prepare('UPDATE import_batches SET row_count = ? WHERE id = ?').run(rows, batchId);
}

export function deleteBatch(db: Database, batchId: number): void {
  db.prepare('DELETE FROM import_batches WHERE id = ?').run(batchId);
}

/** The instrument's id, creating it (with its currency) on first sight. */
export function ensureInstrument(db: Database, ticker: string, currency: string | null): number {
  const found = db.prepare('SELECT id, currency FROM instruments WHERE ticker = ?').get(ticker) as { id: number; currency: string | null } | undefined;
  if (found) {
    if (found.currency === null && currency !== null) db.prepare('UPDATE instruments SET currency = ? WHERE id = ?').run(currency, found.id);
    return found.id;
  }
  const info = db.prepare('INSERT INTO instruments (ticker, currency, created_at) VALUES (?, ?, ?)').run(ticker, currency, new Date().toISOString());
  return Number(info.lastInsertRowid);
}

const num = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * Inserts price rows that are not stored yet (instrument, date); existing rows are kept, so a re-import
 * adds nothing. Returns the number of rows inserted. `onRow` is called every 10,000 rows.
 */
export function insertPrices(db: Database, series: readonly PriceSeries[], batchId: number, onRows?: (done: number) => void): number {
  const insert = db.prepare(
    `INSERT INTO prices (instrument_id, date, open, high, low, close, adj_close, volume, currency, batch_id, source_line)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (instrument_id, date) DO NOTHING`,
  );
  let inserted = 0;
  let done = 0;
  for (const s of series) {
    const id = ensureInstrument(db, s.ticker, s.currency);
    for (let t = 0; t < s.dates.length; t++) {
      const r = insert.run(id, s.dates[t]!, num(s.open[t]!), num(s.high[t]!), num(s.low[t]!), num(s.close[t]!), num(s.adjClose[t]!), num(s.volume[t]!), s.currency, batchId, s.lines?.[t] ?? null);
      inserted += r.changes;
      if (++done % 10_000 === 0) onRows?.(done);
    }
  }
  return inserted;
}

/** Rows per multi-row INSERT: one statement call per chunk cuts per-row overhead (6 params a row, far below SQLite's limit). */
const CHUNK = 200;
const PARAMS = 6;

/** Inserts the prices of a wide matrix as closes (missing cells skipped); returns rows inserted. */
export function insertWidePrices(db: Database, wide: WidePrices, batchId: number, onRows?: (done: number) => void): number {
  const { dates, tickers, values } = wide.matrix;
  const lines = wide.lines;
  const n = tickers.length;
  const ids = tickers.map((t) => ensureInstrument(db, t, wide.currency));
  const sql = (rows: number): string =>
    `INSERT INTO prices (instrument_id, date, close, currency, batch_id, source_line) VALUES ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?)').join(', ')}
     ON CONFLICT (instrument_id, date) DO NOTHING`;
  const full = db.prepare(sql(CHUNK));
  const params: (string | number | null)[] = [];
  let inserted = 0;
  let done = 0;
  const flush = (): void => {
    const rows = params.length / PARAMS;
    if (rows === 0) return;
    inserted += (rows === CHUNK ? full : db.prepare(sql(rows))).run(params).changes;
    params.length = 0;
  };
  // Ticker by ticker so each instrument's rows arrive in key order (the WITHOUT ROWID b-tree appends).
  for (let j = 0; j < n; j++) {
    const id = ids[j]!;
    for (let t = 0; t < dates.length; t++) {
      const v = values[t * n + j]!;
      if (Number.isNaN(v)) continue;
      params.push(id, dates[t]!, v, wide.currency, batchId, lines[t]!);
      if (params.length === CHUNK * PARAMS) flush();
      if (++done % 10_000 === 0) onRows?.(done);
    }
  }
  flush();
  return inserted;
}

/** Stored rows among a wide matrix's (ticker, date) cells. */
export function countExistingWide(db: Database, wide: WidePrices): number {
  const stmt = db.prepare(
    `SELECT COUNT(*) AS n FROM prices p JOIN instruments i ON i.id = p.instrument_id
      WHERE i.ticker = ? AND p.date >= ? AND p.date <= ?`,
  );
  const { dates, tickers } = wide.matrix;
  if (dates.length === 0) return 0;
  // Rows of these tickers inside the file's date range: what a re-import would find already there.
  let n = 0;
  for (const t of tickers) n += (stmt.get(t, dates[0]!, dates.at(-1)!) as { n: number }).n;
  return n;
}

/** How many of these price rows are already stored (the preview's "already imported" count). */
export function countExistingPrices(db: Database, series: readonly PriceSeries[]): number {
  const stmt = db.prepare(
    `SELECT COUNT(*) AS n FROM prices p JOIN instruments i ON i.id = p.instrument_id
      WHERE i.ticker = ? AND p.date IN (SELECT value FROM json_each(?))`,
  );
  let n = 0;
  for (const s of series) n += (stmt.get(s.ticker, JSON.stringify(s.dates)) as { n: number }).n;
  return n;
}

interface BatchRow {
  id: number;
  file_name: string;
  format: string;
  kind: string;
  imported_at: string;
  row_count: number;
  undone_at: string | null;
}

export function listBatches(db: Database): ImportBatch[] {
  const rows = db.prepare('SELECT id, file_name, format, kind, imported_at, row_count, undone_at FROM import_batches ORDER BY id DESC').all() as BatchRow[];
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, format: r.format, kind: r.kind, importedAt: r.imported_at, rows: r.row_count, undone: r.undone_at !== null }));
}

export function getBatch(db: Database, batchId: number): BatchRow | undefined {
  return db.prepare('SELECT id, file_name, format, kind, imported_at, row_count, undone_at FROM import_batches WHERE id = ?').get(batchId) as BatchRow | undefined;
}

/**
 * Removes every row a batch wrote (prices, transactions, positions) and instruments left without
 * prices, and marks the batch undone. Returns the number of rows removed.
 */
export function undoBatchRows(db: Database, batchId: number): number {
  let removed = 0;
  removed += db.prepare('DELETE FROM prices WHERE batch_id = ?').run(batchId).changes;
  removed += db.prepare('DELETE FROM transactions WHERE batch_id = ?').run(batchId).changes;
  removed += db.prepare('DELETE FROM positions WHERE batch_id = ?').run(batchId).changes;
  db.prepare('DELETE FROM instruments WHERE NOT EXISTS (SELECT 1 FROM prices p WHERE p.instrument_id = instruments.id)').run();
  db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), batchId);
  return removed;
}

export interface TableCounts {
  instruments: number;
  prices: number;
  transactions: number;
  positions: number;
  batches: number;
}

export function tableCounts(db: Database): TableCounts {
  const one = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  return {
    instruments: one('SELECT COUNT(*) AS n FROM instruments'),
    prices: one('SELECT COUNT(*) AS n FROM prices'),
    transactions: one('SELECT COUNT(*) AS n FROM transactions'),
    positions: one('SELECT COUNT(*) AS n FROM positions'),
    batches: one('SELECT COUNT(*) AS n FROM import_batches'),
  };
}
