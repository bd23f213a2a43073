/**
 * API methods for option positions: pricing one option, importing positions, their Greeks, the hedge
 * solver, the revaluation grid and the dynamic-hedging replay. Units: see shared/domain/options.ts;
 * position delta/gamma in shares of the underlying (Δ·q·m, Γ·q·m), vega money per 1.00 vol, theta
 * money per year, dollar delta Δ·S·m·q, dollar gamma ½Γ(0.01·S)²·m·q (P&L of a 1 % move).
 */
import { z } from 'zod';
import { EXERCISE_STYLES, OPTION_TYPES, type OptionGreeks, type OptionPosition } from '../domain/options.js';
import { importFileSchema } from './imports.js';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const isoDate = z.iso.date();
const jobId = z.string().min(1).max(100).optional();

/** Where the option book comes from: the store (latest snapshot ≤ asOf), a generic CSV, or both. */
const bookSchema = {
  asOf: isoDate.optional(),
  /** Annual continuously compounded risk-free rate, fraction. */
  rate: finite.min(-1).max(1).default(0),
  /** A generic options CSV read instead of (or, with useStore, besides) the stored positions. */
  positionsFile: importFileSchema.optional(),
  /** Read the stored positions (default: when no positionsFile is given). */
  useStore: z.boolean().optional(),
  account: z.string().min(1).max(200).optional(),
  /** Spot overrides by underlying (else the last stored close on or before asOf). */
  spots: z.record(z.string(), finite.positive()).optional(),
};

export const GREEKS = ['delta', 'gamma', 'vega'] as const;
export type HedgedGreek = (typeof GREEKS)[number];

export const hedgeSettingsSchema = z.object({
  neutralize: z.array(z.enum(GREEKS)).min(1).max(3),
  /** Underlying tickers (trade shares) and option contract ids `U_YYYY-MM-DD_C|P_STRIKE` (trade contracts). */
  instruments: z.array(z.string().min(1).max(100)).min(1).max(200),
  /** Generic options CSV giving marks (and style, multiplier, iv) of listed contracts not held. */
  hedgeOptionsFile: importFileSchema.optional(),
  /** Half-width of the target band around zero, in each Greek's unit (shares; shares per 1 of spot; money per 1.00 vol). */
  band: finite.min(0).default(0),
  bands: z.object({ delta: finite.min(0).optional(), gamma: finite.min(0).optional(), vega: finite.min(0).optional() }).optional(),
  /** Round trades to whole shares and contracts (MILP). */
  wholeContracts: z.boolean().default(false),
  /** Proportional cost of traded notional in basis points (shares: |q|·S; options: |q|·m·price). */
  costBps: finite.min(0).max(10_000).default(5),
  /** Fee per option contract traded, money. */
  contractFee: finite.min(0).default(0.65),
});
export type HedgeSettings = z.output<typeof hedgeSettingsSchema>;

export const replaySettingsSchema = z.object({
  /** `daily`, `weekly` (every 5 trading days) or `band:X` (re-hedge when the delta gap exceeds X per share of exposure). */
  rules: z.array(z.string().regex(/^(daily|weekly|band:(0?\.\d+|[1-9]\d*(\.\d+)?))$/, 'a rule is daily, weekly or band:X')).min(1).max(10),
  /** Proportional cost per trade, basis points of traded value (as the backtest). */
  costBps: finite.min(0).max(10_000).default(0),
  /** A new replay starts every `stepDays` trading days. */
  stepDays: z.number().int().min(1).max(252).default(5),
  /** Absolute risk aversion of the Whalley–Wilmott band, 1/money. */
  riskAversion: finite.positive().default(1),
  start: isoDate.optional(),
  end: isoDate.optional(),
});
export type ReplaySettings = z.output<typeof replaySettingsSchema>;

export const gridSettingsSchema = z.object({
  /** Spot moves as fractions (default −0.30 … +0.30 by 0.01). */
  spotShifts: z.array(finite.gt(-1).lt(10)).min(1).max(201).optional(),
  /** Vol moves in absolute vol points as fractions (default −0.10 … +0.10 by 0.01). */
  volShifts: z.array(finite.gt(-1).lt(5)).min(1).max(101).optional(),
  /** Calendar days ahead at which positions are repriced (0 = today). */
  horizonDays: z.number().int().min(0).max(3650).default(0),
});

export const optionsRequests = {
  'options-price': z.object({
    type: z.enum(OPTION_TYPES),
    style: z.enum(EXERCISE_STYLES).default('european'),
    spot: finite.positive(),
    strike: finite.positive(),
    /** Years of 365 calendar days. */
    years: finite,
    /** Annual vol as a fraction; absent = implied from `price`. */
    vol: finite.positive().max(10).optional(),
    price: finite.min(0).optional(),
    rate: finite.min(-1).max(1).default(0),
    dividendYield: finite.min(-1).max(1).default(0),
  }),
  'options-import': z.object({
    files: z.array(importFileSchema).min(1).max(100),
    account: z.string().min(1).max(200).optional(),
    asOf: isoDate.optional(),
    dryRun: z.boolean().default(false),
  }),
  'options-greeks': z.object({ ...bookSchema, /** NAV for the % figures; default stock positions + option values. */ nav: finite.positive().optional() }),
  'options-hedge': z.object({ ...bookSchema, settings: hedgeSettingsSchema }),
  'options-grid': z.object({ ...bookSchema, settings: gridSettingsSchema.default({ horizonDays: 0 }) }),
  'options-replay': z.object({ ...bookSchema, settings: replaySettingsSchema, jobId }),
};

