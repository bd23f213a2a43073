/** Vanguard `OfxDownload.csv` (holdings table, then transactions table) and E*TRADE transactions. */
import { columnIndex, columnsByName, findHeaderRow } from '../columns.js';
import { headerCells, isBlank } from '../table.js';
import { parseTransactionTable, type TxColumn } from '../transactions-table.js';
import type { SkippedRow } from '../types.js';
import { headerFormat, type FormatDefinition } from './format.js';

const VANGUARD_TX = ['Account Number', 'Trade Date', 'Settlement Date', 'Transaction Type'];
const VANGUARD_HOLDINGS = ['Account Number', 'Investment Name', 'Symbol', 'Shares', 'Share Price'];

export const vanguard: FormatDefinition = {
  id: 'vanguard',
  label: 'Vanguard OfxDownload',
  kind: 'transactions',
  broker: 'Vanguard',
  detect: (table) => (findHeaderRow(table.rows, VANGUARD_TX, 200) >= 0 || findHeaderRow(table.rows, VANGUARD_HOLDINGS, 5) >= 0 ? 0.95 : 0),
  parse(table, ctx) {
    const skipped: SkippedRow[] = [];
    const holdings = findHeaderRow(table.rows, VANGUARD_HOLDINGS, 5);
    if (holdings >= 0) {
      // The holdings table carries no date, so it cannot be stored as a dated snapshot.
      for (let i = holdings + 1; i < table.rows.length && !isBlank(table.rows[i]!); i++) {
        skipped.push({ line: table.rows[i]!.line, reason: 'holdings table: Vanguard gives no as-of date, not stored as a snapshot' });
      }
    }
    const i = findHeaderRow(table.rows, VANGUARD_TX, 200);
    if (i < 0) return { transactions: [], skipped, warnings: ['this Vanguard file has no transactions table'], errors: [], header: holdings >= 0 ? headerCells(table, holdings) : [] };
    const h = headerCells(table, i);
    const out = parseTransactionTable(table, {
      headerIndex: i,
      cols: {
        account: 0,
        date: 1,
        type: columnIndex(h, 'Transaction Type'),
        description: columnIndex(h, 'Investment Name'),
        ticker: columnIndex(h, 'Symbol'),
        quantity: columnIndex(h, 'Shares'),
        price: columnIndex(h, 'Share Price'),
        fee: columnIndex(h, 'Commissions and Fees', 'Commission Fees'),
        amount: columnIndex(h, 'Net Amount'),
      },
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? 'USD',
      signs: 'as-is',
      dateOrder: 'mdy',
    });
    return { ...out, skipped: [...skipped, ...out.skipped], header: h };
  },
};

const ETRADE = ['TransactionDate', 'TransactionType', 'SecurityType', 'Symbol', 'Quantity', 'Amount'];

export const etrade = headerFormat({ id: 'etrade', label: 'E*TRADE transactions', kind: 'transactions', broker: 'E*TRADE', header: ETRADE, within: 10 }, (table, ctx, i, h) => {
  const accountRow = table.rows.slice(0, i).find((r) => /^for account:?$/i.test((r.cells[0] ?? '').trim()));
  const out = parseTransactionTable(table, {
    headerIndex: i,
    cols: {
      date: 0,
      type: 1,
      ticker: 3,
      quantity: 4,
      amount: 5,
      ...columnsByName<TxColumn>(h, { price: ['Price'], fee: ['Commission'], description: ['Description'] }),
    },
    // The file's own account number ("For Account:,####1234"), with the broker's name so it reads alone.
    account: ctx.options.account ?? (accountRow?.cells[1]?.trim() ? `E*TRADE ${accountRow.cells[1]!.trim()}` : 'default'),
    currency: ctx.options.currency ?? 'USD',
    signs: 'as-is',
    dateOrder: 'mdy',
  });
  return { ...out, header: h };
});
