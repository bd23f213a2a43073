/** Position snapshots: one row per holding under a header; cash, pending and total rows are skipped. */
import { numberColumn } from './columns.js';
import type { SourceTable } from './source.js';
import { isBlank, type TableRow } from './table.js';
import type { DecimalStyle, IngestIssue, PositionRow, SkippedRow } from './types.js';

export interface PositionLayout {
  headerIndex: number;
  cols: Partial<Record<'ticker' | 'description' | 'quantity' | 'price' | 'value' | 'costBasis' | 'currency' | 'account' | 'isin', number>>;
  account: string;
  asOf: string | null;
  currency: string | null;
  decimal?: DecimalStyle;
  /** A reason to skip the row (cash, pending activity, totals), or null. */
  isNoise?: (row: TableRow) => string | null;
  ticker?: (raw: string) => string | null;
}

export interface PositionsResult {
  positions: PositionRow[];
  skipped: SkippedRow[];
  errors: IngestIssue[];
}

/** Reads the rows under the header until the first blank row (what follows is a footer). */
export function parsePositionTable(table: SourceTable, layout: PositionLayout): PositionsResult {
  const header = table.rows[layout.headerIndex]!;
  const name = (col: number): string => header.cells[col]?.trim() || `#${col + 1}`;
  const skipped: SkippedRow[] = [];
  const errors: IngestIssue[] = [];
  const body: TableRow[] = [];
  let i = layout.headerIndex + 1;
  for (; i < table.rows.length && !isBlank(table.rows[i]!); i++) body.push(table.rows[i]!);
  for (; i < table.rows.length; i++) if (!isBlank(table.rows[i]!)) skipped.push({ line: table.rows[i]!.line, reason: 'footer' });
  if (!layout.asOf) {
    errors.push({ line: header.line, message: 'the file does not say on which date these positions were held' });
    return { positions: [], skipped, errors };
  }
  const cell = (r: TableRow, c: keyof PositionLayout['cols']): string => {
    const col = layout.cols[c];
    return col === undefined ? '' : (r.cells[col] ?? '').trim();
  };
  const keep: TableRow[] = [];
  for (const r of body) {
    const noise = layout.isNoise?.(r) ?? null;
    if (noise) skipped.push({ line: r.line, reason: noise });
    else keep.push(r);
  }
  const hint: DecimalStyle | undefined = table.delimiter === ';' ? 'comma' : undefined;
  const decisions = Object.fromEntries(
    (['quantity', 'price', 'value', 'costBasis'] as const).flatMap((c) => (layout.cols[c] === undefined ? [] : [[c, numberColumn(keep, layout.cols[c]!, hint, layout.decimal)]])),
  );
  const positions: PositionRow[] = [];
  const seen = new Map<string, number>();
  for (const r of keep) {
    const values: Record<string, number | null> = {};
    let bad = false;
    for (const [c, d] of Object.entries(decisions)) {
      const raw = cell(r, c as keyof PositionLayout['cols']);
      const v = d.parse(raw);
      if (v.kind === 'invalid') {
        errors.push({ line: r.line, column: name(layout.cols[c as keyof PositionLayout['cols']]!), value: raw, message: v.message });
        bad = true;
      } else values[c] = v.kind === 'value' ? v.value : null;
    }
    if (bad) continue;
    const rawTicker = cell(r, 'ticker');
    const ticker = layout.ticker ? layout.ticker(rawTicker) : rawTicker || null;
    if (!ticker) {
      skipped.push({ line: r.line, reason: 'no ticker on this row' });
      continue;
    }
    if (values.quantity === null || values.quantity === undefined) {
      skipped.push({ line: r.line, reason: `${ticker}: no quantity (cash or pending row)` });
      continue;
    }
    const account = cell(r, 'account') || layout.account;
    const key = `${account}|${ticker}`;
    if (seen.has(key)) {
      errors.push({ line: r.line, column: name(layout.cols.ticker!), value: rawTicker, message: `${ticker} is listed twice for account ${account} (also line ${seen.get(key)})` });
      continue;
    }
    seen.set(key, r.line);
    positions.push({
      account,
      asOf: layout.asOf,
      ticker,
      isin: cell(r, 'isin') || null,
      description: cell(r, 'description') || null,
      quantity: values.quantity,
      costBasis: values.costBasis ?? null,
      price: values.price ?? null,
      value: values.value ?? null,
      currency: cell(r, 'currency') || layout.currency,
      line: r.line,
    });
  }
  return { positions, skipped: skipped.sort((a, b) => a.line - b.line), errors };
}