export interface OptionPriceOut extends OptionGreeks {
  impliedVol?: number;
}

export interface OptionImportFileOut {
  file: string;
  format: string;
  rows: number;
  underlyings: string[];
  skipped: { line: number; reason: string }[];
  warnings: string[];
}
export interface OptionImportOut {
  files: OptionImportFileOut[];
  inserted: number;
  /** Rows already stored (a re-import adds nothing). */
  existing: number;
  batchIds: number[];
  dryRun: boolean;
}

export interface PositionGreeksOut {
  delta: number;
  gamma: number;
  vega: number;
  theta: number;
  rho: number;
  dollarDelta: number;
  dollarGamma: number;
}

export interface OptionPositionOut extends PositionGreeksOut {
  account: string;
  underlying: string;
  type: OptionPosition['type'];
  style: OptionPosition['style'];
  strike: number;
  expiry: string;
  quantity: number;
  multiplier: number;
  /** Model price per share (the mark when the vol was implied from it); null when not priced. */
  price: number | null;
  mark: number | null;
  impliedVol: number | null;
  volSource: 'given' | 'implied' | null;
  spot: number | null;
  spotDate: string | null;
  years: number;
  value: number | null;
  status: 'priced' | 'expired' | 'error';
  error: string | null;
  perContract: OptionGreeks | null;
  source: string | null;
}

export interface OptionsGreeksOut {
  asOf: string;
  rate: number;
  positions: OptionPositionOut[];
  byUnderlying: Record<string, PositionGreeksOut & { spot: number | null; value: number }>;
  portfolio: PositionGreeksOut & { value: number };
  /** NAV behind the % figures and where it came from; null when unknown. */
  nav: number | null;
  navSource: 'given' | 'stored positions + options' | null;
  /** Money figures as fractions of NAV (null without NAV). */
  pctOfNav: { dollarDelta: number | null; dollarGamma: number | null; vega: number | null; theta: number | null };
  warnings: string[];
}

export interface GreekTriple {
  delta: number;
  gamma: number;
  vega: number;
}

export interface HedgeTradeOut {
  instrument: string;
  kind: 'shares' | 'option';
  underlying: string;
  /** Shares or contracts (signed). */
  quantity: number;
  /** Unit price (per share; an option's mark per share). */
  price: number;
  cost: number;
  /** Premium paid (+) or received (−) for the trade: quantity·price·multiplier. */
  notional: number;
}

export interface OptionsHedgeOut {
  trades: HedgeTradeOut[];
  before: GreekTriple;
  after: GreekTriple;
  byUnderlying: Record<string, { before: GreekTriple; after: GreekTriple }>;
  cost: number;
  bands: GreekTriple;
  neutralize: HedgedGreek[];
  wholeContracts: boolean;
  solver: { status: string; mipGap: number | null };
  warnings: string[];
}

export interface OptionsGridOut {
  asOf: string;
  horizonDays: number;
  spotShifts: number[];
  volShifts: number[];
  /** P&L in money, pnl[v][s] for volShifts[v] and spotShifts[s], vs today's value. */
  pnl: number[][];
  baseValue: number;
  /** Underlyings repriced and positions left out (expired, unpriced). */
  positions: number;
  excluded: { position: string; reason: string }[];
  /** P&L vs spot at the horizon and at expiry (vol unchanged), for the payoff chart. */
  payoff: { spotShift: number; today: number; expiry: number }[];
}

export interface ReplayRuleOut {
  rule: string;
  /** Mean total transaction cost per replay, money. */
  meanCost: number;
  /** Standard deviation of the hedging error (P&L of option + hedge, before costs), money. */
  stdHedgeError: number;
  meanHedgeError: number;
  /** 5th / 95th percentile of the hedging error after costs, money. */
  p5: number;
  p95: number;
  /** Mean number of re-hedges per replay. */
  rebalances: number;
  replays: number;
  /** Leland's adjusted vol for this rule's mean re-hedge interval (time rules). */
  lelandAdjustedVol: number;
  histogram: { from: number; to: number; count: number }[];
}

export interface OptionsReplayOut {
  rules: ReplayRuleOut[];
  leland: { vol: number; adjustedVol: number; roundTripCost: number; dt: number };
  whalleyWilmott: { halfWidth: number; riskAversion: number };
  /** Mean cost and hedging-error spread vs the re-hedge interval (the cost-of-frequency chart). */
  costCurve: { intervalDays: number; hedgesPerYear: number; meanCost: number; stdHedgeError: number; lelandAdjustedVol: number }[];
  underlyings: Record<string, { from: string; to: string; days: number }>;
  positions: number;
  warnings: string[];
}

export interface OptionsResponses {
  'options-price': OptionPriceOut;
  'options-import': OptionImportOut;
  'options-greeks': OptionsGreeksOut;
  'options-hedge': OptionsHedgeOut;
  'options-grid': OptionsGridOut;
  'options-replay': OptionsReplayOut;
}
