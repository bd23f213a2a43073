/** Helpers shared by the format parsers: find header rows, split data from footers, decide columns. */
import { decideDateColumn, looksLikeDate, type DateColumnDecision } from './dates.js';
import { decideNumberColumn, numberColumnWithStyle, type NumberColumnDecision } from './numbers.js';
import { isBlank, normHeader, type TableRow } from './table.js';
import type { DateOrder, DecimalStyle, IngestIssue, SkippedRow } from './types.js';

/** Index of the first row whose normalised cells start with all `names` (in order), or -1. */
export function findHeaderRow(rows: readonly TableRow[], names: readonly string[], limit = 60): number {
  const want = names.map(normHeader);
  for (let i = 0; i < Math.min(rows.length, limit); i++) {
    const cells = rows[i]!.cells;
    if (want.every((w, k) => normHeader(cells[k] ?? '') === w)) return i;
  }
  return -1;
}

/** Index of the first row containing every one of `names` anywhere, or -1. */
export function findHeaderRowWith(rows: readonly TableRow[], names: readonly string[], limit = 60): number {
  const want = names.map(normHeader);
  for (let i = 0; i < Math.min(rows.length, limit); i++) {
    const have = new Set(rows[i]!.cells.map(normHeader));
    if (want.every((w) => have.has(w))) return i;
  }
  return -1;
}

/** Column index by any of the header names (case- and space-insensitive), or -1. */
export function columnIndex(header: readonly string[], ...names: string[]): number {
  const norm = header.map(normHeader);
  for (const n of names) {
    const i = norm.indexOf(normHeader(n));
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Column indices of a format's fields by their header names (first name found wins); fields whose
 * column the file lacks are left out, so optional columns never turn into index -1.
 */
export function columnsByName<K extends string>(header: readonly string[], fields: Readonly<Partial<Record<K, readonly string[]>>>): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const [key, names] of Object.entries(fields) as [K, readonly string[]][]) {
    const k = columnIndex(header, ...names);
    if (k >= 0) out[key] = k;
  }
  return out;
}

export interface DataRows {
  rows: TableRow[];
  skipped: SkippedRow[];
  errors: IngestIssue[];
}

/**
 * The data rows under a header: blank rows dropped; rows after the last dated row are a footer
 * (totals, disclaimers, "Date downloaded …") and skipped with a reason; a row without a date in the
 * middle is skipped when `isNoise` says so, else it is an error.
 */
export function dataRows(
  rows: readonly TableRow[],
  start: number,
  dateCol: number,
  dateName: string,
  isNoise: (row: TableRow) => string | null = () => null,
): DataRows {
  const body = rows.slice(start).filter((r) => !isBlank(r));
  let last = -1;
  for (let i = 0; i < body.length; i++) if (looksLikeDate(body[i]!.cells[dateCol] ?? '')) last = i;
  const out: DataRows = { rows: [], skipped: [], errors: [] };
  for (let i = 0; i < body.length; i++) {
    const r = body[i]!;
    const noise = isNoise(r);
    if (noise) {
      out.skipped.push({ line: r.line, reason: noise });
      continue;
    }
    if (i > last) {
      out.skipped.push({ line: r.line, reason: `footer: ${summarise(r)}` });
      continue;
    }
    const raw = r.cells[dateCol] ?? '';
    if (!looksLikeDate(raw)) {
      out.errors.push({ line: r.line, column: dateName, value: raw, message: raw.trim() === '' ? 'the date is missing' : `"${raw}" is not a date` });
      continue;
    }
    out.rows.push(r);
  }
  return out;
}

function summarise(r: TableRow): string {
  const text = r.cells.map((c) => c.trim()).filter((c) => c !== '').join(' ');
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** Decides a date column over the given rows; an undecidable column becomes one issue. */
export function dateColumn(rows: readonly TableRow[], col: number, name: string, hint: DateOrder | undefined, headerLine: number): DateColumnDecision | IngestIssue {
  const values = rows.map((r) => r.cells[col] ?? '');
  const d = decideDateColumn(values, hint);
  if (d.ok) return d.decision;
  const bad = d.badIndex === undefined ? undefined : rows[d.badIndex];
  return { line: bad?.line ?? headerLine, column: name, ...(bad ? { value: bad.cells[col] ?? '' } : {}), message: d.message };
}

export function isIssue(x: unknown): x is IngestIssue {
  return typeof x === 'object' && x !== null && 'message' in x && 'line' in x;
}

/** Decides a number column over the given rows (forced style wins). */
export function numberColumn(rows: readonly TableRow[], col: number, hint: DecimalStyle | undefined, forced?: DecimalStyle): NumberColumnDecision {
  if (forced) return numberColumnWithStyle(forced);
  return decideNumberColumn(rows.map((r) => r.cells[col] ?? ''), hint);
}

/** Stooq's market suffixes (`AAPL.US`, `VOD.UK`, `SAP.DE`): the ticker is what comes before. */
const STOOQ_MARKET = /^(.+)\.(US|UK|DE|JP|HK|HU)$/i;

/** `SPY.US` → {ticker 'SPY', market 'US'}; a ticker without a Stooq market suffix is returned as it is. */
export function splitMarket(raw: string): { ticker: string; market: string | null } {
  const m = STOOQ_MARKET.exec(raw.trim());
  return m ? { ticker: m[1]!.toUpperCase(), market: m[2]!.toUpperCase() } : { ticker: raw.trim(), market: null };
}

/**
 * The ticker a file name gives (`AAPL.csv`; Stooq's `spy_us_d.csv` and `aapl.us.txt` → SPY / AAPL on
 * market US), or null when the name is not a ticker.
 */
export function tickerFromFileName(fileName: string): { ticker: string; market: string | null } | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(csv|txt)$/i, '');
  const stooq = /^([a-z0-9^.-]+?)_([a-z]{2})_[dwmq]$/i.exec(stem);
  if (stooq) return { ticker: stooq[1]!.toUpperCase(), market: stooq[2]!.toUpperCase() };
  if (/^[A-Za-z0-9^][A-Za-z0-9.^=-]{0,14}$/.test(stem) && !/^\d+$/.test(stem) && !/^(data|prices|export|download|history|historicaldata.*)$/i.test(stem)) {
    const s = splitMarket(stem.toUpperCase());
    return { ticker: s.ticker, market: s.market };
  }
  return null;
}
