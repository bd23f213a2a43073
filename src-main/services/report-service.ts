/** PDF reports of saved scenarios: load the scenario and its price facts, build the HTML, print it. */
import type { ApiParsedRequest } from '../../shared/api.js';
import type { PriceWindow } from '../../shared/domain/optimize.js';
import type { PriceMatrix } from '../core/price-matrix.js';
import { printBuiltReport, type ExportedReport } from '../report/export-report.js';
import type { ReportInput, ReportOptions, ReportScenario } from '../report/report-input.js';
import { loadPriceMatrix, unknownTickers } from '../store/prices-repo.js';
import { getScenario } from '../store/scenarios-repo.js';
import { progressEmitter, type HandlerContext, type Handlers } from './context.js';
import type { Database } from 'better-sqlite3';

/** The window's rows of a price matrix: complete rows only and the last N returns, as the engine reads them. */
export function windowRows(m: PriceMatrix, window: PriceWindow): PriceMatrix {
  const n = m.tickers.length;
  let rows = m.dates.map((_, t) => t);
  if (window.completeRows) rows = rows.filter((t) => m.values.subarray(t * n, t * n + n).every((v) => Number.isFinite(v)));
  if (window.last !== undefined && rows.length > window.last + 1) rows = rows.slice(rows.length - window.last - 1);
  if (rows.length === m.dates.length) return m;
  const values = new Float64Array(rows.length * n);
  rows.forEach((t, k) => values.set(m.values.subarray(t * n, t * n + n), k * n));
  return { dates: rows.map((t) => m.dates[t]!), tickers: m.tickers.slice(), values };
}

/** The scenario's stored prices in its window, or null when some ticker has none (e.g. a scenario from a file). */
export function storedScenarioPrices(db: Database, scenario: ReportScenario): PriceMatrix | null {
  if (unknownTickers(db, scenario.tickers).length > 0) return null;
  const prices = loadPriceMatrix(db, scenario.tickers, scenario.window.start, scenario.window.end);
  return prices.dates.length < 2 ? null : windowRows(prices, scenario.window);
}

/** The request's printing options in the report's terms. */
export function reportOptionsOf(req: Omit<ApiParsedRequest<'report-export'>, 'scenarioId' | 'compareIds' | 'jobId'>): ReportOptions {
  return {
    paper: req.paper,
    ...(req.sections ? { sections: req.sections } : {}),
    ...(req.title !== undefined ? { title: req.title } : {}),
    ...(req.author !== undefined ? { author: req.author } : {}),
    ...(req.logo !== undefined ? { logo: req.logo } : {}),
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
  // Start the browser and the workers first: their start-up overlaps with reading prices from SQLite.
  const printing = ctx.printer();
  printing.catch(() => undefined); // awaited below; this only keeps an early throw from leaving it unhandled
  const jobs = ctx.jobs;
  const t0 = performance.now();
  const scenario = getScenario(ctx.db, req.scenarioId);
  const compare = (req.compareIds ?? []).filter((id) => id !== req.scenarioId).map((id) => getScenario(ctx.db, id));
  const input: ReportInput = { scenario, ...(compare.length > 0 ? { compare } : {}) };
  const prices = storedScenarioPrices(ctx.db, scenario);
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
} satisfies Handlers<'report-export'>;
