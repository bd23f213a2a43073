/** ECharts options for the option book: revaluation heat map, P&L vs spot (today, expiry), hedging cost vs frequency. */
import { axisStyle, baseOption, themeOf, tooltipStyle, type BaseChartOptions, type ChartOption } from './option.js';

const pctLabel = (x: number): string => `${x > 0 ? '+' : ''}${Math.round(x * 100)} %`;
const ptLabel = (x: number): string => `${x > 0 ? '+' : ''}${Math.round(x * 100)} pt`;

/** Heat map of P&L (money) over spot moves (x) × vol moves (y); pnl[v][s]. Losses red, gains blue. */
export function optionsGridChartOption(spotShifts: readonly number[], volShifts: readonly number[], pnl: readonly (readonly number[])[], opts: BaseChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  const data: [number, number, number][] = [];
  let extent = 0;
  pnl.forEach((row, v) =>
    row.forEach((x, s) => {
      data.push([s, v, Math.round(x)]);
      extent = Math.max(extent, Math.abs(x));
    }),
  );
  extent = extent > 0 ? extent : 1;
  return {
    ...baseOption(opts, theme),
    tooltip: {
      ...tooltipStyle(theme),
      formatter: (p: { value: [number, number, number] }) => `spot ${pctLabel(spotShifts[p.value[0]] ?? 0)}, vol ${ptLabel(volShifts[p.value[1]] ?? 0)}: P&L ${p.value[2].toLocaleString('en-US')}`,
    },
    grid: { left: 56, right: 80, top: opts.title ? 36 : 10, bottom: 40 },
    xAxis: { type: 'category', name: 'spot move', nameLocation: 'middle', nameGap: 26, data: spotShifts.map(pctLabel), ...axisStyle(theme), splitArea: { show: false } },
    yAxis: { type: 'category', name: 'vol move', data: volShifts.map(ptLabel), ...axisStyle(theme) },
    visualMap: {
      min: -extent,
      max: extent,
      calculable: false,
      orient: 'vertical',
      right: 0,
      top: 'middle',
      itemHeight: 140,
      textStyle: { color: theme.mutedText },
      inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] },
    },
    series: [{ name: 'P&L', type: 'heatmap', data, progressive: 0 }],
  };
}

/** P&L (money) vs spot move: today (model) and at each option's expiry (payoff). */
export function optionsPayoffChartOption(payoff: readonly { spotShift: number; today: number; expiry: number }[], opts: BaseChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  return {
    ...baseOption(opts, theme),
    tooltip: { trigger: 'axis', ...tooltipStyle(theme) },
    legend: { data: ['today', 'at expiry'], top: opts.title ? 24 : 0, right: 0, textStyle: { color: theme.mutedText } },
    grid: { left: 64, right: 16, top: opts.title ? 52 : 28, bottom: 40 },
    xAxis: { type: 'value', name: 'spot move', nameLocation: 'middle', nameGap: 26, ...axisStyle(theme), axisLabel: { color: theme.mutedText, formatter: pctLabel } },
    yAxis: { type: 'value', name: 'P&L', ...axisStyle(theme) },
    series: [
      { name: 'today', type: 'line', symbol: 'none', data: payoff.map((p) => [p.spotShift, Math.round(p.today * 100) / 100]) },
      { name: 'at expiry', type: 'line', symbol: 'none', lineStyle: { type: 'dashed' }, data: payoff.map((p) => [p.spotShift, Math.round(p.expiry * 100) / 100]) },
    ],
  };
}

/** Mean hedging cost and the spread of the hedging error (money) vs re-hedges per year. */
export function hedgeCostChartOption(curve: readonly { hedgesPerYear: number; meanCost: number; stdHedgeError: number }[], opts: BaseChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  return {
    ...baseOption(opts, theme),
    tooltip: { trigger: 'axis', ...tooltipStyle(theme) },
    legend: { data: ['mean cost', 'std of hedging error'], top: opts.title ? 24 : 0, right: 0, textStyle: { color: theme.mutedText } },
    grid: { left: 64, right: 16, top: opts.title ? 52 : 28, bottom: 40 },
    xAxis: { type: 'log', name: 're-hedges per year', nameLocation: 'middle', nameGap: 26, ...axisStyle(theme) },
    yAxis: { type: 'value', name: 'money', ...axisStyle(theme) },
    series: [
      { name: 'mean cost', type: 'line', data: curve.map((c) => [c.hedgesPerYear, Math.round(c.meanCost * 100) / 100]) },
      { name: 'std of hedging error', type: 'line', data: curve.map((c) => [c.hedgesPerYear, Math.round(c.stdHedgeError * 100) / 100]) },
    ],
  };
}
