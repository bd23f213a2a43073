/** Correlation heatmap of daily returns (the most heavily weighted assets when the universe is large). */
import { correlationChartOption } from '../../../shared/charts/report-correlation.js';
import { html } from '../format.js';
import { heatmapTickers, HEATMAP_MAX_ASSETS } from '../market-facts.js';
import { figure, section, type SectionBuilder } from '../section-kit.js';

export const correlationSection: SectionBuilder = (ctx) => {
  const corr = ctx.input.correlation;
  if (!corr || corr.tickers.length < 2) return null;
  // The service usually sends only the assets to show; a full matrix is cut down the same way here.
  const shown = heatmapTickers(corr.tickers, ctx.optimize?.weights, HEATMAP_MAX_ASSETS);
  const index = new Map(corr.tickers.map((t, i) => [t, i]));
  const picked = shown.map((t) => index.get(t)!);
  const matrix = picked.map((i) => picked.map((j) => corr.matrix[i]?.[j] ?? Number.NaN));
  const universe = Math.max(ctx.scenario.tickers.length, corr.tickers.length);
  const caption =
    shown.length < universe
      ? `Pairwise correlations of daily returns for the ${shown.length} largest holdings of ${ctx.fmt.int(universe)} assets.`
      : 'Pairwise correlations of daily returns over the data window.';
  const size = Math.min(ctx.contentWidth, 620);
  return section('correlation', html`${figure(correlationChartOption(shown, matrix, { animation: false }), size, size - 40, caption)}`);
};
