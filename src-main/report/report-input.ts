/**
 * What a report is built from: a scenario (definition + saved results), optional market facts the
 * service looks up (last prices, correlations, data window), and the printing options.
 * Backtest and stress results live in `scenario.results` under free-form keys; they are read here
 * through tolerant schemas so a report never fails on a result it cannot read: the section is left out
 * and a warning says why.
 */
import { z } from 'zod';
import { ON_FAIL, stressWeightsFromSchema, type BacktestReport, type StressReport } from '../../shared/api/backtest.js';
import type { ReportSection } from '../../shared/api/reports.js';
import type { Performance } from '../../shared/domain/optimize.js';
import type { ScenarioFile, ScenarioResults } from '../../shared/domain/scenario.js';
import type { PaperSize } from './printer.js';

/** A scenario as the report needs it: the file plus whatever results were saved with it. */
export type ReportScenario = ScenarioFile & { results?: ScenarioResults; id?: number; updatedAt?: string };

export interface ReportInput {
  scenario: ReportScenario;
  /** Up to two more scenarios for the comparison section. */
  compare?: ReportScenario[];
  /** Latest adjusted close per ticker (currency units), for trades in shares. */
  lastPrices?: Record<string, number>;
  /** Correlation matrix of daily returns over the scenario window (same order as `tickers`). */
  correlation?: { tickers: string[]; matrix: number[][] };
  /** First and last price dates actually used, and the number of daily returns. */
  dataWindow?: { start: string; end: string; returns?: number };
}

export interface ReportOptions {
  paper: PaperSize;
  /** Sections to print (in document order regardless of the order given); default all with content. */
  sections?: readonly ReportSection[];
  title?: string;
  author?: string;
  /** data:image/(png|jpeg|svg+xml);base64,… (validated by the API schema). */
  logo?: string;
  /** BCP 47 locale for number formatting. Default en-US. */
  locale?: string;
  /** Portfolio value in money: enables trades in shares and money. */
  portfolioValue?: number;
  currency?: string;
  /** Shrink the print until it fits one page (see REPORT_ONE_PAGE_SECTIONS for the default). */
  onePage?: boolean;
  /** The report date; default now. Tests pass a fixed one. */
  generatedAt?: Date;
}

const finite = z.number().refine(Number.isFinite);
/**
 * A backtest metric that may be undefined by the data (Calmar without a drawdown, Sortino without a
 * losing day): saved JSON turns such values into null. Read as null, printed as a dash, never a
 * reason to drop the section.
 */
const metric = z
  .custom<number | null>((v) => v === null || typeof v === 'number', 'expected a number or null')
  .transform((v) => (v !== null && Number.isFinite(v) ? v : null));
const datedValue = z.object({ date: z.string(), value: finite });
const period = z.object({ period: z.string(), return: finite }).nullable().optional();

/**
 * A backtest as `backtest-run` returns it (BacktestReport in shared/api/backtest.ts), saved under
 * `results.backtest`. Fractions; VaR/CVaR are positive daily losses; drawdown depths are negative.
 * Most parts are optional so older or partial results still print what they have.
 */
export const reportBacktestSchema = z.object({
  equity: z.array(datedValue).min(2),
  benchmark: z.array(datedValue).optional(),
  drawdown: z.array(datedValue).optional(),
  metrics: z
    .object({
      start: z.string(),
      end: z.string(),
      totalReturn: metric,
      cagr: metric,
      volatility: metric,
      sharpe: metric,
      sortino: metric,
      maxDrawdown: metric,
      calmar: metric,
      var95: metric,
      cvar95: metric,
      bestYear: period,
      worstYear: period,
      bestMonth: period,
      worstMonth: period,
      turnover: metric,
      costs: metric,
      benchmark: z
        .object({ beta: metric, alpha: metric, trackingError: metric, informationRatio: metric, cagr: metric, volatility: metric, maxDrawdown: metric })
        .partial()
        .optional(),
      /** Walk-forward: "n of m rebalances fell back" and the policy. */
      fallback: z.object({ fellBack: finite, rebalances: finite, policy: z.enum(ON_FAIL) }),
    })
    .partial()
    .default({}),
  drawdowns: z
    .array(z.object({ start: z.string(), trough: z.string(), end: z.string().nullable().optional(), depth: finite, length: finite.optional() }))
    .default([]),
  rebalances: z.array(z.object({ date: z.string(), turnover: finite.optional(), cost: finite.optional() })).optional(),
  annualReturns: z.array(z.object({ period: z.string(), return: finite })).optional(),
  initialValue: finite.optional(),
  /** Label of the benchmark series, if the saver recorded it. */
  benchmarkName: z.string().optional(),
  /** One line per warning group, and the groups with their dates (older results: lines only, or none). */
  warnings: z.array(z.string()).optional(),
  warningGroups: z.array(z.object({ message: z.string(), dates: z.array(z.string()) })).optional(),
});
export type ReportBacktest = z.output<typeof reportBacktestSchema>;

