/** Broker transactions: insert with dedupe (re-import adds nothing), list for the CLI, page for the UI's browser. */
import type { Database } from 'better-sqlite3';
import { transactionKeys } from '../core/ingest/dedupe.js';
import type { TransactionRow } from '../core/ingest/types.js';
import type { BrokerAccount, BrowsedTransaction, BrowsePage, StoredTransaction, TRANSACTION_SORTS } from '../../shared/api/imports.js';

/** Inserts the rows of one file not already stored for their account; returns how many were new. */
export function insertTransactions(db: Database, rows: readonly TransactionRow[], sourceFile: string, batchId: number): number {
  const keys = transactionKeys(rows);
  const insert = db.prepare(
    `INSERT INTO transactions (account, date, type, ticker, isin, description, quantity, price, fee, amount, currency,
                               external_id, dedupe_key, source_file, source_line, batch_id, name)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account, dedupe_key) DO NOTHING`,
  );
  let inserted = 0;
  rows.forEach((t, i) => {
    inserted += insert.run(t.account, t.date, t.type, t.ticker, t.isin, t.description, t.quantity, t.price, t.fee, t.amount, t.currency, t.externalId, keys[i]!, sourceFile, t.line, batchId, t.name ?? null).changes;
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

/** The browser's filters as SQL: WHERE clause text and its parameters (column names are fixed here, values bound). */
export function browseWhere(q: { account?: string | undefined; ticker?: string | undefined; from?: string | undefined; to?: string | undefined }, dateColumn: 'date' | 'as_of'): { sql: string; params: (string | number)[] } {
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (q.account) {
    parts.push('account = ?');
    params.push(q.account);
  }
  if (q.ticker) {
    // A part of the ticker or ISIN, case-insensitive; LIKE wildcards in the text match literally.
    const like = `%${q.ticker.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push("(ticker LIKE ? ESCAPE '\\' OR isin LIKE ? ESCAPE '\\')");
    params.push(like, like);
  }
  if (q.from) {
    parts.push(`${dateColumn} >= ?`);
    params.push(q.from);
  }
  if (q.to) {
    parts.push(`${dateColumn} <= ?`);
    params.push(q.to);
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const TX_ORDER: Record<(typeof TRANSACTION_SORTS)[number], string> = {
  date: 'date',
  type: 'type',
  ticker: 'ticker',
  quantity: 'quantity',
  price: 'price',
  amount: 'amount',
  source: 'source_file, source_line',
};

export interface TransactionQuery {
  account?: string | undefined;
  ticker?: string | undefined;
  type?: StoredTransaction['type'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort: (typeof TRANSACTION_SORTS)[number];
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** One page of transactions matching the filters, in the chosen order. */
export function pageTransactions(db: Database, q: TransactionQuery): BrowsePage<BrowsedTransaction> {
  const where = browseWhere(q, 'date');
  if (q.type) {
    where.sql += `${where.sql ? ' AND' : 'WHERE'} type = ?`;
    where.params.push(q.type);
  }
  const select = `id, account, date, type, ticker, quantity, price, fee, amount, currency, isin, description, name,
                  external_id AS externalId, source_file AS sourceFile, source_line AS sourceLine`;
  return browsePage<BrowsedTransaction>(db, 'transactions', select, where, TX_ORDER[q.sort], q);
}

/**
 * One page of a browsed table: the matching count and the rows in `order` (fixed column names from
 * this module, never from a request), the row id breaking ties so pages never overlap.
 */
export function browsePage<T>(db: Database, table: 'transactions' | 'positions', select: string, where: { sql: string; params: (string | number)[] }, order: string, q: { dir: 'asc' | 'desc'; offset: number; limit: number }): BrowsePage<T> {
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const by = order.split(', ').map((c) => `${c} ${dir}`).join(', ');
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${table} ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = db.prepare(`SELECT ${select} FROM ${table} ${where.sql} ORDER BY ${by}, id ${dir} LIMIT ? OFFSET ?`).all(...where.params, q.limit, q.offset) as T[];
  return { rows, total, offset: q.offset };
}

/** Accounts with imported transactions or position snapshots, with their row counts and date span. */
export function listBrokerAccounts(db: Database): BrokerAccount[] {
  return db
    .prepare(
      `SELECT account, SUM(tx) AS transactions, SUM(pos) AS positions, MIN(first) AS firstDate, MAX(last) AS lastDate FROM (
         SELECT account, COUNT(*) AS tx, 0 AS pos, MIN(date) AS first, MAX(date) AS last FROM transactions GROUP BY account
         UNION ALL
         SELECT account, 0, COUNT(*), MIN(as_of), MAX(as_of) FROM positions GROUP BY account)
       GROUP BY account ORDER BY account`,
    )
    .all() as BrokerAccount[];
}
