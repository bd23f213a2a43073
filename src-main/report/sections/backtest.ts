/** Backtest: equity curve vs benchmark, underwater chart, metrics, annual returns, worst drawdowns. */
import { fallbackSummary } from '../../../shared/api/backtest.js';
import { drawdownChartOption, equityChartOption, type DatedValue } from '../../../shared/charts/report-backtest.js';
import { DASH, html, type Html } from '../format.js';
import type { ReportBacktest } from '../report-input.js';
import { facts, figure, section, table, type Cell, type SectionBuilder } from '../section-kit.js';

/** Drawdown from the running peak of an equity series (fractions ≤ 0). */
export function underwater(equity: readonly DatedValue[]): DatedValue[] {
  let peak = -Infinity;
  return equity.map((p) => {
    peak = Math.max(peak, p.value);
    return { date: p.date, value: peak > 0 ? p.value / peak - 1 : 0 };
  });
}

/** The backtest's warnings, one line per group; a group's dates follow it in small print. */
function backtestWarnings(bt: ReportBacktest): Html | '' {
  const lines = bt.warnings ?? [];
  if (lines.length === 0) return '';
  const groups = bt.warningGroups;
  return html`<h3>Warnings</h3><ul class="warnings">${lines.map((line, i) => {
    const dates = groups?.[i]?.dates ?? [];
    return html`<li>${line}${dates.length > 1 ? html`<br /><span class="note">Dates: ${dates.join(', ')}</span>` : ''}</li>`;
  })}</ul>`;
}

export const backtestSection: SectionBuilder = (ctx) => {
  const bt = ctx.backtest;
  if (!bt) return null;
  const { fmt } = ctx;
  const m = bt.metrics;
  const b = m.benchmark;
  const first = bt.equity[0]!;
  const last = bt.equity[bt.equity.length - 1]!;
  const equity = figure(
    equityChartOption(bt.equity, { animation: false, ...(bt.benchmark ? { benchmark: bt.benchmark, benchmarkName: bt.benchmarkName ?? 'Benchmark' } : {}) }),
    ctx.contentWidth,
    250,
    `Portfolio value from ${first.date} to ${last.date}${bt.initialValue !== undefined ? `, starting at ${fmt.num(bt.initialValue, 0)}` : ''}${bt.rebalances ? `; ${fmt.int(bt.rebalances.length)} rebalances` : ''}.`,
  );
  const dd = figure(drawdownChartOption(bt.drawdown ?? underwater(bt.equity), { animation: false }), ctx.contentWidth, 170, 'Drawdown from the running peak.');
  // undefined: not computed, the row is left out; null: not defined for this history, printed as a dash.
  const pct = (v: number | null | undefined): Cell | null => (v === undefined ? null : v === null ? DASH : fmt.pct(v));
  const ratio = (v: number | null | undefined): Cell | null => (v === undefined ? null : v === null ? DASH : fmt.num(v, 2));
  const periodCell = (p: { period: string; return: number } | null | undefined): Cell | null => (p ? `${fmt.pct(p.return)} (${p.period})` : null);
  const rows: [string, Cell | null][] = [
    ['Rebalances that fell back', m.fallback ? html`<strong>${fallbackSummary(m.fallback)}</strong>` : null],
    ['Total return', pct(m.totalReturn)],
    ['CAGR', pct(m.cagr)],
    ['Volatility (annual)', pct(m.volatility)],
    ['Sharpe ratio', ratio(m.sharpe)],
    ['Sortino ratio', ratio(m.sortino)],
    ['Maximum drawdown', pct(m.maxDrawdown)],
    ['Calmar ratio', ratio(m.calmar)],
    ['VaR 95 % (daily loss)', pct(m.var95)],
    ['CVaR 95 % (daily loss)', pct(m.cvar95)],
    ['Best year', periodCell(m.bestYear)],
    ['Worst year', periodCell(m.worstYear)],
    ['Best month', periodCell(m.bestMonth)],
    ['Worst month', periodCell(m.worstMonth)],
    ['Turnover (one-way, per year)', pct(m.turnover)],
    ['Costs (of initial value)', pct(m.costs)],
    ['Beta vs benchmark', ratio(b?.beta)],
    ['Alpha vs benchmark (annual)', pct(b?.alpha)],
    ['Tracking error', pct(b?.trackingError)],
    ['Information ratio', ratio(b?.informationRatio)],
  ];
  const shown = rows.filter((r): r is [string, Cell] => r[1] !== null);
  const metrics = shown.length > 0 ? html`<h3>Metrics</h3>${facts(shown)}` : '';
  const annual =
    bt.annualReturns && bt.annualReturns.length > 0
      ? html`<h3>Annual returns</h3>${table([{ label: 'Year' }, { label: 'Return', align: 'right' }], bt.annualReturns.map((a) => [a.period, fmt.pct(a.return)]))}`
      : '';
  const worst = bt.drawdowns
    .slice()
    .sort((x, y) => x.depth - y.depth)
    .slice(0, 5);
  const drawdowns =
    worst.length > 0
      ? html`<h3>Worst drawdowns</h3>${table(
          [{ label: 'Start', nowrap: true }, { label: 'Trough', nowrap: true }, { label: 'Recovery', nowrap: true }, { label: 'Depth', align: 'right' }, { label: 'Length (days)', align: 'right' }],
          worst.map((d) => [d.start, d.trough, d.end ?? 'not recovered', fmt.pct(-Math.abs(d.depth)), d.length === undefined ? '–' : fmt.int(d.length)]),
        )}`
      : '';
  return section('backtest', html`${equity}${dd}${backtestWarnings(bt)}${metrics}${drawdowns}${annual}`);
};
