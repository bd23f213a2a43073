/** What a format module provides: a detector over the table's content and a parser. */
import type { SourceTable } from '../source.js';
import type { ImportKind, IngestIssue, IngestOptions, PositionRow, PriceSeries, SkippedRow, TransactionRow, WidePrices } from '../types.js';

export interface FormatContext {
  file: string;
  options: IngestOptions;
}

export interface FormatOutput {
  prices?: PriceSeries[];
  wide?: WidePrices;
  transactions?: TransactionRow[];
  positions?: PositionRow[];
  skipped: SkippedRow[];
  warnings: string[];
  errors: IngestIssue[];
  /** The header cells the parser used. */
  header: string[];
}

export interface FormatDefinition {
  id: string;
  label: string;
  kind: ImportKind;
  /** Confidence 0…1 from the file's content (header rows); 0 = not this format. Never from the file name. */
  detect(table: SourceTable): number;
  parse(table: SourceTable, ctx: FormatContext): FormatOutput;
}

export function failed(errors: IngestIssue[], header: string[] = []): FormatOutput {
  return { skipped: [], warnings: [], errors, header };
}
