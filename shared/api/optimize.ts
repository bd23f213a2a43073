/** API methods that run the optimisation engine (in worker threads). */
import { z } from 'zod';
import { optimizeOptionsSchema, windowSchema, type FrontierResult, type OptimizeResult, type PortfolioEvaluation } from '../domain/optimize.js';

const jobId = z.string().min(1).max(100).optional();
const tickers = z.array(z.string().min(1).max(64)).min(1).max(5000);

/**
 * A market price series that is not in the store (the CLI's `--market FILE.csv`), appended to the
 * tickers' prices as one more column aligned on their dates. It becomes `estimators.market` (and
 * Black–Litterman's market ticker when the risk aversion is implied from the market); its column is
 * named `ticker`, with `*` added while that clashes with a ticker of the request.
 */
export const marketSeriesSchema = z
  .object({
    ticker: z.string().min(1).max(64),
    dates: z.array(z.iso.date()).max(100_000),
    prices: z.array(z.number().positive().nullable()).max(100_000),
  })
  .refine((s) => s.dates.length === s.prices.length, { message: 'dates and prices differ in length', path: ['prices'] });
export type MarketSeries = z.output<typeof marketSeriesSchema>;

export const optimizeRequests = {
  'optimize-run': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    marketSeries: marketSeriesSchema.optional(),
    jobId,
  }),
  'optimize-frontier': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    points: z.number().int().min(2).max(500).default(40),
    /** variance: the mean-variance frontier; cvar / cdar: min CVaR (CDaR) at each target return (daily, β from targets). */
    riskMeasure: z.enum(['variance', 'cvar', 'cdar']).default('variance'),
    marketSeries: marketSeriesSchema.optional(),
    jobId,
  }),
  /** Expected returns and covariance of the tickers under the options' estimators (annualised). */
  'optimize-estimate': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    marketSeries: marketSeriesSchema.optional(),
    jobId,
  }),
  /**
   * Performance, risk contributions and estimator diagnostics of given weights (fractions by ticker;
   * 1 − Σw is cash at rf) under the options' estimators and views; constraints and objective are ignored.
   */
  'portfolio-evaluate': z.object({
    tickers,
    window: windowSchema.default(windowSchema.parse({})),
    options: optimizeOptionsSchema.default(optimizeOptionsSchema.parse({})),
    weights: z.record(z.string().min(1).max(64), z.number().refine(Number.isFinite, 'must be a finite number')),
    jobId,
  }),
};

/** `optimize-estimate`'s answer (what `frontier estimate --json` prints). */
export interface EstimateResult {
  tickers: string[];
  /** Annualised expected return per ticker (fraction). */
  expectedReturns: Record<string, number>;
  /** n×n annualised covariance, rows and columns in ticker order. */
  covariance: number[][];
  warnings: string[];
  /** Cross-product kernel that estimated the covariance ("native-avx2+fma", "js", …). */
  covarianceKernel: string;
}

export interface OptimizeResponses {
  'optimize-run': OptimizeResult;
  'optimize-frontier': FrontierResult;
  'optimize-estimate': EstimateResult;
  'portfolio-evaluate': PortfolioEvaluation;
}
