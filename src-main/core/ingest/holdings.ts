/** Holdings from transactions (splits carry the shares they add) and their reconciliation with snapshots. */

export interface QuantityMove {
  account: string;
  date: string;
  type: string;
  ticker: string;
  quantity: number;
}

export interface HoldingQuantity {
  account: string;
  ticker: string;
  quantity: number;
}

/** Types whose quantity moves shares in or out of the account (dividends and fees do not). */
const SHARE_TYPES = new Set(['buy', 'sell', 'split', 'deposit', 'withdrawal']);
const EPS = 1e-9;

/** Shares per account and ticker on `asOf` (inclusive; all dates when absent), zero holdings left out. */
export function deriveHoldings(moves: readonly QuantityMove[], asOf?: string): HoldingQuantity[] {
  const totals = new Map<string, HoldingQuantity>();
  for (const m of moves) {
    if (!SHARE_TYPES.has(m.type) || (asOf !== undefined && m.date > asOf)) continue;
    const key = `${m.account}\u0000${m.ticker}`;
    const h = totals.get(key) ?? { account: m.account, ticker: m.ticker, quantity: 0 };
    h.quantity += m.quantity;
    totals.set(key, h);
  }
  return [...totals.values()]
    .map((h) => ({ ...h, quantity: Math.round(h.quantity * 1e8) / 1e8 }))
    .filter((h) => Math.abs(h.quantity) > EPS)
    .sort((a, b) => (a.account === b.account ? a.ticker.localeCompare(b.ticker) : a.account.localeCompare(b.account)));
}

export interface SnapshotRow {
  account: string;
  asOf: string;
  ticker: string;
  quantity: number;
}

export interface ReconciliationRow {
  account: string;
  ticker: string;
  asOf: string;
  derived: number;
  reported: number;
  difference: number;
}

/**
 * For each account's latest snapshot: derived holdings on that date against what the broker reported,
 * every ticker of either side, differences (derived − reported) shown rather than hidden.
 */
export function reconcile(moves: readonly QuantityMove[], snapshots: readonly SnapshotRow[]): ReconciliationRow[] {
  const latest = new Map<string, string>();
  for (const s of snapshots) if ((latest.get(s.account) ?? '') < s.asOf) latest.set(s.account, s.asOf);
  const out: ReconciliationRow[] = [];
  for (const [account, asOf] of latest) {
    const derived = new Map(deriveHoldings(moves.filter((m) => m.account === account), asOf).map((h) => [h.ticker, h.quantity]));
    const reported = new Map<string, number>();
    for (const s of snapshots) if (s.account === account && s.asOf === asOf) reported.set(s.ticker, s.quantity);
    for (const ticker of new Set([...derived.keys(), ...reported.keys()])) {
      const d = derived.get(ticker) ?? 0;
      const r = reported.get(ticker) ?? 0;
      out.push({ account, ticker, asOf, derived: d, reported: r, difference: Math.round((d - r) * 1e8) / 1e8 });
    }
  }
  return out.sort((a, b) => (a.account === b.account ? a.ticker.localeCompare(b.ticker) : a.account.localeCompare(b.account)));
}
