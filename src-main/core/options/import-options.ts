/**
 * Reads option positions from a file: the generic options CSV (by its header), or any broker
 * position snapshot Frontier's importers read (IBKR Activity/Flex, Schwab, Fidelity …), keeping the
 * rows whose symbol or description is an option symbol. Broker rows are American (US listed equity
 * options) with multiplier 100, since those files do not say; the generic CSV says both.
 */
import { parseImportFile } from '../ingest/parse-file.js';
import { readSource } from '../ingest/source.js';
import type { IngestIssue, SkippedRow } from '../ingest/types.js';
import type { ImportedOption } from './import-types.js';
import { findGenericHeader, parseGenericOptions } from './options-csv.js';
import { parseOptionSymbol } from './symbols.js';

export interface OptionFileResult {
  file: string;
  /** 'options-generic' or the broker format id the positions came from. */
  format: string;
  positions: ImportedOption[];
  skipped: SkippedRow[];
  warnings: string[];
  errors: IngestIssue[];
}

export interface OptionFileOptions {
  account?: string;
  /** Snapshot date for files that carry none (the generic CSV). */
  asOf?: string;
  /** Today's ISO date, used when neither the file nor `asOf` dates the snapshot. */
  today: string;
}

/** Parses one file of option positions; any error means nothing from it may be written. */
export function parseOptionsFile(bytes: Uint8Array, file: string, opts: OptionFileOptions): OptionFileResult {
  const base: OptionFileResult = { file, format: 'unknown', positions: [], skipped: [], warnings: [], errors: [] };
  const source = readSource(bytes);
  if (!source.ok) return { ...base, errors: [source.error] };
  const header = findGenericHeader(source.table);
  if (header >= 0) {
    const asOf = opts.asOf ?? opts.today;
    const warnings = opts.asOf ? [] : [`the file carries no date: positions dated today (${opts.today}); give --as-of to date them`];
    const out = parseGenericOptions(source.table, header, { file, account: opts.account ?? 'default', asOf });
    return { ...base, format: 'options-generic', ...out, warnings };
  }
  const parsed = parseImportFile(bytes, file, { ...(opts.account ? { account: opts.account } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  if (parsed.errors.length > 0) return { ...base, format: parsed.format, errors: parsed.errors };
  const positions: ImportedOption[] = [];
  const skipped: SkippedRow[] = [...parsed.skipped];
  for (const p of parsed.positions) {
    const sym = parseOptionSymbol(p.ticker) ?? (p.description ? parseOptionSymbol(p.description) : null);
    if (!sym) {
      skipped.push({ line: p.line, reason: `${p.ticker}: not an option` });
      continue;
    }
    positions.push({
      ...sym,
      account: p.account, asOf: p.asOf, style: 'american', quantity: p.quantity, multiplier: 100, price: p.price, impliedVol: null, dividendYield: 0,
      source: `${file}:${p.line}`, line: p.line,
    });
  }
  if (positions.length === 0) {
    const line = parsed.positions[0]?.line ?? 1;
    return { ...base, format: parsed.format, skipped, errors: [{ line, message: `no option positions in this ${parsed.format} file (no row has an option symbol such as "AAPL 17JAN25 150 C")` }] };
  }
  const warnings = [...parsed.warnings, 'broker rows: multiplier 100 and American exercise assumed (the file does not say)'];
  return { ...base, format: parsed.format, positions, skipped: skipped.sort((a, b) => a.line - b.line), warnings };
}
