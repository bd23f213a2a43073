/**
 * Exchange-rate files → rate rows, with the layout recognised from the content (and, for Yahoo pair
 * files, the pair from the ticker in the file name):
 * - `ecb-eurofxref`: the ECB reference-rate history, `Date,USD,JPY,…` (per 1 EUR, newest first, `N/A`
 *   where a currency was not quoted, a trailing comma on every line);
 * - `fx-generic`: `date,base,quote,rate`;
 * - `yahoo-fx`: any price layout Frontier reads (Yahoo `EURUSD=X.csv` …) whose ticker is a Yahoo
 *   currency symbol: `EURUSD=X` is EUR/USD, `JPY=X` is USD/JPY; the adjusted close (else close) is the rate.
 * Pure; errors name the line, column and raw value.
 */
import { parseImportFile } from '../ingest/parse-file.js';
import { readSource } from '../ingest/source.js';
import { isBlank, normHeader, type TableRow } from '../ingest/table.js';
import { tickerFromFileName } from '../ingest/columns.js';
import type { IngestIssue, SkippedRow } from '../ingest/types.js';
import type { FxRate } from './rate-table.js';

export interface FxRateRow extends FxRate {
  line: number;
}

export interface ParsedFxFile {
  file: string;
  format: 'ecb-eurofxref' | 'fx-generic' | 'yahoo-fx' | 'unknown';
  rows: FxRateRow[];
  skipped: SkippedRow[];
  warnings: string[];
  /** Non-empty = nothing from this file may be written. */
  errors: IngestIssue[];
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const CCY = /^[A-Z]{3}$/;
const ERROR_LIMIT = 50;
/** ISO 4217 codes of the ECB history (current and legacy) and other traded currencies: a wide price file with 3-letter tickers is not a rate file. */
const ISO_CODES = new Set(
  ('USD JPY BGN CYP CZK DKK EEK GBP HUF LTL LVL MTL PLN ROL RON SEK SIT SKK CHF ISK NOK HRK RUB TRL TRY AUD BRL CAD CNY HKD IDR ILS INR KRW MXN MYR NZD PHP SGD THB ZAR ' +
    'EUR ARS CLP COP PEN SAR AED QAR KWD EGP NGN KES MAD PKR BDT VND TWD UAH KZT').split(' '),
);

function validDate(s: string): boolean {
  if (!ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The pair of a Yahoo currency ticker, or null. */
export function yahooPair(ticker: string): { base: string; quote: string } | null {
  const six = /^([A-Z]{3})([A-Z]{3})=X$/.exec(ticker.toUpperCase());
  if (six) return { base: six[1]!, quote: six[2]! };
  const three = /^([A-Z]{3})=X$/.exec(ticker.toUpperCase());
  return three && three[1] !== 'USD' ? { base: 'USD', quote: three[1]! } : null;
}

function firstRow(rows: readonly TableRow[]): number {
  let i = 0;
  while (i < rows.length && isBlank(rows[i]!)) i++;
  return i;
}

function parseEcb(rows: readonly TableRow[], h: number, out: ParsedFxFile): void {
  const header = rows[h]!.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  // The trailing comma leaves an empty last header cell; every other cell must be a currency code.
  const cols = header.map((c, k) => (k > 0 && CCY.test(c) ? c : null));
  const bad = header.findIndex((c, k) => k > 0 && c !== '' && !CCY.test(c));
  if (bad > 0) {
    out.errors.push({ line: rows[h]!.line, column: header[bad], value: header[bad], message: `column ${bad + 1}: "${header[bad]}" is not a currency code` });
    return;
  }
  for (let i = h + 1; i < rows.length && out.errors.length < ERROR_LIMIT; i++) {
    const row = rows[i]!;
    if (isBlank(row)) continue;
    const date = row.cells[0]!.trim();
    if (!validDate(date)) {
      out.errors.push({ line: row.line, column: 'Date', value: date, message: `"${date}" is not a YYYY-MM-DD date` });
      continue;
    }
    let kept = 0;
    for (let k = 1; k < row.cells.length; k++) {
      const raw = row.cells[k]!.trim();
      const quote = cols[k];
      if (raw === '' || raw === 'N/A') continue;
      if (!quote) {
        out.errors.push({ line: row.line, column: `column ${k + 1}`, value: raw, message: `a value in column ${k + 1}, which has no currency in the header` });
        continue;
      }
      const rate = Number(raw);
      if (!(Number.isFinite(rate) && rate > 0) || !/^[0-9.eE+-]+$/.test(raw)) {
        out.errors.push({ line: row.line, column: quote, value: raw, message: `"${raw}" is not a positive rate` });
        continue;
      }
      out.rows.push({ date, base: 'EUR', quote, rate, line: row.line });
      kept++;
    }
    if (kept === 0) out.skipped.push({ line: row.line, reason: 'no rate on this date (all N/A)' });
  }
}

function parseGeneric(rows: readonly TableRow[], h: number, out: ParsedFxFile): void {
  const header = rows[h]!.cells.map(normHeader);
  const col = (name: string) => header.indexOf(name);
  const [d, b, q, r] = [col('date'), col('base'), col('quote'), col('rate')];
  for (let i = h + 1; i < rows.length && out.errors.length < ERROR_LIMIT; i++) {
    const row = rows[i]!;
    if (isBlank(row)) continue;
    const cell = (k: number) => (row.cells[k] ?? '').trim();
    const date = cell(d);
    const base = cell(b).toUpperCase();
    const quote = cell(q).toUpperCase();
    const raw = cell(r);
    const rate = Number(raw);
    if (!validDate(date)) out.errors.push({ line: row.line, column: 'date', value: date, message: `"${date}" is not a YYYY-MM-DD date` });
    else if (!CCY.test(base)) out.errors.push({ line: row.line, column: 'base', value: cell(b), message: `"${cell(b)}" is not a three-letter currency code` });
    else if (!CCY.test(quote)) out.errors.push({ line: row.line, column: 'quote', value: cell(q), message: `"${cell(q)}" is not a three-letter currency code` });
    else if (base === quote) out.errors.push({ line: row.line, column: 'quote', value: cell(q), message: 'base and quote are the same currency' });
    else if (raw === '' || !(Number.isFinite(rate) && rate > 0)) out.errors.push({ line: row.line, column: 'rate', value: raw, message: `"${raw}" is not a positive rate` });
    else out.rows.push({ date, base, quote, rate, line: row.line });
  }
}

function parseYahoo(bytes: Uint8Array, fileName: string, out: ParsedFxFile): boolean {
  const ticker = tickerFromFileName(fileName)?.ticker ?? null;
  const pair = ticker ? yahooPair(ticker) : null;
  if (!ticker || !pair) return false;
  const parsed = parseImportFile(bytes, fileName, { ticker });
  if (parsed.kind !== 'prices' || parsed.format === 'unknown') return false;
  out.format = 'yahoo-fx';
  out.errors.push(...parsed.errors);
  out.skipped.push(...parsed.skipped);
  out.warnings.push(`${ticker}: read as ${pair.base}/${pair.quote} (${parsed.format} layout)`);
  for (const s of parsed.prices) {
    s.dates.forEach((date, t) => {
      const v = s.adjClose[t]! === s.adjClose[t]! ? s.adjClose[t]! : s.close[t]!;
      const line = s.lines?.[t] ?? 1;
      if (v === v && v > 0) out.rows.push({ date, base: pair.base, quote: pair.quote, rate: v, line });
      else out.skipped.push({ line, reason: 'no positive close' });
    });
  }
  if (parsed.wide) {
    const m = parsed.wide.matrix;
    m.dates.forEach((date, t) => {
      const v = m.values[t * m.tickers.length]!;
      if (v === v && v > 0) out.rows.push({ date, base: pair.base, quote: pair.quote, rate: v, line: parsed.wide!.lines[t]! });
    });
  }
  return true;
}

/** Parses one exchange-rate file (see the file comment for the layouts). */
export function parseFxFile(bytes: Uint8Array, fileName: string): ParsedFxFile {
  const out: ParsedFxFile = { file: fileName, format: 'unknown', rows: [], skipped: [], warnings: [], errors: [] };
  const source = readSource(bytes);
  if (!source.ok) return { ...out, errors: [source.error] };
  const rows = source.table.rows;
  const h = firstRow(rows);
  if (h >= rows.length) return { ...out, errors: [{ line: 1, message: 'the file is empty' }] };
  const header = rows[h]!.cells.map(normHeader);
  if (header[0] === 'date' && header.length >= 2 && header.slice(1).filter((c) => c !== '').every((c) => ISO_CODES.has(c.toUpperCase())) && header.slice(1).some((c) => c !== '')) {
    out.format = 'ecb-eurofxref';
    parseEcb(rows, h, out);
  } else if (['date', 'base', 'quote', 'rate'].every((c) => header.includes(c))) {
    out.format = 'fx-generic';
    parseGeneric(rows, h, out);
  } else if (!parseYahoo(bytes, fileName, out)) {
    return {
      ...out,
      errors: [{ line: rows[h]!.line, message: 'not an exchange-rate file Frontier knows: the ECB eurofxref-hist.csv, a date,base,quote,rate table, or a price file named after a Yahoo currency ticker (EURUSD=X.csv)' }],
    };
  }
  if (out.errors.length === 0 && out.rows.length === 0) out.errors.push({ line: rows[h]!.line, message: 'no rates in the file' });
  return out;
}
