/**
 * Factor files → factor returns or user exposures, the format recognised from the header rows (never
 * from the file name): the Kenneth French data library CSV (prose, a table with an empty first header
 * cell, YYYYMMDD or YYYYMM dates, percent values, `RF`, an annual block and a copyright footer), a
 * generic `date,F1,F2,…` returns file (fractions), and `date,ticker,factor,value` exposures. Pure.
 */
import { decodeCsvBytes } from '../ingest/decode.js';

export type FactorFrequency = 'daily' | 'monthly';
export const FACTOR_FILE_FORMATS = ['ken-french', 'factor-returns', 'factor-exposures'] as const;
export type FactorFileFormat = (typeof FACTOR_FILE_FORMATS)[number];

export interface FactorIssue {
  line: number;
  message: string;
}

/** One factor return: date ISO, value a decimal fraction per period, line 1-based in the file. */
export interface FactorReturnRow {
  factor: string;
  date: string;
  value: number;
  line: number;
}

export interface ExposureRow {
  date: string;
  ticker: string;
  factor: string;
  value: number;
  line: number;
}

export interface ParsedFactorFile {
  format: FactorFileFormat | 'unknown';
  frequency: FactorFrequency | null;
  factors: string[];
  returns: FactorReturnRow[];
  exposures: ExposureRow[];
  /** Lines read past and why (the annual block, the footer, missing-value markers). */
  skipped: { line: number; reason: string }[];
  errors: FactorIssue[];
}

interface Line {
  no: number;
  cells: string[];
  raw: string;
}

function splitLines(text: string): Line[] {
  return text.split(/\r\n|\n|\r/).map((raw, i) => ({ no: i + 1, raw, cells: raw.split(',').map((c) => c.trim()) }));
}

const blank = (l: Line) => l.cells.every((c) => c === '');
const KF_DATE = /^(\d{4})(\d{2})(\d{2})?$/;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** YYYYMMDD → daily ISO date, YYYYMM → the month's last calendar day; null when not a real date. */
function kfDate(raw: string): { date: string; frequency: FactorFrequency } | null {
  const m = KF_DATE.exec(raw);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  const d = m[3] === undefined ? lastDayOfMonth(y, mo) : Number(m[3]);
  if (d < 1 || d > lastDayOfMonth(y, mo)) return null;
  return { date: `${m[1]}-${m[2]}-${String(d).padStart(2, '0')}`, frequency: m[3] === undefined ? 'monthly' : 'daily' };
}

/** ISO `YYYY-MM-DD`, `YYYYMMDD`, or a month `YYYY-MM` / `YYYYMM` (its last calendar day). */
function genericDate(raw: string): { date: string; frequency: FactorFrequency } | null {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(raw);
  return kfDate(iso ? `${iso[1]}${iso[2]}${iso[3] ?? ''}` : raw);
}

/** Index of the Ken French table header: first cell empty, factor names after it, a dated row next. */
function kenFrenchHeader(lines: Line[]): number {
  for (let i = 0; i < Math.min(lines.length - 1, 60); i++) {
    const l = lines[i]!;
    if (l.cells.length < 2 || l.cells[0] !== '' || l.cells.slice(1).some((c) => c === '')) continue;
    const next = lines[i + 1]!;
    if (kfDate(next.cells[0] ?? '') !== null) return i;
  }
  return -1;
}

function isExposureHeader(cells: string[]): boolean {
  const h = cells.map((c) => c.toLowerCase());
  return h.length === 4 && h[0] === 'date' && h[1] === 'ticker' && h[2] === 'factor' && h[3] === 'value';
}

/** Which factor format the file's header rows are, or 'unknown'. */
export function detectFactorFormat(lines: readonly { cells: string[] }[]): FactorFileFormat | 'unknown' {
  const first = lines.find((l) => !l.cells.every((c) => c === ''));
  if (!first) return 'unknown';
  if (isExposureHeader(first.cells)) return 'factor-exposures';
  if (first.cells[0]?.toLowerCase() === 'date' && first.cells.length >= 2) return 'factor-returns';
  return kenFrenchHeader(lines as Line[]) >= 0 ? 'ken-french' : 'unknown';
}

