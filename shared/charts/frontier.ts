/** ECharts option for the efficient frontier: curve, single assets, marked portfolios, capital market line. */
import type { FrontierPoint, FrontierResult } from '../domain/optimize.js';
import { escapeHtml, pct, ratio } from './format.js';
import {
  axisStyle,
  baseOption,
  numbersOf,
  themeOf,
  tooltipStyle,
  type BaseChartOptions,
  type ChartEventParam,
  type ChartOption,
} from './option.js';

/** A portfolio placed on the risk/return plane (annualised fractions). */
export interface RiskReturnPoint {
  expectedReturn: number;
  volatility: number;
  sharpe?: number;
}

export interface FrontierChartOptions extends BaseChartOptions {
  /** Annual risk-free rate (fraction) for Sharpe of assets and the capital market line. Default 0. */
  rf?: number;
  /** The optimised portfolio, drawn as a large marker. */
  optimal?: RiskReturnPoint & { label?: string };
  /** The current holdings, if known. */
  current?: RiskReturnPoint & { label?: string };
  /** Mark the lowest-volatility and highest-Sharpe frontier points. Default true. */
  markExtremes?: boolean;
  /** Draw the capital market line from (0, rf) through the max-Sharpe point. Default true. */
  capitalMarketLine?: boolean;
  /** Label single assets with their ticker (off for very large universes). Default: on when ≤ 40 assets. */
  assetLabels?: boolean;
  /** Further frontiers overlaid (scenario compare). */
  overlays?: { name: string; frontier: FrontierResult }[];
}

/** Series ids, so click handlers can tell a frontier point from an asset. */
export const FRONTIER_SERIES = {
  frontier: 'frontier',
  assets: 'assets',
  optimal: 'optimal',
  current: 'current',
  minVolatility: 'min-volatility',
  maxSharpe: 'max-sharpe',
  cml: 'cml',
} as const;

function sharpeOf(p: RiskReturnPoint, rf: number): number {
  if (p.sharpe !== undefined) return p.sharpe;
  return p.volatility > 0 ? (p.expectedReturn - rf) / p.volatility : Number.NaN;
}

/** Data tuple [volatility, return, sharpe] (annualised fractions). */
function tuple(p: RiskReturnPoint, rf: number): [number, number, number] {
  return [p.volatility, p.expectedReturn, sharpeOf(p, rf)];
}

function sortedByVolatility(points: readonly FrontierPoint[]): FrontierPoint[] {
  return [...points].sort((a, b) => a.volatility - b.volatility);
}

/** Lowest-volatility and highest-Sharpe points of a frontier (undefined when empty). */
export function frontierExtremes(
  frontier: FrontierResult,
): { minVolatility?: FrontierPoint; maxSharpe?: FrontierPoint } {
  let minVolatility: FrontierPoint | undefined;
  let maxSharpe: FrontierPoint | undefined;
  for (const p of frontier.points) {
    if (!minVolatility || p.volatility < minVolatility.volatility) minVolatility = p;
    if (Number.isFinite(p.sharpe) && (!maxSharpe || p.sharpe > maxSharpe.sharpe)) maxSharpe = p;
  }
  return { minVolatility, maxSharpe };
}

/** Tooltip text for one point: name, return, volatility, Sharpe (HTML-escaped). */
export function riskReturnTooltip(param: ChartEventParam): string {
  const [vol, ret, sharpe] = numbersOf(param.value);
  const title = escapeHtml(param.name || param.seriesName || '');
  return (
    (title ? `<b>${title}</b><br/>` : '') +
    `Return ${pct(ret ?? Number.NaN)}<br/>Volatility ${pct(vol ?? Number.NaN)}<br/>Sharpe ${ratio(sharpe ?? Number.NaN)}`
  );
}

/**
 * The frontier points in the order they are plotted (by volatility); the index of a click on the
 * frontier series refers to this list.
 */
export function plottedFrontierPoints(frontier: FrontierResult): FrontierPoint[] {
  return sortedByVolatility(frontier.points);
}

