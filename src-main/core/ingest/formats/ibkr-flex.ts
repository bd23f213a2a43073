/**
 * Interactive Brokers Flex Query CSV: user-chosen field names, every field quoted. Either one plain
 * table, or records wrapped in BOF/BOA/BOS…EOS/EOA/EOF with `HEADER`/`DATA` line descriptors (and
 * optionally the section code, e.g. `"DATA","TRNT",…`), several sections one after another, each with
 * its own header row. Trades (TRNT), cash transactions (CTRN) and open positions (POST) are read; the
 * broker's TransactionID is kept for dedupe.
 */
import { columnsByName } from '../columns.js';
import { decideDateColumn } from '../dates.js';
import { parsePositionTable } from '../positions-table.js';
import type { SourceTable } from '../source.js';
import { headerCells, isBlank, normHeader, type TableRow } from '../table.js';
import { parseTransactionTable, type TxColumn } from '../transactions-table.js';
import type { IngestIssue, PositionRow, SkippedRow, TransactionRow } from '../types.js';
import type { FormatContext, FormatDefinition, FormatOutput } from './format.js';

type SectionKind = 'trades' | 'cash' | 'positions';

/** One table of the file: its header and data rows with the HEADER/DATA (and section code) cells removed. */
interface Section {
  kind: SectionKind;
  table: SourceTable;
}

const ENVELOPE = new Set(['bof', 'boa', 'bos', 'eos', 'eoa', 'eof']);

function sectionKind(cells: readonly string[]): SectionKind | null {
  const h = new Set(cells.map(normHeader));
  if (h.has('tradedate') && h.has('quantity') && h.has('symbol') && (h.has('tradeprice') || h.has('netcash'))) return 'trades';
  if (h.has('quantity') && h.has('symbol') && (h.has('markprice') || h.has('positionvalue'))) return 'positions';
  if (h.has('type') && h.has('amount') && (h.has('date/time') || h.has('settledate') || h.has('reportdate'))) return 'cash';
  return null;
}

/** How many leading cells are line descriptors: `HEADER` alone, or `HEADER` plus a section code. */
function prefixWidth(cells: readonly string[]): number {
  if (normHeader(cells[0] ?? '') !== 'header') return 0;
  return /^[A-Z]{4}$/.test((cells[1] ?? '').trim()) ? 2 : 1;
}

/** Splits the file into sections at each header row; envelope records and rows outside a section are skipped. */
function sections(table: SourceTable): { sections: Section[]; skipped: SkippedRow[] } {
  const out: Section[] = [];
  const skipped: SkippedRow[] = [];
  let current: { kind: SectionKind; width: number; rows: TableRow[] } | null = null;
  const close = (): void => {
    if (current) out.push({ kind: current.kind, table: { ...table, rows: current.rows } });
    current = null;
  };
  for (const r of table.rows) {
    if (isBlank(r)) continue;
    const first = normHeader(r.cells[0] ?? '');
    const width = prefixWidth(r.cells);
    const kind = sectionKind(r.cells.slice(width));
    if (kind && (width > 0 || current === null)) {
      close();
      current = { kind, width, rows: [{ line: r.line, cells: r.cells.slice(width) }] };
      continue;
    }
    if (ENVELOPE.has(first)) {
      if (first === 'eos') close();
      skipped.push({ line: r.line, reason: `${first.toUpperCase()} record` });
      continue;
    }
    if (first === 'header') {
      close();
      skipped.push({ line: r.line, reason: `section ${(r.cells[1] ?? '').trim() || 'without a code'} is not imported` });
      continue;
    }
    if (current === null) {
      skipped.push({ line: r.line, reason: first === 'data' ? `section ${(r.cells[1] ?? '').trim()} is not imported` : 'outside any section' });
      continue;
    }
    if (current.width > 0 && first !== 'data') {
      skipped.push({ line: r.line, reason: `${first || 'blank'} record` });
      continue;
    }
    current.rows.push({ line: r.line, cells: r.cells.slice(current.width) });
  }
  close();
  return { sections: out, skipped };
}

const COMMON: Partial<Record<TxColumn, readonly string[]>> = {
  ticker: ['Symbol'],
  isin: ['ISIN'],
  description: ['Description'],
  currency: ['CurrencyPrimary', 'Currency'],
  externalId: ['TransactionID', 'TradeID'],
  account: ['ClientAccountID', 'AccountId'],
};