function empty(format: ParsedFactorFile['format'], errors: FactorIssue[] = []): ParsedFactorFile {
  return { format, frequency: null, factors: [], returns: [], exposures: [], skipped: [], errors };
}

/** Ken French missing-value markers (documented in the files' preambles). */
const isMissingMarker = (v: number) => v === -99.99 || v === -999;

function parseKenFrench(lines: Line[]): ParsedFactorFile {
  const out = empty('ken-french');
  const h = kenFrenchHeader(lines);
  const factors = lines[h]!.cells.slice(1);
  out.factors = factors;
  let i = h + 1;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (blank(l)) break;
    const d = kfDate(l.cells[0] ?? '');
    if (d === null) {
      // A 4-digit year starts the annual block when no blank line separates it.
      if (/^\d{4}$/.test(l.cells[0] ?? '') || /annual/i.test(l.raw)) break;
      out.errors.push({ line: l.no, message: `"${l.cells[0]}" is not a YYYYMMDD or YYYYMM date` });
      continue;
    }
    if (out.frequency === null) out.frequency = d.frequency;
    else if (out.frequency !== d.frequency) {
      out.errors.push({ line: l.no, message: `date ${l.cells[0]} mixes ${d.frequency} and ${out.frequency} rows in one table` });
      continue;
    }
    if (l.cells.length !== factors.length + 1) {
      out.errors.push({ line: l.no, message: `${l.cells.length} cells, the header has ${factors.length + 1}` });
      continue;
    }
    for (let k = 0; k < factors.length; k++) {
      const cell = l.cells[k + 1]!;
      if (!NUMBER.test(cell)) {
        out.errors.push({ line: l.no, message: `${factors[k]}: "${cell}" is not a number` });
        continue;
      }
      const pct = Number(cell);
      if (isMissingMarker(pct)) {
        out.skipped.push({ line: l.no, reason: `${factors[k]}: missing-value marker ${cell}` });
        continue;
      }
      out.returns.push({ factor: factors[k]!, date: d.date, value: pct / 100, line: l.no });
    }
  }
  // Everything after the first table: the annual block (title, header, YYYY rows) and the footer.
  let reason = '';
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (blank(l)) continue;
    if (/annual/i.test(l.raw)) reason = 'annual block (the monthly table is imported)';
    else if (/copyright/i.test(l.raw)) reason = 'copyright footer';
    else if (reason === '') reason = 'text after the table';
    out.skipped.push({ line: l.no, reason });
  }
  if (out.returns.length === 0 && out.errors.length === 0) out.errors.push({ line: h + 1, message: 'the table has no rows' });
  return out;
}

function parseGenericReturns(lines: Line[]): ParsedFactorFile {
  const out = empty('factor-returns');
  const headerIndex = lines.findIndex((l) => !blank(l));
  const header = lines[headerIndex]!;
  const factors = header.cells.slice(1);
  const dup = factors.find((f, k) => f === '' || factors.indexOf(f) !== k);
  if (dup !== undefined) return empty('factor-returns', [{ line: header.no, message: dup === '' ? 'a factor column has no name' : `factor ${dup} appears twice in the header` }]);
  out.factors = factors;
  const dates: string[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (blank(l)) continue;
    const d = genericDate(l.cells[0] ?? '');
    if (d === null) {
      out.errors.push({ line: l.no, message: `date: "${l.cells[0]}" is not YYYY-MM-DD, YYYYMMDD or YYYY-MM` });
      continue;
    }
    if (l.cells.length !== factors.length + 1) {
      out.errors.push({ line: l.no, message: `${l.cells.length} cells, the header has ${factors.length + 1}` });
      continue;
    }
    dates.push(d.date);
    for (let k = 0; k < factors.length; k++) {
      const cell = l.cells[k + 1]!;
      if (cell === '') continue;
      const pct = cell.endsWith('%');
      const body = pct ? cell.slice(0, -1).trim() : cell;
      if (!NUMBER.test(body)) {
        out.errors.push({ line: l.no, message: `${factors[k]}: "${cell}" is not a number` });
        continue;
      }
      out.returns.push({ factor: factors[k]!, date: d.date, value: pct ? Number(body) / 100 : Number(body), line: l.no });
    }
  }
  out.frequency = inferFrequency(dates);
  if (out.returns.length === 0 && out.errors.length === 0) out.errors.push({ line: header.no, message: 'the file has no rows' });
  return out;
}

