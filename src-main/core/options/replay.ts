/**
 * Replays discrete delta hedging of an option book over stored daily closes. Each position is
 * re-struck at every start date with its moneyness (K/S today), tenor (calendar days) and vol, held to
 * expiry and hedged in the underlying by a rule; the hedge error is the P&L of option + shares + cash
 * (financed at the rate) before costs, and costs are proportional (bps of traded value, as the
 * backtest). Only closes up to each day are used on that day (no look-ahead; tested).
 */
import { DAYS_PER_YEAR, type OptionType } from '../../../shared/domain/options.js';
import { throwIfCancelled, type CoreHooks } from '../hooks.js';
import { payoff } from './american.js';
import { bsmPrice } from './bsm.js';
import { normCdf } from './normal.js';

export interface ReplayPosition {
  underlying: string;
  type: OptionType;
  /** Strike / spot at the start of each replay. */
  moneyness: number;
  /** Calendar days from start to expiry. */
  tenorDays: number;
  vol: number;
  rate: number;
  dividendYield: number;
  /** Signed shares controlled (contracts × multiplier). */
  shares: number;
}

export interface ReplaySeries {
  dates: string[];
  closes: Float64Array;
}

export type HedgeRule = { kind: 'interval'; days: number } | { kind: 'band'; width: number };

/** `daily` → every day, `weekly` → every 5 trading days, `band:X` → a delta band of X per share. */
export function parseRule(text: string): HedgeRule | null {
  if (text === 'daily') return { kind: 'interval', days: 1 };
  if (text === 'weekly') return { kind: 'interval', days: 5 };
  const m = /^band:(\d*\.?\d+)$/.exec(text);
  const w = m ? Number(m[1]) : NaN;
  return w > 0 ? { kind: 'band', width: w } : null;
}

export interface ReplayPath {
  start: string;
  /** P&L of option + hedge + cash at expiry before costs, money. */
  hedgeError: number;
  cost: number;
  rebalances: number;
  /** Trading days the path spans. */
  days: number;
}

const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function bsmDelta(type: OptionType, s: number, k: number, t: number, vol: number, r: number, q: number): number {
  const sd = vol * Math.sqrt(t);
  const d1 = (Math.log(s / k) + (r - q + 0.5 * vol * vol) * t) / sd;
  const eq = Math.exp(-q * t);
  return type === 'call' ? eq * normCdf(d1) : -eq * normCdf(-d1);
}

/** Per-position day arrays of a series: day numbers, cash growth e^{rΔt} and dividend yield e^{qΔt} − 1 from the day before. */
export interface PathDays {
  days: Float64Array;
  growth: Float64Array;
  dividend: Float64Array;
}

/** The day arrays of a position over a series (computed once, reused by every start date). */
export function pathDays(p: Pick<ReplayPosition, 'rate' | 'dividendYield'>, series: ReplaySeries): PathDays {
  const days = Float64Array.from(series.dates, dayNumber);
  const growth = new Float64Array(days.length).fill(1);
  const dividend = new Float64Array(days.length);
  for (let i = 1; i < days.length; i++) {
    const dt = (days[i]! - days[i - 1]!) / DAYS_PER_YEAR;
    growth[i] = Math.exp(p.rate * dt);
    dividend[i] = Math.expm1(p.dividendYield * dt);
  }
  return { days, growth, dividend };
}

/**
 * One hedged path of one position starting at index `i0`; null when the series ends before expiry.
 * Reads closes[i0 … expiry index] only.
 */
