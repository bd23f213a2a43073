/**
 * Number columns: the decimal style (dot or comma) is decided once per column from all its values.
 * Cells may carry currency symbols, thousands separators, `+`/`-`, parentheses for negatives, a `%`,
 * or a K/M/B suffix; `--`, `N/A`, `null`, `Not available` and empty mean "no value".
 */
import type { DecimalStyle } from './types.js';

export type NumberCell =
  | { kind: 'missing' }
  | { kind: 'value'; value: number; percent: boolean }
  | { kind: 'invalid'; message: string };

const MISSING = new Set(['', '-', '--', '---', 'n/a', 'na', 'null', 'none', 'not available', 'nan', '—', '–']);

interface Parts {
  negative: boolean;
  body: string;
  multiplier: number;
  percent: boolean;
}

/** Splits a cell into sign, digit body, suffix multiplier and percent flag; null when it is not numeric. */
function parts(raw: string): Parts | null | 'missing' {
  let s = raw.trim();
  if (MISSING.has(s.toLowerCase())) return 'missing';
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  // Sign and currency may come in either order: -$3.00, $-3.00, +$0.43, € -1,50, 3.00 USD.
  s = s.replace(/^([+-]?)\s*(?:[$€£¥₹]|US\$|[A-Z]{3}\s)\s*/, '$1').replace(/\s*(?:[$€£¥₹]|\s[A-Z]{3}|GBX|p)$/, '');
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  s = s.replace(/^[$€£¥₹]\s*/, '');
  if (s.endsWith('-')) {
    // SAP-style trailing minus.
    negative = !negative;
    s = s.slice(0, -1).trim();
  }
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  let multiplier = 1;
  const suffix = /^(.*\d)\s*([KMBkmb])$/.exec(s);
  if (suffix) {
    s = suffix[1]!;
    const letter = suffix[2]!.toUpperCase();
    multiplier = letter === 'K' ? 1e3 : letter === 'M' ? 1e6 : 1e9;
  }
  if (!/^[\d.,\s\u00a0\u202f'’]*\d[\d.,\s\u00a0\u202f'’]*$/.test(s) && !/^[.,]\d+$/.test(s)) return null;
  return { negative, body: s, multiplier, percent };
}

const DOT_OK = /^(?:\d{1,3}(?:([,\s\u00a0\u202f'’])\d{3})(?:\1\d{3})*|\d*)(?:\.\d+)?$/;
const COMMA_OK = /^(?:\d{1,3}(?:([.\s\u00a0\u202f'’])\d{3})(?:\1\d{3})*|\d*)(?:,\d+)?$/;

function fits(body: string, style: DecimalStyle): boolean {
  return (style === 'dot' ? DOT_OK : COMMA_OK).test(body) && /\d/.test(body);
}

function toNumber(p: Parts, style: DecimalStyle): number | null {
  if (!fits(p.body, style)) return null;
  const digits = style === 'dot' ? p.body.replace(/[^\d.]/g, '') : p.body.replace(/[^\d,]/g, '').replace(',', '.');
  const v = Number(digits) * p.multiplier;
  return p.negative ? -v : v;
}

export interface NumberColumnDecision {
  style: DecimalStyle;
  parse(raw: string): NumberCell;
}

/**
 * Decides one column's decimal style from all its values. When every value fits both (integers, or
 * only 3-digit groups like `1,234`), `hint` decides (the user's choice, or `;`-delimited files → comma),
 * else dot.
 */
export function decideNumberColumn(values: readonly string[], hint?: DecimalStyle): NumberColumnDecision {
  let dotFails = 0;
  let commaFails = 0;
  for (const raw of values) {
    // Fast path for the common plain cell (`123.4567`, `-12`): a dot fits dot-style; comma-style only as 1.234 groups.
    if (PLAIN.test(raw)) {
      if (raw.includes('.') && !GROUPS_OF_3.test(raw)) commaFails++;
      continue;
    }
    // Plain ASCII numbers fit both styles unless they have a dot, which only dot-style allows here.
    const p = parts(raw);
    if (p === 'missing' || p === null) continue;
    if (!fits(p.body, 'dot')) dotFails++;
    if (!fits(p.body, 'comma')) commaFails++;
  }
  let style: DecimalStyle;
  if (dotFails === 0 && commaFails > 0) style = 'dot';
  else if (commaFails === 0 && dotFails > 0) style = 'comma';
  else if (dotFails === 0 && commaFails === 0) style = hint ?? 'dot';
  else style = dotFails <= commaFails ? 'dot' : 'comma';
  return { style, parse: (raw) => parseNumberCell(raw, style) };
}

/** A column whose style the user (or the format) fixed. */
export function numberColumnWithStyle(style: DecimalStyle): NumberColumnDecision {
  return { style, parse: (raw) => parseNumberCell(raw, style) };
}

const PLAIN = /^-?\d+(\.\d+)?$/;
const PLAIN_INT = /^-?\d+$/;
const GROUPS_OF_3 = /^-?\d{1,3}(\.\d{3})+$/;

/** One cell in a known style. */
export function parseNumberCell(raw: string, style: DecimalStyle): NumberCell {
  if (style === 'dot' ? PLAIN.test(raw) : PLAIN_INT.test(raw)) {
    const value = Number(raw);
    return Number.isFinite(value) ? { kind: 'value', value, percent: false } : tooLarge(raw);
  }
  const p = parts(raw);
  if (p === 'missing') return { kind: 'missing' };
  if (p === null) return { kind: 'invalid', message: `"${short(raw.trim())}" is not a number` };
  const v = toNumber(p, style);
  if (v === null) {
    return { kind: 'invalid', message: `"${short(raw.trim())}" is not a number with ${style === 'dot' ? 'a decimal point' : 'a decimal comma'} like the rest of the column` };
  }
  if (!Number.isFinite(v)) return tooLarge(raw);
  return { kind: 'value', value: v, percent: p.percent };
}

/** A cell too long to show whole in a message: its start, end and length. */
function short(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 16)}…${raw.slice(-8)} (${raw.length} characters)` : raw;
}

/** Digits beyond what a double holds (about 1.8e308) would be stored as Infinity: an error instead. */
function tooLarge(raw: string): NumberCell {
  const digits = raw.replace(/[^\d]/g, '').length;
  return { kind: 'invalid', message: `a number of ${digits} digits is too large to store ("${short(raw.trim())}")` };
}

/** True when a cell parses as a number in either style (used by detectors). */
export function looksNumeric(raw: string): boolean {
  const p = parts(raw);
  return p !== null && p !== 'missing' && (fits(p.body, 'dot') || fits(p.body, 'comma'));
}

/** True for the tokens that mean "no value". */
export function isMissingToken(raw: string): boolean {
  return MISSING.has(raw.trim().toLowerCase());
}
