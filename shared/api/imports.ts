/** API methods for importing CSV files (preview, commit, history, undo) and reading what was imported. */
import { z } from 'zod';

/** A file sent by the renderer: its name and bytes (base64, since JSON and IPC both carry it). */
export const importFileSchema = z.object({
  name: z.string().min(1).max(500),
  dataBase64: z.string().max(400_000_000),
});
export type ImportFile = z.output<typeof importFileSchema>;

export const TRANSACTION_TYPE_NAMES = ['buy', 'sell', 'dividend', 'interest', 'tax', 'fee', 'deposit', 'withdrawal', 'split', 'fx'] as const;

/** A column mapping for a layout no built-in format knows (the wizard's result; saved as a template). */
export const columnMappingSchema = z.object({
  kind: z.enum(['prices', 'transactions', 'positions']),
  headerLine: z.number().int().min(0).optional(),
  date: z.string().min(1).max(200),
  ticker: z.string().max(200).optional(),
  fields: z
    .object({
      open: z.string().max(200).optional(),
      high: z.string().max(200).optional(),
      low: z.string().max(200).optional(),
      close: z.string().max(200).optional(),
      adjClose: z.string().max(200).optional(),
      volume: z.string().max(200).optional(),
    })
    .optional(),
  type: z.string().max(200).optional(),
  quantity: z.string().max(200).optional(),
  price: z.string().max(200).optional(),
  fee: z.string().max(200).optional(),
  amount: z.string().max(200).optional(),
  currency: z.string().max(200).optional(),
  isin: z.string().max(200).optional(),
  description: z.string().max(200).optional(),
  externalId: z.string().max(200).optional(),
  account: z.string().max(200).optional(),
  costBasis: z.string().max(200).optional(),
  value: z.string().max(200).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  decimal: z.enum(['dot', 'comma']).optional(),
  signs: z.enum(['as-is', 'by-type']).optional(),
  actions: z.record(z.string().max(200), z.enum(TRANSACTION_TYPE_NAMES)).optional(),
});
export type ColumnMappingInput = z.output<typeof columnMappingSchema>;

export const importOptionsSchema = z.object({
  ticker: z.string().min(1).max(64).optional(),
  format: z.string().min(1).max(64).optional(),
  account: z.string().min(1).max(100).optional(),
  currency: z.string().min(1).max(10).optional(),
  dateOrder: z.enum(['dmy', 'mdy']).optional(),
  decimal: z.enum(['dot', 'comma']).optional(),
  /** Date of a position snapshot whose file carries none (DEGIRO Portfolio.csv). */
  asOf: z.iso.date().optional(),
  mapping: columnMappingSchema.optional(),
  /** Name of a saved template to apply (its mapping). */
  template: z.string().min(1).max(100).optional(),
});

export interface ImportIssue {
  file: string;
  line: number;
  column?: string;
  value?: string;
  message: string;
}

/** `FILE:LINE: [column: ]message`, the one way an import error is printed. */
export function formatIssue(e: ImportIssue): string {
  return `${e.file}:${e.line}: ${e.column ? `${e.column}: ` : ''}${e.message}`;
}

/**
 * The built-in formats' ids in detection order (core/ingest/parse-file.ts's `formats`), for help texts
 * that must not load the parsers; test/import/format-ids.test.ts keeps the two equal.
 */
export const IMPORT_FORMAT_IDS = [
  'ibkr-activity', 'ibkr-flex', 'schwab-transactions', 'schwab-positions', 'fidelity-positions', 'fidelity-history', 'robinhood',
  'vanguard', 'etrade', 'trading212', 'degiro-transactions', 'degiro-account', 'degiro-portfolio', 'yfinance', 'stooq-bulk',
  'yahoo-finance', 'nasdaq-com', 'investing-com', 'stooq', 'google-sheets', 'wide',
] as const;

export interface ImportFileSummary {
  file: string;
  format: string;
  kind: 'prices' | 'transactions' | 'positions';
  rows: number;
  tickers: string[];
  firstDate: string | null;
  lastDate: string | null;
  skipped: { line: number; reason: string }[];
  warnings: string[];
  encoding: string;
  delimiter: string;
  /** Header cells of the table read (for the mapping wizard). */
  header: string[];
  /** Rows per ticker (prices) or per transaction type (transactions). */
  counts: Record<string, number>;
  /** Rows of this file already in the database (a re-import adds none of them). */
  alreadyStored: number;
  /** A few parsed rows for the preview table. */
  sample: Record<string, string | number | null>[];
  /** Saved templates whose header matches this file. */
  templates: string[];
  /** Where the tickers came from: "file name AAPL.csv", "typed", "column headers", "the file's rows". */
  tickerSource: string | null;
  /** Accounts the file's rows go to (broker files). */
  accounts: string[];
}

export interface ImportOutcome {
  files: ImportFileSummary[];
  inserted: { prices: number; transactions: number; positions: number };
  batchIds: number[];
  errors: ImportIssue[];
}

export interface ImportBatch {
  id: number;
  fileName: string;
  format: string;
  kind: string;
  importedAt: string;
  rows: number;
  undone: boolean;
}

export interface StoredTransaction {
  account: string;
  date: string;
  type: (typeof TRANSACTION_TYPE_NAMES)[number];
  ticker: string | null;
  quantity: number | null;
  price: number | null;
  fee: number | null;
  amount: number | null;
  currency: string | null;
  isin: string | null;
  externalId: string | null;
  sourceFile: string;
  sourceLine: number;
}

