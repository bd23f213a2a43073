/** PDF reports of saved scenarios: load the scenario and its price facts, build the HTML, print it. */
import type { ApiParsedRequest } from '../../shared/api.js';
import { onDates, windowRows, type PriceMatrix } from '../core/price-matrix.js';
import type { ExportedReport } from '../report/export-report.js';
import { checkLogo } from '../report/logo.js';
import type { ReportInput, ReportOptions, ReportScenario } from '../report/report-input.js';
import { heatmapTickers } from '../report/market-facts.js';
import { lastPositivePrices, loadPriceMatrix, priceDateCoverage, unknownTickers } from '../store/prices-repo.js';
import { getScenario } from '../store/scenarios-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import type { Database } from '../store/database.js';
import type { ScenarioResults } from '../../shared/domain/scenario.js';
import type { PdfPrinter } from '../report/printer.js';
import { optimizeHandlers } from './optimize-service.js';

/** The report's price facts for a stored scenario: computed where they are cheapest. */
export interface StoredReportPrices {
  /** Prices of the assets the heatmap shows, on the window's dates; correlations come from these in the worker. */
  heatmap: PriceMatrix;
  lastPrices: Record<string, number>;
  dataWindow: { start: string; end: string; returns: number };
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
  // The window's rules on SQL counts of priced assets per date: the same function applyWindow uses on a matrix.
  const dates = windowRows(coverage.dates, window, (t) => coverage.priced[t] === tickers.length).map((t) => coverage.dates[t]!);
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
  // Start the browser first: its start-up overlaps with reading prices and building HTML.
  const printing = ctx.printer();
  void printing.then((p) => p.warm?.(), () => undefined); // a failed start is reported by the await below
  const scenario = getScenario(ctx.db, req.scenarioId);
  const compare = (req.compareIds ?? []).filter((id) => id !== req.scenarioId).map((id) => getScenario(ctx.db, id));
  return exportScenarioReport(ctx, req, scenario, compare, printing);
}

/** Frontier points traced for a scenario file that carries no saved frontier. */
const FILE_FRONTIER_POINTS = 30;

/** A scenario file's report on the store's prices: its saved results, or an optimisation (and frontier) run now. */
export async function exportFileReport(ctx: HandlerContext, req: ApiParsedRequest<'report-export-file'>): Promise<ExportedReport & { warnings: string[] }> {
  const printing = ctx.printer();
  void printing.then((p) => p.warm?.(), () => undefined);
  const file = req.scenario;
  const warnings: string[] = [];
  let results = req.results && 'optimize' in req.results ? (req.results as ScenarioResults) : undefined;
  if (!results) {
    const run = { tickers: file.tickers, window: file.window, options: file.options };
    const optimize = await optimizeHandlers['optimize-run'](run, ctx);
    results = { optimize };
    try {
      results.frontier = await optimizeHandlers['optimize-frontier']({ ...run, points: FILE_FRONTIER_POINTS, riskMeasure: 'variance' }, ctx);
    } catch (error) {
      warnings.push(`frontier left out: ${(error as Error).message}`);
    }
  }
  const report = await exportScenarioReport(ctx, req, { ...file, results }, [], printing);
  return { ...report, warnings: [...warnings, ...report.warnings] };
}

async function exportScenarioReport(
  ctx: HandlerContext,
  req: Omit<ApiParsedRequest<'report-export'>, 'scenarioId' | 'compareIds'>,
  scenario: ReportScenario,
  compare: ReportScenario[],
  printing: Promise<PdfPrinter>,
): Promise<ExportedReport> {
  const progress = progressEmitter(ctx, req.jobId);
  const jobs = ctx.jobs;
  const t0 = performance.now();
  const facts = storedReportPrices(ctx.db, scenario);
  const input: ReportInput = {
    scenario,
    ...(compare.length > 0 ? { compare } : {}),
    ...(facts ? { lastPrices: facts.lastPrices, dataWindow: facts.dataWindow } : {}),
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
  // Imported here, not at the top: every front door loads this service, and the report code pulls in ECharts.
  const { printBuiltReport } = await import('../report/export-report.js');
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
  'report-export-file': async (req, ctx) => {
    const report = await exportFileReport(ctx, req);
    return {
      fileName: report.fileName,
      pdfBase64: Buffer.from(report.pdf.buffer, report.pdf.byteOffset, report.pdf.byteLength).toString('base64'),
      pages: report.pages,
      sections: report.sections,
      warnings: report.warnings,
    };
  },
} satisfies Handlers<'report-export' | 'report-logo-check' | 'report-export-file'>;
