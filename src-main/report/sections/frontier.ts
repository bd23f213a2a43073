/** Efficient frontier with the chosen portfolio marked. */
import { frontierChartOption } from '../../../shared/charts/frontier.js';
import { DASH, html } from '../format.js';
import { figure, section, table, type SectionBuilder } from '../section-kit.js';

const FRONTIER_HEIGHT = 270;
/** Legend and text label of the current holdings' point. */
export const CURRENT_LABEL = 'Current portfolio';

export const frontierSection: SectionBuilder = (ctx) => {
  const frontier = ctx.frontier;
  if (!frontier || frontier.points.length < 2) return null;
  const { fmt } = ctx;
  const perf = ctx.optimize?.performance;
  const current = ctx.currentPerformance;
  const option = frontierChartOption(frontier, {
    rf: ctx.scenario.options.targets.rf,
    animation: false,
    ...(perf ? { optimal: { ...perf, label: 'Chosen portfolio' } } : {}),
    // A null Sharpe (all cash) is left for the chart to derive from rf.
    ...(current ? { current: { expectedReturn: current.expectedReturn, volatility: current.volatility, ...(current.sharpe !== null && current.sharpe !== undefined ? { sharpe: current.sharpe } : {}), label: CURRENT_LABEL } } : {}),
  });
  const chart = figure(option, ctx.contentWidth, FRONTIER_HEIGHT, 'Annualised expected return against volatility; single assets as grey points.');
  const turning = frontier.turningPoints ?? [];
  const turningTable =
    turning.length > 0
      ? html`<h3>Turning points</h3>${table(
          [{ label: '#' }, { label: 'Return', align: 'right' }, { label: 'Volatility', align: 'right' }, { label: 'Sharpe', align: 'right' }, { label: 'Holdings', align: 'right' }],
          turning.map((p, i) => [String(i + 1), fmt.pct(p.expectedReturn), fmt.pct(p.volatility), fmt.num(p.sharpe, 2), fmt.int(Object.values(p.weights).filter((w) => Math.abs(w) > 1e-6).length)]),
        )}`
      : '';
  const chosen = perf
    ? html`<p>The chosen portfolio: return ${fmt.pct(perf.expectedReturn)}, volatility ${fmt.pct(perf.volatility)}, Sharpe ${fmt.num(perf.sharpe, 2)}. The frontier spans volatility ${fmt.pct(Math.min(...frontier.points.map((p) => p.volatility)))} to ${fmt.pct(Math.max(...frontier.points.map((p) => p.volatility)))}.</p>`
    : '';
  const currentText = current
    ? html`<p>The current portfolio: return ${fmt.pct(current.expectedReturn)}, volatility ${fmt.pct(current.volatility)}, Sharpe ${current.sharpe === null || current.sharpe === undefined ? DASH : fmt.num(current.sharpe, 2)}.</p>`
    : '';
  return section('frontier', html`${chart}${chosen}${currentText}${turningTable}`);
};
