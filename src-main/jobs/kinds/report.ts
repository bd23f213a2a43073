/**
 * Report job: builds the report HTML (ECharts SSR of every chart) in a worker so a 100-asset report
 * never blocks the main event loop. Printing stays in main, where the printer lives.
 */
import type { PriceMatrix } from '../../core/price-matrix.js';
import type { BuiltReport } from '../../report/build-report.js';
import type { ReportInput, ReportOptions } from '../../report/report-input.js';
import { JobCancelled, type JobContext, type JobFunction } from '../job-context.js';

export interface ReportHtmlJobInput {
  input: ReportInput;
  options: ReportOptions;
  /**
   * The scenario's prices: last prices, correlations and the data window are derived here, off main.
   * Facts already in `input` win (the service reads last prices and the window in SQL and sends only
   * the heatmap's assets).
   */
  prices?: PriceMatrix;
}

const reportHtml: JobFunction<ReportHtmlJobInput, BuiltReport> = async ({ input, options, prices }, ctx: JobContext) => {
  // Loaded on first use: workers that never build a report do not pay for ECharts.
  const { buildReportHtml } = await import('../../report/build-report.js');
  const { marketFacts } = await import('../../report/market-facts.js');
  const full: ReportInput = prices && prices.dates.length >= 2 ? { ...marketFacts(prices, input.scenario.results?.optimize?.weights), ...input } : input;
  return buildReportHtml(full, options, (done, total, section) => {
    if (ctx.isCancelled()) throw new JobCancelled();
    ctx.progress(done, total + 1, `built ${section}`);
  });
};

/** Loads the report modules (ECharts included) so the first real report in this worker starts warm. */
const reportWarm: JobFunction<Record<string, never>, { threadId: number }> = async () => {
  await Promise.all([import('../../report/build-report.js'), import('../../report/market-facts.js')]);
  const { threadId } = await import('node:worker_threads');
  return { threadId };
};

export const reportJobs = {
  'report-html': reportHtml,
  'report-warm': reportWarm,
};
