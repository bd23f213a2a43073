/** Currency exposures net of hedges and the split of portfolio risk into local and currency parts. */
import type { PriceMatrix } from '../price-matrix.js';
import { majorCurrency } from './convert.js';

/**
 * Net exposure per foreign currency as a fraction of the portfolio value: Σ weights of the assets in
 * that currency × (1 − hedge ratio). The base currency is not listed (it carries no currency risk).
 */
export function currencyExposures(weights: Record<string, number>, currencyOf: Record<string, string>, base: string, hedges: Record<string, number> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, w] of Object.entries(weights)) {
    const c = currencyOf[t];
    if (c === undefined) continue;
    const major = majorCurrency(c).major;
    if (major === base) continue;
    out[major] = (out[major] ?? 0) + w * (1 - (hedges[major] ?? 0));
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export interface RiskSplit {
  /** Share of the portfolio's variance from the assets' local returns (w'Σ_LL w / σ²). */
  local: number;
  /** Share from currencies: (h'Σ_FF h + 2 w'Σ_LF h) / σ², h = net exposures; local + currency = 1. */
  currency: number;
  /** Annualised volatility of the local part, the currency part and of both together (fractions). */
  localVolatility: number;
  currencyVolatility: number;
  totalVolatility: number;
  /** 2·w'Σ_LF h, annualised: the interaction, counted in `currency`. */
  interaction: number;
  /** Return dates used. */
  observations: number;
}

/**
 * The split σ² = w'Σ_LL w + 2w'Σ_LF h + h'Σ_FF h (first order) from daily local returns and daily
 * currency→base rate returns on the same dates, annualised by `periodsPerYear`. Works on the two
 * portfolio series (local Σw·r_L and currency Σh·r_F), so it costs O(T·n); a missing return counts 0.
 */
export function riskSplit(
  local: PriceMatrix,
  fx: Record<string, Float64Array>,
  weights: Record<string, number>,
  exposures: Record<string, number>,
  periodsPerYear: number,
): RiskSplit {
  const n = local.tickers.length;
  const T = local.dates.length;
  const w = local.tickers.map((t) => weights[t] ?? 0);
  const ccys = Object.keys(exposures).filter((c) => fx[c]);
  const L: number[] = [];
  const F: number[] = [];
  const last = new Float64Array(n).fill(Number.NaN);
  const lastFx = ccys.map(() => Number.NaN);
  for (let t = 0; t < T; t++) {
    let l = 0;
    let any = false;
    for (let j = 0; j < n; j++) {
      const p = local.values[t * n + j]!;
      if (p !== p) continue;
      const prev = last[j]!;
      if (prev === prev && w[j] !== 0) {
        l += w[j]! * (p / prev - 1);
        any = true;
      }
      last[j] = p;
    }
    let f = 0;
    ccys.forEach((c, k) => {
      const r = fx[c]![t]!;
      if (r !== r) return;
      const prev = lastFx[k]!;
      if (prev === prev) {
        f += exposures[c]! * (r / prev - 1);
        any = true;
      }
      lastFx[k] = r;
    });
    if (t > 0 && any) {
      L.push(l);
      F.push(f);
    }
  }
  const m = L.length;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const mL = mean(L);
  const mF = mean(F);
  let vL = 0;
  let vF = 0;
  let cLF = 0;
  for (let k = 0; k < m; k++) {
    vL += (L[k]! - mL) ** 2;
    vF += (F[k]! - mF) ** 2;
    cLF += (L[k]! - mL) * (F[k]! - mF);
  }
  const scale = m > 1 ? periodsPerYear / (m - 1) : Number.NaN;
  vL *= scale;
  vF *= scale;
  cLF *= scale;
  const total = vL + vF + 2 * cLF;
  return {
    local: total > 0 ? vL / total : Number.NaN,
    currency: total > 0 ? (vF + 2 * cLF) / total : Number.NaN,
    localVolatility: Math.sqrt(vL),
    currencyVolatility: Math.sqrt(vF),
    totalVolatility: Math.sqrt(Math.max(0, total)),
    interaction: 2 * cLF,
    observations: m,
  };
}
