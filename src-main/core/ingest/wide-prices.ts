/**
 * Wide price tables: a date column, then one column per ticker (empty = missing), in any encoding,
 * delimiter, date layout and decimal style the column's values settle. Pure: bytes in, matrix out.
 */
import type { PriceMatrix } from '../price-matrix.js';
import { decideDateColumn } from './dates.js';
import { decideNumberColumn, numberColumnWithStyle } from './numbers.js';
import { IssueList, readSource, type SourceTable } from './source.js';
import { isBlank, type TableRow } from './table.js';
import type { DateOrder, DecimalStyle, IngestIssue } from './types.js';

export interface WidePricesOptions {
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
}

export interface WidePricesResult {
  matrix: PriceMatrix | null;
  /** 1-based source line of each matrix row (null with the matrix). */
  lines: Int32Array | null;
  errors: IngestIssue[];
  warnings: string[];
  encoding: string | null;
  delimiter: string | null;
  /** Layout decided for the date column and each ticker column's decimal style. */
  layout: { date: string | null; decimal: Record<string, DecimalStyle> };
}

/** Parses a wide price CSV into a matrix of prices (ascending dates, NaN = missing); 1-based line numbers in errors. */
export function parseWidePrices(bytes: Uint8Array, fileName: string, options: WidePricesOptions = {}): WidePricesResult {
  const source = readSource(bytes);
  if (!source.ok) return empty([source.error]);
  return parseWideTable(source.table, fileName, options);
}

function empty(errors: IngestIssue[], table?: SourceTable): WidePricesResult {
  return { matrix: null, lines: null, errors, warnings: [], encoding: table?.encoding ?? null, delimiter: table?.delimiter ?? null, layout: { date: null, decimal: {} } };
}

