/** European brokers: Trading 212 history and DEGIRO transactions, account statement and portfolio (headers in the user's language). */
import { columnIndex, columnsByName, findHeaderRowWith } from '../columns.js';
import { parseNumberCell } from '../numbers.js';
import type { SourceTable } from '../source.js';
import { parseTransactionTable, type TxColumn } from '../transactions-table.js';
import type { TransactionRow } from '../types.js';
import { headerCells } from '../table.js';
import { degiroAccount } from './degiro-account.js';
import { degiroPortfolio } from './degiro-portfolio.js';
import type { FormatDefinition } from './format.js';

export const trading212: FormatDefinition = {
  id: 'trading212',
  label: 'Trading 212 history',
  kind: 'transactions',
  detect: (table) => {
    const i = findHeaderRowWith(table.rows, ['Action', 'Time', 'ISIN', 'Ticker'], 3);
    return i >= 0 && columnIndex(table.rows[i]!.cells, 'No. of shares') >= 0 ? 0.95 : 0;
  },
  parse(table, ctx) {
    const i = findHeaderRowWith(table.rows, ['Action', 'Time', 'ISIN', 'Ticker'], 3);
    const h = headerCells(table, i);
    const cols = columnsByName<TxColumn>(h, {
      type: ['Action'],
      date: ['Time'],
      isin: ['ISIN'],
      ticker: ['Ticker'],
      description: ['Name'],
      externalId: ['ID'],
      quantity: ['No. of shares'],
      price: ['Price / share'],
      amount: ['Total'],
      currency: ['Currency (Total)'],
      fee: ['Currency conversion fee'],
    });
    const out = parseTransactionTable(table, {
      headerIndex: i,
      cols,
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? null,
      signs: 'by-type',
    });
    // Prices are in the instrument's currency; GBX (pence) prices of LSE shares become GBP so price × quantity matches the total.
    const { priceCcy, taxCol, taxCcy } = columnsByName(h, { priceCcy: ['Currency (Price / share)'], taxCol: ['Withholding tax'], taxCcy: ['Currency (Withholding tax)'] });
    const extra: TransactionRow[] = [];
    const byLine = new Map(table.rows.map((r) => [r.line, r]));
    for (const t of out.transactions) {
      const row = byLine.get(t.line)!;
      const ccy = priceCcy === undefined ? '' : (row.cells[priceCcy] ?? '').replace(/"/g, '').trim();
      if (ccy === 'GBX' && t.price !== null) t.price = t.price / 100;
      const taxCell = taxCol === undefined ? null : parseNumberCell((row.cells[taxCol] ?? '').trim(), 'dot');
      const tax = taxCell?.kind === 'value' ? taxCell.value : NaN;
      if (t.type === 'dividend' && Number.isFinite(tax) && tax !== 0) {
        const currency = taxCcy === undefined ? t.currency : (row.cells[taxCcy] ?? '').replace(/"/g, '').trim() || t.currency;
        extra.push({ ...t, type: 'tax', quantity: null, price: null, fee: null, amount: -Math.abs(tax), currency, externalId: t.externalId ? `${t.externalId}:tax` : null, description: `withholding tax on ${t.ticker ?? ''}` });
      }
    }
    if (out.transactions.some((t) => t.currency === null)) out.warnings.push('some rows name no currency');
    return { ...out, transactions: [...out.transactions, ...extra].sort((a, b) => a.line - b.line), header: h };
  },
};

/** DEGIRO header words per UI language (EN, NL, DE, FR, ES). */
const DEGIRO = {
  date: ['Date', 'Datum', 'Fecha'],
  time: ['Time', 'Tijd', 'Zeit', 'Heure', 'Hora'],
  product: ['Product', 'Produkt', 'Produit', 'Producto'],
  quantity: ['Quantity', 'Aantal', 'Anzahl', 'Quantité', 'Número'],
  price: ['Price', 'Koers', 'Kurs', 'Cours', 'Precio'],
  total: ['Total EUR', 'Totaal EUR', 'Gesamt EUR', 'Total', 'Totaal', 'Gesamt'],
  fee: ['Transaction and/or third party fees EUR', 'Transactiekosten en/of kosten van derden EUR', 'Transaction costs', 'Transactiekosten', 'Transaktionskosten', 'Transaction and/or third party fees', 'Transactiekosten en/of kosten van derden'],
  autoFx: ['AutoFX Fee', 'AutoFX-kosten', 'AutoFX Gebühr', 'Frais AutoFX'],
  orderId: ['Order ID', 'Order-ID', 'Order Id', 'ID de orden'],
};

function degiroHeader(table: SourceTable): number {
  for (let i = 0; i < Math.min(5, table.rows.length); i++) {
    const h = table.rows[i]!.cells;
    if (columnIndex(h, 'ISIN') >= 0 && columnIndex(h, ...DEGIRO.orderId) >= 0 && columnIndex(h, ...DEGIRO.quantity) >= 0 && columnIndex(h, ...DEGIRO.date) === 0) return i;
  }
  return -1;
}

export const degiroTransactions: FormatDefinition = {
  id: 'degiro-transactions',
  label: 'DEGIRO transactions',
  kind: 'transactions',
  detect: (table) => (degiroHeader(table) >= 0 ? 0.95 : 0),
  parse(table, ctx) {
    const i = degiroHeader(table);
    const h = headerCells(table, i);
    const quantity = columnIndex(h, ...DEGIRO.quantity);
    const price = columnIndex(h, ...DEGIRO.price);
    const total = columnIndex(h, ...DEGIRO.total);
    const fee = columnIndex(h, ...DEGIRO.fee);
    const autoFx = columnIndex(h, ...DEGIRO.autoFx);
    const orderId = columnIndex(h, ...DEGIRO.orderId);
    // The unnamed column after Price holds the price's currency; the total's currency is in its header or the next column.
    const totalCcy = /\b([A-Z]{3})$/.exec(h[total] ?? '')?.[1] ?? null;
    const out = parseTransactionTable(table, {
      headerIndex: i,
      cols: {
        date: 0,
        description: columnIndex(h, ...DEGIRO.product),
        isin: columnIndex(h, 'ISIN'),
        quantity,
        price,
        amount: total,
        ...(fee >= 0 ? { fee } : {}),
        ...(autoFx >= 0 ? { fee2: autoFx } : {}),
      },
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? totalCcy ?? 'EUR',
      signs: 'as-is',
      dateOrder: 'dmy',
      ...(ctx.options.decimal ? { decimal: ctx.options.decimal } : {}),
      typeFallback: (r) => ((r.cells[quantity] ?? '').trim().startsWith('-') ? 'sell' : 'buy'),
    });
    // Partial fills share an order id: the id plus its occurrence keeps each fill (and re-imports still match).
    const seen = new Map<string, number>();
    const byLine = new Map(table.rows.map((r) => [r.line, r]));
    for (const t of out.transactions) {
      const id = (byLine.get(t.line)!.cells[orderId] ?? '').trim();
      if (!id) continue;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      t.externalId = `${id}#${n}`;
      // DEGIRO names no ticker; the ISIN identifies the instrument.
      t.ticker ??= t.isin;
    }
    return { ...out, header: h };
  },
};

export const euBrokerFormats: FormatDefinition[] = [trading212, degiroTransactions, degiroAccount, degiroPortfolio];

