/**
 * Chart options of the robustness tools (app and PDF alike): the resampled frontier drawn with the
 * classical one and the estimation-noise region between them, and the out-of-sample equity curves.
 */
import type { ResampleResult, RobustnessComparison } from '../domain/robust.js';
import { riskReturnTooltip } from './frontier.js';
import { axisStyle, baseOption, themeOf, tooltipStyle, type BaseChartOptions, type ChartOption } from './option.js';

export const RESAMPLE_SERIES = {
  band: 'noise-band',
  classical: 'classical',
  resampled: 'resampled',
  current: 'current',
  weights: 'resampled-weights',
} as const;

/** Polygon of the noise region: along the frontier (lower edge), back along the 95 % edge. */
function bandPolygon(result: ResampleResult): [number, number][] {
  const lower = result.band.map((b) => [b.lower, b.expectedReturn] satisfies [number, number]);
  const upper = [...result.band].reverse().map((b) => [b.upper, b.expectedReturn] satisfies [number, number]);
  return [...lower, ...upper];
}

interface CoordApi {
  coord(value: [number, number]): [number, number];
}

/** Classical frontier, resampled frontier, the region within the estimation noise, the current portfolio. */
export function resampleChartOption(result: ResampleResult, opts: BaseChartOptions & { rf?: number } = {}): ChartOption {
  const theme = themeOf(opts);
  const rf = opts.rf ?? 0;
  const t = (r: number, v: number, s?: number): [number, number, number] => [v, r, s ?? (v > 0 ? (r - rf) / v : Number.NaN)];
  const series: ChartOption[] = [];
  const legend: string[] = [];
  const polygon = bandPolygon(result);
  if (polygon.length >= 3) {
    const fill = theme.palette[0] ?? '#1f5fbf';
    series.push({
      id: RESAMPLE_SERIES.band,
      name: 'Within the noise (95 %)',
      type: 'custom',
      silent: true,
      // One item that draws the whole region in data coordinates.
      data: [polygon[0]],
      renderItem: (_params: unknown, api: CoordApi) => ({
        type: 'polygon',
        shape: { points: polygon.map((p) => api.coord(p)) },
        style: { fill, opacity: 0.15, stroke: fill, lineWidth: 0.5 },
      }),
      itemStyle: { color: fill, opacity: 0.3 },
      z: 1,
    });
    legend.push('Within the noise (95 %)');
  }
  series.push({
    id: RESAMPLE_SERIES.classical,
    name: 'Classical frontier',
    type: 'line',
    showSymbol: false,
    lineStyle: { width: 2, color: theme.palette[0] },
    itemStyle: { color: theme.palette[0] },
    data: result.classicalFrontier.map((p) => t(p.expectedReturn, p.volatility, p.sharpe)),
    z: 3,
  });
  legend.push('Classical frontier');
  if (result.frontier.length > 0) {
    series.push({
      id: RESAMPLE_SERIES.resampled,
      name: 'Resampled frontier',
      type: 'line',
      showSymbol: true,
      symbolSize: 4,
      lineStyle: { width: 2, type: 'dashed', color: theme.palette[2] },
      itemStyle: { color: theme.palette[2] },
      data: result.frontier.map((p) => t(p.expectedReturn, p.volatility, p.sharpe)),
      z: 4,
    });
    legend.push('Resampled frontier');
  }
  if (result.current) {
    series.push({
      id: RESAMPLE_SERIES.current,
      name: 'Current portfolio',
      type: 'scatter',
      symbol: 'rect',
      symbolSize: 11,
      itemStyle: { color: theme.palette[5] },
      data: [t(result.current.expectedReturn, result.current.volatility)],
      z: 5,
    });
    legend.push('Current portfolio');
  }
  return {
    ...baseOption(opts, theme),
    legend: { data: legend, bottom: 0, textStyle: { color: theme.mutedText }, itemWidth: 14, itemHeight: 9 },
    grid: { left: 56, right: 24, top: opts.title ? 36 : 16, bottom: 56 },
    tooltip: { trigger: 'item', ...tooltipStyle(theme), formatter: riskReturnTooltip },
    xAxis: { type: 'value', name: 'Volatility (annualised)', nameLocation: 'middle', nameGap: 24, scale: true, axisLabel: { color: theme.mutedText, formatter: (v: number) => `${(v * 100).toFixed(0)} %` }, ...axisStyleWithoutLabel(theme) },
    yAxis: { type: 'value', name: 'Expected return', nameLocation: 'middle', nameGap: 42, scale: true, axisLabel: { color: theme.mutedText, formatter: (v: number) => `${(v * 100).toFixed(0)} %` }, ...axisStyleWithoutLabel(theme) },
    series,
  };
}

function axisStyleWithoutLabel(theme: ReturnType<typeof themeOf>): ChartOption {
  const { axisLabel: _label, ...rest } = axisStyle(theme);
  return rest;
}

/** Growth of 1 for each strategy of the out-of-sample comparison (log scale over long spans). */
export function robustnessEquityOption(c: RobustnessComparison, opts: BaseChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  const years = c.rows[0] ? c.rows[0].equity.length / 252 : 0;
  return {
    ...baseOption(opts, theme),
    legend: { data: c.rows.map((r) => r.strategy), bottom: 0, textStyle: { color: theme.mutedText }, itemWidth: 14, itemHeight: 9 },
    grid: { left: 56, right: 24, top: opts.title ? 36 : 16, bottom: 48 },
    tooltip: { trigger: 'axis', ...tooltipStyle(theme) },
    xAxis: { type: 'time', ...axisStyle(theme) },
    yAxis: { type: years > 5 ? 'log' : 'value', name: 'Growth of 1', scale: true, ...axisStyle(theme) },
    series: c.rows.map((r, i) => ({
      id: `robust-${r.strategy}`,
      name: r.strategy,
      type: 'line',
      showSymbol: false,
      lineStyle: { width: 1.5, color: theme.palette[i % theme.palette.length] },
      itemStyle: { color: theme.palette[i % theme.palette.length] },
      data: r.equity.map((e) => [e.date, e.value]),
    })),
  };
}
