/**
 * Option domain types shared by core, services and clients. Units: spot, strike and prices in the
 * underlying's currency per share; years of 365 calendar days; vol, rate and dividend yield as
 * annual fractions (0.2 = 20 %), continuously compounded.
 */
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