/** Builds the efficient frontier chart option (x = volatility, y = expected return, both annualised). */
export function frontierChartOption(frontier: FrontierResult, opts: FrontierChartOptions = {}): ChartOption {
  const theme = themeOf(opts);
  const rf = opts.rf ?? 0;
  const points = plottedFrontierPoints(frontier);
  const assets = frontier.assets ?? [];
  const showAssetLabels = opts.assetLabels ?? assets.length <= 40;
  const series: ChartOption[] = [];
  const legend: string[] = [];

  series.push({
    id: FRONTIER_SERIES.frontier,
    name: 'Efficient frontier',
    type: 'line',
    smooth: false,
    showSymbol: true,
    symbolSize: 5,
    lineStyle: { width: 2, color: theme.palette[0] },
    itemStyle: { color: theme.palette[0] },
    data: points.map((p) => tuple(p, rf)),
    z: 2,
  });
  legend.push('Efficient frontier');

  if (assets.length > 0) {
    series.push({
      id: FRONTIER_SERIES.assets,
      name: 'Assets',
      type: 'scatter',
      symbol: 'circle',
      symbolSize: 7,
      itemStyle: { color: theme.palette[1] },
      label: {
        show: showAssetLabels,
        formatter: '{b}',
        position: 'right',
        color: theme.mutedText,
        fontSize: theme.fontSize - 1,
      },
      labelLayout: { hideOverlap: true },
      data: assets.map((a) => ({ name: a.ticker, value: tuple(a, rf) })),
      z: 3,
    });
    legend.push('Assets');
  }

  const { minVolatility, maxSharpe } = frontierExtremes(frontier);
  if (opts.markExtremes ?? true) {
    if (minVolatility) {
      series.push(marker(FRONTIER_SERIES.minVolatility, 'Min volatility', minVolatility, rf, 'triangle', theme.palette[3] ?? '#2b8a3e', 11));
      legend.push('Min volatility');
    }
    if (maxSharpe) {
      series.push(marker(FRONTIER_SERIES.maxSharpe, 'Max Sharpe', maxSharpe, rf, 'diamond', theme.palette[4] ?? '#9c36b5', 12));
      legend.push('Max Sharpe');
    }
  }

  if ((opts.capitalMarketLine ?? true) && maxSharpe && maxSharpe.volatility > 0) {
    // The CML runs from the risk-free asset through the tangency portfolio, a bit past the widest point.
    const maxVol = Math.max(
      maxSharpe.volatility,
      ...points.map((p) => p.volatility),
      ...assets.map((a) => a.volatility),
    );
    const slope = (maxSharpe.expectedReturn - rf) / maxSharpe.volatility;
    const end = maxVol * 1.05;
    series.push({
      id: FRONTIER_SERIES.cml,
      name: 'Capital market line',
      type: 'line',
      showSymbol: false,
      silent: true,
      lineStyle: { type: 'dashed', width: 1, color: theme.mutedText },
      itemStyle: { color: theme.mutedText },
      data: [
        [0, rf, slope],
        [end, rf + slope * end, slope],
      ],
      z: 1,
    });
    legend.push('Capital market line');
  }

  if (opts.current) {
    const name = opts.current.label ?? 'Current';
    series.push(marker(FRONTIER_SERIES.current, name, opts.current, rf, 'rect', theme.palette[5] ?? '#0c8599', 11));
    legend.push(name);
  }
  if (opts.optimal) {
    const name = opts.optimal.label ?? 'Optimal';
    series.push(marker(FRONTIER_SERIES.optimal, name, opts.optimal, rf, 'circle', theme.palette[2] ?? '#d9480f', 13));
    legend.push(name);
  }

  (opts.overlays ?? []).forEach((overlay, i) => {
    const color = theme.palette[(6 + i) % theme.palette.length];
    series.push({
      id: `overlay-${i}`,
      name: overlay.name,
      type: 'line',
      showSymbol: false,
      lineStyle: { width: 2, color },
      itemStyle: { color },
      data: plottedFrontierPoints(overlay.frontier).map((p) => tuple(p, rf)),
    });
    legend.push(overlay.name);
  });

  return {
    ...baseOption(opts, theme),
    legend: { data: legend, bottom: 0, textStyle: { color: theme.mutedText }, itemWidth: 14, itemHeight: 9 },
    grid: { left: 56, right: 24, top: opts.title ? 36 : 16, bottom: 56 },
    tooltip: { trigger: 'item', ...tooltipStyle(theme), formatter: riskReturnTooltip },
    xAxis: {
      type: 'value',
      name: 'Volatility (annualised)',
      nameLocation: 'middle',
      nameGap: 24,
      scale: true,
      min: 0,
      ...axisStyle(theme),
      axisLabel: { color: theme.mutedText, formatter: (v: number) => pct(v, 0) },
    },
    yAxis: {
      type: 'value',
      name: 'Expected return',
      nameLocation: 'middle',
      nameGap: 42,
      scale: true,
      ...axisStyle(theme),
      axisLabel: { color: theme.mutedText, formatter: (v: number) => pct(v, 0) },
    },
    series,
  };
}

function marker(
  id: string,
  name: string,
  p: RiskReturnPoint,
  rf: number,
  symbol: string,
  color: string,
  size: number,
): ChartOption {
  return {
    id,
    name,
    type: 'scatter',
    symbol,
    symbolSize: size,
    itemStyle: { color, borderColor: '#ffffff', borderWidth: 1 },
    data: [{ name, value: tuple(p, rf) }],
    z: 5,
  };
}
