/**
 * Option domain types shared by core, services and clients. Units: spot, strike and prices in the
 * underlying's currency per share; years of 365 calendar days; vol, rate and dividend yield as
 * annual fractions (0.2 = 20 %), continuously compounded.
 */
import { z } from 'zod';

export const OPTION_TYPES = ['call', 'put'] as const;
export type OptionType = (typeof OPTION_TYPES)[number];
export const EXERCISE_STYLES = ['european', 'american'] as const;
export type ExerciseStyle = (typeof EXERCISE_STYLES)[number];

/** What pricing one option needs. */
export interface OptionInputs {
  type: OptionType;
  style: ExerciseStyle;
  spot: number;
  strike: number;
  /** Time to expiry in years of 365 calendar days. */
  years: number;
  vol: number;
  rate: number;
  dividendYield: number;
}

/**
 * Price and Greeks of one option on one share, as pure derivatives: delta = ∂V/∂S, gamma = ∂²V/∂S²,
 * vega = ∂V/∂σ (per 1.00 of vol), theta = ∂V/∂t (t calendar time in years; negative for a long ATM
 * call), rho = ∂V/∂r (per 1.00 of rate).
 */
export interface OptionGreeks {
  price: number;
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
}

/**
 * Greeks of a position: delta and gamma in shares of the underlying (Δ·q·m, Γ·q·m), vega money per
 * 1.00 vol, theta money per year, rho money per 1.00 rate; dollar delta Δ·S·m·q; dollar gamma
 * ½·Γ·(0.01·S)²·m·q (the P&L of a 1 % move).
 */
export interface PositionGreeks {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  dollarDelta: number;
  dollarGamma: number;
}

/** Days in the year used for time to expiry. */
export const DAYS_PER_YEAR = 365;

/** One option holding: signed contracts (negative = short), each on `multiplier` shares. */
export interface OptionPosition {
  account: string;
  underlying: string;
  type: OptionType;
  style: ExerciseStyle;
  strike: number;
  /** ISO date YYYY-MM-DD. */
  expiry: string;
  /** Signed number of contracts. */
  quantity: number;
  multiplier: number;
  /** Mark price per share (as quoted), or null. */
  price: number | null;
  /** Implied vol given by the source (annual fraction), or null (then solved from the mark). */
  impliedVol: number | null;
  /** Continuous dividend yield, annual fraction (0 when not given). */
  dividendYield: number;
  /** Where the row came from, e.g. "positions.csv:4"; null when typed in. */
  source: string | null;
}

/**
 * The optimiser's `optionBook` key: the stored option book enters the current weights through its
 * delta-equivalent exposure, weight[U] += Σ Δ·S·m·q / NAV over the options on U.
 */
export const optionBookExposureSchema = z.object({
  asOf: z.iso.date().optional(),
  /** Annual rate used to price the options (fraction). */
  rate: z.number().min(-1).max(1).default(0),
  /** NAV the weights are fractions of; default the stored stock positions + option values. */
  nav: z.number().positive().optional(),
  /**
   * Net-delta band per underlying, as weights: lo ≤ w_U + Σ option dollar delta on U / NAV ≤ hi (the
   * optimiser gets it as bounds on w_U).
   */
  netDelta: z.record(z.string().min(1).max(64), z.tuple([z.number(), z.number()])).optional(),
  /** Caps on |portfolio dollar gamma (1 % move)| / NAV and |vega (per 1.00 vol)| / NAV. */
  maxGamma: z.number().positive().optional(),
  maxVega: z.number().positive().optional(),
});

export interface OptionsExposureOut {
  asOf: string;
  nav: number;
  navSource: 'given' | 'stored positions + options';
  /** Delta-equivalent weight added per underlying (dollar delta / NAV). */
  deltaWeights: Record<string, number>;
  /** Underlyings of the book outside the optimised tickers (not added). */
  excluded: string[];
  /** Bounds on the underlyings' weights that the net-delta bands became. */
  netDeltaBounds: Record<string, [number, number]>;
  /** The book's |dollar gamma| / NAV and |vega| / NAV (what maxGamma / maxVega cap). */
  gammaOfNav: number;
  vegaOfNav: number;
  warnings: string[];
}
