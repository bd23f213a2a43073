/** PDF reports of saved scenarios: load the scenario and its price facts, build the HTML, print it. */
import type { ApiParsedRequest } from '../../shared/api.js';
import type { PriceMatrix } from '../core/price-matrix.js';
import { printBuiltReport, type ExportedReport } from '../report/export-report.js';
import { optionsReportPart } from './options-report.js';
import { checkLogo } from '../report/logo.js';
import type { ReportInput, ReportOptions, ReportScenario } from '../report/report-input.js';
import { heatmapTickers } from '../report/market-facts.js';
import { lastPositivePrices, loadPriceMatrix, priceDateCoverage, unknownTickers } from '../store/prices-repo.js';
import { getScenario } from '../store/scenarios-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import type { Database } from 'better-sqlite3';

/** The report's price facts for a stored scenario: computed where they are cheapest. */
export interface StoredReportPrices {
  /** Prices of the assets the heatmap shows, on the window's dates; correlations come from these in the worker. */
  heatmap: PriceMatrix;
  lastPrices: Record<string, number>;
  dataWindow: { start: string; end: string; returns: number };
}

/** The matrix's rows placed on the given dates (NaN where it has none; its other dates dropped). */
function onDates(m: PriceMatrix, dates: readonly string[]): PriceMatrix {
  const n = m.tickers.length;
  const row = new Map(m.dates.map((d, t) => [d, t]));
  const values = new Float64Array(dates.length * n).fill(Number.NaN);
  dates.forEach((d, k) => {
    const t = row.get(d);
    if (t !== undefined) values.set(m.values.subarray(t * n, t * n + n), k * n);
  });
  return { dates: [...dates], tickers: m.tickers.slice(), values };
}

/**
 * The scenario's price facts in its window, or null when some ticker has no stored prices (e.g. a
 * scenario from a file) or the window has fewer than two rows. Same facts as marketFacts over the
 * whole windowed matrix, but only the heatmap's ≤ 30 assets are read row by row: the window comes
 * from an aggregate and last prices from one indexed lookup per asset (a 100-asset, 10-year
 * scenario reads 76k rows instead of 252k).
 */
export function storedReportPrices(db: Database, scenario: ReportScenario): StoredReportPrices | null {
  const { tickers, window } = scenario;
  if (unknownTickers(db, tickers).length > 0) return null;
  const coverage = priceDateCoverage(db, tickers, window.start, window.end);
  if (coverage.dates.length < 2) return null;
  let dates = coverage.dates;
  if (window.completeRows) dates = dates.filter((_, t) => coverage.priced[t] === tickers.length);
  if (window.last !== undefined && dates.length > window.last + 1) dates = dates.slice(dates.length - window.last - 1);
  if (dates.length < 2) return null;
  const start = dates[0]!;
  const end = dates[dates.length - 1]!;
  const shown = heatmapTickers(tickers, scenario.results?.optimize?.weights);
  return {
    heatmap: onDates(loadPriceMatrix(db, shown, start, end), dates),
    // With complete rows the last kept date prices every asset, so "last in [start, end]" is that day's price.
    lastPrices: lastPositivePrices(db, tickers, start, end),
    dataWindow: { start, end, returns: dates.length - 1 },
  };
}

/** The request's printing options in the report's terms. */
export function reportOptionsOf(req: Omit<ApiParsedRequest<'report-export'>, 'scenarioId' | 'compareIds' | 'jobId'>): ReportOptions {
  return {
    paper: req.paper,
    ...(req.sections ? { sections: req.sections } : {}),
    ...(req.title !== undefined ? { title: req.title } : {}),
    ...(req.author !== undefined ? { author: req.author } : {}),
    ...(req.logo !== undefined ? { logo: checkLogo(req.logo).dataUrl } : {}),
    ...(req.locale !== undefined ? { locale: req.locale } : {}),
    ...(req.portfolioValue !== undefined ? { portfolioValue: req.portfolioValue } : {}),
    ...(req.currency !== undefined ? { currency: req.currency } : {}),
    ...(req.onePage !== undefined ? { onePage: req.onePage } : {}),
  };
}

/** Builds and prints one report of a stored scenario (with optional comparison scenarios). */
export async function exportStoredReport(
  ctx: HandlerContext,
  req: ApiParsedRequest<'report-export'>,
): Promise<ExportedReport> {
  const progress = progressEmitter(ctx, req.jobId);
  progress?.(0, 0, 'loading scenario');
  // Start the browser and the workers first: their start-up overlaps with reading prices and building HTML.
  const printing = ctx.printer();
  void printing.then((p) => p.warm?.(), () => undefined); // a failed start is reported by the await below
  const jobs = ctx.jobs;
  const t0 = performance.now();
  const scenario = getScenario(ctx.db, req.scenarioId);
  const compare = (req.compareIds ?? []).filter((id) => id !== req.scenarioId).map((id) => getScenario(ctx.db, id));
  const facts = storedReportPrices(ctx.db, scenario);
  const input: ReportInput = {
    scenario,
    ...(compare.length > 0 ? { compare } : {}),
    ...(facts ? { lastPrices: facts.lastPrices, dataWindow: facts.dataWindow } : {}),
    ...(await optionsReportPart(ctx, scenario.options.targets.rf)),
  };
  const prices = facts?.heatmap;
  const options = { ...reportOptionsOf(req), generatedAt: new Date() };
  // Charts are rendered in a worker (cancellable, off the main loop); the printer works from main.
  const [built, printer] = await Promise.all([
    jobs.run('report-html', { input, options, ...(prices ? { prices } : {}) }, {
      ...(req.jobId ? { jobId: req.jobId } : {}),
      ...(progress ? { onProgress: progress } : {}),
      ...(prices ? { transfer: [prices.values.buffer as ArrayBuffer] } : {}),
    }),
    printing,
  ]);
  return printBuiltReport(printer, built, scenario.name, options, progress, performance.now() - t0);
}

/**
 * Starts what the first export would otherwise wait for (the printer's browser, a worker with the
 * report code and ECharts loaded) in the background. Front doors call it once they are up; it never
 * rejects (an export reports its own failures) and runtime.close() stops whatever it started.
 */
export async function warmReportExport(ctx: HandlerContext): Promise<void> {
  await Promise.allSettled([ctx.printer().then((p) => p.warm?.()), ctx.jobs.run('report-warm', {})]);
}

export const reportHandlers = {
  'report-export': async (req, ctx) => {
    const report = await exportStoredReport(ctx, req);
    return {
      fileName: report.fileName,
      pdfBase64: Buffer.from(report.pdf.buffer, report.pdf.byteOffset, report.pdf.byteLength).toString('base64'),
      pages: report.pages,
      sections: report.sections,
    };
  },
  'report-logo-check': async (req) => {
    const logo = checkLogo(req.logo);
    return { logo: logo.dataUrl, type: logo.type, bytes: logo.bytes };
  },
} satisfies Handlers<'report-export' | 'report-logo-check'>;
