/** A saved scenario: the universe, the price window and every optimisation setting, plus its last result. */
import { z } from 'zod';
import { optimizeOptionsSchema, windowSchema, type FrontierResult, type OptimizeResult, type Performance } from './optimize.js';

export const SCENARIO_FORMAT_VERSION = 1;

/** The JSON file users export/import and the CLI reads with --scenario. */
export const scenarioFileSchema = z.object({
  format: z.literal('frontier-scenario').default('frontier-scenario'),
  version: z.number().int().positive().default(SCENARIO_FORMAT_VERSION),
  name: z.string().trim().min(1, 'name is required').max(200),
  tickers: z.array(z.string().min(1).max(64)).min(1, 'pick at least one ticker'),
  window: windowSchema.default(windowSchema.parse({})),
  options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
  /** Current holdings as weights (fractions), for trades and turnover. */
  holdings: z.record(z.string(), z.number()).optional(),
  notes: z.string().max(20_000).optional(),
  /**
   * Form choices the options keep only resolved, so reopening in the app shows what was chosen: the
   * tracking-error benchmark kind (its weights are options.constraints.benchmarkWeights) and the risk-parity
   * budgets as typed, relative sizes (options.targets.riskBudgets holds them normalised). The CLI ignores it.
   */
  form: z
    .object({
      teBenchmark: z.enum(['current', 'equal', 'custom']).optional(),
      riskBudgets: z.record(z.string().min(1).max(64), z.number().positive()).optional(),
    })
    .optional(),
});
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;

export interface ScenarioResults {
  optimize?: OptimizeResult;
  frontier?: FrontierResult;
  /** The current holdings evaluated with the same estimators as the optimum (cash at rf). */
  current?: Performance;
  [extra: string]: unknown;
}

/** Max drawdown (negative fraction) of the backtest saved with a scenario (results.backtest), if any. */
export function savedMaxDrawdown(results: ScenarioResults): number | undefined {
  const bt = results.backtest;
  if (typeof bt !== 'object' || bt === null || !('metrics' in bt)) return undefined;
  const m = bt.metrics;
  if (typeof m !== 'object' || m === null || !('maxDrawdown' in m)) return undefined;
  return typeof m.maxDrawdown === 'number' && Number.isFinite(m.maxDrawdown) ? m.maxDrawdown : undefined;
}

export interface Scenario extends ScenarioFile {
  id: number;
  createdAt: string;
  updatedAt: string;
  results: ScenarioResults;
}

export interface ScenarioSummary {
  id: number;
  name: string;
  tickers: string[];
  objective: string;
  updatedAt: string;
}
