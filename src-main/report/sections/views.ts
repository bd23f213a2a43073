/** Black-Litterman: the views, their confidences, and prior vs posterior expected returns. */
import { priorPosteriorChartOption } from '../../../shared/charts/bars.js';
import { barChartHeight } from '../../../shared/charts/bars.js';
import type { View } from '../../../shared/domain/optimize.js';
import { html } from '../format.js';
import { facts, figure, section, table, topWithOthers, type SectionBuilder } from '../section-kit.js';

const CHART_ASSETS = 30;

function describeView(v: View): string {
  if ('asset' in v) return `${v.asset} returns`;
  const short = v.short.length > 0 ? ` over ${v.short.join(' + ')}` : '';
  return `${v.long.join(' + ')}${short} ${v.short.length > 0 ? 'outperforms by' : 'returns'}`;
}

export const viewsSection: SectionBuilder = (ctx) => {
  const bl = ctx.scenario.options.blackLitterman;
  const prior = ctx.optimize?.prior;
  const posterior = ctx.optimize?.posterior;
  const hasViews = (bl?.views.length ?? 0) > 0;
  const hasReturns = prior !== undefined && posterior !== undefined && Object.keys(prior).length > 0;
  if (!hasViews && !hasReturns) return null;
  const { fmt } = ctx;
  const parts = [];
  if (bl) {
    const priorLabel = typeof bl.prior === 'string' ? bl.prior : 'explicit returns';
    parts.push(
      facts([
        ['Prior', priorLabel],
        ['τ (tau)', fmt.num(bl.tau, 3)],
        ['Uncertainty of views (Ω)', bl.omega === 'idzorek' ? "Idzorek's method from confidences" : 'proportional to the prior variance, diag(τ·P·Σ·Pᵀ)'],
        bl.riskAversion !== undefined ? ['Risk aversion δ', bl.riskAversion === 'market' ? `implied from ${bl.marketTicker ?? 'the market series'}` : fmt.num(bl.riskAversion, 2)] : null,
      ]),
    );
  }
  if (hasViews && bl) {
    parts.push(
      html`<h3>Views</h3>${table(
        [{ label: 'View' }, { label: 'Return (annual)', align: 'right' }, { label: 'Confidence', align: 'right' }],
        bl.views.map((v) => [describeView(v), fmt.pct(v.return), v.confidence === undefined ? '–' : fmt.pct(v.confidence, 0)]),
      )}`,
    );
  }
  if (hasReturns) {
    const tickers = Object.keys(prior).sort();
    parts.push(
      html`<h3>Prior vs posterior expected returns</h3>${table(
        [{ label: 'Ticker' }, { label: 'Prior', align: 'right' }, { label: 'Posterior', align: 'right' }, { label: 'Change', align: 'right' }],
        tickers.map((t) => [t, fmt.pct(prior[t]!), fmt.pct(posterior[t] ?? Number.NaN), fmt.pctSigned((posterior[t] ?? Number.NaN) - prior[t]!)]),
      )}`,
    );
    // Chart the assets the views moved most; a 100-bar chart would not fit a page.
    const moved = topWithOthers(Object.fromEntries(tickers.map((t) => [t, (posterior[t] ?? 0) - prior[t]!])), CHART_ASSETS);
    const keys = moved.order.filter((k) => k in prior);
    const pick = (r: Record<string, number>) => Object.fromEntries(keys.map((k) => [k, r[k] ?? 0]));
    parts.push(
      figure(
        priorPosteriorChartOption(pick(prior), pick(posterior), { order: keys, animation: false }),
        ctx.contentWidth,
        barChartHeight(keys.length, 2),
        moved.truncated > 0 ? `The ${keys.length} assets whose expected return moved most.` : undefined,
      ),
    );
  }
  return section('views', html`${parts}`);
};
