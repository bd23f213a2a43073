/** Long price tables (one row per date, optionally per ticker): the engine under every price format. */
import type { DateColumnDecision } from './dates.js';
import type { NumberColumnDecision } from './numbers.js';
import { columnIndex, dataRows, dateColumn, isIssue, numberColumn } from './columns.js';
import type { SourceTable } from './source.js';
import type { TableRow } from './table.js';
import type { DateOrder, DecimalStyle, IngestIssue, PriceSeries, SkippedRow } from './types.js';

export const PRICE_FIELDS = ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const;
export type PriceField = (typeof PRICE_FIELDS)[number];

export interface LongPriceLayout {
  /** Index (into table.rows) of the header row. */
  headerIndex: number;
  /** Index of the first data row (default: the row after the header). */
  dataStart?: number;
  date: number;
  /** Column holding the ticker, when the file carries several. */
  ticker?: number;
  fields: Partial<Record<PriceField, number>>;
  /** The ticker when the file has no ticker column. */
  defaultTicker: string | null;
  currency: string | null;
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
  /** Cleans a ticker cell (Stooq's `AAPL.US` → `AAPL`). */
  tickerOf?: (raw: string) => string;
  /** Cells (trimmed, exact) that mark a row to skip, with the reason: '#N/A' in Google Sheets exports. */
  skipTokens?: Record<string, string>;
}

export interface LongPricesResult {
  prices: PriceSeries[];
  skipped: SkippedRow[];
  warnings: string[];
  errors: IngestIssue[];
}

