/**
 * The report document: a pure function from a scenario (with its results) and options to one
 * self-contained HTML string (embedded CSS, inline SVG charts, no scripts, nothing fetched).
 */
import { REPORT_SECTION_ORDER, type ReportSection } from '../../shared/api/reports.js';
import { savedRobustnessSchema } from '../../shared/domain/robust.js';
import { escapeHtml, reportFormat, type Html } from './format.js';
import { footerTemplate } from './footer.js';
import { PAGE_MARGINS_MM, PAPER_MM } from './printer.js';
import { readResult, reportBacktestSchema, reportCurrentSchema, reportStressSchema, type ReportInput, type ReportOptions } from './report-input.js';
import type { SectionBuilder, SectionContext } from './section-kit.js';
import { REPORT_CSS } from './styles.js';
import { backtestSection } from './sections/backtest.js';
import { comparisonSection } from './sections/comparison.js';
import { correlationSection } from './sections/correlation.js';
import { coverSection } from './sections/cover.js';
import { frontierSection } from './sections/frontier.js';
import { methodologySection } from './sections/methodology.js';
import { riskSection } from './sections/risk.js';
import { settingsSection } from './sections/settings.js';
import { stressSection } from './sections/stress.js';
import { robustnessSection } from './sections/robustness.js';
import { summarySection } from './sections/summary.js';
import { viewsSection } from './sections/views.js';
import { weightsSection } from './sections/weights.js';

const BUILDERS: Record<ReportSection, SectionBuilder> = {
  cover: coverSection,
  summary: summarySection,
  comparison: comparisonSection,
  settings: settingsSection,
  views: viewsSection,
  weights: weightsSection,
  risk: riskSection,
  frontier: frontierSection,
  correlation: correlationSection,
  backtest: backtestSection,
  stress: stressSection,
  robustness: robustnessSection,
  methodology: methodologySection,
};

const PX_PER_MM = 96 / 25.4;

export interface BuiltReport {
  html: string;
  /** Sections printed, in document order. */
  sections: ReportSection[];
  /** Sections asked for (or all) that had no content. */
  skipped: ReportSection[];
  title: string;
  footerTemplate: string;
  /** Results that were present but could not be read. */
  warnings: string[];
}

/** Printable width of the page in CSS pixels (96 per inch). */
export function contentWidthPx(paper: ReportOptions['paper']): number {
  return Math.floor((PAPER_MM[paper].width - PAGE_MARGINS_MM.left - PAGE_MARGINS_MM.right) * PX_PER_MM);
}

/** Builds the report HTML; `onSection` is called after each section (for progress). */
export function buildReportHtml(
  input: ReportInput,
  options: ReportOptions,
  onSection?: (done: number, total: number, section: ReportSection) => void,
): BuiltReport {
  const scenario = input.scenario;
  const results = scenario.results ?? {};
  const warnings: string[] = [];
  const current = scenario.holdings ?? scenario.options.constraints.currentWeights;
  const ctx: SectionContext = {
    input,
    options,
    fmt: reportFormat(options.locale ?? 'en-US', options.currency),
    scenario,
    ...(results.optimize ? { optimize: results.optimize } : {}),
    ...(results.frontier ? { frontier: results.frontier } : {}),
    ...(current && Object.keys(current).length > 0 ? { current } : {}),
    contentWidth: contentWidthPx(options.paper),
    reportDate: options.generatedAt ?? new Date(),
    warnings,
  };
  const backtest = readResult(reportBacktestSchema, results.backtest, 'backtest', warnings);
  const stress = readResult(reportStressSchema, results.stress, 'stress', warnings);
  if (backtest) ctx.backtest = backtest;
  if (stress) ctx.stress = stress;
  const currentPerformance = readResult(reportCurrentSchema, results.current, 'current', warnings);
  if (currentPerformance) ctx.currentPerformance = currentPerformance;
  const robustness = readResult(savedRobustnessSchema, results.robustness, 'robustness', warnings);
  if (robustness) ctx.robustness = robustness;

  const wanted = new Set<ReportSection>(options.sections ?? REPORT_SECTION_ORDER);
  const order = REPORT_SECTION_ORDER.filter((s) => wanted.has(s));
  const parts: Html[] = [];
  const printed: ReportSection[] = [];
  const skipped: ReportSection[] = [];
  order.forEach((id, i) => {
    const part = BUILDERS[id](ctx);
    if (part) {
      parts.push(part);
      printed.push(id);
    } else skipped.push(id);
    onSection?.(i + 1, order.length, id);
  });
  const title = options.title?.trim() || 'Portfolio report';
  const docTitle = `${title} – ${scenario.name}`;
  const metaAuthor = options.author ? `<meta name="author" content="${escapeHtml(options.author)}">` : '';
  const html = `<!doctype html>
<html lang="${escapeHtml(options.locale?.split('-')[0] ?? 'en')}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(docTitle)}</title>${metaAuthor}
<style>${REPORT_CSS}</style>
</head>
<body class="paper-${options.paper}">
${parts.map((p) => p.__html).join('\n')}
</body>
</html>`;
  return { html, sections: printed, skipped, title, footerTemplate: footerTemplate(scenario.name, title), warnings };
}
