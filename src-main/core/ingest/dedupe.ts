/**
 * Identity of imported broker rows, so a re-import adds nothing while two genuinely distinct rows
 * that look alike (partial fills) both stay: the broker's id when it has one, else the row's content
 * plus its occurrence number among identical rows of the same file.
 */
import type { PositionRow, TransactionRow } from './types.js';

const r = (v: number | null): string => (v === null ? '' : String(Math.round(v * 1e8) / 1e8));

/** Dedupe keys for the rows of one file, in order. */
export function transactionKeys(rows: readonly TransactionRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((t) => {
    if (t.externalId) return `id:${t.type}:${t.externalId}`;
    const content = [t.date, t.type, t.ticker ?? '', t.isin ?? '', r(t.quantity), r(t.price), r(t.fee), r(t.amount), t.currency ?? '', t.description ?? ''].join('|');
    const n = seen.get(content) ?? 0;
    seen.set(content, n + 1);
    return `c:${content}#${n}`;
  });
}

/** Position snapshots: one row per account, date and ticker (a re-import of a snapshot adds nothing). */
export function positionKey(p: PositionRow): string {
  return `${p.account}|${p.asOf}|${p.ticker}`;
}
