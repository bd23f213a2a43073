/**
 * Date columns: the layout (ISO, D/M/Y or M/D/Y, month names, compact) is decided once per column from
 * all its values, never per row, so 11/04/2024 is 4 November when the same column also has 11/13/2024.
 */
import type { DateOrder } from './types.js';

type Family = 'ymd' | 'compact' | 'ab-y' | 'd-mon-y' | 'mon-d-y';

interface Split {
  family: Family;
  a: number;
  b: number;
  year: number;
  /** Separator of an A?B?Y date ('/', '.', '-'), for the convention hint. */
  sep?: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  // Common non-English abbreviations seen in European exports.
  mrt: 3, mär: 3, mai: 5, okt: 10, dez: 12, mei: 5, ene: 1, abr: 4, ago: 8, dic: 12, janv: 1, févr: 2, avr: 4, juil: 7, déc: 12,
};

/** Month number from a name or abbreviation ('Dec', 'December', 'déc'), or undefined. */
function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase();
  return MONTHS[key] ?? MONTHS[key.slice(0, 4)] ?? MONTHS[key.slice(0, 3)];
}

const ISO = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const AB_Y = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const D_MON_Y = /^(\d{1,2})[\s.-]*([A-Za-zäéû]{3,9})\.?[\s,.-]*(\d{4}|\d{2})$/;
const MON_D_Y = /^([A-Za-zäéû]{3,9})\.?[\s.-]*(\d{1,2}),?[\s,.-]*(\d{4})$/;

/** Drops what follows the date itself: a time (` 16:00:00`, `, 10:31:05`, `T09:30`, `;093000`) or Schwab's `as of …`. */
export function stripTime(raw: string): string {
  let s = raw.trim();
  const asOf = s.search(/\s+as of\s+/i);
  if (asOf > 0) s = s.slice(0, asOf);
  s = s.replace(/[T\s,;]+\d{1,2}(:\d{2}){1,2}(\.\d+)?\s*(am|pm|a\.m\.?|p\.m\.?)?\s*([A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z)?$/i, '');
  s = s.replace(/;\d{6}$/, '');
  return s.trim();
}

function twoDigitYear(y: number, digits: number): number {
  if (digits === 4) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

function split(raw: string): Split | null {
  const s = stripTime(raw);
  let m = ISO.exec(s);
  if (m) return { family: 'ymd', year: Number(m[1]), a: Number(m[2]), b: Number(m[3]) };
  m = COMPACT.exec(s);
  if (m) return { family: 'compact', year: Number(m[1]), a: Number(m[2]), b: Number(m[3]) };
  m = AB_Y.exec(s);
  if (m) return { family: 'ab-y', a: Number(m[1]), b: Number(m[3]), year: twoDigitYear(Number(m[4]), m[4]!.length), sep: m[2]! };
  m = D_MON_Y.exec(s);
  if (m) {
    const month = monthNumber(m[2]!);
    if (month) return { family: 'd-mon-y', a: Number(m[1]), b: month, year: twoDigitYear(Number(m[3]), m[3]!.length) };
  }
  m = MON_D_Y.exec(s);
  if (m) {
    const month = monthNumber(m[1]!);
    if (month) return { family: 'mon-d-y', a: month, b: Number(m[2]), year: Number(m[3]) };
  }
  return null;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1800 || year > 2200) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DateColumnDecision {
  /** Human description, e.g. 'DD/MM/YYYY'. */
  layout: string;
  order: DateOrder | null;
  /** Raw cell → ISO date, or null when the cell is not a date in this column's layout. */
  parse(raw: string): string | null;
}

export type DateDecision =
  | { ok: true; decision: DateColumnDecision }
  | { ok: false; ambiguous: boolean; message: string; badIndex?: number };

/**
 * Decides one column's date layout from all its non-empty values. `hint` breaks a tie when every value
 * fits both D/M and M/D (the user's choice or the format's convention).
 */
export function decideDateColumn(values: readonly string[], hint?: DateOrder): DateDecision {
  let family: Family | null = null;
  let maxA = 0;
  let maxB = 0;
  let sep: string | undefined;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i]!;
    if (raw.trim() === '') continue;
    const s = split(raw);
    if (!s) return { ok: false, ambiguous: false, message: `"${raw}" is not a date`, badIndex: i };
    if (family === null) family = s.family;
    else if (family !== s.family) return { ok: false, ambiguous: false, message: `"${raw}" is written differently from the other dates in this column`, badIndex: i };
    maxA = Math.max(maxA, s.a);
    maxB = Math.max(maxB, s.b);
    sep ??= s.sep;
  }
  if (family === null) return { ok: false, ambiguous: false, message: 'the column has no dates' };
  if (family === 'ymd' || family === 'compact') {
    return { ok: true, decision: { layout: family === 'ymd' ? 'YYYY-MM-DD' : 'YYYYMMDD', order: null, parse: (raw) => parseWith(raw, family!, 'mdy') } };
  }
  if (family === 'd-mon-y' || family === 'mon-d-y') {
    return { ok: true, decision: { layout: family === 'd-mon-y' ? 'DD-Mon-YYYY' : 'Mon DD YYYY', order: null, parse: (raw) => parseWith(raw, family!, 'mdy') } };
  }
  let order: DateOrder;
  if (maxA > 12 && maxB > 12) return { ok: false, ambiguous: false, message: 'dates in this column have both parts above 12: neither day/month nor month/day' };
  if (maxA > 12) order = 'dmy';
  else if (maxB > 12) order = 'mdy';
  else if (hint) order = hint;
  // Dotted dates are day-first wherever they are written (DE, CH, NL, PL …).
  else if (sep === '.') order = 'dmy';
  else return { ok: false, ambiguous: true, message: 'every date in this column fits both day/month and month/day: choose the date order (dmy or mdy)' };
  const layout = order === 'dmy' ? `DD${sep}MM${sep}YYYY` : `MM${sep}DD${sep}YYYY`;
  return { ok: true, decision: { layout, order, parse: (raw) => parseWith(raw, 'ab-y', order) } };
}

function parseWith(raw: string, family: Family, order: DateOrder): string | null {
  const s = split(raw);
  if (!s || s.family !== family) return null;
  switch (family) {
    case 'ymd':
    case 'compact':
      return iso(s.year, s.a, s.b);
    case 'd-mon-y':
      return iso(s.year, s.b, s.a);
    case 'mon-d-y':
      return iso(s.year, s.a, s.b);
    case 'ab-y':
      return order === 'dmy' ? iso(s.year, s.b, s.a) : iso(s.year, s.a, s.b);
  }
}

/** True when a cell looks like a date of some layout (used to find header rows and wide files). */
export function looksLikeDate(raw: string): boolean {
  return split(raw) !== null;
}
