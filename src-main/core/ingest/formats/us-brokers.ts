/** US brokers: Charles Schwab (transactions, positions), Fidelity (positions, history), Robinhood. */
import { columnIndex, columnsByName, findHeaderRow } from '../columns.js';
import { decideDateColumn } from '../dates.js';
import { parsePositionTable } from '../positions-table.js';
import type { SourceTable } from '../source.js';
import { headerCells, normHeader, type TableRow } from '../table.js';
import { parseTransactionTable, type TxColumn } from '../transactions-table.js';
import { headerFormat, type FormatContext, type FormatDefinition } from './format.js';

const text = (r: TableRow): string => r.cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');

/** A date anywhere in a text (`as of 09:30 AM ET, 2024/11/22`, `Date downloaded Nov-22-2024 9:30 a.m ET`), as ISO. */
export function dateInText(s: string): string | null {
  const patterns = [/\d{4}[/-]\d{1,2}[/-]\d{1,2}/, /\d{1,2}\/\d{1,2}\/\d{4}/, /[A-Za-z]{3}-\d{1,2}-\d{4}/];
  for (const p of patterns) {
    const m = p.exec(s);
    if (!m) continue;
    const d = decideDateColumn([m[0]], 'mdy');
    if (d.ok) return d.decision.parse(m[0]);
  }
  return null;
}

/** Account name from a Schwab title line (`… for account Individual ...234 as of …`). */
function schwabAccount(table: SourceTable, ctx: FormatContext): string {
  if (ctx.options.account) return ctx.options.account;
  const title = table.rows[0]?.cells[0] ?? '';
  const m = /for account\s+(.+?)\s+as of/i.exec(title);
  return m ? m[1]!.replace(/\s+/g, ' ').trim() : 'default';
}

const SCHWAB_TX = ['Date', 'Action', 'Symbol', 'Description', 'Quantity', 'Price', 'Fees & Comm', 'Amount'];

export const schwabTransactions = headerFormat({ id: 'schwab-transactions', label: 'Charles Schwab transactions', kind: 'transactions', broker: 'Schwab', header: SCHWAB_TX, within: 5 }, (table, ctx, i, h) => {
  const out = parseTransactionTable(table, {
    headerIndex: i,
    cols: { date: 0, type: 1, ticker: 2, description: 3, quantity: 4, price: 5, fee: 6, amount: 7 },
    account: schwabAccount(table, ctx),
    currency: ctx.options.currency ?? 'USD',
    signs: 'by-type',
    dateOrder: 'mdy',
    ...(ctx.options.decimal ? { decimal: ctx.options.decimal } : {}),
    isNoise: (r) => (/^transactions total$/i.test((r.cells[0] ?? '').trim()) ? 'total row' : null),
  });
  // Splits, transfers of shares and the like keep the file's sign (Schwab writes the shares added).
  return { ...out, header: h };
});

export const schwabPositions: FormatDefinition = {
  id: 'schwab-positions',
  label: 'Charles Schwab positions',
  kind: 'positions',
  broker: 'Schwab',
  detect(table) {
    const i = findHeaderRow(table.rows, ['Symbol', 'Description'], 5);
    if (i < 0) return 0;
    const h = table.rows[i]!.cells.map(normHeader);
    return h.some((c) => c.startsWith('qty') || c === 'quantity') && /positions for/i.test(table.rows[0]?.cells[0] ?? '') ? 0.95 : 0;
  },
  parse(table, ctx) {
    const i = findHeaderRow(table.rows, ['Symbol', 'Description'], 5);
    const h = headerCells(table, i);
    const title = table.rows[0]?.cells[0] ?? '';
    const m = /for account\s+(.+?)\s+as of/i.exec(title);
    const out = parsePositionTable(table, {
      headerIndex: i,
      cols: {
        ticker: 0,
        description: 1,
        quantity: columnIndex(h, 'Qty (Quantity)', 'Quantity'),
        price: columnIndex(h, 'Price'),
        value: columnIndex(h, 'Mkt Val (Market Value)', 'Market Value'),
        costBasis: columnIndex(h, 'Cost Basis'),
      },
      account: ctx.options.account ?? (m ? m[1]!.replace(/\s+/g, ' ').trim() : 'default'),
      asOf: dateInText(title.replace(/^.*as of/i, '')),
      currency: ctx.options.currency ?? 'USD',
      isNoise: (r) => {
        const first = (r.cells[0] ?? '').trim();
        if (/^(positions total|account total)$/i.test(first)) return 'total row';
        if (/^cash & cash investments$/i.test(first)) return 'cash row';
        return null;
      },
    });
    return { positions: out.positions, skipped: out.skipped, warnings: [], errors: out.errors, header: h };
  },
};

