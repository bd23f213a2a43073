/**
 * The generic options CSV: `underlying,type,strike,expiry,quantity[,multiplier,style,price,iv,dividend_yield]`
 * (any order, case-insensitive, optional `account` and `symbol` columns), recognised from its header.
 * type: call|put|C|P; style: european|american (E|A, EU|US); expiry YYYY-MM-DD; quantity = signed
 * contracts; price per share; iv and dividend_yield as annual fractions (0.25 = 25 %).
 */
import { EXERCISE_STYLES, type ExerciseStyle, type OptionType } from '../../../shared/domain/options.js';
import type { Table } from '../ingest/table.js';
import { isBlank } from '../ingest/table.js';
import type { IngestIssue } from '../ingest/types.js';
import type { ImportedOption } from './import-types.js';

export const GENERIC_COLUMNS = ['underlying', 'type', 'strike', 'expiry', 'quantity'] as const;
const OPTIONAL = ['multiplier', 'style', 'price', 'iv', 'dividend_yield', 'account'] as const;

/** Index of the generic header row among the first rows, or −1. */
export function findGenericHeader(table: Table): number {
  for (let i = 0; i < Math.min(table.rows.length, 10); i++) {
    const cells = table.rows[i]!.cells.map((c) => c.trim().toLowerCase());
    if (GENERIC_COLUMNS.every((c) => cells.includes(c))) return i;
  }
  return -1;
}

function parseType(raw: string): OptionType | null {
  const t = raw.trim().toLowerCase();
  return t === 'call' || t === 'c' ? 'call' : t === 'put' || t === 'p' ? 'put' : null;
}

/** `european|american` and their short forms, or null. */
export function parseStyle(raw: string): ExerciseStyle | null {
  const t = raw.trim().toLowerCase();
  if ((EXERCISE_STYLES as readonly string[]).includes(t)) return t as ExerciseStyle;
  if (t === 'e' || t === 'eu') return 'european';
  if (t === 'a' || t === 'us') return 'american';
  return null;
}

function isIsoDate(raw: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return false;
  const t = Date.parse(`${raw}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === raw;
}

export interface GenericOptions {
  file: string;
  account: string;
  asOf: string;
}

/** Rows of a generic options table (header at `headerIndex`); any bad cell is an issue naming line, column and value. */
export function parseGenericOptions(table: Table, headerIndex: number, opts: GenericOptions): { positions: ImportedOption[]; errors: IngestIssue[] } {
  const header = table.rows[headerIndex]!.cells.map((c) => c.trim().toLowerCase());
  const col = Object.fromEntries([...GENERIC_COLUMNS, ...OPTIONAL].map((c) => [c, header.indexOf(c)])) as Record<(typeof GENERIC_COLUMNS)[number] | (typeof OPTIONAL)[number], number>;
  const positions: ImportedOption[] = [];
  const errors: IngestIssue[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows.slice(headerIndex + 1)) {
    if (isBlank(row)) continue;
    const bad = (column: string, value: string, message: string) => errors.push({ line: row.line, column, value, message });
    const cell = (c: keyof typeof col): string => (col[c] < 0 ? '' : (row.cells[col[c]] ?? '').trim());
    const num = (c: keyof typeof col, required: boolean, check: (x: number) => boolean, what: string): number | null => {
      const raw = cell(c);
      if (raw === '') {
        if (required) bad(c, raw, `${c} is missing`);
        return null;
      }
      const x = Number(raw);
      if (!Number.isFinite(x) || !check(x)) {
        bad(c, raw, `${c} "${raw}" is not ${what}`);
        return null;
      }
      return x;
    };
    const before = errors.length;
    const underlying = cell('underlying').toUpperCase();
    if (underlying === '') bad('underlying', '', 'underlying is missing');
    const type = parseType(cell('type'));
    if (type === null) bad('type', cell('type'), `type "${cell('type')}" is not call or put (C/P)`);
    const strike = num('strike', true, (x) => x > 0, 'a positive number');
    const expiry = cell('expiry');
    if (!isIsoDate(expiry)) bad('expiry', expiry, `expiry "${expiry}" is not a YYYY-MM-DD date`);
    const quantity = num('quantity', true, (x) => x !== 0, 'a non-zero number of contracts');
    const multiplier = num('multiplier', false, (x) => x > 0, 'a positive number') ?? 100;
    const styleRaw = cell('style');
    const style = styleRaw === '' ? 'european' : parseStyle(styleRaw);
    if (style === null) bad('style', styleRaw, `style "${styleRaw}" is not european or american`);
    const price = num('price', false, (x) => x >= 0, 'a non-negative price');
    const iv = num('iv', false, (x) => x > 0 && x <= 10, 'a volatility as a fraction (0.25 = 25 %)');
    const q = num('dividend_yield', false, (x) => x > -1 && x < 1, 'a yield as a fraction (0.02 = 2 %)') ?? 0;
    if (errors.length > before) continue;
    const account = cell('account') || opts.account;
    const key = [account, underlying, type, strike, expiry].join('|');
    if (seen.has(key)) {
      bad('underlying', underlying, `${underlying} ${expiry} ${type} ${strike} is listed twice for account ${account} (also line ${seen.get(key)})`);
      continue;
    }
    seen.set(key, row.line);
    positions.push({
      account, asOf: opts.asOf, underlying, type: type!, style: style!, strike: strike!, expiry, quantity: quantity!, multiplier, price, impliedVol: iv, dividendYield: q,
      source: `${opts.file}:${row.line}`, line: row.line,
    });
  }
  return { positions, errors };
}

