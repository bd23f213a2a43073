/** ECharts options for a backtest in the PDF report: equity curve (vs benchmark) and underwater chart. */
import { pct } from './format.js';
import { axisStyle, baseOption, themeOf, type BaseChartOptions, type ChartOption } from './option.js';

export interface DatedValue {
  /** ISO date YYYY-MM-DD. */
  date: string;
  value: number;
}

/**
 * Thins a daily series to at most `maxPoints` by buckets, keeping each bucket's last point, or its
 * lowest when `keep` is 'min' (so a drawdown's trough survives). First and last points always stay.
 */
export function thinSeries(series: readonly DatedValue[], maxPoints: number, keep: 'last' | 'min' = 'last'): DatedValue[] {
  if (series.length <= maxPoints || maxPoints < 3) return series.slice();
  const out: DatedValue[] = [series[0]!];
  const inner = series.length - 2;
  const buckets = maxPoints - 2;
  for (let b = 0; b < buckets; b++) {
    const lo = 1 + Math.floor((b * inner) / buckets);
    const hi = 1 + Math.floor(((b + 1) * inner) / buckets); // exclusive
    if (hi <= lo) continue;
    let pick = hi - 1;
    if (keep === 'min') for (let i = lo; i < hi; i++) if (series[i]!.value < series[pick]!.value) pick = i;
    out.push(series[pick]!);
  }
  out.push(series[series.length - 1]!);
  return out;
}

export interface EquityChartOptions extends BaseChartOptions {
  benchmark?: readonly DatedValue[];
  benchmarkName?: string;
  /** Log scale for long histories. Default false. */
  log?: boolean;
  /** Most points drawn per line. Default 1200 (an A4 width holds fewer distinct pixels). */
  maxPoints?: number;
  /** Value axis title. Default "Value". */
  valueName?: string;
}

/** Value of the portfolio (and benchmark) over time, in money or as a growth index. */
export function equityChartOption(equity: readonly DatedValue[], opts: EquityChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  const maxPoints = opts.maxPoints ?? 1200;
  const line = (name: string, data: readonly DatedValue[], color: string | undefined, dashed = false): ChartOption => ({
    name,
    type: 'line',
    showSymbol: false,
    lineStyle: { width: 1.5, color, type: dashed ? 'dashed' : 'solid' },
    itemStyle: { color },
    data: thinSeries(data, maxPoints).map((p) => [p.date, p.value]),
  });
  const series = [line('Portfolio', equity, theme.palette[0])];
  if (opts.benchmark && opts.benchmark.length > 1) series.push(line(opts.benchmarkName ?? 'Benchmark', opts.benchmark, theme.palette[1], true));
  return {
    ...baseOption(opts, theme),
    legend: { show: series.length > 1, bottom: 0, textStyle: { color: theme.mutedText }, itemWidth: 14, itemHeight: 9 },
    grid: { left: 56, right: 20, top: opts.title ? 36 : 14, bottom: series.length > 1 ? 44 : 28 },
    xAxis: { type: 'time', ...axisStyle(theme), splitLine: { show: false } },
    yAxis: {
      type: opts.log ? 'log' : 'value',
      scale: true,
      name: opts.valueName ?? 'Value',
      nameLocation: 'middle',
      nameGap: 40,
      ...axisStyle(theme),
    },
    series,
  };
}

/** Underwater chart: drawdown from the running peak (fractions ≤ 0, shown as percent). */
export function drawdownChartOption(drawdown: readonly DatedValue[], opts: BaseChartOptions & { maxPoints?: number } = {}): ChartOption {
  const theme = themeOf(opts);
  const color = theme.palette[7] ?? '#c2255c';
  return {
    ...baseOption(opts, theme),
    grid: { left: 56, right: 20, top: opts.title ? 36 : 14, bottom: 28 },
    xAxis: { type: 'time', ...axisStyle(theme), splitLine: { show: false } },
    yAxis: {
      type: 'value',
      max: 0,
      name: 'Drawdown',
      nameLocation: 'middle',
      nameGap: 40,
      ...axisStyle(theme),
      axisLabel: { color: theme.mutedText, formatter: (v: number) => pct(v, 0) },
    },
    series: [
      {
        name: 'Drawdown',
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 1, color },
        itemStyle: { color },
        areaStyle: { color, opacity: 0.25 },
        data: thinSeries(drawdown, opts.maxPoints ?? 1200, 'min').map((p) => [p.date, p.value]),
      },
    ],
  };
}
