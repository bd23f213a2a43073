/** Robustness to estimation error: the resampled frontier and weight bands, and the out-of-sample comparison. */
import { resampleChartOption, robustnessEquityOption } from '../../../shared/charts/robust.js';
import type { FrontierPoint } from '../../../shared/domain/optimize.js';
import type { ResampleResult } from '../../../shared/domain/robust.js';
import { DASH, html } from '../format.js';
import { figure, section, table, type SectionBuilder } from '../section-kit.js';

export const robustnessSection: SectionBuilder = (ctx) => {
  const saved = ctx.robustness;
  if (!saved || (!saved.resample && !saved.comparison)) return null;
  const { fmt } = ctx;
  const parts = [];
  const r = saved.resample;
  if (r) {
    const asResult: ResampleResult = { ...r, frontier: r.frontier satisfies FrontierPoint[], classicalFrontier: r.classicalFrontier };
    parts.push(
      html`<h3>Resampled ${r.objective ?? 'frontier'}</h3><p>${fmt.int(r.draws)} resampled estimation windows (${r.method === 'normal' ? 'normal sample moments from the estimates' : 'stationary block bootstrap of the returns'}, seed ${String(r.seed)})${r.failedDraws > 0 ? html`; ${fmt.int(r.failedDraws)} could not be solved and are left out` : ''}. The weights are averaged rank by rank and evaluated with the original estimates.</p>`,
    );
    if (r.current) parts.push(html`<p><strong>${r.current.verdict}</strong></p>`);
    if (r.frontier.length > 1) {
      parts.push(figure(resampleChartOption(asResult, { rf: ctx.scenario.options.targets.rf, animation: false }), ctx.contentWidth, 260, 'Classical and resampled frontiers; the shaded region is within the estimation noise (95 % of the resampled frontiers).'));
    }
    const rows = Object.entries(r.bands)
      .map(([t, b]) => ({ t, b, w: r.weights[t] ?? 0 }))
      .filter((x) => x.b.p95 > 1e-4 || Math.abs(x.w) > 1e-4)
      .sort((a, b) => b.w - a.w);
    parts.push(
      table(
        [{ label: 'Asset' }, { label: 'Resampled', align: 'right' }, { label: '5 %', align: 'right' }, { label: 'Median', align: 'right' }, { label: '95 %', align: 'right' }],
        rows.map((x) => [x.t, fmt.pct(x.w), fmt.pct(x.b.p5), fmt.pct(x.b.p50), fmt.pct(x.b.p95)]),
      ),
    );
  }
  const c = saved.comparison;
  if (c) {
    const cell = (x: number | null, f: (v: number) => string) => (x === null ? DASH : f(x));
    parts.push(html`<h3>Out of sample, ${c.start} to ${c.end}</h3><p>Each portfolio re-optimised on the trailing window at every rebalance, with the same costs.</p>`);
    parts.push(
      table(
        [{ label: 'Portfolio' }, { label: 'CAGR', align: 'right' }, { label: 'Volatility', align: 'right' }, { label: 'Sharpe', align: 'right' }, { label: 'Max drawdown', align: 'right' }, { label: 'Turnover', align: 'right' }, { label: 'Rebalances', align: 'right' }],
        c.rows.map((row) => [
          html`${row.strategy}<br><small>${row.description}</small>`,
          cell(row.cagr, (v) => fmt.pct(v)),
          cell(row.realisedVolatility, (v) => fmt.pct(v)),
          cell(row.sharpe, (v) => fmt.num(v, 2)),
          cell(row.maxDrawdown, (v) => fmt.pct(v)),
          cell(row.turnover, (v) => fmt.pct(v, 0)),
          `${fmt.int(row.rebalances)}${row.fallbacks > 0 ? ` (${fmt.int(row.fallbacks)} fell back)` : ''}`,
        ]),
      ),
    );
    parts.push(figure(robustnessEquityOption(c, { animation: false }), ctx.contentWidth, 220, 'Growth of 1 for each portfolio over the out-of-sample window.'));
  }
  return section('robustness', html`${parts}`);
};
