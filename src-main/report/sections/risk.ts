/** Risk contributions: each asset's share of portfolio variance, next to its weight. */
import { barChartHeight, riskContributionChartOption } from '../../../shared/charts/bars.js';
import { html } from '../format.js';
import { figure, section, table, topWithOthers, type SectionBuilder } from '../section-kit.js';
import { CHART_BARS } from './weights.js';
import { HELD } from './summary.js';

export const riskSection: SectionBuilder = (ctx) => {
  const rc = ctx.optimize?.diagnostics.riskContributions;
  if (!rc) return null;
  const weights = ctx.optimize?.weights ?? {};
  const entries = Object.entries(rc).filter(([t, v]) => Number.isFinite(v) && (Math.abs(v) > HELD || Math.abs(weights[t] ?? 0) > HELD));
  if (entries.length === 0) return null;
  const { fmt } = ctx;
  entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const top = topWithOthers(Object.fromEntries(entries), CHART_BARS, `Other ${Math.max(0, entries.length - CHART_BARS)}`);
  const chart = figure(
    riskContributionChartOption(top.values, { order: top.order, animation: false }),
    ctx.contentWidth,
    barChartHeight(top.order.length),
    top.truncated > 0 ? `The ${CHART_BARS} largest contributions; ${top.truncated} smaller ones are summed.` : undefined,
  );
  const rows = entries.map(([t, v]) => {
    const w = weights[t] ?? 0;
    return [t, fmt.pct(w), fmt.pct(v), Math.abs(w) > HELD ? fmt.num(v / w, 2) : '–'];
  });
  return section(
    'risk',
    html`<p>Share of portfolio variance contributed by each asset (w<sub>i</sub>·(Σw)<sub>i</sub> / wᵀΣw); a ratio above 1 means the asset adds more risk than its weight.</p>
${chart}${table(
      [{ label: 'Ticker' }, { label: 'Weight', align: 'right' }, { label: 'Risk contribution', align: 'right' }, { label: 'Risk / weight', align: 'right' }],
      rows,
    )}`,
  );
};
