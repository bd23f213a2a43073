/**
 * Resampled efficiency (Michaud) and the out-of-sample robustness comparison: settings and results
 * shared by the engine, the API, the CLI, the app and the report. Returns and volatilities are
 * annualised fractions.
 */
import { z } from 'zod';
import type { FrontierPoint } from './optimize.js';

export const resampleSettingsSchema = z.object({
  /** Number of resampled estimation windows. */
  draws: z.number().int().min(1).max(10_000).default(200),
  /** normal: the sample moments of a normal window of the same length drawn from μ̂, Σ̂; bootstrap: a stationary block bootstrap of the return rows. */
  method: z.enum(['normal', 'bootstrap']).default('normal'),
  /** Mean block length of the stationary bootstrap, in days. */
  blockDays: z.number().int().min(1).max(2520).default(21),
  seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
  /** Frontier points per draw; absent = resample one objective (the options' objective). */
  points: z.number().int().min(2).max(200).optional(),
  /** Scales the sampling noise (1 = the estimation error of the window; 0 = every draw is the classical estimate). */
  noiseScale: z.number().min(0).max(10).default(1),
  /** Return every draw's weights (objective mode) in `drawWeights`, for checks and exports. */
  keepDraws: z.boolean().default(false),
});
export type ResampleSettings = z.output<typeof resampleSettingsSchema>;

export interface WeightBand {
  p5: number;
  p50: number;
  p95: number;
}

export interface ResampleBandPoint {
  expectedReturn: number;
  /** The classical frontier's volatility at this return (the efficient edge). */
  lower: number;
  /** 95th percentile of the draws' volatility at this return: portfolios left of it are within the noise. */
  upper: number;
}

export interface ResampleResult {
  /** The resampled (averaged) weights: of the objective, or of the highest-Sharpe resampled frontier point. */
  weights: Record<string, number>;
  /** 5/50/95 % of each asset's weight across the draws (for `weights`). */
  bands: Record<string, WeightBand>;
  /** Resampled frontier: rank-by-rank averaged weights, evaluated with the original estimates. */
  frontier: FrontierPoint[];
  /** The classical frontier (or the classical objective portfolio) under the original estimates. */
  classicalFrontier: FrontierPoint[];
  /** Confidence region of the frontier from the draws (frontier mode only). */
  band: ResampleBandPoint[];
  /** Every draw's weights (objective mode, when settings.keepDraws). */
  drawWeights?: Record<string, number>[];
  /** Per-asset bands at every resampled frontier point (frontier mode only). */
  pointBands?: Record<string, WeightBand>[];
  current?: { withinNoise: boolean; share: number; expectedReturn: number; volatility: number; verdict: string };
  draws: number;
  /** Draws whose solve failed (left out of the averages; stated, never hidden). */
  failedDraws: number;
  seed: number;
  method: ResampleSettings['method'];
  objective: string | null;
  warnings: string[];
}

/** The portfolios compared out of sample by the robustness run. */
export const ROBUSTNESS_STRATEGIES = ['classical', 'shrunk', 'resampled', 'worst-case', 'crisis-robust'] as const;
export type RobustnessStrategy = (typeof ROBUSTNESS_STRATEGIES)[number];

export interface RobustnessRow {
  strategy: RobustnessStrategy;
  /** What the strategy ran: objective and estimators. */
  description: string;
  turnover: number | null;
  realisedVolatility: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  cagr: number | null;
  /** Rebalances that fell back (could not be solved) out of all rebalances. */
  fallbacks: number;
  rebalances: number;
  /** Growth of 1 on each date (for the chart). */
  equity: { date: string; value: number }[];
}

export interface RobustnessComparison {
  rows: RobustnessRow[];
  start: string;
  end: string;
  warnings: string[];
}

const finiteNumber = z.number().refine(Number.isFinite, 'must be a finite number');
const nullableNumber = finiteNumber.nullable();
const riskReturn = z.object({ expectedReturn: finiteNumber, volatility: finiteNumber, sharpe: finiteNumber, weights: z.record(z.string(), finiteNumber) });
const weightBand = z.object({ p5: finiteNumber, p50: finiteNumber, p95: finiteNumber });

/** What a scenario stores under results.robustness (read back by the app and the report). */
export const savedRobustnessSchema = z.object({
  resample: z
    .object({
      weights: z.record(z.string(), finiteNumber),
      bands: z.record(z.string(), weightBand),
      frontier: z.array(riskReturn).max(500),
      classicalFrontier: z.array(riskReturn).max(500),
      band: z.array(z.object({ expectedReturn: finiteNumber, lower: finiteNumber, upper: finiteNumber })).max(500),
      current: z.object({ withinNoise: z.boolean(), share: finiteNumber, expectedReturn: finiteNumber, volatility: finiteNumber, verdict: z.string().max(1000) }).optional(),
      draws: z.number().int(),
      failedDraws: z.number().int(),
      seed: z.number().int(),
      method: z.enum(['normal', 'bootstrap']),
      objective: z.string().max(100).nullable(),
      warnings: z.array(z.string().max(2000)).max(200),
    })
    .optional(),
  comparison: z
    .object({
      rows: z
        .array(
          z.object({
            strategy: z.enum(ROBUSTNESS_STRATEGIES),
            description: z.string().max(500),
            turnover: nullableNumber,
            realisedVolatility: nullableNumber,
            sharpe: nullableNumber,
            maxDrawdown: nullableNumber,
            cagr: nullableNumber,
            fallbacks: z.number().int(),
            rebalances: z.number().int(),
            equity: z.array(z.object({ date: z.string().max(32), value: finiteNumber })).max(200_000),
          }),
        )
        .max(ROBUSTNESS_STRATEGIES.length),
      start: z.string().max(32),
      end: z.string().max(32),
      warnings: z.array(z.string().max(2000)).max(2000),
    })
    .optional(),
});
export type SavedRobustness = z.output<typeof savedRobustnessSchema>;
