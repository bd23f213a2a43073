/**
 * The engine under every broker transaction format and the mapping wizard: a header row, column
 * indices, an action table and sign convention → TransactionRows with per-column date/number decisions.
 */
import { classifyAction, signByType } from './actions.js';
import { dataRows, dateColumn, isIssue, numberColumn } from './columns.js';
import type { NumberColumnDecision } from './numbers.js';
import type { SourceTable } from './source.js';
import type { TableRow } from './table.js';
import type { DateOrder, DecimalStyle, IngestIssue, SkippedRow, TransactionRow, TransactionType } from './types.js';

export const TX_COLUMNS = ['date', 'type', 'ticker', 'isin', 'description', 'quantity', 'price', 'fee', 'fee2', 'amount', 'currency', 'externalId', 'account'] as const;
export type TxColumn = (typeof TX_COLUMNS)[number];

export interface TransactionLayout {
  headerIndex: number;
  dataStart?: number;
  /** End of this table (exclusive row index): multi-table files stop early. */
  dataEnd?: number;
  cols: Partial<Record<TxColumn, number>>;
  account: string;
  currency: string | null;
  signs: 'as-is' | 'by-type';
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
  /** Decimal style for columns whose values fit both (e.g. the export's UI language); `decimal` forces instead. */
  decimalHint?: DecimalStyle;
  actions?: Record<string, TransactionType>;
  /** Text to classify when there is no type column (or it is empty): e.g. the description. */
  typeFallback?: (row: TableRow) => string;
  /** Rows to skip in the body (sub-totals, pending activity, cash sweep rows), with the reason. */
  isNoise?: (row: TableRow) => string | null;
  /** Per-row cleanup of a ticker (e.g. Fidelity's money-market `SPAXX**`). */
  ticker?: (raw: string) => string | null;
}

export interface TransactionsResult {
  transactions: TransactionRow[];
  skipped: SkippedRow[];
  warnings: string[];
  errors: IngestIssue[];
}

const NUMBER_COLS: TxColumn[] = ['quantity', 'price', 'fee', 'fee2', 'amount'];

export function parseTransactionTable(table: SourceTable, layout: TransactionLayout): TransactionsResult {
  const header = table.rows[layout.headerIndex]!;
  const name = (col: number): string => header.cells[col]?.trim() || `#${col + 1}`;
  const dateCol = layout.cols.date!;
  const rows = table.rows.slice(0, layout.dataEnd ?? table.rows.length);
  const body = dataRows(rows, layout.dataStart ?? layout.headerIndex + 1, dateCol, name(dateCol), layout.isNoise);
  const errors: IngestIssue[] = [...body.errors];
  const skipped: SkippedRow[] = [...body.skipped];
  const warnings: string[] = [];
  if (body.rows.length === 0) return { transactions: [], skipped, warnings, errors };
  const dates = dateColumn(body.rows, dateCol, name(dateCol), layout.dateOrder, header.line);
  if (isIssue(dates)) return { transactions: [], skipped, warnings, errors: [...errors, dates] };
  const hint: DecimalStyle | undefined = layout.decimalHint ?? (table.delimiter === ';' ? 'comma' : undefined);
  const numbers = new Map<TxColumn, NumberColumnDecision>();
  for (const c of NUMBER_COLS) {
    const col = layout.cols[c];
    if (col !== undefined) numbers.set(c, numberColumn(body.rows, col, hint, layout.decimal));
  }
  const cell = (r: TableRow, c: TxColumn): string => {
    const col = layout.cols[c];
    return col === undefined ? '' : (r.cells[col] ?? '').trim();
  };
  const num = (r: TableRow, c: TxColumn): number | null | IngestIssue => {
    const d = numbers.get(c);
    if (!d) return null;
    const raw = cell(r, c);
    const v = d.parse(raw);
    if (v.kind === 'invalid') return { line: r.line, column: name(layout.cols[c]!), value: raw, message: v.message };
    return v.kind === 'missing' ? null : v.value;
  };
  const transactions: TransactionRow[] = [];
  const unknownActions = new Map<string, number>();
  for (const r of body.rows) {
    const date = dates.parse(cell(r, 'date'));
    if (date === null) {
      errors.push({ line: r.line, column: name(dateCol), value: cell(r, 'date'), message: `not a valid ${dates.layout} date` });
      continue;
    }
    const values: Partial<Record<TxColumn, number | null>> = {};
    let bad = false;
    for (const c of NUMBER_COLS) {
      const v = num(r, c);
      if (isIssue(v)) {
        errors.push(v);
        bad = true;
      } else values[c] = v;
    }
    if (bad) continue;
    const actionText = cell(r, 'type') || layout.typeFallback?.(r) || '';
    const type = classifyAction(actionText, values.amount ?? null, layout.actions);
    if (!type) {
      skipped.push({ line: r.line, reason: actionText ? `unknown action "${actionText}" (map it to a type to import it)` : 'no action on this row' });
      unknownActions.set(actionText, (unknownActions.get(actionText) ?? 0) + 1);
      continue;
    }
    if (values.amount == null && values.quantity == null) {
      skipped.push({ line: r.line, reason: `${actionText || type}: no amount and no quantity` });
      continue;
    }
    const feeParts = [values.fee, values.fee2].filter((v): v is number => typeof v === 'number');
    const fee = feeParts.length > 0 ? feeParts.reduce((a, b) => a + Math.abs(b), 0) : null;
    let quantity = values.quantity ?? null;
    let amount = values.amount ?? null;
    const price = values.price === null || values.price === undefined ? null : Math.abs(values.price);
    if (layout.signs === 'by-type') ({ quantity, amount } = signByType(type, quantity, amount));
    else if (type === 'sell' && quantity !== null && quantity > 0 && amount !== null && amount > 0) quantity = -quantity;
    if (amount === null && quantity !== null && price !== null && (type === 'buy' || type === 'sell')) {
      amount = -(quantity * price) - (fee ?? 0);
    }
    const rawTicker = cell(r, 'ticker');
    const ticker = layout.ticker ? layout.ticker(rawTicker) : rawTicker || null;
    transactions.push({
      account: cell(r, 'account') || layout.account,
      date,
      type,
      ticker,
      isin: cell(r, 'isin') || null,
      description: cell(r, 'description') || null,
      quantity,
      price,
      fee,
      amount,
      currency: cell(r, 'currency') || layout.currency,
      externalId: cell(r, 'externalId') || null,
      line: r.line,
    });
  }
  for (const [text, n] of unknownActions) if (text) warnings.push(`${n} row(s) with action "${text}" were skipped: map the action to a type to import them`);
  skipped.sort((a, b) => a.line - b.line);
  return { transactions, skipped, warnings, errors };
}
