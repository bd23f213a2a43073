/** What a format module provides: a detector over the table's content and a parser. */
import { findHeaderRow } from '../columns.js';
import type { SourceTable } from '../source.js';
import type { ImportKind, IngestIssue, IngestOptions, PositionRow, PriceSeries, SkippedRow, TransactionRow, WidePrices } from '../types.js';
import { headerCells } from '../table.js';

export interface FormatContext {
  file: string;
  options: IngestOptions;
  /** An account id the file names outside its rows (a Flex BOF record). */
  fileAccount?: string;
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
  /** Where the file's tickers came from ("file name spy_us_d.csv (market US)", "typed"), when not its rows. */
  tickerSource?: string;
}

export interface FormatDefinition {
  id: string;
  label: string;
  kind: ImportKind;
  /**
   * The broker, for files that name no account: their rows go to an account of this name rather than
   * "default", so two brokers' holdings never mix (a typed account still wins).
   */
  broker?: string;
  /** Confidence 0…1 from the file's content (header rows); 0 = not this format. Never from the file name. */
  detect(table: SourceTable): number;
  parse(table: SourceTable, ctx: FormatContext): FormatOutput;
}

export function failed(errors: IngestIssue[], header: string[] = []): FormatOutput {
  return { skipped: [], warnings: [], errors, header };
}

/**
 * A format recognised by a run of header names starting a row within its first `within` rows; `parse`
 * gets that row's index and its trimmed cells.
 */
export function headerFormat(
  def: Pick<FormatDefinition, 'id' | 'label' | 'kind' | 'broker'> & { header: readonly string[]; within: number },
  parse: (table: SourceTable, ctx: FormatContext, headerIndex: number, header: string[]) => FormatOutput,
): FormatDefinition {
  const find = (table: SourceTable): number => findHeaderRow(table.rows, def.header, def.within);
  return {
    id: def.id,
    label: def.label,
    kind: def.kind,
    ...(def.broker ? { broker: def.broker } : {}),
    detect: (table) => (find(table) >= 0 ? 0.95 : 0),
    parse(table, ctx) {
      const i = find(table);
      return parse(table, ctx, i, headerCells(table, i));
    },
  };
}
