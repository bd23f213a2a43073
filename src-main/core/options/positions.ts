/**
 * Greeks of option positions and their sums per underlying and for the book. Conventions:
 * position delta and gamma are in shares of the underlying (Δ·q·m, Γ·q·m); vega is money per 1.00
 * of vol, theta money per year, rho money per 1.00 of rate (all × q·m); dollar delta = Δ·S·m·q;
 * dollar gamma = ½·Γ·(0.01·S)²·m·q, the gamma P&L of a 1 % move in the underlying.
 */
import type { OptionGreeks, OptionInputs, OptionPosition } from '../../../shared/domain/options.js';
import { optionGreeks, yearsToExpiry } from './greeks.js';
import { impliedVol } from './implied-vol.js';

export interface PositionGreeks {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  dollarDelta: number;
  dollarGamma: number;
}

export interface ValuedPosition {
  position: OptionPosition;
  spot: number | null;
  years: number;
  /** 'priced' | 'expired' (expiry on or before as-of: not priced) | 'error' (see `error`). */
  status: 'priced' | 'expired' | 'error';
  error: string | null;
  /** Vol used (given, else implied from the mark), annual fraction. */
  vol: number | null;
  volSource: 'given' | 'implied' | null;
  /** Model price per share at `vol` (equals the mark when the vol was implied from it). */
  price: number | null;
  /** Market value in money: price·q·m. */
  value: number | null;
  perContract: OptionGreeks | null;
  greeks: PositionGreeks | null;
}

/** Per-contract Greeks scaled to a position of `q` contracts of `m` shares at spot `s`. */
export function scaleGreeks(g: OptionGreeks, s: number, q: number, m: number): PositionGreeks {
  const n = q * m;
  return {
    delta: g.delta * n,
    gamma: g.gamma * n,
    vega: g.vega * n,
    theta: g.theta * n,
    rho: g.rho * n,
    dollarDelta: g.delta * s * n,
    dollarGamma: 0.5 * g.gamma * (0.01 * s) ** 2 * n,
  };
}

/** The pricing inputs of a position at spot `s` on `asOf` with rate `r` and vol `vol`. */
export function inputsOf(p: OptionPosition, s: number, asOf: string, r: number, vol: number): OptionInputs {
  return { type: p.type, style: p.style, spot: s, strike: p.strike, years: yearsToExpiry(asOf, p.expiry), vol, rate: r, dividendYield: p.dividendYield };
}

/** Values one position on `asOf` at spot `spot` (null = no price for the underlying) and rate `rate`. */
export function valuePosition(p: OptionPosition, spot: number | null, asOf: string, rate: number): ValuedPosition {
  const years = yearsToExpiry(asOf, p.expiry);
  const base: ValuedPosition = { position: p, spot, years, status: 'error', error: null, vol: null, volSource: null, price: null, value: null, perContract: null, greeks: null };
  if (!(years > 0)) return { ...base, status: 'expired', error: `expired on ${p.expiry} (as of ${asOf}): not priced` };
  if (spot === null || !(spot > 0)) return { ...base, error: `no price of ${p.underlying} on or before ${asOf}` };
  let vol = p.impliedVol;
  let volSource: ValuedPosition['volSource'] = 'given';
  if (vol === null) {
    if (p.price === null) return { ...base, error: 'neither a mark price nor an implied volatility' };
    const iv = impliedVol(p.price, { type: p.type, style: p.style, spot, strike: p.strike, years, rate, dividendYield: p.dividendYield });
    if (!iv.ok) return { ...base, error: iv.error.message };
    vol = iv.value;
    volSource = 'implied';
  }
  const g = optionGreeks(inputsOf(p, spot, asOf, rate, vol));
  if (!g.ok) return { ...base, error: g.error.message };
  const price = volSource === 'implied' && p.price !== null ? p.price : g.value.price;
  return {
    ...base,
    status: 'priced',
    vol,
    volSource,
    price,
    value: price * p.quantity * p.multiplier,
    perContract: g.value,
    greeks: scaleGreeks(g.value, spot, p.quantity, p.multiplier),
  };
}

/** Sums of position Greeks per underlying and for the whole book (priced positions only). */
export function aggregateGreeks(valued: readonly ValuedPosition[]): { byUnderlying: Record<string, PositionGreeks>; portfolio: PositionGreeks } {
  const zero = (): PositionGreeks => ({ delta: 0, gamma: 0, vega: 0, theta: 0, rho: 0, dollarDelta: 0, dollarGamma: 0 });
  const byUnderlying: Record<string, PositionGreeks> = {};
  const portfolio = zero();
  for (const v of valued) {
    if (v.greeks === null) continue;
    const u = (byUnderlying[v.position.underlying] ??= zero());
    for (const k of Object.keys(portfolio) as (keyof PositionGreeks)[]) {
      u[k] += v.greeks[k];
      portfolio[k] += v.greeks[k];
    }
  }
  return { byUnderlying, portfolio };
}
