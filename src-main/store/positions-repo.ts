/** Broker position snapshots: what the broker says an account held on a date. */
import type { Database } from 'better-sqlite3';
import type { PositionRow } from '../core/ingest/types.js';
import type { BrowsedPosition, BrowsePage, POSITION_SORTS, StoredPosition } from '../../shared/api/imports.js';
import { browsePage, browseWhere } from './transactions-repo.js';

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

const POS_ORDER: Record<(typeof POSITION_SORTS)[number], string> = {
  asOf: 'as_of',
  ticker: 'ticker',
  quantity: 'quantity',
  price: 'price',
  value: 'value',
  source: 'source_file, source_line',
};

export interface PositionQuery {
  account?: string | undefined;
  ticker?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: (typeof POSITION_SORTS)[number];
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** One page of position snapshots matching the filters (as-of dates between from and to). */
export function pagePositions(db: Database, q: PositionQuery): BrowsePage<BrowsedPosition> {
  const select = `id, account, as_of AS asOf, ticker, isin, description, quantity, cost_basis AS costBasis, price, value, currency,
                  source_file AS sourceFile, source_line AS sourceLine`;
  return browsePage<BrowsedPosition>(db, 'positions', select, browseWhere(q, 'as_of'), POS_ORDER[q.sort], q);
}