/** Reads long-format price rows into one series per ticker, dates ascending. */
export function parseLongPrices(table: SourceTable, layout: LongPriceLayout): LongPricesResult {
  const header = table.rows[layout.headerIndex]!;
  const name = (col: number): string => header.cells[col]?.trim() || `#${col + 1}`;
  const dateName = name(layout.date);
  const skipTokens = layout.skipTokens ?? {};
  const body = dataRows(table.rows, layout.dataStart ?? layout.headerIndex + 1, layout.date, dateName, (r) => {
    for (const c of r.cells) {
      const reason = skipTokens[c.trim()];
      if (reason) return reason;
    }
    return null;
  });
  const errors: IngestIssue[] = [...body.errors];
  const warnings: string[] = [];
  if (layout.ticker === undefined && !layout.defaultTicker) {
    errors.push({ line: header.line, message: 'this file does not name its ticker: give one (--ticker T, or the Ticker field in the preview)' });
  }
  if (body.rows.length === 0 && errors.length === 0) errors.push({ line: header.line, message: 'the file has a header but no price rows' });
  if (errors.length > 0) return { prices: [], skipped: body.skipped, warnings, errors };

  const dates = dateColumn(body.rows, layout.date, dateName, layout.dateOrder, header.line);
  if (isIssue(dates)) return { prices: [], skipped: body.skipped, warnings, errors: [dates] };
  const hint: DecimalStyle | undefined = table.delimiter === ';' ? 'comma' : undefined;
  const decisions = new Map<PriceField, { col: number; d: NumberColumnDecision }>();
  for (const f of PRICE_FIELDS) {
    const col = layout.fields[f];
    if (col !== undefined && col >= 0) decisions.set(f, { col, d: numberColumn(body.rows, col, hint, layout.decimal) });
  }
  const skipped: SkippedRow[] = [...body.skipped];
  const groups = new Map<string, { rows: TableRow[]; dates: string[] }>();
  for (const r of body.rows) {
    const cellTicker = layout.ticker === undefined ? '' : (r.cells[layout.ticker] ?? '').trim();
    const ticker = layout.ticker === undefined ? layout.defaultTicker! : cellTicker && layout.tickerOf ? layout.tickerOf(cellTicker) : cellTicker;
    if (ticker === '') {
      errors.push({ line: r.line, column: name(layout.ticker!), value: '', message: 'the ticker is missing' });
      continue;
    }
    const iso = (dates as DateColumnDecision).parse(r.cells[layout.date] ?? '');
    if (iso === null) {
      errors.push({ line: r.line, column: dateName, value: r.cells[layout.date] ?? '', message: `not a valid ${dates.layout} date` });
      continue;
    }
    let g = groups.get(ticker);
    if (!g) groups.set(ticker, (g = { rows: [], dates: [] }));
    g.rows.push(r);
    g.dates.push(iso);
  }
  const prices: PriceSeries[] = [];
  for (const [ticker, g] of groups) {
    const order = g.dates.map((_, i) => i).sort((a, b) => (g.dates[a]! < g.dates[b]! ? -1 : g.dates[a]! > g.dates[b]! ? 1 : a - b));
    const s: PriceSeries & { lines: Int32Array } = {
      ticker,
      currency: layout.currency,
      dates: [],
      open: new Float64Array(order.length),
      high: new Float64Array(order.length),
      low: new Float64Array(order.length),
      close: new Float64Array(order.length),
      adjClose: new Float64Array(order.length),
      volume: new Float64Array(order.length),
      lines: new Int32Array(order.length),
    };
    let k = 0;
    let previous: { date: string; line: number } | null = null;
    for (const i of order) {
      const r = g.rows[i]!;
      const date = g.dates[i]!;
      if (previous && previous.date === date) {
        errors.push({ line: r.line, column: dateName, value: r.cells[layout.date] ?? '', message: `${ticker} ${date} already appears on line ${previous.line}` });
        continue;
      }
      const values: Record<PriceField, number> = { open: NaN, high: NaN, low: NaN, close: NaN, adjClose: NaN, volume: NaN };
      let bad = false;
      for (const [f, { col, d }] of decisions) {
        const raw = r.cells[col] ?? '';
        const cell = d.parse(raw);
        if (cell.kind === 'invalid') {
          errors.push({ line: r.line, column: name(col), value: raw, message: cell.message });
          bad = true;
        } else if (cell.kind === 'value') {
          if (f !== 'volume' && !(cell.value > 0)) {
            errors.push({ line: r.line, column: name(col), value: raw, message: 'a price must be above zero' });
            bad = true;
          } else if (f === 'volume' && cell.value < 0) {
            errors.push({ line: r.line, column: name(col), value: raw, message: 'a volume cannot be negative' });
            bad = true;
          }
          values[f] = cell.value;
        }
      }
      if (bad) continue;
      if (Number.isNaN(values.close) && Number.isNaN(values.adjClose)) {
        skipped.push({ line: r.line, reason: 'no close price on this row' });
        continue;
      }
      previous = { date, line: r.line };
      s.dates.push(date);
      for (const f of PRICE_FIELDS) s[f][k] = values[f];
      s.lines[k] = r.line;
      k++;
    }
    for (const f of PRICE_FIELDS) s[f] = s[f].slice(0, k);
    s.lines = s.lines.slice(0, k);
    if (order.some((i, j) => i !== j)) warnings.push(`${ticker}: rows were newest first; stored in date order`);
    if (k > 0) prices.push(s);
  }
  skipped.sort((a, b) => a.line - b.line);
  return { prices, skipped, warnings, errors };
}

/** Column indices of the standard OHLC names in a header (missing fields are left out). */
export function ohlcColumns(header: readonly string[]): Partial<Record<PriceField, number>> {
  const out: Partial<Record<PriceField, number>> = {};
  const pairs: [PriceField, string[]][] = [
    ['open', ['open', '<open>', 'opening', 'eröffnung', 'otwarcie', 'ouverture', 'apertura']],
    ['high', ['high', '<high>', 'hoch', 'najwyzszy', 'plus haut', 'max']],
    ['low', ['low', '<low>', 'tief', 'najnizszy', 'plus bas', 'min']],
    ['close', ['close', 'close/last', 'price', 'last', 'close price', '<close>', 'schluss', 'schlusskurs', 'zamkniecie', 'dernier', 'cierre', 'slot', 'slotkoers', 'kurs']],
    ['adjClose', ['adj close', 'adj. close', 'adjusted close', 'adj_close', 'adjclose', 'adjusted_close']],
    ['volume', ['volume', 'vol.', 'vol', '<vol>', 'volumen', 'wolumen']],
  ];
  for (const [f, names] of pairs) {
    const i = columnIndex(header, ...names);
    if (i >= 0) out[f] = i;
  }
  return out;
}
