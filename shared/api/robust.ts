/** API methods of the robustness tools: resampled frontiers and the out-of-sample comparison. */
import { z } from 'zod';
import { backtestSettingsSchema } from './backtest.js';
import { optimizeOptionsSchema, windowSchema } from '../domain/optimize.js';
import { ROBUSTNESS_STRATEGIES, resampleSettingsSchema, type ResampleResult, type RobustnessComparison } from '../domain/robust.js';

const jobId = z.string().min(1).max(100).optional();
const ticker = z.string().min(1).max(64);
const tickers = z.array(ticker).min(1).max(5000);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const robustRequests = {
  'robust-resample': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    settings: resampleSettingsSchema.default(resampleSettingsSchema.parse({})),
    /** Weights to test for lying within the estimation noise (frontier mode). */
    currentWeights: z.record(ticker, finite).optional(),
    jobId,
  }),
  'robust-compare': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    /** Backtest settings shared by every strategy; a walk-forward window is required. */
    backtest: backtestSettingsSchema.default(backtestSettingsSchema.parse({ walkForward: { kind: 'rolling', days: 252 } })),
    strategies: z.array(z.enum(ROBUSTNESS_STRATEGIES)).min(1).default([...ROBUSTNESS_STRATEGIES]),
    resampleDraws: z.number().int().min(1).max(500).default(30),
    seed: z.number().int().min(0).max(2 ** 32 - 1).default(1),
    jobId,
  }),
};

export interface RobustResponses {
  'robust-resample': ResampleResult;
  'robust-compare': RobustnessComparison;
}
