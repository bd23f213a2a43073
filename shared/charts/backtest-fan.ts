/** ECharts option for the Monte Carlo fan chart: 5/25/50/75/95 % bands of growth of 1 over the horizon. */
import { escapeHtml, ratio } from './format.js';
import { axisStyle, baseOption, themeOf, tooltipStyle, type BaseChartOptions, type ChartOption } from './option.js';

export interface FanPoint {
  /** Trading days from today. */
  day: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
}

export interface FanChartOptions extends BaseChartOptions {
  /** Trading days per year for the x labels (default 252). */
  periodsPerYear?: number;
}

/** Year label of a trading day: "0", "0.5 y", "5 y". */
export function yearLabel(day: number, periodsPerYear = 252): string {
  if (day === 0) return '0';
  const years = day / periodsPerYear;
  return `${Number.isInteger(years) ? years : years.toFixed(1)} y`;
}

/**
 * Stacked bands: an invisible 5 % base, then 5–25, 25–50, 50–75, 75–95 % as differences (so the stack
 * draws each band between its two percentiles), and the median as a line on top.
 */
export function fanChartOption(fan: readonly FanPoint[], opts: FanChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  const color = theme.palette[0];
  const ppy = opts.periodsPerYear ?? 252;
  const band = (name: string, values: number[], opacity: number): ChartOption => ({
    name,
    type: 'line',
    stack: 'fan',
    symbol: 'none',
    lineStyle: { opacity: 0 },
    areaStyle: { color, opacity },
    emphasis: { disabled: true },
    data: values,
  });
  return {
    ...baseOption(opts, theme),
    tooltip: {
      trigger: 'axis',
      ...tooltipStyle(theme),
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : undefined;
        const f = first?.dataIndex === undefined ? undefined : fan[first.dataIndex];
        if (!f) return '';
        const line = (label: string, v: number): string => `${escapeHtml(label)}: ${ratio(v, 3)}×`;
        return [`<b>${escapeHtml(yearLabel(f.day, ppy))}</b>`, line('95 %', f.p95), line('75 %', f.p75), line('median', f.p50), line('25 %', f.p25), line('5 %', f.p5)].join('<br>');
      },
    },
    legend: { show: false },
    grid: { left: 56, right: 20, top: opts.title ? 36 : 14, bottom: 28 },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: fan.map((f) => yearLabel(f.day, ppy)),
      ...axisStyle(theme),
      // Whole years only: fractional labels ("0.3 y") of monthly checkpoints read as noise.
      axisLabel: { color: theme.mutedText, interval: (i: number) => (fan[i]?.day ?? 1) % ppy === 0 },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', scale: true, name: 'Growth of 1', nameLocation: 'middle', nameGap: 40, ...axisStyle(theme) },
    series: [
      { ...band('5 %', fan.map((f) => f.p5), 0), areaStyle: { opacity: 0 } },
      band('5–25 %', fan.map((f) => f.p25 - f.p5), 0.12),
      band('25–50 %', fan.map((f) => f.p50 - f.p25), 0.28),
      band('50–75 %', fan.map((f) => f.p75 - f.p50), 0.28),
      band('75–95 %', fan.map((f) => f.p95 - f.p75), 0.12),
      { name: 'Median', type: 'line', symbol: 'none', lineStyle: { width: 2, color }, itemStyle: { color }, data: fan.map((f) => f.p50) },
    ],
  };
}
