/** Holdings derived from stored transactions, and their reconciliation against broker snapshots. */
import type { Database } from 'better-sqlite3';
import type { CashBalance, Holding, Reconciliation } from '../../shared/api/imports.js';
import { cashBalances, type CashMove } from '../core/ingest/cash.js';
import { deriveHoldings, reconcile, type QuantityMove } from '../core/ingest/holdings.js';
import { listPositions } from './positions-repo.js';

function moves(db: Database, account?: string): QuantityMove[] {
  return db
    .prepare(
      `SELECT account, date, type, ticker, quantity FROM transactions
        WHERE ticker IS NOT NULL AND quantity IS NOT NULL AND (? IS NULL OR account = ?)
        ORDER BY account, date, id`,
    )
    .all(account ?? null, account ?? null) as QuantityMove[];
}

export function listHoldings(db: Database, asOf?: string, account?: string): Holding[] {
  return deriveHoldings(moves(db, account), asOf);
}

export function reconcileHoldings(db: Database, account?: string): Reconciliation[] {
  const names = db.prepare(
    `SELECT isin, name FROM (
       SELECT isin, description AS name, 1 AS k FROM positions WHERE account = ? AND ticker = ?
       UNION ALL SELECT isin, name, 2 FROM transactions WHERE account = ? AND ticker = ? AND (isin IS NOT NULL OR name IS NOT NULL))
     ORDER BY k LIMIT 1`,
  );
  return reconcile(moves(db, account), listPositions(db, account)).map((r) => {
    const known = names.get(r.account, r.ticker, r.account, r.ticker) as { isin: string | null; name: string | null } | undefined;
    return { ...r, isin: known?.isin ?? null, name: known?.name ?? null };
  });
}

/** Cash per account and currency from the stored transactions' amounts (see core/ingest/cash.ts). */
export function listCash(db: Database, account?: string): CashBalance[] {
  const rows = db
    .prepare('SELECT account, type, ticker, quantity, amount, currency FROM transactions WHERE (? IS NULL OR account = ?) ORDER BY account, date, id')
    .all(account ?? null, account ?? null) as CashMove[];
  return cashBalances(rows);
}
