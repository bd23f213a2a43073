/** One file's bytes → everything it holds, with the format detected from its content. Pure. */
import { brokerFormats } from './formats/broker-formats.js';
import type { FormatDefinition, FormatOutput } from './formats/format.js';
import { nonFiniteIssues } from './finite.js';
import { parseMapped } from './formats/mapped.js';
import { priceFormats } from './formats/price-formats.js';
import { readSource, type SourceTable } from './source.js';
import { isBlank } from './table.js';
import type { IngestOptions, ParsedFile, TransactionRow } from './types.js';

export const formats: readonly FormatDefinition[] = [...brokerFormats, ...priceFormats];

export function formatById(id: string): FormatDefinition | undefined {
  return formats.find((f) => f.id === id);
}

/** The best-scoring format for a table, or null when none recognises it. */
export function detectFormat(table: SourceTable): FormatDefinition | null {
  let best: FormatDefinition | null = null;
  let score = 0;
  for (const f of formats) {
    const s = f.detect(table);
    if (s > score) {
      best = f;
      score = s;
    }
  }
  return best;
}

/** First non-blank row's cells (the header a user maps when no format matched). */
export function firstHeader(table: SourceTable): string[] {
  const row = table.rows.find((r) => !isBlank(r));
  return (row?.cells ?? []).map((c) => c.trim());
}

/** Parses one file: decode, split, detect (or use options.format / options.mapping), parse. */
export function parseImportFile(bytes: Uint8Array, fileName: string, options: IngestOptions = {}): ParsedFile {
  const source = readSource(bytes);
  const base: ParsedFile = {
    file: fileName,
    format: 'unknown',
    kind: 'prices',
    encoding: '',
    delimiter: '',
    prices: [],
    wide: null,
    transactions: [],
    positions: [],
    skipped: [],
    warnings: [],
    errors: [],
    header: [],
    tickerSource: null,
  };
  if (!source.ok) return { ...base, errors: [source.error] };
  const table = source.table;
  base.encoding = table.encoding;
  base.delimiter = table.delimiter;
  let out: FormatOutput;
  let brokerName: string | undefined;
  if (options.mapping) {
    base.format = 'mapped';
    base.kind = options.mapping.kind;
    out = parseMapped(table, { file: fileName, options }, options.mapping);
  } else {
    const format = options.format ? formatById(options.format) : detectFormat(table);
    if (!format) {
      const message = options.format
        ? `unknown format "${options.format}" (known: ${formats.map((f) => f.id).join(', ')})`
        : 'this layout is not a format Frontier knows: map its columns (date, ticker, fields) in the import wizard';
      const headerRow = table.rows.find((r) => !isBlank(r));
      return { ...base, header: firstHeader(table), errors: [{ line: headerRow?.line ?? 1, message }] };
    }
    base.format = format.id;
    base.kind = format.kind;
    brokerName = format.broker;
    out = format.parse(table, { file: fileName, options });
  }
  const parsed: ParsedFile = {
    ...base,
    prices: out.prices ?? [],
    wide: out.wide ?? null,
    transactions: out.transactions ?? [],
    positions: out.positions ?? [],
    skipped: out.skipped,
    warnings: out.warnings,
    errors: out.errors,
    header: out.header,
    tickerSource: out.tickerSource ?? (out.wide ? 'column headers' : (out.prices ?? []).length + (out.transactions ?? []).length + (out.positions ?? []).length > 0 ? "the file's rows" : null),
  };
  if (brokerName && !options.account) brokerAccounts(parsed, brokerName);
  for (const t of parsed.transactions) shareMoves(t);
  parsed.errors.push(...nonFiniteIssues(parsed));
  parsed.errors.sort((a, b) => a.line - b.line);
  return parsed;
}

/**
 * Rows whose file named no account go to the broker's name instead of "default", and the preview says
 * so once (the Account field there, or --account, puts them elsewhere).
 */
function brokerAccounts(f: ParsedFile, broker: string): void {
  let moved = 0;
  for (const row of [...f.transactions, ...f.positions]) {
    if (row.account !== 'default') continue;
    row.account = broker;
    moved++;
  }
  if (moved > 0) f.warnings.push(`the file names no account: its rows go to account "${broker}" (type an account to use another)`);
}

/** Types that can move shares without money changing hands. */
const SHARE_ONLY = new Set(['split', 'deposit', 'withdrawal']);

/**
 * Rows that move shares without cash (splits, journals, transfers of shares) carry amount 0, not null,
 * so cash sums add up; a "dividend" or "distribution" that adds shares and pays nothing (Fidelity writes
 * a stock split as a DISTRIBUTION) is a split, so share counts do not drift.
 */
function shareMoves(t: TransactionRow): void {
  const noCash = t.amount === null || t.amount === 0;
  if (t.type === 'dividend' && t.quantity !== null && t.quantity !== 0 && noCash) t.type = 'split';
  if (t.amount === null && t.quantity !== null && SHARE_ONLY.has(t.type)) t.amount = 0;
}