function trades(s: SourceTable, ctx: FormatContext): { transactions: TransactionRow[]; skipped: SkippedRow[]; warnings: string[]; errors: IngestIssue[] } {
  const h = s.rows[0]!.cells;
  const cols = columnsByName<TxColumn>(h, { ...COMMON, date: ['TradeDate'], quantity: ['Quantity'], price: ['TradePrice'], fee: ['IBCommission'], amount: ['NetCash'], type: ['Buy/Sell'] });
  const out = parseTransactionTable(s, {
    headerIndex: 0,
    cols,
    account: ctx.options.account ?? ctx.fileAccount ?? 'default',
    currency: ctx.options.currency ?? null,
    signs: 'as-is',
    typeFallback: (r) => ((r.cells[cols.quantity ?? -1] ?? '').trim().startsWith('-') ? 'sell' : 'buy'),
  });
  // A trade's Description is the instrument's name.
  for (const t of out.transactions) t.name = t.description;
  return out;
}

function cash(s: SourceTable, ctx: FormatContext): { transactions: TransactionRow[]; skipped: SkippedRow[]; warnings: string[]; errors: IngestIssue[] } {
  const h = s.rows[0]!.cells;
  const cols = columnsByName<TxColumn>(h, { ...COMMON, date: ['Date/Time', 'SettleDate', 'ReportDate'], amount: ['Amount'], type: ['Type'] });
  const out = parseTransactionTable(s, { headerIndex: 0, cols, account: ctx.options.account ?? ctx.fileAccount ?? 'default', currency: ctx.options.currency ?? null, signs: 'as-is' });
  // "Deposits/Withdrawals" is one Flex type for both directions: the amount's sign tells them apart.
  for (const t of out.transactions) if (t.type === 'deposit' && t.amount !== null && t.amount < 0) t.type = 'withdrawal';
  return out;
}

function positions(s: SourceTable, ctx: FormatContext): { positions: PositionRow[]; skipped: SkippedRow[]; errors: IngestIssue[] } {
  const h = s.rows[0]!.cells;
  const cols = columnsByName(h, {
    ticker: ['Symbol'],
    isin: ['ISIN'],
    description: ['Description'],
    quantity: ['Quantity', 'Position'],
    price: ['MarkPrice'],
    value: ['PositionValue'],
    costBasis: ['CostBasisMoney'],
    currency: ['CurrencyPrimary', 'Currency'],
    account: ['ClientAccountID'],
  });
  // The snapshot's date is its ReportDate, in whatever layout the query chose.
  const dateCol = columnsByName(h, { date: ['ReportDate'] }).date;
  const decided = dateCol === undefined ? null : decideDateColumn(s.rows.slice(1).map((r) => r.cells[dateCol] ?? ''));
  const first = dateCol === undefined ? '' : (s.rows[1]?.cells[dateCol] ?? '');
  const asOf = (decided?.ok ? decided.decision.parse(first) : null) ?? ctx.options.asOf ?? null;
  return parsePositionTable(s, { headerIndex: 0, cols, account: ctx.options.account ?? ctx.fileAccount ?? 'default', asOf, currency: ctx.options.currency ?? null });
}

function parseFlex(table: SourceTable, base: FormatContext): FormatOutput {
  // The BOF record names the account ("BOF","U1234567",…): the rows' fallback when a section lacks ClientAccountID.
  const bof = table.rows.find((r) => normHeader(r.cells[0] ?? '') === 'bof');
  const id = (bof?.cells[1] ?? '').trim();
  const ctx: FormatContext = id ? { ...base, fileAccount: id } : base;
  const split = sections(table);
  const out: FormatOutput & { transactions: TransactionRow[]; positions: PositionRow[] } = { transactions: [], positions: [], skipped: [...split.skipped], warnings: [], errors: [], header: [] };
  for (const s of split.sections) {
    out.header = out.header.length > 0 ? out.header : headerCells(s.table, 0);
    const part = s.kind === 'positions' ? positions(s.table, ctx) : s.kind === 'cash' ? cash(s.table, ctx) : trades(s.table, ctx);
    if ('transactions' in part) {
      out.transactions.push(...part.transactions);
      out.warnings.push(...part.warnings);
    } else out.positions.push(...part.positions);
    out.skipped.push(...part.skipped);
    out.errors.push(...part.errors);
  }
  out.skipped.sort((a, b) => a.line - b.line);
  out.transactions.sort((a, b) => a.line - b.line);
  return out;
}

export const ibkrFlex: FormatDefinition = {
  id: 'ibkr-flex',
  label: 'Interactive Brokers Flex Query',
  kind: 'transactions',
  broker: 'IBKR',
  detect: (table) => {
    for (const r of table.rows.slice(0, 10)) if (sectionKind(r.cells.slice(prefixWidth(r.cells))) === 'trades') return 0.9;
    // A Flex file with only cash or position sections still opens with a BOF record.
    return normHeader(table.rows[0]?.cells[0] ?? '') === 'bof' && sections(table).sections.length > 0 ? 0.9 : 0;
  },
  parse: parseFlex,
};
