/**
 * Full revaluation of option positions over a grid of spot moves × vol moves at a horizon: P&L in
 * money against today's model value. European positions reprice by BSM, American ones on a
 * 101-step Leisen–Reimer tree (the grid needs ~10⁶ prices; 101 steps keep them within ~1e-3).
 */
import type { ExerciseStyle, OptionType } from '../../../shared/domain/options.js';
import { DAYS_PER_YEAR } from '../../../shared/domain/options.js';
import { throwIfCancelled, type CoreHooks } from '../hooks.js';
import { leisenReimerPrice, payoff } from './american.js';
import { bsmPrice } from './bsm.js';
import { normCdf } from './normal.js';

/** A priced position as the grid needs it. */
export interface GridPosition {
  type: OptionType;
  style: ExerciseStyle;
  spot: number;
  strike: number;
  /** Years to expiry today. */
  years: number;
  vol: number;
  rate: number;
  dividendYield: number;
  /** Shares controlled, signed: contracts × multiplier. */
  shares: number;
}

export const GRID_TREE_STEPS = 101;

/** The default spot moves −30 % … +30 % by 1 % and vol moves −10 … +10 points by 1 point. */
export function defaultShifts(): { spot: number[]; vol: number[] } {
  return {
    spot: Array.from({ length: 61 }, (_, i) => Math.round((i - 30)) / 100),
    vol: Array.from({ length: 21 }, (_, i) => Math.round(i - 10) / 100),
  };
}

/** Today's price per share by the grid's own pricer (the P&L reference, so no move means no P&L). */
export function gridReferencePrice(p: GridPosition): number {
  const o = { type: p.type, spot: p.spot, strike: p.strike, years: p.years, vol: p.vol, rate: p.rate, dividendYield: p.dividendYield };
  return p.style === 'american' && !(p.type === 'call' && p.dividendYield <= 0) ? leisenReimerPrice(o, GRID_TREE_STEPS) : bsmPrice(o);
}

/** P&L in money, row-major [vol][spot], of all positions at `horizonDays` calendar days ahead. */
export function revaluationGrid(positions: readonly GridPosition[], spotShifts: readonly number[], volShifts: readonly number[], horizonDays: number, hooks?: CoreHooks): Float64Array {
  const ns = spotShifts.length;
  const pnl = new Float64Array(volShifts.length * ns);
  const h = horizonDays / DAYS_PER_YEAR;
  positions.forEach((p, index) => {
    if (index % 64 === 0) {
      throwIfCancelled(hooks);
      hooks?.progress(index, positions.length, 'repricing');
    }
    const t = p.years - h;
    const call = p.type === 'call';
    const ref = gridReferencePrice(p);
    for (let v = 0; v < volShifts.length; v++) {
      const row = v * ns;
      if (!(t > 0)) {
        for (let s = 0; s < ns; s++) pnl[row + s]! += p.shares * (payoff(p.type, p.strike, p.spot * (1 + spotShifts[s]!)) - ref);
        continue;
      }
      const vol = Math.max(p.vol + volShifts[v]!, 1e-4);
      if (p.style === 'american' && !(call && p.dividendYield <= 0)) {
        for (let s = 0; s < ns; s++) {
          const spot = p.spot * (1 + spotShifts[s]!);
          const price = leisenReimerPrice({ type: p.type, spot, strike: p.strike, years: t, vol, rate: p.rate, dividendYield: p.dividendYield }, GRID_TREE_STEPS);
          pnl[row + s]! += p.shares * (price - ref);
        }
        continue;
      }
      // BSM with the per-(position, vol) factors hoisted out of the spot loop.
      const sd = vol * Math.sqrt(t);
      const drift = (p.rate - p.dividendYield + 0.5 * vol * vol) * t;
      const eq = Math.exp(-p.dividendYield * t);
      const fk = p.strike * Math.exp(-p.rate * t);
      const logK = Math.log(p.strike);
      for (let s = 0; s < ns; s++) {
        const spot = p.spot * (1 + spotShifts[s]!);
        const d1 = (Math.log(spot) - logK + drift) / sd;
        const d2 = d1 - sd;
        const price = call ? spot * eq * normCdf(d1) - fk * normCdf(d2) : fk * normCdf(-d2) - spot * eq * normCdf(-d1);
        pnl[row + s]! += p.shares * (price - ref);
      }
    }
  });
  return pnl;
}

/** P&L vs spot move today (vol unchanged) and at each position's expiry (payoff), money. */
export function payoffCurve(positions: readonly GridPosition[], spotShifts: readonly number[]): { spotShift: number; today: number; expiry: number }[] {
  const today = revaluationGrid(positions, spotShifts, [0], 0);
  const refs = positions.map(gridReferencePrice);
  return spotShifts.map((x, s) => ({
    spotShift: x,
    today: today[s]!,
    expiry: positions.reduce((sum, p, i) => sum + p.shares * (payoff(p.type, p.strike, p.spot * (1 + x)) - refs[i]!), 0),
  }));
}

