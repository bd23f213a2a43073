/** API methods that run the optimisation engine (in worker threads). */
import { z } from 'zod';
import { optimizeOptionsSchema, windowSchema, type FrontierResult, type OptimizeResult } from '../domain/optimize.js';

const jobId = z.string().min(1).max(100).optional();
const tickers = z.array(z.string().min(1).max(64)).min(1).max(5000);

export const optimizeRequests = {
  'optimize-run': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    jobId,
  }),
  'optimize-frontier': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    points: z.number().int().min(2).max(500).default(40),
    /** variance: the mean-variance frontier; cvar / cdar: min CVaR (CDaR) at each target return (daily, β from targets). */
    riskMeasure: z.enum(['variance', 'cvar', 'cdar']).default('variance'),
    jobId,
  }),
};

export interface OptimizeResponses {
  'optimize-run': OptimizeResult;
  'optimize-frontier': FrontierResult;
}
