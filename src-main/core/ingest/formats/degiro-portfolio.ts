/**
 * DEGIRO portfolio (`Portfolio.csv`): the holdings on the day of the download, headers in the user's
 * UI language. The file carries no date, so the snapshot is dated by the user (`asOf`) or today.
 */
import { columnIndex } from '../columns.js';
import { decideNumberColumn } from '../numbers.js';
import { parsePositionTable } from '../positions-table.js';
import type { SourceTable } from '../source.js';
import { headerCells, normHeader } from '../table.js';
import type { DecimalStyle, IngestIssue } from '../types.js';
import type { FormatDefinition } from './format.js';

const WORDS = {
  product: ['Product', 'Produkt', 'Produit', 'Producto', 'Produto'],
  quantity: ['Quantity', 'Amount', 'Aantal', 'Anzahl', 'Quantité', 'Cantidad', 'Quantidade'],
  closing: ['Closing', 'Slotkoers', 'Schlusskurs', 'Clôture', 'Precio de cierre', 'Cierre', 'Fecho'],
  localValue: ['Local value', 'Lokale waarde', 'Lokaler Wert', 'Valeur locale', 'Valor local'],
};

function findHeader(table: SourceTable): number {
  for (let i = 0; i < Math.min(5, table.rows.length); i++) {
    const h = table.rows[i]!.cells;
    if (columnIndex(h, ...WORDS.product) === 0 && /\/isin$/.test(normHeader(h[1] ?? '')) && columnIndex(h, ...WORDS.quantity) >= 0 && columnIndex(h, ...WORDS.localValue) >= 0) return i;
  }
  return -1;
}

/** The local value is either `USD` with the amount in the next (unnamed) column, or one cell `USD 1234,50`. */
function localValue(cells: readonly string[], col: number): { currency: string | null; raw: string } {
  const here = (cells[col] ?? '').trim();
  if (/^[A-Z]{3}$/.test(here)) return { currency: here, raw: (cells[col + 1] ?? '').trim() };
  const joined = /^([A-Z]{3})\s+(.+)$/.exec(here);
  return joined ? { currency: joined[1]!, raw: joined[2]! } : { currency: null, raw: here };
}

/** Today's ISO date (UTC): the day a portfolio export without a date describes. */
const today = (): string => new Date().toISOString().slice(0, 10);

export const degiroPortfolio: FormatDefinition = {
  id: 'degiro-portfolio',
  label: 'DEGIRO portfolio',
  kind: 'positions',
  broker: 'DEGIRO',
  detect: (table) => (findHeader(table) >= 0 ? 0.95 : 0),
  parse(table, ctx) {
    const i = findHeader(table);
    const h = headerCells(table, i);
    const valueCol = columnIndex(h, ...WORDS.localValue);
    // Only English exports write a decimal point; Dutch says "Product" too, so "Symbol/ISIN" tells them apart.
    const english = normHeader(h[0]!) === 'product' && normHeader(h[1]!).startsWith('symbol/');
    const style: DecimalStyle = ctx.options.decimal ?? (english ? 'dot' : 'comma');
    const warnings: string[] = [];
    const asOf = ctx.options.asOf ?? today();
    if (!ctx.options.asOf) warnings.push(`a DEGIRO portfolio file carries no date: positions recorded as of ${asOf} (today); set the as-of date to change it`);
    const out = parsePositionTable(table, {
      headerIndex: i,
      cols: { description: 0, ticker: 1, isin: 1, quantity: columnIndex(h, ...WORDS.quantity), price: columnIndex(h, ...WORDS.closing) },
      account: ctx.options.account ?? 'default',
      asOf,
      currency: ctx.options.currency ?? null,
      decimal: style,
      isNoise: (r) => ((r.cells[1] ?? '').trim() === '' && (r.cells[2] ?? '').trim() === '' ? `cash balance: ${(r.cells[0] ?? '').trim()}` : null),
    });
    const byLine = new Map(table.rows.map((r) => [r.line, r]));
    const values = out.positions.map((p) => localValue(byLine.get(p.line)!.cells, valueCol));
    const decision = decideNumberColumn(values.map((v) => v.raw), style);
    const errors: IngestIssue[] = [...out.errors];
    out.positions.forEach((p, k) => {
      const v = values[k]!;
      const n = decision.parse(v.raw);
      if (n.kind === 'invalid') errors.push({ line: p.line, column: h[valueCol]!, value: v.raw, message: n.message });
      p.value = n.kind === 'value' ? n.value : null;
      p.currency = v.currency ?? p.currency;
      // DEGIRO's column holds the ISIN for most products, else an exchange symbol.
      if (!/^[A-Z]{2}[A-Z0-9]{9}\d$/.test(p.ticker)) p.isin = null;
    });
    return { positions: out.positions, skipped: out.skipped, warnings, errors, header: h };
  },
};
