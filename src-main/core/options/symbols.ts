/**
 * Broker option symbols → contract terms. Recognised: IBKR `AAPL 17JAN25 150 C`, OCC
 * `AAPL  250117C00150000` (root padded to 6, strike × 1000 in 8 digits), Fidelity/Schwab
 * `-AAPL250117C150` (leading minus optional) and Schwab's `AAPL 01/17/2025 150.00 C`.
 */
import type { OptionType } from '../../../shared/domain/options.js';

export interface OptionSymbol {
  underlying: string;
  type: OptionType;
  strike: number;
  /** ISO date. */
  expiry: string;
}

const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

function isoDate(yyyy: string, mm: string, dd: string): string | null {
  const iso = `${yyyy}-${mm}-${dd}`;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso ? iso : null;
}

const century = (yy: string): string => `20${yy}`;
const right = (c: string): OptionType => (c.toUpperCase() === 'C' ? 'call' : 'put');

const IBKR = /^([A-Z][A-Z0-9./]{0,11})\s+(\d{2})([A-Z]{3})(\d{2})\s+(\d+(?:\.\d+)?)\s+([CP])$/i;
const OCC = /^([A-Z][A-Z0-9.]{0,5})\s*(\d{2})(\d{2})(\d{2})([CP])(\d{8})$/i;
const FIDELITY = /^-?([A-Z][A-Z0-9.]{0,5})(\d{2})(\d{2})(\d{2})([CP])(\d+(?:\.\d+)?)$/i;
const SCHWAB = /^([A-Z][A-Z0-9./]{0,11})\s+(\d{2})\/(\d{2})\/(\d{4})\s+(\d+(?:\.\d+)?)\s+([CP])$/i;

/** The contract named by a broker's option symbol, or null when the text is not one. */
export function parseOptionSymbol(raw: string): OptionSymbol | null {
  const text = raw.trim();
  let m = IBKR.exec(text);
  if (m) {
    const mm = MONTHS[m[3]!.toUpperCase()];
    const expiry = mm ? isoDate(century(m[4]!), mm, m[2]!) : null;
    return expiry ? { underlying: m[1]!.toUpperCase(), type: right(m[6]!), strike: Number(m[5]), expiry } : null;
  }
  m = OCC.exec(text);
  if (m) {
    const expiry = isoDate(century(m[2]!), m[3]!, m[4]!);
    return expiry ? { underlying: m[1]!.toUpperCase(), type: right(m[5]!), strike: Number(m[6]) / 1000, expiry } : null;
  }
  m = FIDELITY.exec(text);
  if (m) {
    const expiry = isoDate(century(m[2]!), m[3]!, m[4]!);
    return expiry ? { underlying: m[1]!.toUpperCase(), type: right(m[5]!), strike: Number(m[6]), expiry } : null;
  }
  m = SCHWAB.exec(text);
  if (m) {
    const expiry = isoDate(m[4]!, m[2]!, m[3]!);
    return expiry ? { underlying: m[1]!.toUpperCase(), type: right(m[6]!), strike: Number(m[5]), expiry } : null;
  }
  return null;
}

/** The instrument id Frontier uses for a contract: `U_YYYY-MM-DD_C|P_STRIKE` (the hedge CLI's form). */
export function contractId(c: OptionSymbol): string {
  return `${c.underlying}_${c.expiry}_${c.type === 'call' ? 'C' : 'P'}_${c.strike}`;
}

/** Parses a contract id `U_YYYY-MM-DD_C|P_STRIKE`, or null. */
export function parseContractId(raw: string): OptionSymbol | null {
  const m = /^([^_\s]+)_(\d{4})-(\d{2})-(\d{2})_([CP])_(\d+(?:\.\d+)?)$/i.exec(raw.trim());
  if (!m) return null;
  const expiry = isoDate(m[2]!, m[3]!, m[4]!);
  return expiry ? { underlying: m[1]!.toUpperCase(), type: right(m[5]!), strike: Number(m[6]), expiry } : null;
}