export function replayPath(p: ReplayPosition, series: ReplaySeries, pd: PathDays, i0: number, rule: HedgeRule, costRate: number): ReplayPath | null {
  const { closes } = series;
  const { days, growth, dividend } = pd;
  const expiryDay = days[i0]! + p.tenorDays;
  let iN = i0;
  while (iN + 1 < closes.length && days[iN + 1]! <= expiryDay) iN++;
  if (days[iN]! < expiryDay && iN + 1 >= closes.length) return null; // history ends before expiry
  const s0 = closes[i0]!;
  const k = p.moneyness * s0;
  const n = p.shares;
  const years = (i: number) => (expiryDay - days[i]!) / DAYS_PER_YEAR;
  const t0 = years(i0);
  if (!(t0 > 0) || iN === i0) return null;
  const v0 = bsmPrice({ type: p.type, spot: s0, strike: k, years: t0, vol: p.vol, rate: p.rate, dividendYield: p.dividendYield });
  let h = -n * bsmDelta(p.type, s0, k, t0, p.vol, p.rate, p.dividendYield);
  let cash = -n * v0 - h * s0;
  let cost = Math.abs(h) * s0 * costRate;
  let rebalances = 0;
  const bandShares = rule.kind === 'band' ? rule.width * Math.abs(n) : 0;
  for (let i = i0 + 1; i < iN; i++) {
    const s = closes[i]!;
    // interest on the cash, dividends on the hedge shares at the continuous yield
    cash = cash * growth[i]! + h * s * dividend[i]!;
    if (rule.kind === 'interval' && (i - i0) % rule.days !== 0) continue;
    const target = -n * bsmDelta(p.type, s, k, years(i), p.vol, p.rate, p.dividendYield);
    if (rule.kind === 'band' && Math.abs(target - h) <= bandShares) continue;
    const trade = target - h;
    cost += Math.abs(trade) * s * costRate;
    cash -= trade * s;
    h = target;
    rebalances++;
  }
  const sN = closes[iN]!;
  cash = cash * growth[iN]! + h * sN * dividend[iN]!;
  cost += Math.abs(h) * sN * costRate; // closing the hedge
  return { start: series.dates[i0]!, hedgeError: n * payoff(p.type, k, sN) + h * sN + cash, cost, rebalances, days: iN - i0 };
}

export interface BookPath {
  start: string;
  hedgeError: number;
  cost: number;
  rebalances: number;
  days: number;
}

/**
 * Replays of the whole book, one per start date (every `stepDays` trading days of the first
 * underlying's series) at which every position has a complete path.
 */
export function replayBook(
  positions: readonly ReplayPosition[],
  series: Record<string, ReplaySeries>,
  rule: HedgeRule,
  costBps: number,
  stepDays: number,
  hooks?: CoreHooks,
): BookPath[] {
  const costRate = costBps / 10_000;
  const byDate: Record<string, Map<string, number>> = {};
  for (const [u, s] of Object.entries(series)) byDate[u] = new Map(s.dates.map((d, i) => [d, i]));
  const perPosition = positions.map((p) => (series[p.underlying] ? pathDays(p, series[p.underlying]!) : null));
  const first = positions[0];
  if (!first) return [];
  const lead = series[first.underlying];
  if (!lead) return [];
  const out: BookPath[] = [];
  for (let i0 = 0; i0 < lead.dates.length; i0 += stepDays) {
    if ((i0 / stepDays) % 16 === 0) throwIfCancelled(hooks);
    const start = lead.dates[i0]!;
    let total: BookPath | null = { start, hedgeError: 0, cost: 0, rebalances: 0, days: 0 };
    for (const [k, p] of positions.entries()) {
      const s = series[p.underlying];
      const pd = perPosition[k];
      const j0 = byDate[p.underlying]?.get(start);
      const path = s && pd && j0 !== undefined ? replayPath(p, s, pd, j0, rule, costRate) : null;
      if (!path) {
        total = null;
        break;
      }
      total.hedgeError += path.hedgeError;
      total.cost += path.cost;
      total.rebalances += path.rebalances;
      total.days = Math.max(total.days, path.days);
    }
    if (total) out.push(total);
  }
  return out;
}

/** Leland (1985) adjusted vol: σ·√(1 + √(2/π)·k/(σ√δt)), k the round-trip cost fraction, δt years between re-hedges. */
export function lelandVol(vol: number, roundTripCost: number, dt: number): number {
  return vol * Math.sqrt(1 + Math.sqrt(2 / Math.PI) * (roundTripCost / (vol * Math.sqrt(dt))));
}

/** Whalley–Wilmott half-width of the no-trade band in delta per share: (3·k·S·Γ²·e^{−rτ} / (2γ))^{1/3}. */
export function whalleyWilmottHalfWidth(roundTripCost: number, spot: number, gamma: number, rate: number, years: number, riskAversion: number): number {
  return Math.cbrt((3 * roundTripCost * spot * gamma * gamma * Math.exp(-rate * years)) / (2 * riskAversion));
}

/** q-quantile (linear interpolation) of a sorted array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const x = (sorted.length - 1) * q;
  const lo = Math.floor(x);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (x - lo);
}
