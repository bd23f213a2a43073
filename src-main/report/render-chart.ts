/**
 * Server-side ECharts: turns a chart option (from shared/charts, the same builders the UI uses) into an
 * inline SVG string. Tree-shaken imports keep the load time small; animations are forced off because
 * an SSR render is a single frame.
 */
import { init, use } from 'echarts/core';
import { BarChart, CustomChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  VisualMapComponent,
} from 'echarts/components';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartOption } from '../../shared/charts/option.js';

use([
  BarChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  VisualMapComponent,
  // The shared builders use grid.containLabel and labelLayout, which ECharts 6 ships as opt-in features.
  LegacyGridContainLabel,
  LabelLayout,
  SVGRenderer,
]);

/** Renders one chart option to an SVG document string of width × height CSS pixels. */
export function renderChartSvg(option: ChartOption, width: number, height: number): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // Tooltips and pointers mean nothing on paper; dropping them also skips their SSR bookkeeping.
    const { tooltip: _tooltip, ...printable } = option;
    chart.setOption({ ...printable, animation: false });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
