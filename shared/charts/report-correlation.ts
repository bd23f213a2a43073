/** ECharts option for a correlation heatmap (report and, if wanted, the UI). */
import { axisStyle, baseOption, themeOf, type BaseChartOptions, type ChartOption } from './option.js';

export interface CorrelationChartOptions extends BaseChartOptions {
  /** Print the coefficient in each cell. Default: on up to 12 assets. */
  cellLabels?: boolean;
}

/** Heatmap of a symmetric correlation matrix (values in [-1, 1]); row i, column j = matrix[i][j]. */
export function correlationChartOption(
  tickers: readonly string[],
  matrix: readonly (readonly number[])[],
  opts: CorrelationChartOptions = {},
): ChartOption {
  const theme = themeOf(opts);
  const n = tickers.length;
  const data: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const v = matrix[i]?.[j];
      // The y axis runs bottom-up; flipping rows puts the first ticker at the top-left like a table.
      if (v !== undefined && Number.isFinite(v)) data.push([j, n - 1 - i, Math.round(v * 100) / 100]);
    }
  }
  const labelSize = n > 40 ? 6 : n > 20 ? 8 : theme.fontSize - 1;
  const showCells = opts.cellLabels ?? n <= 12;
  return {
    ...baseOption(opts, theme),
    grid: { left: 8, right: 64, top: opts.title ? 36 : 8, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: [...tickers],
      ...axisStyle(theme),
      splitArea: { show: false },
      axisLabel: { color: theme.mutedText, interval: 0, rotate: 90, fontSize: labelSize },
    },
    yAxis: {
      type: 'category',
      data: [...tickers].reverse(),
      ...axisStyle(theme),
      axisLabel: { color: theme.mutedText, interval: 0, fontSize: labelSize },
    },
    visualMap: {
      min: -1,
      max: 1,
      calculable: false,
      text: ['+1', '−1'],
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 140,
      textStyle: { color: theme.mutedText },
      inRange: { color: ['#2166ac', '#f7f7f7', '#b2182b'] },
    },
    series: [
      {
        name: 'Correlation',
        type: 'heatmap',
        data,
        label: { show: showCells, fontSize: theme.fontSize - 2, formatter: (p: { value: [number, number, number] }) => p.value[2].toFixed(2) },
      },
    ],
  };
}
