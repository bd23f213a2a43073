/**
 * Settings and results of the backtest engine. Units: weights and returns are fractions
 * (0.05 = 5 %); rates are annual unless a field says daily; values are in the currency of `initialValue`.
 */
import type { PriceMatrix } from '../price-matrix.js';
import type { CoreResult } from '../result.js';
import type { Fallback, OnFail, WarningGroup } from '../../../shared/api/backtest.js';
import type { WindowEstimates } from './window-estimates.js';
import type { CoreHooks } from '../hooks.js';

export type CalendarPeriod = 'monthly' | 'quarterly' | 'annually';

/** When the portfolio is traded back to its targets (the first day is always an allocation). */
export type RebalanceRule =
  | { kind: 'none' }
  | { kind: 'calendar'; every: CalendarPeriod }
  /** Trade when any weight drifts more than `band` (absolute fraction) from its target. */
  | { kind: 'band'; band: number };

/** Estimation window for walk-forward re-optimisation, in price rows ending on the rebalance day. */
export type WalkForwardWindow = { kind: 'rolling'; days: number } | { kind: 'expanding' };

/**
 * Re-solves the scenario's objective on a window of prices that ends on the rebalance day; returns
 * target weights (fractions) by ticker. Must not see anything but `window`; `estimates` (walk-forward
 * only) gives the same window's estimates from sums carried between rebalances. `note` reports a
 * setting the window could not apply (a view on an asset without history …): the same text on many
 * rebalances becomes one grouped warning.
 */
export type Reoptimize = (
  window: PriceMatrix,
  estimates?: WindowEstimates,
  note?: (text: string) => void,
) => Promise<CoreResult<Record<string, number>>>;

export type { OnFail, Fallback, WarningGroup } from '../../../shared/api/backtest.js';

export interface WalkForward {
  window: WalkForwardWindow;
  reoptimize: Reoptimize;
}

export interface BacktestSettings {
  rebalance: RebalanceRule;
  /** Static target weights by ticker (fractions; 1 − Σw is held in cash). Ignored with walkForward. */
  weights?: Record<string, number>;
  walkForward?: WalkForward;
  /** Walk-forward only: what a rebalance that cannot be solved does (default 'stop'). */
  onFail?: OnFail;
  /** Proportional cost in basis points of the traded value. */
  costBps?: number;
  /** Fixed cost per traded asset, in currency (same unit as initialValue). */
  fixedCost?: number;
  /** Annual risk-free rate earned (or paid) by cash, fraction. */
  rf?: number;
  /** Starting portfolio value in currency (default 10 000). */
  initialValue?: number;
  /**
   * Prices an asset must have observed (up to and including the day) before it may be bought;
   * default 1 for static weights, min(252, window) for walk-forward.
   */
  minHistory?: number;
  /** Trading days per year (default 252). */
  periodsPerYear?: number;
}

/** Progress after each simulated day batch (rows done and in total); a cancel seen between days throws `Cancelled`. */
export type BacktestHooks = Partial<CoreHooks>;

export interface RebalanceRecord {
  date: string;
  /** Weights by ticker right after trading (fractions of the portfolio value after costs). */
  weights: Record<string, number>;
  /** One-way turnover: ½ Σ|Δw| with cash counted as a position (1 = the whole portfolio changed hands). */
  turnover: number;
  /** Costs paid at this rebalance, in currency. */
  cost: number;
  /** Number of assets traded. */
  trades: number;
}

export interface BacktestRun {
  /** Dates from the first allocation on. */
  dates: string[];
  /** Portfolio value at each close (currency). */
  equity: Float64Array;
  /** Daily simple returns; returns[0] = 0 (the allocation day). */
  returns: Float64Array;
  rebalances: RebalanceRecord[];
  /** Sum of all costs in currency. */
  totalCosts: number;
  initialValue: number;
  /** Things a user should know, one line per group ("174 rebalances …: …"). */
  warnings: string[];
  /** The same warnings with every date behind each. */
  warningGroups: WarningGroup[];
  /** Rebalances whose re-optimisation failed (walk-forward with onFail hold or cash). */
  fallbacks: Fallback[];
  /** Rebalances that re-optimised (walk-forward), or 0 for static weights. */
  reoptimisations: number;
}
