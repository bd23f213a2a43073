/** ECharts options for bar charts: portfolio weights, prior vs posterior returns, risk contributions. */
import { escapeHtml, pct } from './format.js';
import {
  axisStyle,
  baseOption,
  eventParam,
  themeOf,
  tooltipStyle,
  type BaseChartOptions,
  type ChartEventParam,
  type ChartOption,
} from './option.js';

export interface BarSeries {
  name: string;
  /** Values by category key (fractions; shown as percent). */
  values: Record<string, number>;
}

export interface BarChartOptions extends BaseChartOptions {
  /** Category order; default: by the first series, largest first. */
  order?: string[];
  /** Hide categories where every series is below this absolute value. Default 0 (keep all). */
  hideBelow?: number;
  /** Horizontal bars (categories on the y axis). Default true: ticker lists read better that way. */
  horizontal?: boolean;
  /** Value axis title. */
  valueName?: string;
  /** Show the value at the end of each bar. Default: on for one series with ≤ 30 bars. */
  labels?: boolean;
}

/** Category keys in display order: the given order, else by the first series (descending). */
export function barCategories(series: readonly BarSeries[], opts: Pick<BarChartOptions, 'order' | 'hideBelow'> = {}): string[] {
  const keys = new Set<string>();
  for (const s of series) for (const k of Object.keys(s.values)) keys.add(k);
  const first = series[0]?.values ?? {};
  const ordered = opts.order
    ? opts.order.filter((k) => keys.has(k))
    : [...keys].sort((a, b) => (first[b] ?? 0) - (first[a] ?? 0) || a.localeCompare(b));
  const threshold = opts.hideBelow ?? 0;
  if (threshold <= 0) return ordered;
  return ordered.filter((k) => series.some((s) => Math.abs(s.values[k] ?? 0) >= threshold));
}

/** Pixel height that fits n horizontal bars (for callers sizing a chart container or SVG). */
export function barChartHeight(categories: number, seriesCount = 1): number {
  const perBar = 14 + 8 * Math.max(0, seriesCount - 1);
  return Math.max(160, Math.min(2400, 64 + categories * perBar));
}

function barTooltip(params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]).map(eventParam);
  const head = escapeHtml(list[0]?.name ?? '');
  const rows = list.map((p) => `${escapeHtml(p.seriesName ?? '')}: ${typeof p.value === 'number' ? pct(p.value) : '–'}`);
  return `<b>${head}</b><br/>${rows.join('<br/>')}`;
}

/** Builds a grouped bar chart option over category keys (values are fractions shown as percent). */
export function barChartOption(series: readonly BarSeries[], opts: BarChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  const horizontal = opts.horizontal ?? true;
  const categories = barCategories(series, opts);
  // Horizontal bars read top-down, but ECharts draws the first category at the bottom.
  const axisCategories = horizontal ? [...categories].reverse() : categories;
  const showLabels = opts.labels ?? (series.length === 1 && categories.length <= 30);
  const categoryAxis = {
    type: 'category',
    data: axisCategories,
    ...axisStyle(theme),
    splitLine: { show: false },
    axisLabel: { color: theme.mutedText, interval: 0, fontSize: theme.fontSize - 1 },
  };
  const valueAxis = {
    type: 'value',
    name: opts.valueName,
    nameLocation: 'middle',
    nameGap: 24,
    ...axisStyle(theme),
    axisLabel: { color: theme.mutedText, formatter: (v: number) => pct(v, 0) },
  };
  return {
    ...baseOption(opts, theme),
    legend: series.length > 1 ? { bottom: 0, textStyle: { color: theme.mutedText }, itemWidth: 14, itemHeight: 9 } : { show: false },
    grid: {
      left: horizontal ? 8 : 48,
      right: showLabels ? 56 : 16,
      top: opts.title ? 32 : 8,
      bottom: series.length > 1 ? 48 : 32,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, ...tooltipStyle(theme), formatter: barTooltip },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: series.map((s, i) => ({
      id: `bars-${i}`,
      name: s.name,
      type: 'bar',
      barMaxWidth: 18,
      itemStyle: { color: theme.palette[i % theme.palette.length] },
      label: {
        show: showLabels,
        position: horizontal ? 'right' : 'top',
        color: theme.mutedText,
        fontSize: theme.fontSize - 1,
        formatter: (p: ChartEventParam) => (typeof p.value === 'number' ? pct(p.value, 1) : ''),
      },
      data: axisCategories.map((k) => s.values[k] ?? 0),
    })),
  };
}

export interface WeightsChartOptions extends BarChartOptions {
  /** Current weights, drawn next to the optimal ones. */
  current?: Record<string, number>;
}

/** Bar chart of portfolio weights (fractions), optionally current vs optimal. */
export function weightsChartOption(weights: Record<string, number>, opts: WeightsChartOptions = {}): ChartOption {
  const series: BarSeries[] = [{ name: 'Optimal', values: weights }];
  if (opts.current) series.push({ name: 'Current', values: opts.current });
  return barChartOption(series, { valueName: 'Weight', hideBelow: 1e-6, ...opts });
}

/** Bar chart of Black-Litterman prior vs posterior expected returns (annualised fractions). */
export function priorPosteriorChartOption(
  prior: Record<string, number>,
  posterior: Record<string, number>,
  opts: BarChartOptions = {},
): ChartOption {
  return barChartOption(
    [
      { name: 'Prior', values: prior },
      { name: 'Posterior', values: posterior },
    ],
    { valueName: 'Expected return', order: Object.keys(prior).sort(), ...opts },
  );
}

/** Bar chart of each asset's share of portfolio risk (fractions summing to 1). */
export function riskContributionChartOption(contributions: Record<string, number>, opts: BarChartOptions = {}): ChartOption {
  return barChartOption([{ name: 'Risk contribution', values: contributions }], {
    valueName: 'Share of risk',
    hideBelow: 1e-6,
    ...opts,
  });
}
