/** European brokers: Trading 212 history and DEGIRO transactions, account statement and portfolio (headers in the user's language). */
import { columnIndex, columnsByName, findHeaderRowWith } from '../columns.js';
import { parseNumberCell } from '../numbers.js';
import type { SourceTable } from '../source.js';
import { parseTransactionTable, type TxColumn } from '../transactions-table.js';
import { headerCells } from '../table.js';
import { degiroAccount } from './degiro-account.js';
import { degiroPortfolio } from './degiro-portfolio.js';
import type { FormatDefinition } from './format.js';

export const trading212: FormatDefinition = {
  id: 'trading212',
  label: 'Trading 212 history',
  kind: 'transactions',
  broker: 'Trading 212',
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
    const byLine = new Map(table.rows.map((r) => [r.line, r]));
    let netDividends = 0;
    for (const t of out.transactions) {
      t.name = t.description;
      const row = byLine.get(t.line)!;
      const ccy = priceCcy === undefined ? '' : (row.cells[priceCcy] ?? '').replace(/"/g, '').trim();
      if (ccy === 'GBX' && t.price !== null) t.price = t.price / 100;
      const taxCell = taxCol === undefined ? null : parseNumberCell((row.cells[taxCol] ?? '').trim(), 'dot');
      const tax = taxCell?.kind === 'value' ? Math.abs(taxCell.value) : 0;
      // Trading 212's Total of a dividend is already net of the withholding tax it shows beside it:
      // storing that tax as a cash row would deduct it twice. It stays visible in the description.
      if (t.type === 'dividend' && tax !== 0) {
        const currency = taxCcy === undefined ? t.currency : (row.cells[taxCcy] ?? '').replace(/"/g, '').trim() || t.currency;
        t.description = `${t.description ?? t.ticker ?? 'dividend'} (net of ${tax} ${currency ?? ''} withholding tax)`.replace(/\s+\)/, ')');
        netDividends++;
      }
    }
    if (netDividends > 0) out.warnings.push(`${netDividends} dividend(s) are stored net, as Trading 212 pays them; the tax withheld is named in each description, not deducted again`);
    if (out.transactions.some((t) => t.currency === null)) out.warnings.push('some rows name no currency');
    return { ...out, header: h };
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
  // Older exports truncate the header ("Transaction and/or third") and put a currency column after it.
  fee: [
    'Transaction and/or third party fees EUR', 'Transactiekosten en/of kosten van derden EUR', 'Transaction costs', 'Transactiekosten', 'Transaktionskosten',
    'Transaction and/or third party fees', 'Transactiekosten en/of kosten van derden', 'Transaction and/or third', 'Transactiekosten en/of',
    'Transaktionsgebühren und/oder Fremdkosten', 'Transaktionsgebühren und/oder Gebühren von Drittparteien', 'Transaktionsgebühren',
  ],
  autoFx: ['AutoFX Fee', 'AutoFX-kosten', 'AutoFX Gebühr', 'AutoFX-Gebühr', 'Frais AutoFX', 'Comisión AutoFX'],
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
  broker: 'DEGIRO',
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
      // DEGIRO names no ticker; the ISIN identifies the instrument (the name is the Product column).
      t.ticker ??= t.isin;
      t.name = t.description;
      const cells = byLine.get(t.line)!.cells;
      // Some exports leave "Order ID" empty and write the id in the unnamed column after it.
      const id = (cells[orderId] ?? '').trim() || (h[orderId + 1] === '' ? (cells[orderId + 1] ?? '').trim() : '');
      if (!id) continue;
      const n = seen.get(id) ?? 0;
      seen.set(id, n + 1);
      t.externalId = `${id}#${n}`;
    }
    return { ...out, header: h };
  },
};

export const euBrokerFormats: FormatDefinition[] = [trading212, degiroTransactions, degiroAccount, degiroPortfolio];

