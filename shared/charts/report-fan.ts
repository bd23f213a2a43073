/** ECharts option for a Monte Carlo fan chart: percentile bands of simulated growth over time. */
import { pct } from './format.js';
import { axisStyle, baseOption, themeOf, type BaseChartOptions, type ChartOption } from './option.js';

export interface FanPoint {
  /** Trading days from today. */
  day: number;
  /** Growth of 1 at each percentile. */
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

/**
 * Stacked bands (5–25, 25–75, 75–95) and the median line; x in years (252 trading days),
 * y as cumulative return in percent.
 */
export function fanChartOption(fan: readonly FanPoint[], opts: BaseChartOptions & { daysPerYear?: number } = {}): ChartOption {
  const theme = themeOf(opts);
  const perYear = opts.daysPerYear ?? 252;
  const color = theme.palette[0];
  const x = (p: FanPoint) => Math.round((p.day / perYear) * 100) / 100;
  // Stacked areas: an invisible base at p5, then the band widths on top of it.
  const band = (name: string, values: (p: FanPoint) => number, opacity: number): ChartOption => ({
    name,
    type: 'line',
    stack: 'fan',
    showSymbol: false,
    lineStyle: { width: 0 },
    areaStyle: opacity > 0 ? { color, opacity } : { opacity: 0 },
    data: fan.map((p) => [x(p), values(p)]),
  });
  return {
    ...baseOption(opts, theme),
    legend: { show: false },
    grid: { left: 56, right: 20, top: opts.title ? 36 : 14, bottom: 36 },
    xAxis: { type: 'value', name: 'Years', nameLocation: 'middle', nameGap: 22, min: 0, ...axisStyle(theme), splitLine: { show: false } },
    yAxis: {
      type: 'value',
      scale: true,
      name: 'Cumulative return',
      nameLocation: 'middle',
      nameGap: 44,
      ...axisStyle(theme),
      axisLabel: { color: theme.mutedText, formatter: (v: number) => pct(v - 1, 0) },
    },
    series: [
      band('5 %', (p) => p.p5, 0),
      band('5–25 %', (p) => p.p25 - p.p5, 0.15),
      band('25–75 %', (p) => p.p75 - p.p25, 0.3),
      band('75–95 %', (p) => p.p95 - p.p75, 0.15),
      {
        name: 'Median',
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 1.5, color },
        itemStyle: { color },
        data: fan.map((p) => [x(p), p.p50]),
      },
    ],
  };
}
