/** Builds a report and prints it: the one path the service, the CLI and the bench share. */
import { REPORT_ONE_PAGE_SECTIONS, type ReportSection } from '../../shared/api/reports.js';
import { buildReportHtml, type BuiltReport } from './build-report.js';
import { EMPTY_HEADER } from './footer.js';
import { countPdfPages } from './pdf-pages.js';
import type { PdfPrinter } from './printer.js';
import type { ReportInput, ReportOptions } from './report-input.js';

export interface ExportedReport {
  pdf: Uint8Array;
  pages: number;
  fileName: string;
  sections: ReportSection[];
  warnings: string[];
  /** Milliseconds spent building HTML (charts included) and printing. */
  timings: { buildMs: number; printMs: number };
}

/** Progress: one unit per section built, plus one for printing; the message names the step. */
export type ReportProgress = (done: number, total: number, message: string) => void;

/** A file name from the scenario name: letters, digits, dashes; never empty. */
export function reportFileName(scenarioName: string, date: Date): string {
  const slug = scenarioName
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return `${slug || 'scenario'}-${date.toISOString().slice(0, 10)}.pdf`;
}

/** Scales tried, in order, to fit a one-page report; below 60 % text is too small to hand out. */
const ONE_PAGE_SCALES = [1, 0.9, 0.8, 0.7, 0.6] as const;

/** Whether to fit the report on one page: asked for, or only one-page sections requested. */
export function wantsOnePage(options: Pick<ReportOptions, 'onePage' | 'sections'>): boolean {
  if (options.onePage !== undefined) return options.onePage;
  return options.sections !== undefined && options.sections.every((s) => REPORT_ONE_PAGE_SECTIONS.includes(s));
}

/** Prints an already built report (e.g. built in a worker) with the footer on every page. */
export async function printBuiltReport(
  printer: PdfPrinter,
  built: BuiltReport,
  scenarioName: string,
  options: ReportOptions & { generatedAt: Date },
  progress?: ReportProgress,
  buildMs = 0,
): Promise<ExportedReport> {
  const total = built.sections.length + built.skipped.length + 1;
  progress?.(total - 1, total, 'printing PDF');
  const t0 = performance.now();
  const print = (scale: number) =>
    printer.printPdf(built.html, { paper: options.paper, headerTemplate: EMPTY_HEADER, footerTemplate: built.footerTemplate, scale });
  let pdf = await print(1);
  let pages = countPdfPages(pdf);
  if (pages > 1 && wantsOnePage(options)) {
    // A smaller scale reflows the page; each try is one more print (~0.3 s), so stop at the first fit.
    for (const scale of ONE_PAGE_SCALES.slice(1)) {
      const smaller = await print(scale);
      const n = countPdfPages(smaller);
      if (n < pages) [pdf, pages] = [smaller, n];
      if (n === 1) break;
    }
  }
  const printMs = performance.now() - t0;
  progress?.(total, total, 'done');
  return {
    pdf,
    pages,
    fileName: reportFileName(scenarioName, options.generatedAt),
    sections: built.sections,
    warnings: built.warnings,
    timings: { buildMs, printMs },
  };
}

/** Renders the scenario's report to PDF bytes through the given printer (HTML built in this thread). */
export async function exportReport(
  printer: PdfPrinter,
  input: ReportInput,
  options: ReportOptions,
  progress?: ReportProgress,
): Promise<ExportedReport> {
  const dated = { ...options, generatedAt: options.generatedAt ?? new Date() };
  const t0 = performance.now();
  const built = buildReportHtml(input, dated, (done, sections, id) => progress?.(done, sections + 1, `built ${id}`));
  return printBuiltReport(printer, built, input.scenario.name, dated, progress, performance.now() - t0);
}