/** Monthly when the median gap between sorted dates exceeds 20 days, else daily. */
export function inferFrequency(dates: readonly string[]): FactorFrequency {
  const s = [...new Set(dates)].sort();
  const gaps: number[] = [];
  for (let i = 1; i < s.length; i++) gaps.push((Date.parse(s[i]!) - Date.parse(s[i - 1]!)) / 86_400_000);
  gaps.sort((a, b) => a - b);
  return gaps.length > 0 && gaps[Math.floor(gaps.length / 2)]! > 20 ? 'monthly' : 'daily';
}

function parseExposures(lines: Line[]): ParsedFactorFile {
  const out = empty('factor-exposures');
  const headerIndex = lines.findIndex((l) => !blank(l));
  const factors = new Set<string>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (blank(l)) continue;
    if (l.cells.length !== 4) {
      out.errors.push({ line: l.no, message: `${l.cells.length} cells, expected date,ticker,factor,value` });
      continue;
    }
    const [rawDate, ticker, factor, value] = l.cells as [string, string, string, string];
    const d = genericDate(rawDate);
    if (d === null) out.errors.push({ line: l.no, message: `date: "${rawDate}" is not YYYY-MM-DD` });
    else if (ticker === '') out.errors.push({ line: l.no, message: 'ticker is empty' });
    else if (factor === '') out.errors.push({ line: l.no, message: 'factor is empty' });
    else if (!NUMBER.test(value)) out.errors.push({ line: l.no, message: `value: "${value}" is not a number` });
    else {
      factors.add(factor);
      out.exposures.push({ date: d.date, ticker, factor, value: Number(value), line: l.no });
    }
  }
  out.factors = [...factors];
  if (out.exposures.length === 0 && out.errors.length === 0) out.errors.push({ line: lines[headerIndex]!.no, message: 'the file has no rows' });
  return out;
}

/** Parses one factor file's bytes; errors carry 1-based lines, a (factor, date) twice is an error. */
export function parseFactorFile(bytes: Uint8Array): ParsedFactorFile {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return empty('unknown', [{ line: 1, message: decoded.error.message }]);
  const lines = splitLines(decoded.value.text.replace(/^\uFEFF/, ''));
  const format = detectFactorFormat(lines);
  const parsed =
    format === 'ken-french'
      ? parseKenFrench(lines)
      : format === 'factor-returns'
        ? parseGenericReturns(lines)
        : format === 'factor-exposures'
          ? parseExposures(lines)
          : empty('unknown', [{ line: lines.find((l) => !blank(l))?.no ?? 1, message: 'not a factor file: expected a Ken French CSV, date,F1,F2,… returns or date,ticker,factor,value exposures' }]);
  const seen = new Map<string, number>();
  for (const r of parsed.returns) {
    const key = `${r.factor}\u0000${r.date}`;
    const prev = seen.get(key);
    if (prev !== undefined) parsed.errors.push({ line: r.line, message: `${r.factor} on ${r.date} is already given on line ${prev}` });
    else seen.set(key, r.line);
  }
  for (const r of parsed.exposures) {
    const key = `${r.ticker}\u0000${r.factor}\u0000${r.date}`;
    const prev = seen.get(key);
    if (prev !== undefined) parsed.errors.push({ line: r.line, message: `${r.ticker} ${r.factor} on ${r.date} is already given on line ${prev}` });
    else seen.set(key, r.line);
  }
  parsed.errors.sort((a, b) => a.line - b.line);
  return parsed;
}