/** Fidelity writes money-market sweep funds as `SPAXX**`. */
const fidelityTicker = (raw: string): string | null => {
  const t = raw.replace(/\*+$/, '').trim();
  return t === '' ? null : t;
};

export const fidelityPositions = headerFormat({ id: 'fidelity-positions', label: 'Fidelity Portfolio_Positions', kind: 'positions', broker: 'Fidelity', header: ['Account Number', 'Account Name', 'Symbol', 'Description', 'Quantity'], within: 5 }, (table, ctx, i, h) => {
  const downloaded = table.rows.find((r) => /date downloaded/i.test(text(r)));
  const asOf = (downloaded ? dateInText(text(downloaded)) : null) ?? dateInText(ctx.file.replace(/_/g, ' '));
  const out = parsePositionTable(table, {
    headerIndex: i,
    cols: {
      account: 0,
      ticker: 2,
      description: 3,
      quantity: 4,
      price: columnIndex(h, 'Last Price'),
      value: columnIndex(h, 'Current Value'),
      costBasis: columnIndex(h, 'Cost Basis Total'),
    },
    account: ctx.options.account ?? 'default',
    asOf,
    currency: ctx.options.currency ?? 'USD',
    isNoise: (r) => {
      const sym = (r.cells[2] ?? '').trim();
      if (/pending activity/i.test(sym)) return 'pending activity';
      if (sym.endsWith('**')) return `${sym}: money-market cash sweep`;
      return null;
    },
    ticker: fidelityTicker,
  });
  return { positions: out.positions, skipped: out.skipped, warnings: [], errors: out.errors, header: h };
});

export const fidelityHistory: FormatDefinition = {
  id: 'fidelity-history',
  label: 'Fidelity Accounts_History',
  kind: 'transactions',
  broker: 'Fidelity',
  detect: (table) => (findAction(table) >= 0 ? 0.9 : 0),
  parse(table, ctx) {
    const i = findAction(table);
    const h = headerCells(table, i);
    const out = parseTransactionTable(table, {
      headerIndex: i,
      cols: {
        date: 0,
        ...columnsByName<TxColumn>(h, {
          type: ['Action'],
          ticker: ['Symbol'],
          description: ['Description', 'Security Description'],
          quantity: ['Quantity'],
          price: ['Price', 'Price ($)'],
          fee: ['Commission', 'Commission ($)'],
          fee2: ['Fees', 'Fees ($)'],
          amount: ['Amount', 'Amount ($)'],
          account: ['Account Number'],
          currency: ['Currency'],
        }),
      },
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? 'USD',
      signs: 'as-is',
      dateOrder: 'mdy',
      ticker: fidelityTicker,
    });
    return { ...out, header: h };
  },
};

function findAction(table: SourceTable): number {
  for (let i = 0; i < Math.min(10, table.rows.length); i++) {
    const h = table.rows[i]!.cells.map(normHeader);
    if (h[0] === 'run date' && h.includes('action') && h.some((c) => c.startsWith('amount'))) return i;
  }
  return -2;
}

const ROBINHOOD = ['Activity Date', 'Process Date', 'Settle Date', 'Instrument', 'Description', 'Trans Code', 'Quantity', 'Price', 'Amount'];

export const robinhood = headerFormat({ id: 'robinhood', label: 'Robinhood activity report', kind: 'transactions', broker: 'Robinhood', header: ROBINHOOD, within: 3 }, (table, ctx, i, h) => {
  const out = parseTransactionTable(table, {
    headerIndex: i,
    cols: { date: 0, ticker: 3, description: 4, type: 5, quantity: 6, price: 7, amount: 8 },
    account: ctx.options.account ?? 'default',
    currency: ctx.options.currency ?? 'USD',
    signs: 'by-type',
    dateOrder: 'mdy',
  });
  return { ...out, header: h };
});

export const usBrokerFormats: FormatDefinition[] = [schwabTransactions, schwabPositions, fidelityPositions, fidelityHistory, robinhood];

