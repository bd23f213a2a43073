import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { FrontierResult } from '../../../shared/domain/optimize.js';
import {
  FRONTIER_SERIES,
  barCategories,
  eventParam,
  frontierChartOption,
  frontierExtremes,
  plottedFrontierPoints,
  priorPosteriorChartOption,
  riskReturnTooltip,
  weightsChartOption,
  type ChartOption,
} from '../../../shared/charts/index.js';

echarts.use([BarChart, LineChart, ScatterChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

function svgOf(option: ChartOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 400 });
  chart.setOption(option);
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** A frontier made from a two-asset mix so numbers are consistent but not hand-written. */
function twoAssetFrontier(n: number): FrontierResult {
  const [ra, rb, sa, sb, rho] = [0.05, 0.12, 0.1, 0.25, 0.2];
  const points = Array.from({ length: n }, (_, i) => {
    const w = i / (n - 1);
    const ret = (1 - w) * ra + w * rb;
    const vol = Math.sqrt((1 - w) ** 2 * sa ** 2 + w ** 2 * sb ** 2 + 2 * w * (1 - w) * rho * sa * sb);
    return { expectedReturn: ret, volatility: vol, sharpe: ret / vol, weights: { BOND: 1 - w, 'EQ<X>': w } };
  });
  // Shuffle deterministically: the builder must order by volatility itself.
  points.reverse();
  return {
    points,
    assets: [
      { ticker: 'BOND', expectedReturn: ra, volatility: sa },
      { ticker: 'EQ<X>', expectedReturn: rb, volatility: sb },
    ],
  };
}

function seriesOf(option: ChartOption): Record<string, unknown>[] {
  const s = option.series;
  return Array.isArray(s) ? s : [];
}

describe('frontierChartOption', () => {
  const frontier = twoAssetFrontier(21);

  it('plots the frontier ordered by volatility and finds its extremes', () => {
    const plotted = plottedFrontierPoints(frontier);
    for (let i = 1; i < plotted.length; i++) expect(plotted[i]!.volatility).toBeGreaterThanOrEqual(plotted[i - 1]!.volatility);
    const { minVolatility, maxSharpe } = frontierExtremes(frontier);
    expect(minVolatility!.volatility).toBe(Math.min(...frontier.points.map((p) => p.volatility)));
    expect(maxSharpe!.sharpe).toBe(Math.max(...frontier.points.map((p) => p.sharpe)));
  });

  it('has frontier, assets, markers, CML and the optimal point as series', () => {
    const optimal = { expectedReturn: 0.07, volatility: 0.095 };
    const option = frontierChartOption(frontier, { rf: 0.02, optimal, animation: false });
    const ids = seriesOf(option).map((s) => s.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        FRONTIER_SERIES.frontier,
        FRONTIER_SERIES.assets,
        FRONTIER_SERIES.minVolatility,
        FRONTIER_SERIES.maxSharpe,
        FRONTIER_SERIES.cml,
        FRONTIER_SERIES.optimal,
      ]),
    );
    const opt = seriesOf(option).find((s) => s.id === FRONTIER_SERIES.optimal)!;
    const data = opt.data;
    expect(Array.isArray(data) && eventParam(data[0]).value).toEqual([0.095, 0.07, (0.07 - 0.02) / 0.095]);
    // The CML passes through the tangency point: same slope as its Sharpe ratio with rf.
    const cml = seriesOf(option).find((s) => s.id === FRONTIER_SERIES.cml)!;
    const [start, end] = Array.isArray(cml.data) ? cml.data : [];
    const tangency = frontierExtremes(frontier).maxSharpe!;
    const slope = (end[1] - start[1]) / (end[0] - start[0]);
    expect(start[1]).toBeCloseTo(0.02, 12);
    expect(slope).toBeCloseTo((tangency.expectedReturn - 0.02) / tangency.volatility, 9);
  });

  it('renders to SVG with escaped asset labels and the legend', () => {
    const svg = svgOf(frontierChartOption(frontier, { optimal: { expectedReturn: 0.07, volatility: 0.095 }, animation: false, title: 'Test frontier' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('BOND');
    expect(svg).toContain('EQ&lt;X&gt;');
    expect(svg).not.toContain('EQ<X>');
    expect(svg).toContain('Efficient frontier');
    expect(svg).toContain('Test frontier');
  });

  it('tooltips show return, volatility and Sharpe as percent and ratio', () => {
    const text = riskReturnTooltip({ name: 'A<b>', value: [0.2, 0.1, 0.5] });
    expect(text).toContain('Return 10.00 %');
    expect(text).toContain('Volatility 20.00 %');
    expect(text).toContain('Sharpe 0.50');
    expect(text).toContain('A&#60;b&#62;');
  });

  it('works on an empty frontier without markers', () => {
    const option = frontierChartOption({ points: [] }, { animation: false });
    expect(seriesOf(option).map((s) => s.id)).toEqual([FRONTIER_SERIES.frontier]);
    expect(svgOf(option)).toContain('<svg');
  });
});

describe('weightsChartOption', () => {
  it('orders by weight, drops zero weights and draws the tickers', () => {
    const weights = { AAA: 0.1, BBB: 0.6, CCC: 0, DDD: 0.3 };
    const cats = barCategories([{ name: 'w', values: weights }], { hideBelow: 1e-6 });
    expect(cats).toEqual(['BBB', 'DDD', 'AAA']);
    const option = weightsChartOption(weights, { animation: false });
    const svg = svgOf(option);
    for (const t of cats) expect(svg).toContain(t);
    expect(svg).not.toContain('CCC');
    expect(svg).toContain('60.0 %');
  });

  it('adds the current weights as a second series', () => {
    const option = weightsChartOption({ A: 0.5, B: 0.5 }, { current: { A: 1 }, animation: false });
    expect(seriesOf(option).map((s) => s.name)).toEqual(['Optimal', 'Current']);
    const current = seriesOf(option)[1]!;
    expect(current.data).toHaveLength(2);
  });

  it('prior vs posterior keeps both series per ticker', () => {
    const option = priorPosteriorChartOption({ B: 0.05, A: 0.07 }, { A: 0.08, B: 0.04 }, { animation: false });
    const [prior, posterior] = seriesOf(option);
    // Horizontal bars list categories bottom-up, so values follow the reversed alphabetical order.
    expect(prior!.data).toEqual([0.05, 0.07]);
    expect(posterior!.data).toEqual([0.04, 0.08]);
  });
});
