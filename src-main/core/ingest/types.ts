/** Shapes produced by the ingest parsers: pure data, no I/O. Dates are ISO YYYY-MM-DD. */
import type { PriceMatrix } from '../price-matrix.js';

/** A problem tied to a place in the file: 1-based line, the column's header name and the raw text. */
export interface IngestIssue {
  line: number;
  column?: string;
  value?: string;
  message: string;
}

export interface SkippedRow {
  line: number;
  reason: string;
}

export type ImportKind = 'prices' | 'transactions' | 'positions';

export const TRANSACTION_TYPES = ['buy', 'sell', 'dividend', 'interest', 'tax', 'fee', 'deposit', 'withdrawal', 'split', 'fx'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** One instrument's daily history; NaN = not given. Prices are in `currency` units (GBX stays GBX). */
export interface PriceSeries {
  ticker: string;
  currency: string | null;
  dates: string[];
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  adjClose: Float64Array;
  volume: Float64Array;
  /** 1-based line of the file each row came from (kept with the stored row); absent for series not read from a file. */
  lines?: Int32Array;
}

/**
 * One cash or security movement. `amount` > 0 = money into the account; `quantity` > 0 = shares in.
 * A split carries the shares it adds (negative for a reverse split), as brokers report it.
 */
export interface TransactionRow {
  account: string;
  date: string;
  type: TransactionType;
  ticker: string | null;
  isin: string | null;
  description: string | null;
  /** The instrument's name where the file gives one apart from the description (DEGIRO Product, T212 Name). */
  name?: string | null;
  quantity: number | null;
  price: number | null;
  fee: number | null;
  amount: number | null;
  currency: string | null;
  externalId: string | null;
  line: number;
}

/** A broker's statement of what an account held on `asOf`. */
export interface PositionRow {
  account: string;
  asOf: string;
  ticker: string;
  isin: string | null;
  description: string | null;
  quantity: number;
  costBasis: number | null;
  price: number | null;
  value: number | null;
  currency: string | null;
  line: number;
}

/** A wide price table kept as one matrix (a million cells clone and write faster than a million objects). */
export interface WidePrices {
  matrix: PriceMatrix;
  /** 1-based line of the file each matrix row (date) came from. */
  lines: Int32Array;
  currency: string | null;
}

/** Everything one file yields; `errors` non-empty means nothing from this file may be written. */
export interface ParsedFile {
  file: string;
  format: string;
  kind: ImportKind;
  encoding: string;
  delimiter: string;
  prices: PriceSeries[];
  /** Prices of a wide file (stored as closes), alongside or instead of `prices`. */
  wide: WidePrices | null;
  transactions: TransactionRow[];
  positions: PositionRow[];
  skipped: SkippedRow[];
  warnings: string[];
  errors: IngestIssue[];
  /** Header cells of the table the parser read (for the mapping wizard and templates). */
  header: string[];
  /** Where the tickers came from: the file name, the typed ticker, column headers, the file's rows. */
  tickerSource: string | null;
}

export type DateOrder = 'dmy' | 'mdy';
export type DecimalStyle = 'dot' | 'comma';

/** What the user may tell the importer (CLI flags, the preview's choices, a saved template). */
export interface IngestOptions {
  ticker?: string;
  format?: string;
  account?: string;
  currency?: string;
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
  /** ISO date of a position snapshot whose file carries none (DEGIRO Portfolio.csv). */
  asOf?: string;
  mapping?: ColumnMapping;
}

/** A user's column mapping for a layout no built-in format knows (the wizard's output, saved as a template). */
export interface ColumnMapping {
  kind: ImportKind;
  /** 1-based line of the header row; 0 = find it (the first row with the mapped names). */
  headerLine?: number;
  date: string;
  ticker?: string;
  /** Price files: field → column header. */
  fields?: Partial<Record<'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume', string>>;
  /** Transaction/position files. */
  type?: string;
  quantity?: string;
  price?: string;
  fee?: string;
  amount?: string;
  currency?: string;
  isin?: string;
  description?: string;
  externalId?: string;
  account?: string;
  costBasis?: string;
  value?: string;
  dateOrder?: DateOrder;
  decimal?: DecimalStyle;
  /** 'as-is': signs in the file; 'by-type': magnitudes, direction from the type. */
  signs?: 'as-is' | 'by-type';
  /** Action text (lower-cased, trimmed) → type. */
  actions?: Record<string, TransactionType>;
}
