/** Correlation heatmap of daily returns (the most heavily weighted assets when the universe is large). */
import { correlationChartOption } from '../../../shared/charts/report-correlation.js';
import { html } from '../format.js';
import { figure, section, sortedWeights, type SectionBuilder } from '../section-kit.js';

/** A 30 × 30 grid is the most that stays legible on a portrait page. */
const MAX_ASSETS = 30;

export const correlationSection: SectionBuilder = (ctx) => {
  const corr = ctx.input.correlation;
  if (!corr || corr.tickers.length < 2) return null;
  let picked = corr.tickers.map((_, i) => i);
  let caption = 'Pairwise correlations of daily returns over the data window.';
  if (corr.tickers.length > MAX_ASSETS) {
    const weights = ctx.optimize?.weights ?? {};
    const rank = new Map(sortedWeights(weights).map(([t], i) => [t, i]));
    picked = picked
      .sort((a, b) => (rank.get(corr.tickers[a]!) ?? Infinity) - (rank.get(corr.tickers[b]!) ?? Infinity) || a - b)
      .slice(0, MAX_ASSETS)
      .sort((a, b) => a - b);
    caption = `Pairwise correlations of daily returns for the ${MAX_ASSETS} largest holdings of ${corr.tickers.length} assets.`;
  }
  const tickers = picked.map((i) => corr.tickers[i]!);
  const matrix = picked.map((i) => picked.map((j) => corr.matrix[i]?.[j] ?? Number.NaN));
  const size = Math.min(ctx.contentWidth, 620);
  return section('correlation', html`${figure(correlationChartOption(tickers, matrix, { animation: false }), size, size - 40, caption)}`);
};
