/** Black–Scholes–Merton price and analytic Greeks of a European option with a continuous dividend yield. */
import type { OptionGreeks, OptionType } from '../../../shared/domain/options.js';
import { normCdf, normPdf } from './normal.js';

/** European inputs (style is implied). Years > 0 and vol > 0 are the caller's to check. */
export interface EuropeanInputs {
  type: OptionType;
  spot: number;
  strike: number;
  years: number;
  vol: number;
  rate: number;
  dividendYield: number;
}

/** BSM price per share, in the spot's currency. */
export function bsmPrice(o: EuropeanInputs): number {
  const { spot: s, strike: k, years: t, vol: v, rate: r, dividendYield: q } = o;
  const sd = v * Math.sqrt(t);
  const d1 = (Math.log(s / k) + (r - q + 0.5 * v * v) * t) / sd;
  const d2 = d1 - sd;
  const fs = s * Math.exp(-q * t);
  const fk = k * Math.exp(-r * t);
  return o.type === 'call' ? fs * normCdf(d1) - fk * normCdf(d2) : fk * normCdf(-d2) - fs * normCdf(-d1);
}

/** BSM price and Greeks per share (pure derivatives; see OptionGreeks for units). */
export function bsmGreeks(o: EuropeanInputs): OptionGreeks {
  const { spot: s, strike: k, years: t, vol: v, rate: r, dividendYield: q } = o;
  const sqrtT = Math.sqrt(t);
  const sd = v * sqrtT;
  const d1 = (Math.log(s / k) + (r - q + 0.5 * v * v) * t) / sd;
  const d2 = d1 - sd;
  const eq = Math.exp(-q * t);
  const er = Math.exp(-r * t);
  const pdf = normPdf(d1);
  const gamma = (eq * pdf) / (s * sd);
  const vega = s * eq * pdf * sqrtT;
  const decay = -(s * eq * pdf * v) / (2 * sqrtT);
  if (o.type === 'call') {
    const nd1 = normCdf(d1);
    const nd2 = normCdf(d2);
    return {
      price: s * eq * nd1 - k * er * nd2,
      delta: eq * nd1,
      gamma,
      vega,
      theta: decay - r * k * er * nd2 + q * s * eq * nd1,
      rho: k * t * er * nd2,
    };
  }
  const nm1 = normCdf(-d1);
  const nm2 = normCdf(-d2);
  return {
    price: k * er * nm2 - s * eq * nm1,
    delta: -eq * nm1,
    gamma,
    vega,
    theta: decay + r * k * er * nm2 - q * s * eq * nm1,
    rho: -k * t * er * nm2,
  };
}