/**
 * Risk figures before/after the correlation shock. `historicalCvar` is absent from stress results saved
 * before it existed and null when it could not be computed (the note says why).
 */
const risk = z.object({ volatility: finite, cvar: finite, historicalCvar: finite.nullable().optional(), averageCorrelation: finite.optional() });
const fanPoint = z.object({ day: finite, p5: finite, p25: finite, p50: finite, p75: finite, p95: finite });

/** Stress tests as `stress-run` returns them (StressReport), saved under `results.stress`; every part optional. */
export const reportStressSchema = z.object({
  /** Which weights the tests ran on (absent in results saved before it was recorded). */
  weightsFrom: stressWeightsFromSchema.optional(),
  windows: z
    .array(
      z.object({
        name: z.string(),
        start: z.string(),
        end: z.string(),
        covered: z.boolean().optional(),
        portfolioReturn: finite.nullable(),
        portfolioMaxDrawdown: finite.nullable().optional(),
        benchmarkReturn: finite.nullable().optional(),
        benchmarkMaxDrawdown: finite.nullable().optional(),
      }),
    )
    .optional(),
  correlationShock: z
    .object({
      level: finite,
      mode: z.enum(['floor', 'set']).optional(),
      beta: finite.optional(),
      base: risk,
      shocked: risk,
      repaired: z.boolean().optional(),
      /** Days behind the historical CVaRs. */
      historicalScenarios: finite.optional(),
      historicalNote: z.string().nullable().optional(),
    })
    .optional(),
  shocks: z
    .object({
      pnl: finite,
      contributions: z.array(z.object({ ticker: z.string(), weight: finite, shock: finite, pnl: finite, source: z.string().optional() })).default([]),
    })
    .nullable()
    .optional(),
  monteCarlo: z
    .object({
      paths: finite,
      blockLength: finite.optional(),
      fan: z.array(fanPoint).optional(),
      horizons: z.array(
        z.object({
          years: finite,
          p5: finite,
          p25: finite,
          p50: finite,
          p75: finite,
          p95: finite,
          lossProbabilities: z.array(z.object({ threshold: finite, probability: finite })).default([]),
        }),
      ),
    })
    .optional(),
});
export type ReportStress = z.output<typeof reportStressSchema>;

/**
 * The current holdings on the risk/return plane, saved under `results.current` by the workbench
 * (annual fractions). Sharpe is null in JSON when the holdings have no volatility (all cash).
 */
export const reportCurrentSchema = z.object({ expectedReturn: finite, volatility: finite, sharpe: metric.optional() });
export type ReportCurrent = z.output<typeof reportCurrentSchema>;

// Compile-time guard: what the backtest service returns is what the report reads.
export const backtestReportFits = (r: BacktestReport): z.input<typeof reportBacktestSchema> => r;
export const stressReportFits = (r: StressReport): z.input<typeof reportStressSchema> => r;
export const currentFits = (r: Performance): z.input<typeof reportCurrentSchema> => r;

/** Reads an optional free-form result; `undefined` when absent, a warning when present but unreadable. */
export function readResult<T>(
  schema: z.ZodType<T>,
  value: unknown,
  key: string,
  warnings: string[],
): T | undefined {
  if (value === undefined || value === null) return undefined;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  warnings.push(`results.${key} left out: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unreadable'}`);
  return undefined;
}
