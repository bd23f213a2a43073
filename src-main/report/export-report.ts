/** Builds a report and prints it: the one path the service, the CLI and the bench share. */
import type { ReportSection } from '../../shared/api/reports.js';
import { buildReportHtml } from './build-report.js';
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

/** Progress units: one per section, plus one for printing. */
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

/** Renders the scenario's report to PDF bytes through the given printer. */
export async function exportReport(
  printer: PdfPrinter,
  input: ReportInput,
  options: ReportOptions,
  progress?: ReportProgress,
): Promise<ExportedReport> {
  const generatedAt = options.generatedAt ?? new Date();
  const t0 = performance.now();
  let total = 1;
  const built = buildReportHtml(input, { ...options, generatedAt }, (done, sections, id) => {
    total = sections + 1;
    progress?.(done, total, `built ${id}`);
  });
  const t1 = performance.now();
  progress?.(total - 1, total, 'printing PDF');
  const pdf = await printer.printPdf(built.html, {
    paper: options.paper,
    headerTemplate: EMPTY_HEADER,
    footerTemplate: built.footerTemplate,
  });
  const t2 = performance.now();
  progress?.(total, total, 'done');
  return {
    pdf,
    pages: countPdfPages(pdf),
    fileName: reportFileName(input.scenario.name, generatedAt),
    sections: built.sections,
    warnings: built.warnings,
    timings: { buildMs: t1 - t0, printMs: t2 - t1 },
  };
}
