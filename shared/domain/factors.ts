/**
 * Factor-model settings of an optimisation (the `factorModel` key of OptimizeOptions) and the data a
 * model needs from the store. Returns are decimal fractions per period of the set's frequency.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const name = z.string().min(1).max(100);
const ticker = z.string().min(1).max(64);

/** `pca` / `pca:mp` (Marchenko–Pastur k), `pca:K`, `ts:SET` (a stored factor set), `xs` (characteristics). */
export const FACTOR_MODEL_PATTERN = /^(pca(:(\d+|mp))?|ts:.+|xs)$/;

export type FactorModelSpec = { kind: 'pca'; k: number | 'mp' } | { kind: 'ts'; set: string } | { kind: 'xs' };

/** Parses `pca:K | pca | ts:SET | xs`; null when it is none of them. */
export function parseFactorModel(raw: string): FactorModelSpec | null {
  const s = raw.trim();
  if (!FACTOR_MODEL_PATTERN.test(s)) return null;
  if (s === 'xs') return { kind: 'xs' };
  if (s.startsWith('ts:')) return { kind: 'ts', set: s.slice(3) };
  const k = s.slice(4);
  if (k === '' || k === 'mp') return { kind: 'pca', k: 'mp' };
  const n = Number(k);
  return n >= 1 ? { kind: 'pca', k: n } : null;
}

/** Factor return series of one stored set, aligned by date (T rows × factors; null = missing). */
export const factorSeriesSchema = z.object({
  set: name,
  frequency: z.enum(['daily', 'monthly']),
  factors: z.array(name).min(1),
  dates: z.array(z.iso.date()),
  values: z.array(z.array(finite.nullable())),
});
export type FactorSeries = z.output<typeof factorSeriesSchema>;

/** Characteristics of the assets: stored classification dummies plus dated user exposures (`cap` = market cap). */
export const characteristicsSchema = z.object({
  /** Ticker → dummy factor names (`sector:Tech`, `class:Equity`, `tag:ESG`). */
  dummies: z.record(ticker, z.array(name)),
  user: z.array(z.object({ ticker, factor: name, date: z.iso.date(), value: finite })),
});
export type Characteristics = z.output<typeof characteristicsSchema>;

export const factorBoundSchema = z.object({ factor: name, min: finite.optional(), max: finite.optional() });
export type FactorBound = z.output<typeof factorBoundSchema>;

export const factorModelSchema = z.object({
  /** `pca:K | pca | ts:SET | xs` (see parseFactorModel). */
  model: z.string().regex(FACTOR_MODEL_PATTERN, 'must be pca:K, pca, ts:SET or xs'),
  /** Relative ridge of the time-series regressions (0 = OLS). */
  ridge: finite.nonnegative().default(0),
  /** Factors of a ts set to use (default: all but RF). */
  factors: z.array(name).optional(),
  /** Portfolio exposure limits per factor (bᵀ = Bᵀw, or Bᵀ(w − w_ref) when active). */
  bounds: z.array(factorBoundSchema).default([]),
  /** Factors whose exposure is held at 0. */
  neutral: z.array(name).default([]),
  /** Exposure limits against: none (absolute), the benchmark weights, or the current weights. */
  activeAgainst: z.enum(['none', 'benchmark', 'current']).default('none'),
  /** Equal factor risk contributions as the objective (factor risk parity). */
  riskParity: z.boolean().default(false),
  /** Filled by the service from the store (ts: the set's returns; xs: the characteristics). */
  data: z.object({ series: factorSeriesSchema.optional(), characteristics: characteristicsSchema.optional() }).optional(),
});
export type FactorModelOptions = z.output<typeof factorModelSchema>;
export type FactorModelOptionsInput = z.input<typeof factorModelSchema>;

/** A fitted model's figures by ticker and factor, as `frontier factors exposures --json` prints them. */
export interface FactorExposuresResult {
  model: string;
  factors: string[];
  exposures: Record<string, Record<string, number>>;
  /** null where the model gives no t-statistic (xs exposures are inputs, not estimates). */
  tStats: Record<string, Record<string, number | null>>;
  r2: Record<string, number | null>;
  /** Annualised specific (residual) volatility, fraction. */
  specificVol: Record<string, number>;
  /** Annualised factor covariance Σ_F (factors × factors). */
  factorCovariance: number[][];
  observations: number;
  /** Periods per year of the regression (252 daily, 12 monthly). */
  frequency: number;
  /** PCA only: share of the total variance per factor. */
  explained?: Record<string, number>;
  warnings: string[];
}

/** Factor decomposition of a portfolio's variance (annualised): Σ_k contributions + specific = total. */
export interface FactorRisk {
  model: string;
  exposures: Record<string, number>;
  /** b_k (Σ_F b)_k per factor, annualised variance. */
  contributions: Record<string, number>;
  /** wᵀ D w, annualised variance. */
  specific: number;
  totalVariance: number;
  volatility: number;
  /** Exposures of w − w_ref when a benchmark or current weights exist. */
  activeExposures?: Record<string, number>;
  activeAgainst?: 'benchmark' | 'current';
  /** Annualised specific volatility per asset. */
  specificVol: Record<string, number>;
}
