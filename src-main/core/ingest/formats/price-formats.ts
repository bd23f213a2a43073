/**
 * Price-history formats recognised from their header rows: Yahoo Finance, yfinance multi-row header,
 * Nasdaq.com, Stooq (single and bulk), Investing.com, Google Sheets (GOOGLEFINANCE) and wide tables.
 */
import { columnIndex, findHeaderRow, splitMarket, tickerFromFileName } from '../columns.js';
import { looksLikeDate } from '../dates.js';
import { looksNumeric } from '../numbers.js';
import { ohlcColumns, parseLongPrices, type PriceField } from '../prices-long.js';
import type { SourceTable } from '../source.js';
import { isBlank, normHeader } from '../table.js';
import { parseWideTable } from '../wide-prices.js';
import { failed, type FormatDefinition, type FormatOutput } from './format.js';

function firstRowIndex(table: SourceTable): number {
  let i = 0;
  while (i < table.rows.length && isBlank(table.rows[i]!)) i++;
  return i;
}

function headerOf(table: SourceTable, i: number): string[] {
  return (table.rows[i]?.cells ?? []).map((c) => c.trim());
}

function longFormat(
  id: string,
  label: string,
  signature: string[],
  extra: { score?: number; currency?: string | null; tickerFromName?: boolean; skipTokens?: Record<string, string>; dateOrder?: 'mdy' | 'dmy'; exact?: boolean } = {},
): FormatDefinition {
  return {
    id,
    label,
    kind: 'prices',
    detect(table) {
      const i = findHeaderRow(table.rows, signature, 5);
      if (i < 0) return 0;
      if (extra.exact && table.rows[i]!.cells.filter((c) => c.trim() !== '').length !== signature.length) return 0;
      return extra.score ?? 0.9;
    },
    parse(table, ctx) {
      const i = findHeaderRow(table.rows, signature, 5);
      const header = headerOf(table, i);
      // The file's own ticker (its name) wins; a typed ticker is for files that have none.
      const named = extra.tickerFromName ? tickerFromFileName(ctx.file) : null;
      const fromName = named?.ticker ?? null;
      const ticker = fromName ?? ctx.options.ticker ?? null;
      const out = parseLongPrices(table, {
        headerIndex: i,
        date: columnIndex(header, signature[0]!),
        fields: ohlcColumns(header),
        defaultTicker: ticker,
        currency: ctx.options.currency ?? extra.currency ?? null,
        ...(ctx.options.dateOrder ?? extra.dateOrder ? { dateOrder: ctx.options.dateOrder ?? extra.dateOrder } : {}),
        ...(ctx.options.decimal ? { decimal: ctx.options.decimal } : {}),
        ...(extra.skipTokens ? { skipTokens: extra.skipTokens } : {}),
      });
      const base = ctx.file.split(/[\\/]/).pop() ?? ctx.file;
      const tickerSource = named ? `file name ${base}${named.market ? ` (market ${named.market})` : ''}` : ctx.options.ticker ? 'typed' : null;
      if (named && ctx.options.ticker && ctx.options.ticker !== named.ticker) {
        out.warnings.unshift(`the typed ticker ${ctx.options.ticker} is not used: the file's name says ${named.ticker}`);
      }
      return { ...out, header, ...(tickerSource ? { tickerSource } : {}) };
    },
  };
}

export const yahooFinance = longFormat('yahoo-finance', 'Yahoo Finance history', ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'], {
  tickerFromName: true,
  skipTokens: { null: 'no prices on this row (null)' },
});

export const nasdaqCom = longFormat('nasdaq-com', 'Nasdaq.com historical data', ['Date', 'Close/Last', 'Volume', 'Open', 'High', 'Low'], {
  currency: null,
  dateOrder: 'mdy',
});

export const stooqDaily = longFormat('stooq', 'Stooq daily history', ['Date', 'Open', 'High', 'Low', 'Close'], { tickerFromName: true, score: 0.8 });

export const investingCom = longFormat('investing-com', 'Investing.com historical data', ['Date', 'Price', 'Open', 'High', 'Low'], { tickerFromName: false });

export const googleSheets = longFormat('google-sheets', 'Google Sheets (GOOGLEFINANCE) export', ['Date', 'Close'], {
  exact: true,
  skipTokens: { '#N/A': 'the sheet had no price (#N/A)' },
});

/** Stooq's bulk `<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>…` files: many tickers, YYYYMMDD dates. */
export const stooqBulk: FormatDefinition = {
  id: 'stooq-bulk',
  label: 'Stooq bulk ASCII',
  kind: 'prices',
  detect: (table) => (findHeaderRow(table.rows, ['<TICKER>', '<PER>', '<DATE>'], 3) >= 0 ? 0.95 : 0),
  parse(table, ctx) {
    const i = findHeaderRow(table.rows, ['<TICKER>', '<PER>', '<DATE>'], 3);
    const header = headerOf(table, i);
    const out = parseLongPrices(table, {
      headerIndex: i,
      date: 2,
      ticker: 0,
      fields: ohlcColumns(header),
      defaultTicker: null,
      currency: ctx.options.currency ?? null,
      tickerOf: (raw) => splitMarket(raw).ticker,
    });
    return { ...out, header, tickerSource: 'the file\'s <TICKER> column (market suffix dropped)' };
  },
};