export interface StoredPosition {
  account: string;
  asOf: string;
  ticker: string;
  quantity: number;
  costBasis: number | null;
  price: number | null;
  value: number | null;
  currency: string | null;
  sourceFile: string;
  sourceLine: number;
}

export interface Holding {
  account: string;
  ticker: string;
  quantity: number;
}

/** Derived holdings against the broker's latest snapshot on or before the date. */
export interface Reconciliation {
  account: string;
  ticker: string;
  /** ISIN and name of the instrument where any imported row of the account gives them. */
  isin?: string | null;
  name?: string | null;
  asOf: string;
  derived: number;
  reported: number;
  difference: number;
}

/**
 * Cash of one account in one currency, summed from its transactions' amounts (money in > 0, units of
 * the currency, nothing converted); a currency trade `EUR.USD` also credits its quantity in EUR.
 */
export interface CashBalance {
  account: string;
  /** ISO code as the file wrote it; '' when the rows named none. */
  currency: string;
  balance: number;
  dividends: number;
  /** Withholding and other taxes (≤ 0). */
  tax: number;
  interest: number;
  /** Fees booked as their own rows (≤ 0); trade commissions are inside the trades' amounts. */
  fees: number;
  deposits: number;
  withdrawals: number;
  rows: number;
  /** Rows that should move cash but carry no amount: the balance is incomplete while this is above 0. */
  missingAmounts: number;
}

/** Filters and paging shared by the transactions and positions browsers (dates inclusive). */
const browseFields = {
  account: z.string().min(1).max(100).optional(),
  /** Case-insensitive part of the ticker or ISIN. */
  ticker: z.string().min(1).max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(100_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};
const datesInOrder = (r: { from?: string | undefined; to?: string | undefined }): boolean => !r.from || !r.to || r.from <= r.to;
const DATES_MESSAGE = { message: 'the "from" date is after the "to" date', path: ['from'] };

export const TRANSACTION_SORTS = ['date', 'type', 'ticker', 'quantity', 'price', 'amount', 'source'] as const;
export const POSITION_SORTS = ['asOf', 'ticker', 'quantity', 'price', 'value', 'source'] as const;

/** A stored transaction as the browser shows it: its row id and description too. */
export interface BrowsedTransaction extends StoredTransaction {
  id: number;
  description: string | null;
  /** The instrument's name when the file gave one (DEGIRO Product, Trading 212 Name). */
  name: string | null;
}

export interface BrowsedPosition extends StoredPosition {
  id: number;
  isin: string | null;
  description: string | null;
}

/** One page of rows and how many rows match the filters in all. */
export interface BrowsePage<T> {
  rows: T[];
  total: number;
  offset: number;
}

/** An account seen in imported broker data. */
export interface BrokerAccount {
  account: string;
  transactions: number;
  positions: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface ImportTemplate {
  id: number;
  name: string;
  signature: string;
  mapping: ColumnMappingInput;
  updatedAt: string;
}

export const importRequests = {
  'import-preview': z.object({ files: z.array(importFileSchema).min(1), options: importOptionsSchema.default({}) }),
  'import-commit': z.object({
    files: z.array(importFileSchema).min(1),
    options: importOptionsSchema.default({}),
    jobId: z.string().min(1).max(100).optional(),
  }),
  'import-batches': z.object({}),
  'import-undo': z.object({ batchId: z.number().int().positive() }),
  'transactions-list': z.object({ account: z.string().min(1).max(100).optional() }),
  'positions-list': z.object({ account: z.string().min(1).max(100).optional() }),
  'holdings-list': z.object({ asOf: z.iso.date().optional(), account: z.string().min(1).max(100).optional() }),
  'holdings-reconcile': z.object({ account: z.string().min(1).max(100).optional() }),
  'broker-accounts': z.object({}),
  'transactions-page': z
    .object({ ...browseFields, type: z.enum(TRANSACTION_TYPE_NAMES).optional(), sort: z.enum(TRANSACTION_SORTS).default('date') })
    .refine(datesInOrder, DATES_MESSAGE),
  'positions-page': z.object({ ...browseFields, sort: z.enum(POSITION_SORTS).default('asOf') }).refine(datesInOrder, DATES_MESSAGE),
  'import-templates-list': z.object({}),
  'import-templates-save': z.object({ name: z.string().min(1).max(100), header: z.array(z.string().max(500)).min(1).max(500), mapping: columnMappingSchema }),
  'import-templates-delete': z.object({ name: z.string().min(1).max(100) }),
  'holdings-cash': z.object({ account: z.string().min(1).max(100).optional() }),
};

export interface ImportResponses {
  'import-preview': ImportOutcome;
  'import-commit': ImportOutcome;
  'import-batches': ImportBatch[];
  'import-undo': { batchId: number; removed: number };
  'transactions-list': StoredTransaction[];
  'positions-list': StoredPosition[];
  'holdings-list': Holding[];
  'holdings-reconcile': Reconciliation[];
  'broker-accounts': BrokerAccount[];
  'transactions-page': BrowsePage<BrowsedTransaction>;
  'positions-page': BrowsePage<BrowsedPosition>;
  'import-templates-list': ImportTemplate[];
  'import-templates-save': ImportTemplate;
  'import-templates-delete': { removed: boolean };
  'holdings-cash': CashBalance[];
}
