/** A saved scenario: the universe, the price window and every optimisation setting, plus its last result. */
import { z } from 'zod';
import { optimizeOptionsSchema, windowSchema, type FrontierResult, type OptimizeResult } from './optimize.js';

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
});
export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;

export interface ScenarioResults {
  optimize?: OptimizeResult;
  frontier?: FrontierResult;
  [extra: string]: unknown;
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
