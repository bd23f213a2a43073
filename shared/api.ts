/**
 * The single contract between the renderer (or any client) and the main process: one map from a
 * kebab-case method name to its request schema (validated in main) and its response type.
 * Transports (Electron IPC, HTTP) and clients are generic loops over this map.
 */
import type { z } from 'zod';
import { systemRequests, type SystemResponses } from './api/system.js';
import { marketDataRequests, type MarketDataResponses } from './api/market-data.js';
import { importRequests, type ImportResponses } from './api/imports.js';
import { optimizeRequests, type OptimizeResponses } from './api/optimize.js';
import { scenarioRequests, type ScenarioResponses } from './api/scenarios.js';
import { reportRequests, type ReportResponses } from './api/reports.js';
import { backtestRequests, type BacktestResponses } from './api/backtest.js';
import { optionsRequests, type OptionsResponses } from './api/options.js';
import { factorRequests, type FactorResponses } from './api/factors.js';
import { robustRequests, type RobustResponses } from './api/robust.js';

export * from './api/contract.js';

export const requestSchemas = {
  ...systemRequests,
  ...marketDataRequests,
  ...importRequests,
  ...optimizeRequests,
  ...scenarioRequests,
  ...reportRequests,
  ...backtestRequests,
  ...optionsRequests,
  ...factorRequests,
  ...robustRequests,
} satisfies Record<string, z.ZodType>;

export interface ApiResponses
  extends SystemResponses,
    MarketDataResponses,
    ImportResponses,
    OptimizeResponses,
    ScenarioResponses,
    ReportResponses,
    BacktestResponses,
    OptionsResponses,
    FactorResponses,
    RobustResponses {}

export type ApiMethod = keyof typeof requestSchemas;
/** What a client sends (defaults may be left out). */
export type ApiRequest<M extends ApiMethod> = z.input<(typeof requestSchemas)[M]>;
/** What a handler receives after validation (defaults filled in). */
export type ApiParsedRequest<M extends ApiMethod> = z.output<(typeof requestSchemas)[M]>;
export type ApiResponse<M extends ApiMethod> = ApiResponses[M];

// Every method has a response type and every response type a method.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const contractIsComplete: Same<ApiMethod, keyof ApiResponses> = true;
void contractIsComplete;

export const API_METHODS = Object.keys(requestSchemas) as readonly string[];

export function isApiMethod(name: string): name is ApiMethod {
  return Object.hasOwn(requestSchemas, name);
}