/** The same, from an already decoded table (the format detector reads the table once). */
export function parseWideTable(table: SourceTable, _fileName: string, options: WidePricesOptions = {}): WidePricesResult {
  const issues = new IssueList();
  const warnings: string[] = [];
  const rows = table.rows;
  let h = 0;
  while (h < rows.length && isBlank(rows[h]!)) h++;
  const header = rows[h];
  if (!header) return empty([{ line: 1, message: 'the file has no header row' }], table);
  const data: TableRow[] = [];
  for (let i = h + 1; i < rows.length; i++) if (!isBlank(rows[i]!)) data.push(rows[i]!);
  if (header.cells.length < 2) {
    return empty([{ line: header.line, message: `expected a date column and one column per ticker, found ${header.cells.length} column (is the delimiter "${table.delimiter}" right?)` }], table);
  }
  const dateName = header.cells[0]!.trim() || 'date';
  // Ticker columns; an unnamed column is allowed only when it is empty throughout (a trailing delimiter).
  const columns: { index: number; ticker: string }[] = [];
  const seen = new Map<string, number>();
  for (let j = 1; j < header.cells.length; j++) {
    const name = header.cells[j]!.trim();
    if (name === '') {
      const used = data.find((r) => (r.cells[j] ?? '').trim() !== '');
      if (used) issues.add({ line: header.line, column: `#${j + 1}`, message: `column ${j + 1} has values but no ticker in the header` });
      continue;
    }
    if (seen.has(name)) {
      issues.add({ line: header.line, column: name, value: name, message: `ticker "${name}" appears twice in the header (columns ${seen.get(name)! + 1} and ${j + 1})` });
      continue;
    }
    seen.set(name, j);
    columns.push({ index: j, ticker: name });
  }
  if (columns.length === 0) issues.add({ line: header.line, message: 'the header names no ticker columns' });
  // Company names as headers (a local-language export such as Kursverlauf.csv) would be stored as tickers.
  const names = columns.filter((c) => /\s/.test(c.ticker) || c.ticker.length > 15);
  if (names.length > 0) {
    warnings.push(`the column headers ${names.slice(0, 3).map((c) => `"${c.ticker}"`).join(', ')}${names.length > 3 ? ' …' : ''} look like names, not tickers: map its columns (Map columns) or rename the headers before importing`);
  }
  if (data.length === 0) issues.add({ line: header.line, message: 'the file has a header but no price rows' });
  for (const r of data) {
    for (let j = header.cells.length; j < r.cells.length; j++) {
      if (r.cells[j]!.trim() !== '') {
        issues.add({ line: r.line, column: `#${j + 1}`, value: r.cells[j]!, message: `row has ${r.cells.length} cells but the header has ${header.cells.length}` });
        break;
      }
    }
  }
  if (issues.count > 0) return empty(finish(issues), table);

  const rawDates = data.map((r) => r.cells[0] ?? '');
  let decidedDates = decideDateColumn(rawDates, options.dateOrder);
  if (!decidedDates.ok && decidedDates.ambiguous) {
    // Ask for the date order together with every other problem: check the rest as if day-first.
    issues.add({ line: header.line, column: dateName, message: decidedDates.message });
    decidedDates = decideDateColumn(rawDates, 'dmy');
  }
  if (!decidedDates.ok) {
    const bad = decidedDates.badIndex === undefined ? undefined : data[decidedDates.badIndex];
    return empty([{ line: bad?.line ?? header.line, column: dateName, ...(bad ? { value: bad.cells[0] ?? '' } : {}), message: decidedDates.message }], table);
  }
  const dates: string[] = new Array(data.length);
  for (let t = 0; t < data.length; t++) {
    const raw = rawDates[t]!;
    const d = raw.trim() === '' ? null : decidedDates.decision.parse(raw);
    if (d === null) issues.add({ line: data[t]!.line, column: dateName, value: raw, message: raw.trim() === '' ? 'the date is missing' : `"${raw}" is not a valid ${decidedDates.decision.layout} date` });
    dates[t] = d ?? '';
  }
  // Rows in date order (Nasdaq and Investing write newest first); a repeated date is an error.
  const order = dates.map((_, t) => t).sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : a - b));
  for (let k = 1; k < order.length; k++) {
    const a = order[k - 1]!;
    const b = order[k]!;
    if (dates[a] !== '' && dates[a] === dates[b]) {
      const later = Math.max(a, b);
      issues.add({ line: data[later]!.line, column: dateName, value: rawDates[later]!, message: `date ${dates[b]} already appears on line ${data[Math.min(a, b)]!.line}` });
    }
  }
  const n = columns.length;
  const values = new Float64Array(data.length * n).fill(Number.NaN);
  const hint: DecimalStyle | undefined = options.decimal ?? (table.delimiter === ';' ? 'comma' : undefined);
  const decimal: Record<string, DecimalStyle> = {};
  const column: string[] = new Array(data.length);
  for (let k = 0; k < n; k++) {
    const { index, ticker } = columns[k]!;
    for (let t = 0; t < data.length; t++) column[t] = data[t]!.cells[index] ?? '';
    const decision = options.decimal ? numberColumnWithStyle(options.decimal) : decideNumberColumn(column, hint);
    decimal[ticker] = decision.style;
    for (let t = 0; t < data.length; t++) {
      const raw = column[t]!;
      if (raw === '') continue;
      const cell = decision.parse(raw);
      if (cell.kind === 'missing') continue;
      if (cell.kind === 'invalid') {
        issues.add({ line: data[t]!.line, column: ticker, value: raw, message: cell.message });
        continue;
      }
      if (!(cell.value > 0)) {
        issues.add({ line: data[t]!.line, column: ticker, value: raw, message: 'a price must be above zero' });
        continue;
      }
      values[t * n + k] = cell.value;
    }
  }
  if (issues.count > 0) return empty(finish(issues), table);
  // Reorder rows into ascending dates.
  const sorted = new Float64Array(values.length);
  for (let k = 0; k < order.length; k++) sorted.set(values.subarray(order[k]! * n, order[k]! * n + n), k * n);
  const sortedDates = order.map((t) => dates[t]!);
  const lines = Int32Array.from(order, (t) => data[t]!.line);
  if (order.some((t, k) => t !== k)) warnings.push('rows were not in date order; they were sorted ascending');
  return {
    matrix: { dates: sortedDates, tickers: columns.map((c) => c.ticker), values: sorted },
    lines,
    errors: [],
    warnings,
    encoding: table.encoding,
    delimiter: table.delimiter,
    layout: { date: decidedDates.decision.layout, decimal },
  };
}

function finish(issues: IssueList): IngestIssue[] {
  const list = issues.items.slice();
  if (issues.dropped > 0) list.push({ line: list.at(-1)?.line ?? 1, message: `… and ${issues.dropped} more problems` });
  return list;
}