/** yfinance `download().to_csv()`: rows `Price,<field>…`, `Ticker,<sym>…`, `Date,,,`, then data. */
export const yfinanceMulti: FormatDefinition = {
  id: 'yfinance',
  label: 'yfinance (multi-row header)',
  kind: 'prices',
  detect(table) {
    const i = firstRowIndex(table);
    const a = normHeader(table.rows[i]?.cells[0] ?? '');
    const b = normHeader(table.rows[i + 1]?.cells[0] ?? '');
    const c = normHeader(table.rows[i + 2]?.cells[0] ?? '');
    return a === 'price' && b === 'ticker' && (c === 'date' || c === 'datetime') ? 0.95 : 0;
  },
  parse(table, ctx) {
    const i = firstRowIndex(table);
    const fieldsRow = headerOf(table, i);
    const tickersRow = headerOf(table, i + 1);
    const map: Record<string, PriceField> = { open: 'open', high: 'high', low: 'low', close: 'close', 'adj close': 'adjClose', volume: 'volume' };
    const byTicker = new Map<string, Partial<Record<PriceField, number>>>();
    for (let j = 1; j < fieldsRow.length; j++) {
      const f = map[normHeader(fieldsRow[j]!)];
      const t = tickersRow[j]?.trim();
      if (!f || !t) continue;
      const cols = byTicker.get(t) ?? {};
      cols[f] = j;
      byTicker.set(t, cols);
    }
    if (byTicker.size === 0) return failed([{ line: table.rows[i]!.line, message: 'the header rows name no price fields and tickers' }], fieldsRow);
    const out: FormatOutput = { prices: [], skipped: [], warnings: [], errors: [], header: fieldsRow };
    for (const [ticker, fields] of byTicker) {
      const r = parseLongPrices(table, {
        headerIndex: i,
        dataStart: i + 3,
        date: 0,
        fields,
        defaultTicker: ticker,
        currency: ctx.options.currency ?? null,
        ...(ctx.options.dateOrder ? { dateOrder: ctx.options.dateOrder } : {}),
      });
      out.prices!.push(...r.prices);
      out.errors.push(...r.errors);
      out.warnings.push(...r.warnings);
      // Each ticker sees the same skipped rows; report them once.
      if (out.skipped.length === 0) out.skipped.push(...r.skipped);
    }
    return out;
  },
};

/** Wide tables: a date column then one numeric column per ticker. */
export const widePrices: FormatDefinition = {
  id: 'wide',
  label: 'Wide price table (date + one column per ticker)',
  kind: 'prices',
  detect(table) {
    const i = firstRowIndex(table);
    const header = table.rows[i]?.cells ?? [];
    if (header.length < 2) return 0;
    if (looksLikeDate(header[0] ?? '') || header.slice(1).some((c) => looksNumeric(c))) return 0;
    const sample = table.rows.slice(i + 1, i + 21).filter((r) => !isBlank(r));
    if (sample.length === 0) return 0;
    const dated = sample.filter((r) => looksLikeDate(r.cells[0] ?? '')).length;
    // Mostly numbers: a stray bad cell still routes here so the parser can name its line.
    let cells = 0;
    let numeric = 0;
    // A column of text (a ticker or name column) means a long layout, not a wide one.
    for (let j = 1; j < header.length; j++) {
      const filled = sample.map((r) => r.cells[j] ?? '').filter((c) => c.trim() !== '');
      if (filled.length > 0 && !filled.some((c) => looksNumeric(c))) return 0;
    }
    for (const r of sample) {
      for (const c of r.cells.slice(1)) {
        if (c.trim() === '') continue;
        cells++;
        if (looksNumeric(c)) numeric++;
      }
    }
    return dated >= Math.max(1, sample.length - 1) && numeric >= cells * 0.8 ? 0.5 : dated >= sample.length * 0.8 ? 0.2 : 0;
  },
  parse(table, ctx) {
    const r = parseWideTable(table, ctx.file, {
      ...(ctx.options.dateOrder ? { dateOrder: ctx.options.dateOrder } : {}),
      ...(ctx.options.decimal ? { decimal: ctx.options.decimal } : {}),
    });
    const header = headerOf(table, firstRowIndex(table));
    if (!r.matrix || !r.lines) return failed(r.errors, header);
    return { wide: { matrix: r.matrix, lines: r.lines, currency: ctx.options.currency ?? null }, skipped: [], warnings: r.warnings, errors: [], header };
  },
};

export const priceFormats: FormatDefinition[] = [yfinanceMulti, stooqBulk, yahooFinance, nasdaqCom, investingCom, stooqDaily, googleSheets, widePrices];
