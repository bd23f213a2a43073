/** Files read through a user's column mapping (the wizard's result or a saved template). */
import { columnIndex, findHeaderRowWith } from '../columns.js';
import { parseLongPrices, PRICE_FIELDS, type PriceField } from '../prices-long.js';
import type { SourceTable } from '../source.js';
import { decideDateColumn } from '../dates.js';
import { parsePositionTable, type PositionLayout } from '../positions-table.js';
import { parseTransactionTable, type TxColumn } from '../transactions-table.js';
import type { ColumnMapping, TransactionType } from '../types.js';
import { headerCells } from '../table.js';
import { failed, type FormatContext, type FormatOutput } from './format.js';

/** Index of the mapping's header row: the given line, else the first row holding the mapped date column. */
export function mappedHeaderIndex(table: SourceTable, mapping: ColumnMapping): number {
  if (mapping.headerLine) return table.rows.findIndex((r) => r.line === mapping.headerLine);
  return findHeaderRowWith(table.rows, [mapping.date]);
}

export function parseMapped(table: SourceTable, ctx: FormatContext, mapping: ColumnMapping): FormatOutput {
  const h = mappedHeaderIndex(table, mapping);
  if (h < 0) return failed([{ line: mapping.headerLine ?? 1, column: mapping.date, message: `no header row has a column "${mapping.date}"` }]);
  const header = headerCells(table, h);
  const missing: string[] = [];
  const col = (name: string | undefined): number | undefined => {
    if (!name) return undefined;
    const i = columnIndex(header, name);
    if (i < 0) missing.push(name);
    return i < 0 ? undefined : i;
  };
  const date = col(mapping.date)!;
  if (mapping.kind === 'prices') {
    const dateOrder = ctx.options.dateOrder ?? mapping.dateOrder;
    const decimal = ctx.options.decimal ?? mapping.decimal;
    const fields: Partial<Record<PriceField, number>> = {};
    for (const f of PRICE_FIELDS) {
      const i = col(mapping.fields?.[f]);
      if (i !== undefined) fields[f] = i;
    }
    const ticker = col(mapping.ticker);
    if (missing.length > 0) return failed([{ line: table.rows[h]!.line, message: `the header has no column ${missing.map((m) => `"${m}"`).join(', ')}` }], header);
    if (fields.close === undefined && fields.adjClose === undefined) return failed([{ line: table.rows[h]!.line, message: 'map a close (or adjusted close) column' }], header);
    const out = parseLongPrices(table, {
      headerIndex: h,
      date,
      ...(ticker === undefined ? {} : { ticker }),
      fields,
      defaultTicker: ctx.options.ticker ?? null,
      currency: ctx.options.currency ?? null,
      ...(dateOrder ? { dateOrder } : {}),
      ...(decimal ? { decimal } : {}),
    });
    return { ...out, header };
  }
  const dateOrder = ctx.options.dateOrder ?? mapping.dateOrder;
  const decimal = ctx.options.decimal ?? mapping.decimal;
  if (mapping.kind === 'transactions') {
    const cols: Partial<Record<TxColumn, number>> = { date };
    const pairs: [TxColumn, string | undefined][] = [
      ['type', mapping.type], ['ticker', mapping.ticker], ['isin', mapping.isin], ['description', mapping.description], ['quantity', mapping.quantity],
      ['price', mapping.price], ['fee', mapping.fee], ['amount', mapping.amount], ['currency', mapping.currency], ['externalId', mapping.externalId], ['account', mapping.account],
    ];
    for (const [k, name] of pairs) {
      const i = col(name);
      if (i !== undefined) cols[k] = i;
    }
    if (missing.length > 0) return failed([{ line: table.rows[h]!.line, message: `the header has no column ${missing.map((m) => `"${m}"`).join(', ')}` }], header);
    if (cols.type === undefined) return failed([{ line: table.rows[h]!.line, message: 'map the column that says what each row is (buy, sell, dividend …)' }], header);
    const out = parseTransactionTable(table, {
      headerIndex: h,
      cols,
      account: ctx.options.account ?? 'default',
      currency: ctx.options.currency ?? null,
      signs: mapping.signs ?? 'by-type',
      ...(dateOrder ? { dateOrder } : {}),
      ...(decimal ? { decimal } : {}),
      ...(mapping.actions ? { actions: lowerKeys(mapping.actions) } : {}),
    });
    return { ...out, header };
  }
  const cols: PositionLayout['cols'] = {};
  const pairs: [keyof PositionLayout['cols'], string | undefined][] = [
    ['ticker', mapping.ticker], ['quantity', mapping.quantity], ['price', mapping.price], ['value', mapping.value], ['costBasis', mapping.costBasis],
    ['currency', mapping.currency], ['account', mapping.account], ['isin', mapping.isin], ['description', mapping.description],
  ];
  for (const [k, name] of pairs) {
    const i = col(name);
    if (i !== undefined) cols[k] = i;
  }
  if (missing.length > 0) return failed([{ line: table.rows[h]!.line, message: `the header has no column ${missing.map((m) => `"${m}"`).join(', ')}` }], header);
  // A snapshot's date is the mapped date column's value on its first row.
  const first = table.rows.slice(h + 1).find((r) => (r.cells[date] ?? '').trim() !== '');
  const d = first ? decideDateColumn([first.cells[date]!], dateOrder) : null;
  const asOf = d && d.ok ? d.decision.parse(first!.cells[date]!) : null;
  const out = parsePositionTable(table, {
    headerIndex: h,
    cols,
    account: ctx.options.account ?? 'default',
    asOf,
    currency: ctx.options.currency ?? null,
    ...(decimal ? { decimal } : {}),
  });
  return { positions: out.positions, skipped: out.skipped, warnings: [], errors: out.errors, header };
}

function lowerKeys(actions: Record<string, TransactionType>): Record<string, TransactionType> {
  return Object.fromEntries(Object.entries(actions).map(([k, v]) => [k.trim().toLowerCase().replace(/\s+/g, ' '), v]));
}
