/**
 * Reads option positions from a file: the generic options CSV (the options-generic import format), or any broker
 * position snapshot Frontier's importers read (IBKR Activity/Flex, Schwab, Fidelity …), keeping the
 * rows whose symbol or description is an option symbol. Broker rows are American (US listed equity
 * options) with multiplier 100, since those files do not say; the generic CSV says both.
 */
import { parseImportFile } from '../ingest/parse-file.js';
import type { IngestIssue, ParsedFile, SkippedRow } from '../ingest/types.js';
import type { ImportedOption } from './import-types.js';
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
  /** Snapshot date for files that carry none (the generic CSV; default today). */
  asOf?: string;
}

/** The option positions of a parsed import file: its options-generic rows, and broker position rows whose symbol (or description) is an option symbol. */
export function optionRowsOf(parsed: Pick<ParsedFile, 'file' | 'positions' | 'optionPositions'>): ImportedOption[] {
  const out: ImportedOption[] = [...(parsed.optionPositions ?? [])];
  for (const p of parsed.positions) {
    const sym = parseOptionSymbol(p.ticker) ?? (p.description ? parseOptionSymbol(p.description) : null);
    if (!sym) continue;
    out.push({
      ...sym,
      account: p.account, asOf: p.asOf, style: 'american', quantity: p.quantity, multiplier: 100, price: p.price, impliedVol: null, dividendYield: 0,
      source: `${parsed.file}:${p.line}`, line: p.line,
    });
  }
  return out;
}

/** Parses one file of option positions (any format the importer knows); any error means nothing from it may be written. */
export function parseOptionsFile(bytes: Uint8Array, file: string, opts: OptionFileOptions = {}): OptionFileResult {
  const parsed = parseImportFile(bytes, file, { ...(opts.account ? { account: opts.account } : {}), ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  const base: OptionFileResult = { file, format: parsed.format, positions: [], skipped: parsed.skipped, warnings: parsed.warnings, errors: parsed.errors };
  if (parsed.errors.length > 0) return base;
  const positions = optionRowsOf(parsed);
  const held = new Set(positions.map((p) => p.line));
  const skipped = [...parsed.skipped, ...parsed.positions.filter((p) => !held.has(p.line)).map((p) => ({ line: p.line, reason: `${p.ticker}: not an option` }))].sort((a, b) => a.line - b.line);
  if (positions.length === 0) {
    const line = parsed.positions[0]?.line ?? 1;
    return { ...base, skipped, errors: [{ line, message: `no option positions in this ${parsed.format} file (no row has an option symbol such as "AAPL 17JAN25 150 C")` }] };
  }
  const warnings = parsed.format === 'options-generic' ? parsed.warnings : [...parsed.warnings, 'broker rows: multiplier 100 and American exercise assumed (the file does not say)'];
  return { ...base, positions, skipped, warnings };
}
