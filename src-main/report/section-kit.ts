/** Building blocks shared by the report sections: the context they read, tables, figures, metric tiles. */
import type { ReportSection } from '../../shared/api/reports.js';
import { REPORT_SECTION_TITLES } from '../../shared/api/reports.js';
import type { ChartOption } from '../../shared/charts/option.js';
import type { FrontierResult, OptimizeResult } from '../../shared/domain/optimize.js';
import type { SavedRobustness } from '../../shared/domain/robust.js';
import { html, raw, type Html, type ReportFormat } from './format.js';
import type { ReportBacktest, ReportCurrent, ReportInput, ReportOptions, ReportScenario, ReportStress } from './report-input.js';
import { renderChartSvg } from './render-chart.js';

export interface SectionContext {
  input: ReportInput;
  options: ReportOptions;
  fmt: ReportFormat;
  scenario: ReportScenario;
  optimize?: OptimizeResult;
  frontier?: FrontierResult;
  backtest?: ReportBacktest;
  stress?: ReportStress;
  /** Resampled frontier and out-of-sample comparison saved with the scenario (results.robustness). */
  robustness?: SavedRobustness;
  /** Current holdings as weights (scenario holdings, else the constraint's current weights). */
  current?: Record<string, number>;
  /** Return, volatility and Sharpe of the current holdings, when the workbench saved them (results.current). */
  currentPerformance?: ReportCurrent;
  /** Printable width of the page in CSS pixels. */
  contentWidth: number;
  reportDate: Date;
  warnings: string[];
}

/** A section builder returns its HTML, or null when the scenario has nothing for it. */
export type SectionBuilder = (ctx: SectionContext) => Html | null;

export interface Column {
  label: string;
  align?: 'left' | 'right';
  /** Never wrap (dates). */
  nowrap?: boolean;
}

/** Tables up to this many rows move to the next page whole rather than split. */
const KEEP_TOGETHER_ROWS = 10;

export type Cell = string | Html;

/** A data table whose header repeats on every page it spans; short tables are never split. */
export function table(columns: readonly Column[], rows: readonly (readonly Cell[])[], className = 'data'): Html {
  const cls = (c: Column | undefined): string => [c?.align === 'right' ? 'num' : '', c?.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ');
  const attr = (c: Column | undefined) => (cls(c) ? raw(` class="${cls(c)}"`) : '');
  const classes = rows.length <= KEEP_TOGETHER_ROWS ? `${className} keep` : className;
  return html`<table class="${classes}"><thead><tr>${columns.map((c) => html`<th${attr(c)}>${c.label}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((cell, i) => html`<td${attr(columns[i])}>${cell}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** Label/value pairs as a two-column table (settings). */
export function facts(pairs: readonly (readonly [string, Cell] | null)[]): Html {
  const rows = pairs.filter((p): p is readonly [string, Cell] => p !== null);
  return html`<table class="facts"><tbody>${rows.map(([k, v]) => html`<tr><th>${k}</th><td>${v}</td></tr>`)}</tbody></table>`;
}

/** A chart as inline SVG in a figure that never splits across pages. */
export function figure(option: ChartOption, width: number, height: number, caption?: string): Html {
  const svg = renderChartSvg({ ...option, animation: false }, Math.round(width), Math.round(height));
  return html`<figure class="chart">${raw(svg)}${caption ? html`<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/** Key figures as tiles. */
export function metricTiles(metrics: readonly { label: string; value: string }[]): Html {
  return html`<div class="tiles">${metrics.map(
    (m) => html`<div class="tile"><div class="tile-value">${m.value}</div><div class="tile-label">${m.label}</div></div>`,
  )}</div>`;
}

/** A section wrapper with its printed heading. */
export function section(id: ReportSection, body: Html, title = REPORT_SECTION_TITLES[id]): Html {
  return html`<section class="section section-${id}" id="${id}"><h2>${title}</h2>${body}</section>`;
}

/** Weights sorted largest first (ties by ticker), dropping what rounds to nothing. */
export function sortedWeights(weights: Record<string, number>, min = 0): [string, number][] {
  return Object.entries(weights)
    .filter(([, w]) => Number.isFinite(w) && Math.abs(w) > min)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Keeps the `top` largest entries by absolute value; the rest are summed into "Others". */
export function topWithOthers(values: Record<string, number>, top: number, othersLabel = 'Others'): { values: Record<string, number>; order: string[]; truncated: number } {
  const entries = Object.entries(values).sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]) || a[0].localeCompare(b[0]));
  if (entries.length <= top) return { values: { ...values }, order: entries.map(([k]) => k), truncated: 0 };
  const kept = entries.slice(0, top);
  const rest = entries.slice(top);
  const out: Record<string, number> = Object.fromEntries(kept);
  out[othersLabel] = rest.reduce((s, [, v]) => s + v, 0);
  return { values: out, order: [...kept.map(([k]) => k), othersLabel], truncated: rest.length };
}
