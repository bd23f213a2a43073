/** Broker position snapshots: what the broker says an account held on a date. */
import type { Database } from 'better-sqlite3';
import type { PositionRow } from '../core/ingest/types.js';
import type { StoredPosition } from '../../shared/api/imports.js';

export function insertPositions(db: Database, rows: readonly PositionRow[], sourceFile: string, batchId: number): number {
  const insert = db.prepare(
    `INSERT INTO positions (account, as_of, ticker, isin, description, quantity, cost_basis, price, value, currency, source_file, source_line, batch_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, as_of, ticker) DO NOTHING`,
  );
  let inserted = 0;
  for (const p of rows) {
    inserted += insert.run(p.account, p.asOf, p.ticker, p.isin, p.description, p.quantity, p.costBasis, p.price, p.value, p.currency, sourceFile, p.line, batchId).changes;
  }
  return inserted;
}

export function countExistingPositions(db: Database, rows: readonly PositionRow[]): number {
  const stmt = db.prepare('SELECT 1 FROM positions WHERE account = ? AND as_of = ? AND ticker = ?');
  return rows.reduce((n, p) => n + (stmt.get(p.account, p.asOf, p.ticker) ? 1 : 0), 0);
}

export function listPositions(db: Database, account?: string): StoredPosition[] {
  return db
    .prepare(
      `SELECT account, as_of AS asOf, ticker, quantity, cost_basis AS costBasis, price, value, currency,
              source_file AS sourceFile, source_line AS sourceLine
         FROM positions WHERE (? IS NULL OR account = ?) ORDER BY account, as_of, ticker`,
    )
    .all(account ?? null, account ?? null) as StoredPosition[];
}
