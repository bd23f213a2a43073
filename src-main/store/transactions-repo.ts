/** Broker transactions: insert with dedupe (re-import adds nothing), list for the CLI and the UI. */
import type { Database } from 'better-sqlite3';
import { transactionKeys } from '../core/ingest/dedupe.js';
import type { TransactionRow } from '../core/ingest/types.js';
import type { StoredTransaction } from '../../shared/api/imports.js';

/** Inserts the rows of one file not already stored for their account; returns how many were new. */
export function insertTransactions(db: Database, rows: readonly TransactionRow[], sourceFile: string, batchId: number): number {
  const keys = transactionKeys(rows);
  const insert = db.prepare(
    `INSERT INTO transactions (account, date, type, ticker, isin, description, quantity, price, fee, amount, currency,
                               external_id, dedupe_key, source_file, source_line, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, dedupe_key) DO NOTHING`,
  );
  let inserted = 0;
  rows.forEach((t, i) => {
    inserted += insert.run(t.account, t.date, t.type, t.ticker, t.isin, t.description, t.quantity, t.price, t.fee, t.amount, t.currency, t.externalId, keys[i]!, sourceFile, t.line, batchId).changes;
  });
  return inserted;
}

/** How many of these rows are already stored (preview). */
export function countExistingTransactions(db: Database, rows: readonly TransactionRow[]): number {
  const keys = transactionKeys(rows);
  const stmt = db.prepare('SELECT 1 FROM transactions WHERE account = ? AND dedupe_key = ?');
  return rows.reduce((n, t, i) => n + (stmt.get(t.account, keys[i]!) ? 1 : 0), 0);
}

export function listTransactions(db: Database, account?: string): StoredTransaction[] {
  return db
    .prepare(
      `SELECT account, date, type, ticker, quantity, price, fee, amount, currency, isin,
              external_id AS externalId, source_file AS sourceFile, source_line AS sourceLine
         FROM transactions WHERE (? IS NULL OR account = ?) ORDER BY account, date, id`,
    )
    .all(account ?? null, account ?? null) as StoredTransaction[];
}
